/**
 * Blank templates: a table definition and options → a WritePlan that lays the table out exactly
 * as published, with live formulas for every total the rules define, input validation, locked
 * formula cells, frozen headers and print setup.
 */
import { Area, areaAddress, cellAddress, columnLetters, parseCell, sheetNameProblem } from "../address";
import { CellValue } from "../grid";
import { ColumnDef, Profile, TableDef } from "../../catalog/tables/types";
import { Rule } from "../../catalog/rules/types";
import { Item, TableInstance, codeLevel, itemCell, itemsOfRow, splitColumnKey } from "./instance";
import { CellOfItem, relationsOf } from "./relations";
import { PlanOp, WritePlan } from "../plan";

export interface TemplateOptions {
  /** 部门 name printed on the meta line */
  dept: string;
  year: number;
  /** sheet to create (defaults to the table number, e.g. "公开01表") */
  sheet?: string;
  /** 科目 rows to pre-fill in coded tables, in print order */
  subjects?: { code: string; name: string }[];
  /** blank 科目 rows after the pre-filled ones (defaults to the table's own number) */
  blankRows?: number;
  /** first sheet row (0-based) of the block; several tables can share a sheet */
  top?: number;
  /** regional numbering of the 表号 (甘肃 by default, as the spec lays out) */
  profile?: Profile;
}

/** The 表号 a table carries in a regional profile. */
export function tableNumber(table: TableDef, profile?: Profile): string {
  return (profile && table.numbers?.[profile]) || table.number;
}

export interface Template {
  plan: WritePlan;
  instance: TableInstance;
}

const AMOUNT_FORMAT = "#,##0.00";
/** formulas on empty 科目 lines show nothing rather than 0.00 */
const OPEN_ROW_FORMAT = "#,##0.00;-#,##0.00;";
const BASE_FONT = { name: "宋体", size: 10 };
const HEADER_FILL = "#F2F2F2";
const TITLE_ROWS = 3;

/** Header cells by level, with the merged blocks a printed multi-level header has. */
export function headerLayout(columns: ColumnDef[]): { depth: number; labels: string[][]; merges: Area[] } {
  const depth = Math.max(...columns.map((c) => c.header.length));
  const labels: string[][] = Array.from({ length: depth }, () => columns.map(() => ""));
  const merges: Area[] = [];
  for (let level = 0; level < depth; level++) {
    let i = 0;
    while (i < columns.length) {
      const path = columns[i].header;
      if (path.length <= level) {
        i++; // covered by a vertical merge from above
        continue;
      }
      const prefix = path.slice(0, level + 1).join("\u0000");
      const isLast = path.length === level + 1;
      let j = i;
      while (
        j + 1 < columns.length &&
        columns[j + 1].header.length > level &&
        columns[j + 1].header.slice(0, level + 1).join("\u0000") === prefix &&
        (columns[j + 1].header.length === level + 1) === isLast &&
        !isLast // leaf labels never merge sideways: each names its own column
      ) {
        j++;
      }
      labels[level][i] = path[level];
      const bottom = isLast ? depth - 1 : level;
      if (j > i || bottom > level) merges.push({ top: level, left: i, bottom, right: j });
      i = j + 1;
    }
  }
  return { depth, labels, merges };
}

function shift(a: Area, rows: number, cols = 0): Area {
  return { top: a.top + rows, bottom: a.bottom + rows, left: a.left + cols, right: a.right + cols };
}

/** "=SUM(C5:C12)" for a contiguous positive run, "=C5+C9-C12" otherwise. */
export function sumFormula(cells: { address: string; row: number; col: number; sign: 1 | -1 }[]): string {
  if (cells.length === 0) return "=0";
  const allPositive = cells.every((c) => c.sign === 1);
  const sameCol = cells.every((c) => c.col === cells[0].col);
  const sameRow = cells.every((c) => c.row === cells[0].row);
  const contiguous =
    cells.length > 2 && ((sameCol && cells.every((c, i) => c.row === cells[0].row + i)) || (sameRow && cells.every((c, i) => c.col === cells[0].col + i)));
  if (allPositive && contiguous) return `=SUM(${cells[0].address}:${cells[cells.length - 1].address})`;
  return "=" + cells.map((c, i) => `${c.sign === -1 ? "-" : i === 0 ? "" : "+"}${c.address}`).join("");
}

