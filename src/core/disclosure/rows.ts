/**
 * A table's data rows, once its columns are known: each row's items by 行次 when printed, by label
 * otherwise (the lines of 01/04表 in their printed order); 科目编码 whole, split in 类 | 款 | 项 (parent
 * repeated or left blank) or inside the name ("201 一般公共服务支出"); 合计 at the top or the bottom;
 * 06表's 人员经费合计 / 公用经费合计 wherever their panel prints them.
 */
import type { SheetView } from "../sheet";
import { CellValue } from "../grid";
import { Item, columnGroups, itemsOfRow, splitColumnKey } from "./instance";
import { norm, stripOrdinal } from "../label";
import { FixedRow, TableDef } from "../../catalog/tables/types";
import { HeaderMap } from "./header";

type RowRecord = Record<string, string | number | undefined>;

/** 科目代码 as text, whether typed as a number or text ("201", 2010301, "２０１"). */
export function normalizeCode(v: CellValue): string | undefined {
  const t = norm(v);
  return /^\d{3,7}$/.test(t) ? t : t || undefined;
}

/** 类 | 款 | 项 → one code; a blank parent is the one printed above (carry). */
function splitCode(view: SheetView, row: number, parts: number[], carry: string[]): string | undefined {
  const texts = parts.map((x) => norm(view.value(row, x)));
  if (texts.every((t) => t === "")) return undefined;
  if (texts.some((t) => t !== "" && !/^\d+$/.test(t))) return texts.find((t) => t !== "");
  // a whole code typed in the 类 column
  if (/^\d{5}$|^\d{7}$/.test(texts[0]) && texts.slice(1).every((t) => t === "")) return texts[0];
  const width = [3, 2, 2];
  let code = "";
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i] || (texts.slice(i + 1).some((x) => x !== "") ? (carry[i] ?? "") : "");
    if (!t) break;
    code += t.padStart(width[i], "0");
    // a new 类 (or 款) ends the 款 (or 项) carried under the old one
    if (texts[i]) carry.length = i;
    carry[i] = t;
  }
  return code || undefined;
}

function cellRecord(view: SheetView, table: TableDef, row: number, header: HeaderMap, carry: Map<string, string[]>): RowRecord {
  const rec: RowRecord = {};
  for (const c of table.columns) {
    const x = header.colIndex.get(c.key);
    if (x === undefined) continue;
    const parts = header.codeParts.get(c.key);
    if (parts) {
      if (!carry.has(c.key)) carry.set(c.key, []);
      const code = splitCode(view, row, parts, carry.get(c.key)!);
      if (code !== undefined) rec[c.key] = code;
      continue;
    }
    const v = view.value(row, x);
    if (v === null || v === "") continue;
    if (c.kind === "code") rec[c.key] = normalizeCode(v);
    else if (c.kind === "lineNo") rec[c.key] = Number(norm(v)) || undefined;
    else if (c.kind === "label") rec[c.key] = String(v).trim();
    else rec[c.key] = typeof v === "number" ? v : String(v);
  }
  // the code printed inside the name: "201 一般公共服务支出", "2010601行政运行"
  for (const [group, columns] of columnGroups(table)) {
    const prefix = group ? `${group}.` : "";
    const name = rec[`${prefix}name`];
    if (!columns.some((c) => c.kind === "code") || rec[`${prefix}code`] !== undefined || typeof name !== "string") continue;
    const m = /^(\d{3}(?:\d{2}){0,2})\s*([^\d\s].*)$/.exec(name.normalize("NFKC"));
    if (m) {
      rec[`${prefix}code`] = m[1];
      rec[`${prefix}name`] = m[2].trim();
    }
  }
  return rec;
}

/** Per side of a two-sided table, its lines in order with their labels as compared. */
const sideLines = new WeakMap<TableDef, Map<string, { line: number; label: string }[]>>();
function linesOf(table: TableDef): Map<string, { line: number; label: string }[]> {
  let m = sideLines.get(table);
  if (!m) {
    m = new Map();
    for (const c of table.columns.filter((x) => x.kind === "lineNo")) {
      const [group] = splitColumnKey(c.key);
      const list = table.fixedRows
        .map((f) => ({ line: Number(f.cells[`${group}.line`]), label: stripOrdinal(norm(String(f.cells[`${group}.label`] ?? ""))) }))
        .filter((x) => x.line > 0 && x.label !== "")
        .sort((a, b) => a.line - b.line);
      m.set(group, list);
    }
    sideLines.set(table, m);
  }
  return m;
}

const sameLabel = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a)));

/** A line without its 行次 printed: the next line of its side, in printed order, that carries its label. */
function inferLines(table: TableDef, rec: RowRecord, cursor: Map<string, number>): void {
  for (const [group, lines] of linesOf(table)) {
    const printed = rec[`${group}.line`];
    if (typeof printed === "number") {
      cursor.set(group, printed);
      continue;
    }
    const label = rec[`${group}.label`];
    if (label === undefined) continue;
    const text = stripOrdinal(norm(String(label)));
    const after = cursor.get(group) ?? 0;
    const hit = lines.find((l) => l.line > after && sameLabel(l.label, text));
    if (hit) {
      rec[`${group}.line`] = hit.line;
      cursor.set(group, hit.line);
    }
  }
}

