/**
 * A table's header read by its meaning, whatever the province prints: where the header band starts
 * (meta lines above it are skipped) and ends (at the first data row or an optional 栏次 row), each
 * sheet column's header path (merged or unmerged parents, at any depth), and which sheet column is
 * which column of the catalog's table — by 栏次 where printed, by header labels otherwise.
 * 科目编码 may be one column or split in 类 | 款 | 项; 06表's panels may be two or three.
 */
import type { SheetView } from "../sheet";
import { ColumnDef, TableDef } from "../../catalog/tables/types";
import { norm, stripOrdinal } from "../label";
import { splitColumnKey } from "./instance";

export interface HeaderMap {
  /** table column key → sheet column */
  colIndex: Map<string, number>;
  /** a code column printed split as 类 | 款 | 项: its sheet columns, 类 first */
  codeParts: Map<string, number[]>;
  /** first data row */
  dataTop: number;
  /** the sheet prints a 栏次 row */
  lanciPrinted: boolean;
}

/** Labels the wild prints for the same column. */
const ALIASES: Record<string, string[]> = {
  科目代码: ["科目编码", "功能分类科目编码", "经济分类科目编码", "代码", "科目代"],
  科目名称: ["功能分类科目名称", "名称"],
  金额: ["决算数", "年度决算数"],
  项目: ["项目名称"],
  行次: ["行"],
  小计: ["合计"],
  合计: ["小计"],
  // 上海's 2024 三公 table prints the short names
  公务用车购置及运行维护费: ["公务用车购置及运行费"],
  公务用车运行维护费: ["公务用车运行费"],
};

/** Labels that structure a header without being a column of their own. */
const STRUCTURAL = new Set([
  "类",
  "款",
  "项",
  "栏次",
  "行次",
  "项目",
  "科目编码",
  "科目代码",
  "科目名称",
  "金额",
  "决算数",
  "功能分类科目编码",
  "支出功能分类科目编码",
  "经济分类科目编码",
]);
const CODE_PARTS = ["类", "款", "项"];

/** How well a printed label names a catalog label: 3 equal, 2 begins with it or holds it, 1 abbreviates it, 0 not at all. */
function labelScore(printed: string, label: string): number {
  if (!printed) return 0;
  if (printed === label) return 3;
  if (printed.startsWith(label) || (label.length >= 3 && printed.includes(label))) return 2;
  if (printed.length >= 2 && label.startsWith(printed)) return 1;
  return 0;
}

function namesOf(label: string): string[] {
  const n = norm(label);
  return [n, ...(ALIASES[n] ?? []).map(norm)];
}

const bestScore = (printed: string, label: string) => Math.max(...namesOf(label).map((n) => labelScore(printed, n)));

interface Vocabulary {
  /** every header label of the table and their aliases */
  labels: string[];
  exact: Set<string>;
  /** labels of the table's fixed rows (合计, 人员经费合计 …), some of them column headers too */
  rowLabels: Set<string>;
}

const vocabularies = new WeakMap<TableDef, Vocabulary>();
function vocabularyOf(table: TableDef): Vocabulary {
  let v = vocabularies.get(table);
  if (!v) {
    const labels = [...new Set(table.columns.flatMap((c) => c.header.flatMap(namesOf)))];
    const rowLabels = new Set<string>();
    for (const f of table.fixedRows)
      for (const x of Object.values(f.cells)) if (typeof x === "string" && !/^\d+$/.test(x)) rowLabels.add(stripOrdinal(norm(x)));
    rowLabels.delete("");
    v = { labels, exact: new Set([...labels, ...STRUCTURAL]), rowLabels };
    vocabularies.set(table, v);
  }
  return v;
}

const AMOUNT_TEXT = /^[-+]?[\d,，]*\d\.\d+$|^[-+]?\d{1,3}([,，]\d{3})+(\.\d+)?$|^\d{3,7}$/;

/** The columns of one table block on its sheet. */
interface Block {
  view: SheetView;
  left: number;
  right: number;
}