/** Formula for every total cell the rules define; the first rule to claim a cell wins. */
export function templateFormulas(inst: TableInstance, rules: Rule[]): Map<string, string> {
  const formulas = new Map<string, string>();
  const at = (c: CellOfItem) => ({ address: itemCell(c.item, c.col)!, row: c.item.row, col: c.item.cols[c.col] });
  for (const rule of [...rules].sort((a, b) => order(a) - order(b))) {
    for (const rel of relationsOf(inst, rule)) {
      const total = at(rel.total);
      if (formulas.has(total.address)) continue;
      if (rel.overClasses) {
        // 合计 = Σ 类 rows, whatever 科目 lines the accountant adds below (never itself)
        const codeCol = inst.items.find((it) => it.cols.code !== undefined)?.cols.code;
        if (codeCol === undefined) continue;
        const last = Math.max(...inst.items.map((it) => it.row)) + 1;
        const range = (col: number) => `${columnLetters(col)}${total.row + 2}:${columnLetters(col)}${last}`;
        formulas.set(total.address, `=SUMPRODUCT((LEN(${range(codeCol)})=3)*(${range(total.col)}))`);
      } else if (rel.overList) {
        // 合计 = every row below it, the blank ones the accountant fills in included
        const last = Math.max(...inst.items.map((it) => it.row)) + 1;
        if (last <= total.row + 1) continue;
        formulas.set(total.address, `=SUM(${columnLetters(total.col)}${total.row + 2}:${columnLetters(total.col)}${last})`);
      } else {
        formulas.set(total.address, sumFormula(rel.terms.map((t) => ({ ...at(t), sign: t.sign }))));
      }
    }
  }
  return formulas;
}

/** Row-wise totals first (合计 columns), then fixed sums, then the 科目 hierarchy. */
function order(r: Rule): number {
  return r.kind === "rowSum" ? 0 : r.kind === "sum" ? 1 : r.kind === "hierarchy" || r.kind === "listSum" ? 2 : 3;
}

export class TemplateError extends Error {}

/**
 * The 科目 lines for the codes an accountant asks for, with their 类 and 款 added above them, in
 * print order, named from the year's dictionary.
 */
export function subjectLines(codes: string[], year: number, dictionaries: Record<number, ReadonlyMap<string, string>>): { code: string; name: string }[] {
  const dict = dictionaries[year];
  if (!dict) throw new TemplateError(`没有 ${year} 年度的科目字典（可用：${Object.keys(dictionaries).join("、")}）`);
  const wanted = new Set<string>();
  for (const raw of codes) {
    const code = raw.trim();
    if (!/^\d{3}(\d{2}){0,2}$/.test(code)) throw new TemplateError(`科目代码“${raw}”应为 3、5 或 7 位数字`);
    if (!dict.has(code)) throw new TemplateError(`科目代码 ${code} 不在 ${year} 年度的科目字典中`);
    for (const len of [3, 5, 7]) if (code.length >= len) wanted.add(code.slice(0, len));
  }
  return [...wanted].sort().map((code) => ({ code, name: dict.get(code) ?? "" }));
}

