/** What the 决算说明 names, and the table cells (summed) that hold it. */
import { CellRef as TableCell } from "./types";

export interface NarrativeSubject {
  names: string[];
  table: string;
  cells: TableCell[];
}

/** Bases that 决算说明 sentences name for their shares ("占一般公共预算项目支出总额的 18.7%"). */
export const NARRATIVE_BASES: NarrativeSubject[] = [
  { names: ["一般公共预算项目支出总额", "一般公共预算财政拨款项目支出"], table: "T05", cells: [{ key: "total", col: "c3" }] },
  { names: ["政府性基金预算项目支出总额"], table: "T07", cells: [{ key: "total", col: "c5" }] },
  { names: ["国有资本经营预算项目支出总额"], table: "T08", cells: [{ key: "total", col: "c3" }] },
  { names: ["一般公共预算财政拨款支出", "一般公共预算财政拨款支出总额"], table: "T05", cells: [{ key: "total", col: "c1" }] },
];

/**
 * Amounts the 决算说明 names by the words the tables use: "收入合计 887.29 万元" must equal 01表's
 * 本年收入合计. Only a name right before its amount counts; anything looser is left alone.
 */
export const NARRATIVE_SUBJECTS: NarrativeSubject[] = [
  { names: ["收、支总计均为", "收、支总计", "收支总计"], table: "T01", cells: [{ line: 30, col: "amount" }] },
  { names: ["本年收入合计", "收入合计"], table: "T01", cells: [{ line: 27, col: "amount" }] },
  { names: ["本年支出合计", "支出合计"], table: "T01", cells: [{ line: 57, col: "amount" }] },
  { names: ["财政拨款收入"], table: "T01", cells: [{ line: 1, col: "amount" }, { line: 2, col: "amount" }, { line: 3, col: "amount" }] },
  { names: ["基本支出"], table: "T03", cells: [{ key: "total", col: "c2" }] },
  { names: ["项目支出"], table: "T03", cells: [{ key: "total", col: "c3" }] },
  { names: ["一般公共预算财政拨款支出"], table: "T05", cells: [{ key: "total", col: "c1" }] },
  { names: ["一般公共预算财政拨款基本支出"], table: "T05", cells: [{ key: "total", col: "c2" }] },
  { names: ["人员经费"], table: "T06", cells: [{ key: "personnel.total", col: "amount" }] },
  { names: ["公用经费"], table: "T06", cells: [{ key: "public.total", col: "amount" }] },
];