/** The labelled totals of a panels table (人员经费合计 …), by their printed label (computed once per table). */
const summaryLabelSets = new WeakMap<TableDef, Map<string, string>>();
function summaryLabels(table: TableDef): Map<string, string> {
  let out = summaryLabelSets.get(table);
  if (!out) {
    out = new Map<string, string>();
    for (const f of table.fixedRows) for (const it of f.items ?? []) out.set(norm(String(f.cells[it.cols.label] ?? "")), it.key);
    out.delete("");
    summaryLabelSets.set(table, out);
  }
  return out;
}

/** 人员经费合计 | … | 2152.26 | 公用经费合计 | … | 184.65: each label takes the amount after it, before the next label. */
function summaryItems(view: SheetView, table: TableDef, row: number, header: HeaderMap, left: number, right: number): Item[] {
  const labels = summaryLabels(table);
  const found: { key: string; label: string; x: number }[] = [];
  for (let x = left; x <= right; x++) {
    const key = labels.get(view.ownText(row, x));
    if (key) found.push({ key, label: String(view.value(row, x)).trim(), x });
  }
  const amounts = table.columns
    .filter((c) => c.kind === "amount" && header.colIndex.has(c.key))
    .map((c) => ({ key: c.key, x: header.colIndex.get(c.key)! }))
    .sort((a, b) => a.x - b.x);
  return found.flatMap((f, i) => {
    const end = found[i + 1]?.x ?? Infinity;
    const span = amounts.filter((a) => a.x > f.x && a.x < end);
    const pick = span.find((a) => view.ownText(row, a.x) !== "") ?? span[span.length - 1];
    return pick ? [{ key: f.key, label: f.label, row, cols: { label: f.x, amount: pick.x }, defs: { amount: pick.key } }] : [];
  });
}

/** Per table, the printed labels that identify each fixed row, normalized once. */
const fixedRowKeys = new WeakMap<TableDef, { row: FixedRow; keys: [string, string][] }[]>();
function keysOf(table: TableDef) {
  let keys = fixedRowKeys.get(table);
  if (!keys) {
    keys = table.fixedRows.map((row) => ({
      row,
      keys: Object.entries(row.cells)
        .filter(([k, v]) => typeof v === "string" && v !== "" && !k.endsWith(".line") && !(k.endsWith("code") && /^\d+$/.test(v)))
        .map(([k, v]) => [k, norm(String(v))] as [string, string]),
    }));
    fixedRowKeys.set(table, keys);
  }
  return keys;
}

/** The fixed row a data row is, by its printed labels (合计) or position (09表). */
function matchFixedRow(table: TableDef, rec: RowRecord, isFirstRow: boolean): FixedRow | undefined {
  // each cell normalized once, however many fixed rows it is compared with
  const normal = new Map<string, string>();
  const text = (k: string) => {
    let t = normal.get(k);
    if (t === undefined) normal.set(k, (t = rec[k] === undefined ? "" : norm(String(rec[k]))));
    return t;
  };
  for (const { row, keys } of keysOf(table)) {
    if (keys.length && keys.every(([k, v]) => text(k) === v)) return row;
    // a 合计 row may print its label in the code column
    if (row.key === "total" && (text("code") === "合计" || text("name") === "合计")) return row;
  }
  if (table.layout === "single_row" && isFirstRow) return table.fixedRows[0];
  return undefined;
}

const NOTE = /^(注|说明)[:：.]?/;

/** The items of a table's data rows, top to bottom, up to its 注 line. */
export function readRows(
  view: SheetView,
  table: TableDef,
  header: HeaderMap,
  bottom: number,
  left: number,
  right: number,
): { items: Item[]; lastRow: number; note?: string } {
  const items: Item[] = [];
  let lastRow = header.dataTop - 1;
  const carry = new Map<string, string[]>();
  const cursor = new Map<string, number>();
  const hasSummary = summaryLabels(table).size > 0;
  for (let r = header.dataTop; r <= bottom; r++) {
    let first: string | undefined;
    for (let x = left; x <= right && first === undefined; x++) first = view.ownText(r, x) || undefined;
    if (first !== undefined && NOTE.test(first) && first.length > 3) {
      // the note may run on below its first line
      const lines = [first];
      for (let n = r + 1; n <= Math.min(bottom, r + 3); n++) for (let x = left; x <= right; x++) if (view.ownText(n, x)) lines.push(view.ownText(n, x));
      return { items, lastRow, note: lines.join("") };
    }
    if (hasSummary) {
      const summary = summaryItems(view, table, r, header, left, right);
      if (summary.length) {
        items.push(...summary);
        lastRow = r;
        continue;
      }
    }
    const rec = cellRecord(view, table, r, header, carry);
    if (Object.keys(rec).length === 0) continue;
    lastRow = r;
    inferLines(table, rec, cursor);
    const fixed = table.layout === "panels" ? undefined : matchFixedRow(table, rec, items.length === 0);
    items.push(...itemsOfRow(table, rec, r, header.colIndex, fixed));
  }
  return { items, lastRow };
}