export function templatePlan(table: TableDef, rules: Rule[], options: TemplateOptions): Template {
  const number = tableNumber(table, options.profile);
  const sheet = options.sheet ?? number;
  const problem = sheetNameProblem(sheet);
  if (problem) throw new TemplateError(problem);
  if (!Number.isInteger(options.year) || options.year < 2000 || options.year > 2100) throw new TemplateError(`年度“${options.year}”无效`);
  const top = options.top ?? 0;
  const ncols = table.columns.length;
  const lastCol = ncols - 1;
  const ops: PlanOp[] = [];
  const colIndex = new Map(table.columns.map((c, i) => [c.key, i]));

  // title block: heading, 部门 and 表号, 年度 and 金额单位
  const title = table.title;
  const half = Math.max(0, Math.floor(ncols / 2) - 1);
  const blockValues: CellValue[][] = [];
  const row = (cells: Record<number, CellValue>) => Array.from({ length: ncols }, (_, i) => (i in cells ? cells[i] : null));
  blockValues.push(row({ 0: title }));
  blockValues.push(row({ 0: `部门：${options.dept}`, [lastCol]: number }));
  blockValues.push(row({ [Math.min(half + 1, lastCol)]: `${options.year}年度`, [lastCol]: `金额单位：${table.unit}` }));

  // headers
  const header = headerLayout(table.columns);
  for (const labels of header.labels) blockValues.push(labels.map((l) => l || null));
  const headerTop = top + TITLE_ROWS;
  const merges: Area[] = header.merges.map((m) => shift(m, headerTop));
  const hasLanci = table.columns.some((c) => c.lanci);
  if (hasLanci) {
    const lanciRow: CellValue[] = table.columns.map((c) => c.lanci ?? null);
    // "栏次" over each run of non-amount columns (code+name, 项目+行次)
    let i = 0;
    while (i < ncols) {
      if (table.columns[i].lanci) {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < ncols && !table.columns[j + 1].lanci) j++;
      lanciRow[i] = "栏次";
      if (j > i) merges.push({ top: headerTop + header.depth, bottom: headerTop + header.depth, left: i, right: j });
      i = j + 1;
    }
    blockValues.push(lanciRow);
  }
  const dataTop = top + blockValues.length;

  // data rows: fixed rows, then pre-filled 科目 lines, then blank lines
  const items: Item[] = [];
  const rowCells: Record<string, string | number>[] = [];
  for (const f of table.fixedRows) {
    items.push(...itemsOfRow(table, f.cells, dataTop + rowCells.length, colIndex, f));
    rowCells.push(f.cells);
  }
  if (table.openRows) {
    for (const s of options.subjects ?? []) {
      const cells = { code: s.code, name: s.name };
      items.push(...itemsOfRow(table, cells, dataTop + rowCells.length, colIndex));
      rowCells.push(cells);
    }
    const blanks = options.blankRows ?? table.openRows.blankRows;
    for (let i = 0; i < blanks; i++) {
      items.push({ row: dataTop + rowCells.length, cols: Object.fromEntries(table.columns.map((c, k) => [splitColumnKey(c.key)[1], k])) });
      rowCells.push({});
    }
  }
  for (const cells of rowCells) blockValues.push(table.columns.map((c) => cells[c.key] ?? null));
  const dataBottom = dataTop + rowCells.length - 1;
  const noteRow = dataBottom + 1;
  blockValues.push(row({ 0: table.note }));

  const area: Area = { top, left: 0, bottom: noteRow, right: lastCol };
  const instance: TableInstance = { table, sheet, area, dataTop, items };
  const formulas = templateFormulas(instance, rules);

  // a fixed row's label spans its empty neighbours in 06表's 合计 line
  for (const f of table.fixedRows) {
    for (const it of f.items ?? []) {
      const from = colIndex.get(it.cols.label)!;
      const to = colIndex.get(it.cols.amount)! - 1;
      const r = items.find((x) => x.key === it.key)!.row;
      if (to > from) merges.push({ top: r, bottom: r, left: from, right: to });
    }
  }

  const amountCols = table.columns.map((c, i) => (c.kind === "amount" ? i : -1)).filter((i) => i >= 0);
  const dataArea = (cols: number[]) => cols.map((c) => areaAddress({ top: dataTop, bottom: dataBottom, left: c, right: c }));

  ops.push({ op: "setValues", sheet, address: areaAddress({ top, left: 0, bottom: noteRow, right: lastCol }), values: blockValues });
  ops.push({ op: "font", sheet, addresses: [areaAddress({ top, left: 0, bottom: noteRow, right: lastCol })], font: BASE_FONT });
  for (const [address, formula] of formulas) ops.push({ op: "setFormulas", sheet, address, formulas: [[formula]] });

  // title block looks
  ops.push({ op: "merge", sheet, address: areaAddress({ top, left: 0, bottom: top, right: lastCol }) });
  ops.push({ op: "font", sheet, addresses: [cellAddress({ row: top, col: 0 })], font: { bold: true, size: 16 } });
  ops.push({ op: "alignment", sheet, address: cellAddress({ row: top, col: 0 }), horizontal: "center", vertical: "middle" });
  if (half > 0) ops.push({ op: "merge", sheet, address: areaAddress({ top: top + 1, left: 0, bottom: top + 1, right: half }) });
  ops.push({ op: "alignment", sheet, address: areaAddress({ top: top + 1, left: lastCol, bottom: top + 2, right: lastCol }), horizontal: "right" });
  ops.push({ op: "alignment", sheet, address: cellAddress({ row: top + 2, col: Math.min(half + 1, lastCol) }), horizontal: "center" });

  // headers
  for (const m of merges) ops.push({ op: "merge", sheet, address: areaAddress(m) });
  const headerArea = { top: headerTop, left: 0, bottom: dataTop - 1, right: lastCol };
  ops.push({ op: "alignment", sheet, address: areaAddress(headerArea), horizontal: "center", vertical: "middle", wrapText: true });
  ops.push({ op: "font", sheet, addresses: [areaAddress(headerArea)], font: { bold: true } });
  ops.push({ op: "fill", sheet, addresses: [areaAddress(headerArea)], color: HEADER_FILL });
  ops.push({ op: "borders", sheet, address: areaAddress({ top: headerTop, left: 0, bottom: dataBottom, right: lastCol }), style: "thin" });

  // amounts: format, validation on inputs, unlocked inputs
  if (amountCols.length) ops.push(...dataArea(amountCols).map((address): PlanOp => ({ op: "numberFormat", sheet, address, format: AMOUNT_FORMAT })));
  const openTop = dataTop + table.fixedRows.length;
  if (table.openRows && dataBottom >= openTop) {
    for (const c of amountCols)
      ops.push({ op: "numberFormat", sheet, address: areaAddress({ top: openTop, bottom: dataBottom, left: c, right: c }), format: OPEN_ROW_FORMAT });
  }
  const inputCells = items.flatMap((it) =>
    Object.entries(it.cols)
      .filter(([k]) => table.columns[it.cols[k]]?.kind === "amount")
      .map(([k]) => itemCell(it, k)!)
      .filter((a) => !formulas.has(a)),
  );
  const openLabelCells =
    table.openRows && dataBottom >= openTop
      ? table.columns
          .map((c, i) => (c.kind === "code" || c.kind === "label" || c.kind === "text" ? i : -1))
          .filter((i) => i >= 0)
          .map((i) => areaAddress({ top: openTop, bottom: dataBottom, left: i, right: i }))
      : [];
  for (const group of groupRuns(inputCells)) {
    ops.push({
      op: "dataValidation",
      sheet,
      address: group,
      rule: table.nonNegative ? { type: "decimal", min: 0 } : { type: "decimal" },
      message: table.nonNegative ? "请输入不小于 0 的金额（单位：" + table.unit + "）" : "请输入金额（单位：" + table.unit + "）",
    });
    ops.push({ op: "locked", sheet, address: group, locked: false });
  }
  for (const a of openLabelCells) ops.push({ op: "locked", sheet, address: a, locked: false });
  // 合计 rows stand out as in print
  const totalRows = items.filter((it) => it.key === "total" || /合计|总计/.test(it.label ?? "")).map((it) => it.row);
  if (totalRows.length) {
    ops.push({
      op: "font",
      sheet,
      addresses: [...new Set(totalRows)].map((r) => areaAddress({ top: r, bottom: r, left: 0, right: lastCol })),
      font: { bold: true },
    });
  }
  // level-1 科目 lines bold like the published tables
  const classRows = items.filter((it) => it.code && codeLevel(it.code) === 1 && table.layout === "coded_rows").map((it) => it.row);
  if (classRows.length)
    ops.push({ op: "font", sheet, addresses: classRows.map((r) => areaAddress({ top: r, bottom: r, left: 0, right: 1 })), font: { bold: true } });

  ops.push({ op: "merge", sheet, address: areaAddress({ top: noteRow, left: 0, bottom: noteRow, right: lastCol }) });
  ops.push({ op: "alignment", sheet, address: cellAddress({ row: noteRow, col: 0 }), wrapText: true, vertical: "top" });
  const widths = table.columns.map((c) => c.width ?? (c.kind === "amount" ? 14 : 12));
  ops.push({ op: "columnWidth", sheet, columns: widths.map((width, i) => ({ column: columnLetters(i), width })) });
  // wrapped header labels and the note need taller rows
  const heights = header.labels.map((labels, level) => ({
    row: headerTop + level + 1,
    height: LINE_HEIGHT * Math.max(1, ...labels.map((l, i) => linesNeeded(l, spanWidth(header.merges, level, i, widths)))),
  }));
  heights.push({
    row: noteRow + 1,
    height:
      LINE_HEIGHT *
      linesNeeded(
        table.note,
        widths.reduce((a, b) => a + b, 0),
      ),
  });
  ops.push({ op: "rowHeight", sheet, rows: heights.filter((h) => h.height > LINE_HEIGHT) });
  if (top === 0) {
    const freezeCols = table.layout === "coded_rows" ? 2 : 0;
    ops.push({ op: "freeze", sheet, rows: dataTop, columns: freezeCols });
    // each standard table on one A4 page, centred, numbered, figures black as printed
    ops.push({
      op: "printSetup",
      sheet,
      orientation: "landscape",
      fitToWidth: true,
      onePage: true,
      centered: true,
      pageNumbers: true,
      titleRows: { first: headerTop + 1, last: dataTop },
    });
  }
  return { plan: { ops }, instance };
}