function rowTexts(b: Block, r: number): string[] {
  return Array.from({ length: b.right - b.left + 1 }, (_, i) => b.view.text(r, b.left + i));
}

/** A 栏次 row: "栏次" printed, or small column numbers 1, 2, 3 … */
function isLanciRow(b: Block, r: number, table: TableDef): boolean {
  const cells = rowTexts(b, r);
  const nums = cells.filter((t) => /^\d{1,2}$/.test(t));
  const lanciDefs = table.columns.filter((c) => c.lanci).length;
  return nums.includes("1") && (cells.includes("栏次") || nums.length >= Math.min(Math.max(lanciDefs, 2), 3));
}

/** A data row: an amount or a code, or a fixed row's label (合计) on a row that prints no other header label. */
function isDataRow(b: Block, r: number, v: Vocabulary): boolean {
  let rowLabel = false;
  let headerLabel = false;
  for (let x = b.left; x <= b.right; x++) {
    const raw = b.view.value(r, x);
    if (typeof raw === "number") return true;
    const t = b.view.text(r, x);
    if (!t) continue;
    if (AMOUNT_TEXT.test(t)) return true;
    if (v.rowLabels.has(stripOrdinal(t))) rowLabel = true;
    else if (v.exact.has(t)) headerLabel = true;
  }
  return rowLabel && !headerLabel;
}

function isHeaderRow(b: Block, r: number, v: Vocabulary): boolean {
  return rowTexts(b, r).some((t) => v.exact.has(t));
}

/** Header text by row and column, an unmerged parent read across the columns it stands over. */
function headerCells(b: Block, top: number, bottom: number): string[][] {
  const rows: string[][] = [];
  for (let r = top; r <= bottom; r++) rows.push(rowTexts(b, r));
  const width = b.right - b.left + 1;
  const below = (i: number, k: number) => rows.slice(i + 1).some((row) => row[k] !== "");
  rows.forEach((row, i) => {
    for (let k = 1; k < width; k++) {
      // a label stands over the empty cells to its right that have a label below them, inside its own parent
      const sameParent = i === 0 || rows[i - 1][k] === rows[i - 1][k - 1];
      if (row[k] === "" && row[k - 1] !== "" && sameParent && below(i, k)) row[k] = row[k - 1];
    }
  });
  return rows;
}

function pathsOf(cells: string[][], width: number): string[][] {
  return Array.from({ length: width }, (_, k) => {
    const out: string[] = [];
    for (const row of cells) if (row[k] && out[out.length - 1] !== row[k]) out.push(row[k]);
    return out;
  });
}

/**
 * How well a sheet column's path names a catalog column: its leaf must be printed; a printed label
 * of the table's own that belongs to another column (收入 under 支出, 决算数 under 预算数) rules it out.
 */
function columnScore(path: string[], def: ColumnDef, v: Vocabulary): number {
  if (path.length === 0) return 0;
  const leaf = def.header[def.header.length - 1];
  const leafScore = Math.max(0, ...path.map((p) => bestScore(p, leaf)));
  if (leafScore === 0) return 0;
  for (const p of path) {
    const known = v.labels.some((l) => labelScore(p, l) >= 2);
    if (known && !def.header.some((h) => bestScore(p, h) > 0)) return 0;
  }
  return def.header.reduce((s, h) => s + Math.max(0, ...path.map((p) => bestScore(p, h))), 0);
}

const isCodeColumn = (def: ColumnDef) => def.kind === "code";

/** The sheet columns of a code printed as 类 | 款 | 项 starting at `x`, or just [x]. */
function codeSpan(paths: string[][], k: number): number[] {
  const span = [k];
  for (let i = 0; i < CODE_PARTS.length && k + i < paths.length; i++) {
    const leaf = paths[k + i][paths[k + i].length - 1];
    if (leaf !== CODE_PARTS[i]) break;
    if (i > 0) span.push(k + i);
  }
  return span;
}

const isCodePath = (p: string[]) => p.some((t) => bestScore(t, "科目代码") >= 2) || (p.length > 0 && CODE_PARTS.includes(p[p.length - 1]) && p.length > 1);

