/**
 * A table placed on a sheet: which sheet row holds which item (行次 line, 科目 code, keyed row) and
 * which sheet column holds which of its columns. Templates create instances; the locator finds
 * them in a workbook; rules are evaluated over them.
 */
import { Area, cellAddress } from "../address";
import { ColumnDef, FixedRow, TableDef } from "../../catalog/tables/types";
import { ItemSelector } from "../../catalog/rules/types";

export interface Item {
  /** fixed row key ("total", "values", "personnel.total") */
  key?: string;
  line?: number;
  code?: string;
  label?: string;
  /** 0-based sheet row */
  row: number;
  /** item column ("amount", "c3", "name") → 0-based sheet column */
  cols: Record<string, number>;
  /** item column → the table column it is ("amount" → "p2.amount"), where they differ */
  defs?: Record<string, string>;
}

export interface TableInstance {
  table: TableDef;
  sheet: string;
  /** the whole table block on the sheet, title to note */
  area: Area;
  /** first data row (0-based) */
  dataTop: number;
  items: Item[];
  /** false where the sheet prints no 栏次 row (上海): its columns are then named by their headers alone */
  columnNumbers?: boolean;
}

/**
 * A table as a message names it: its number, then the sheet it was read on where the sheet's name
 * says something else ("公开05表（表5）", "公开04表（第5页（2））"; "公开07表", not "公开07表（公开07表）").
 */
export function tableWhere(inst: Pick<TableInstance, "table" | "sheet">): string {
  return inst.sheet.trim() === inst.table.number ? inst.table.number : `${inst.table.number}（${inst.sheet}）`;
}

/** "income.amount" → ["income", "amount"]; "c3" → ["", "c3"]. */
export function splitColumnKey(key: string): [string, string] {
  const i = key.indexOf(".");
  return i < 0 ? ["", key] : [key.slice(0, i), key.slice(i + 1)];
}

const groupsOf = new WeakMap<TableDef, Map<string, ColumnDef[]>>();

/** Column groups of a table: two-sided tables have income/expense, 06表 has p1/p2/p3, others one (computed once per table). */
export function columnGroups(table: TableDef): Map<string, ColumnDef[]> {
  let groups = groupsOf.get(table);
  if (!groups) {
    groups = new Map<string, ColumnDef[]>();
    for (const c of table.columns) {
      const [g] = splitColumnKey(c.key);
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g)!.push(c);
    }
    groupsOf.set(table, groups);
  }
  return groups;
}

/**
 * The items one printed row carries: one per column group that has something on the row.
 * `cells` are the row's contents by table column key; `colIndex` maps table columns to sheet columns.
 */
export function itemsOfRow(
  table: TableDef,
  cells: Record<string, string | number | undefined>,
  row: number,
  colIndex: Map<string, number>,
  fixed?: FixedRow,
): Item[] {
  if (fixed?.items) {
    return fixed.items.map((it) => ({
      key: it.key,
      label: String(cells[it.cols.label] ?? ""),
      row,
      cols: Object.fromEntries(Object.entries(it.cols).map(([k, col]) => [k, colIndex.get(col)!])),
      defs: { ...it.cols },
    }));
  }
  const items: Item[] = [];
  for (const [group, columns] of columnGroups(table)) {
    const prefix = group ? `${group}.` : "";
    const value = (k: string) => cells[`${prefix}${k}`];
    const line = value("line");
    const code = value("code");
    const label = value("label") ?? value("name");
    const isEmpty = line === undefined && code === undefined && (label === undefined || label === "");
    if (group && isEmpty) continue;
    const item: Item = { row, cols: {} };
    if (!group && fixed) item.key = fixed.key;
    if (line !== undefined && line !== "") item.line = Number(line);
    if (code !== undefined && code !== "") item.code = String(code);
    if (label !== undefined && label !== "") item.label = String(label);
    for (const c of columns) {
      const idx = colIndex.get(c.key);
      if (idx !== undefined) item.cols[splitColumnKey(c.key)[1]] = idx;
    }
    if (group) item.defs = Object.fromEntries(columns.map((c) => [splitColumnKey(c.key)[1], c.key]));
    items.push(item);
  }
  return items;
}

export function matches(item: Item, sel: ItemSelector): boolean {
  if ("line" in sel) return item.line === sel.line;
  if ("code" in sel) return item.code === sel.code;
  return item.key === sel.key;
}

export function findItem(inst: TableInstance, sel: ItemSelector): Item | undefined {
  return inst.items.find((it) => matches(it, sel));
}

/** The sheet address of an item's column, if the table has it. */
export function itemCell(item: Item, col: string): string | undefined {
  const c = item.cols[col];
  return c === undefined ? undefined : cellAddress({ row: item.row, col: c });
}

/** 科目 level by code length: 3 类, 5 款, 7 项 (功能分类); 3 类, 5 款 (经济分类). */
export function codeLevel(code: string): 1 | 2 | 3 | undefined {
  // called for every item of every relation: length first, then digits, no regex
  const n = code.length;
  if (n !== 3 && n !== 5 && n !== 7) return undefined;
  for (let i = 0; i < n; i++) {
    const c = code.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return n === 3 ? 1 : n === 5 ? 2 : 3;
}

export function parentCode(code: string): string | undefined {
  const level = codeLevel(code);
  if (level === 2) return code.slice(0, 3);
  if (level === 3) return code.slice(0, 5);
  return undefined;
}

/** Items of the same column group that are the direct children of an item (by code). */
export function childrenOf(inst: TableInstance, parent: Item, col: string): Item[] {
  if (!parent.code) return [];
  return inst.items.filter((it) => it.code && parentCode(it.code) === parent.code && it.cols[col] !== undefined);
}