const LINE_HEIGHT = 14.25;

/** Lines a label wraps to in a column of `width` characters (a CJK character is two wide). */
function linesNeeded(label: string, width: number): number {
  const units = [...label].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  return Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
}

/** Width of the header block starting at (level, col): its merge's columns, or the column alone. */
function spanWidth(merges: Area[], level: number, col: number, widths: number[]): number {
  const m = merges.find((x) => x.top === level && x.left === col);
  const right = m ? m.right : col;
  return widths.slice(col, right + 1).reduce((a, b) => a + b, 0);
}

/** Input cells grouped into vertical runs ("C7:C12"), so validation and locking stay few ops. */
function groupRuns(addresses: string[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const a of addresses) {
    const p = parseCell(a);
    byCol.set(p.col, [...(byCol.get(p.col) ?? []), p.row]);
  }
  const out: string[] = [];
  for (const [col, rows] of byCol) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i === rows.length || rows[i] !== rows[i - 1] + 1) {
        out.push(areaAddress({ top: start, bottom: rows[i - 1], left: col, right: col }));
        start = rows[i];
      }
    }
  }
  return out;
}

/** A workbook of templates: each table on its own sheet, protected; names never overwrite. */
export function workbookTemplatePlan(
  tables: TableDef[],
  rulesOf: (t: TableDef) => Rule[],
  options: Omit<TemplateOptions, "sheet" | "top">,
  existingSheets: string[] = [],
): { plan: WritePlan; instances: TableInstance[] } {
  const taken = new Set(existingSheets.map((s) => s.toLowerCase()));
  const ops: PlanOp[] = [];
  const instances: TableInstance[] = [];
  for (const t of tables) {
    const number = tableNumber(t, options.profile);
    let sheet = number;
    for (let n = 2; taken.has(sheet.toLowerCase()); n++) sheet = `${number}(${n})`;
    taken.add(sheet.toLowerCase());
    const { plan, instance } = templatePlan(t, rulesOf(t), { ...options, sheet });
    ops.push({ op: "addSheet", sheet }, ...plan.ops, { op: "protect", sheet });
    instances.push(instance);
  }
  return { plan: { ops }, instances };
}
