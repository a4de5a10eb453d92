/** A1-style addresses: the only coordinate language shared by the core and both adapters. */

export interface CellPos {
  /** 0-based row index */
  row: number;
  /** 0-based column index */
  col: number;
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) throw new Error(`不是列标：${letters}`);
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

export function cellAddress(pos: CellPos): string {
  return `${columnLetters(pos.col)}${pos.row + 1}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

export function parseCell(address: string): CellPos {
  const m = CELL_RE.exec(address.trim());
  if (!m) throw new Error(`无法识别的单元格地址：${address}`);
  const pos = { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
  if (pos.row < 0 || pos.row >= MAX_ROWS || pos.col >= MAX_COLUMNS) {
    throw new Error(`单元格地址超出工作表范围：${address}`);
  }
  return pos;
}

/** "B3:D9" or "B3" → area; tolerant of "$" and a reversed corner order. */
export function parseArea(address: string): Area {
  const bare = stripSheet(address);
  const [a, b] = bare.split(":");
  const p = parseCell(a);
  const q = b === undefined ? p : parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function areaAddress(area: Area): string {
  const tl = cellAddress({ row: area.top, col: area.left });
  if (area.top === area.bottom && area.left === area.right) return tl;
  return `${tl}:${cellAddress({ row: area.bottom, col: area.right })}`;
}

export function areaSize(area: Area): { rows: number; columns: number } {
  return { rows: area.bottom - area.top + 1, columns: area.right - area.left + 1 };
}

export function areaContains(area: Area, pos: CellPos): boolean {
  return pos.row >= area.top && pos.row <= area.bottom && pos.col >= area.left && pos.col <= area.right;
}

export function areasOverlap(a: Area, b: Area): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function* areaCells(area: Area): Generator<CellPos> {
  for (let row = area.top; row <= area.bottom; row++) {
    for (let col = area.left; col <= area.right; col++) yield { row, col };
  }
}

/** Quote a sheet name for use in a formula or reference: 'Sheet 1'!A1. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, address: string): string {
  return `${quoteSheet(sheet)}!${address}`;
}

/** Split "'My sheet'!A1:B2" → { sheet: "My sheet", address: "A1:B2" }. */
export function splitQualified(ref: string): { sheet?: string; address: string } {
  const i = ref.lastIndexOf("!");
  if (i < 0) return { address: ref };
  let sheet = ref.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(i + 1) };
}

function stripSheet(address: string): string {
  return splitQualified(address).address;
}

/** Characters Excel forbids in sheet names, and its length limit. */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0) return "工作表名不能为空";
  if (name.length > 31) return `工作表名“${name}”超过 31 个字符`;
  if (/[:\\/?*[\]]/.test(name)) return `工作表名“${name}”含有不允许的字符 : \\ / ? * [ ]`;
  if (name.startsWith("'") || name.endsWith("'")) return `工作表名“${name}”不能以单引号开头或结尾`;
  return undefined;
}
