/**
 * Rules are data (ESLint-style: an id, a severity, a zh-CN message template, and what they relate).
 * The same rules drive template formulas and the cross-check.
 */
import { Severity } from "../findings";

/** An item of a table: a fixed line by 行次, a keyed row ("total", "values"), or a 科目代码. */
export type ItemSelector = { line: number } | { key: string } | { code: string };

/** A cell of a table in the rules' words: an item and a column (a cell on a sheet is core/finding's CellRef). */
export type TableCell = ItemSelector & { col: string };
/** A cell in a sum; `table` names another table than the rule side's own (absent table: term skipped). */
export type Term = TableCell & { sign?: 1 | -1; table?: string };

interface RuleBase {
  id: string;
  severity: Severity;
  /** zh-CN template; placeholders: {total} {terms} {expected} {actual} {difference} {code} {left} {right} */
  message: string;
}

/** total = Σ terms over fixed cells of one table. */
export interface SumRule extends RuleBase {
  kind: "sum";
  table: string;
  total: TableCell;
  terms: Term[];
  /** a term line the table does not print counts as 0 (类 lines some regions print only when used) */
  missingAsZero?: boolean;
}

/** On every coded row (and the 合计 row), or on the listed items: total column = Σ term columns. */
export interface RowSumRule extends RuleBase {
  kind: "rowSum";
  table: string;
  total: string;
  terms: { col: string; sign?: 1 | -1 }[];
  items?: ItemSelector[];
}

/** 合计 = Σ 类; 类 = Σ its 款; 款 = Σ its 项 — in every listed amount column. */
export interface HierarchyRule extends RuleBase {
  kind: "hierarchy";
  table: string;
  cols: string[];
  /** the item that holds Σ 类 ("total"), when the table has one */
  totalKey?: string;
}

/** The 合计 row = Σ the listed rows below it (单位, 服务项目), in each listed column. */
export interface ListSumRule extends RuleBase {
  kind: "listSum";
  table: string;
  cols: string[];
  totalKey: string;
}

/** left (op) right, each side a sum of cells possibly in different tables. */
export interface CompareRule extends RuleBase {
  kind: "compare";
  op: "=" | "<=";
  left: { table: string; terms: Term[] };
  right: { table: string; terms: Term[] };
  /** a 科目 row absent from a table counts as 0 (else the rule is skipped) */
  missingAsZero?: boolean;
}

export type Rule = SumRule | RowSumRule | HierarchyRule | ListSumRule | CompareRule;