export function readHeader(view: SheetView, table: TableDef, top: number, bottom: number, left: number, right: number): HeaderMap {
  const b: Block = { view, left, right };
  const v = vocabularyOf(table);
  const colIndex = new Map<string, number>();
  const codeParts = new Map<string, number[]>();
  let headerTop = -1;
  for (let r = top; r <= Math.min(bottom, top + 6) && headerTop < 0; r++) if (isHeaderRow(b, r, v) && !isDataRow(b, r, v)) headerTop = r;
  if (headerTop < 0) return { colIndex, codeParts, dataTop: top, lanciPrinted: false };
  let headerBottom = headerTop;
  let lanciRow = -1;
  for (let r = headerTop + 1; r <= Math.min(bottom, headerTop + 8); r++) {
    if (isLanciRow(b, r, table)) {
      lanciRow = r;
      break;
    }
    if (isDataRow(b, r, v)) break;
    if (rowTexts(b, r).some((t) => t !== "")) headerBottom = r;
  }
  const width = right - left + 1;
  const paths = pathsOf(headerCells(b, headerTop, headerBottom), width);
  const used = new Set<number>();
  const take = (key: string, k: number) => {
    colIndex.set(key, left + k);
    used.add(k);
  };
  if (lanciRow >= 0) {
    // the 栏次 the sheet prints name the amount columns
    for (const c of table.columns) {
      if (!c.lanci) continue;
      const k = [...Array(width).keys()].find((i) => !used.has(i) && view.ownText(lanciRow, left + i) === c.lanci);
      if (k !== undefined) take(c.key, k);
    }
  }
  if (table.layout === "panels") mapPanels(table, paths, take, codeParts, left);
  else {
    for (const c of table.columns) {
      if (colIndex.has(c.key)) continue;
      let best: { k: number; score: number } | undefined;
      for (let k = 0; k < width; k++) {
        if (used.has(k)) continue;
        const score = columnScore(paths[k], c, v);
        if (score > 0 && (!best || score > best.score)) best = { k, score };
      }
      if (!best) continue;
      take(c.key, best.k);
      if (isCodeColumn(c)) {
        const span = codeSpan(paths, best.k);
        span.forEach((k) => used.add(k));
        if (span.length > 1)
          codeParts.set(
            c.key,
            span.map((k) => left + k),
          );
      }
    }
  }
  return { colIndex, codeParts, dataTop: (lanciRow >= 0 ? lanciRow : headerBottom) + 1, lanciPrinted: lanciRow >= 0 };
}

/**
 * 06表 printed in panels side by side, each 科目编码 | 科目名称 | 决算数: a panel starts at each code
 * column; the sheet's panels fill the table's groups from the left, two or three alike.
 */
function mapPanels(table: TableDef, paths: string[][], take: (key: string, k: number) => void, codeParts: Map<string, number[]>, left: number): void {
  const groups = [...new Set(table.columns.map((c) => splitColumnKey(c.key)[0]))];
  const starts: number[][] = [];
  for (let k = 0; k < paths.length; k++) {
    if (!isCodePath(paths[k])) continue;
    const span = codeSpan(paths, k);
    starts.push(span);
    k = span[span.length - 1];
  }
  starts.slice(0, groups.length).forEach((span, i) => {
    const end = i + 1 < starts.length ? starts[i + 1][0] - 1 : paths.length - 1;
    const group = groups[i];
    take(`${group}.code`, span[0]);
    if (span.length > 1)
      codeParts.set(
        `${group}.code`,
        span.map((k) => left + k),
      );
    for (const c of table.columns.filter((x) => x.key.startsWith(`${group}.`) && x.kind !== "code")) {
      const leaf = c.header[c.header.length - 1];
      for (let k = span[span.length - 1] + 1; k <= end; k++) {
        if (paths[k].some((p) => bestScore(p, leaf) >= 2)) {
          take(c.key, k);
          break;
        }
      }
    }
  });
}
