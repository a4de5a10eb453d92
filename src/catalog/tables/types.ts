/**
 * A standard table as data: what an accountant sees on the published page, and which cells are
 * totals of which. One definition serves the template writer, the locator and the checker.
 */

import type { Profile } from "../profiles";

export type { Profile };

export type ColumnKind =
  /** the 项目 / 科目名称 text of a row */
  | "label"
  /** 行次 */
  | "lineNo"
  /** 科目代码 */
  | "code"
  | "amount"
  | "percent"
  | "score"
  | "text"
  /** a 定性 grade chosen from a list */
  | "grade";

export interface ColumnDef {
  /** stable key used by rules: "c1", "income.amount", "expense.label" … */
  key: string;
  /** header path as printed, top to bottom; equal neighbours at one level share a merged cell */
  header: string[];
  /** 栏次 as printed, when the table numbers its columns */
  lanci?: string;
  kind: ColumnKind;
  /** width in characters */
  width?: number;
  /** two-sided tables: which side the column belongs to */
  side?: "income" | "expense";
}

/** A row printed on every copy of the table (two-sided tables, 06表, the 合计 row of coded tables). */
export interface FixedRow {
  /** stable key: "r27", "total", "301" … */
  key: string;
  /** the cells of the row by column key (labels, 行次, codes) */
  cells: Record<string, string | number>;
  /** items that do not follow the column groups (06表's 合计 line): item column → table column */
  items?: { key: string; cols: Record<string, string> }[];
}

export type Layout = "two_sided" | "coded_rows" | "single_row" | "panels" | "listed_rows";

export interface TableDef {
  /** "T01" … */
  id: string;
  /** "公开01表" */
  number: string;
  title: string;
  /** heading as printed before the title block, e.g. "一、收入支出决算总表" */
  heading?: string;
  /** other titles seen in real files */
  aliases: string[];
  /** regional profiles whose set includes this table, with its number there */
  numbers?: Partial<Record<Profile, string>>;
  /** the title a region prints where it is not `title` (上海: 一般公共预算财政拨款基本支出决算表) */
  titles?: Partial<Record<Profile, string>>;
  layout: Layout;
  columns: ColumnDef[];
  /** rows printed on every copy, top to bottom */
  fixedRows: FixedRow[];
  /** coded tables: the 科目 dictionary the open rows draw from, and blank rows offered */
  openRows?: { classification?: "function" | "economic"; blankRows: number };
  /** one line under the table */
  note: string;
  /** the 金额单位 the table is published in */
  unit: "万元" | "元";
  /** amounts cannot be negative (input validation ≥ 0; a negative one is flagged) */
  nonNegative?: boolean;
  /** a table with no amount must say so under it, in words holding this ("本表无数据") */
  emptyNote?: string;
  /** an amount with nothing spent is printed 0, not left blank (the 三公 table) */
  blankIsZero?: boolean;
  /** where the layout comes from when no published copy was at hand: inferred from the title, or recalled */
  layoutSource?: "inferred" | "recalled";
}
