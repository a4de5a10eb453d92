/** What the 决算说明 names, and the table cells (summed) that hold it. */
import { Severity } from "../findings";
import { FUNCTION_CLASSES } from "../tables/disclosure";
import { TableCell } from "./types";

/** Cells of one table whose sum is the named amount. */
export interface TablePlace {
  table: string;
  cells: TableCell[];
}

export interface NarrativeSubject {
  names: string[];
  /** where the tables hold the year's figure (决算数); a written amount that agrees with any one holds */
  at: TablePlace[];
  /** where they hold its 预算数, for "X全年预算数为 A 万元，支出决算为 B 万元" */
  budget?: TablePlace[];
  /** below error when the equality holds only for some units (机关运行经费 is 公用经费 only for 行政单位) */
  severity?: Severity;
  why?: string;
}

const one = (table: string, ...cells: TableCell[]): TablePlace[] => [{ table, cells }];

/** A 功能科目 the 说明 names by its code: its 决算数 in 05表 (一般公共预算) or in 03表 (all funds). */
export const NARRATIVE_CODE_PLACES = (code: string): TablePlace[] => [
  { table: "T05", cells: [{ code, col: "c1" }] },
  { table: "T03", cells: [{ code, col: "c1" }] },
];

/** Bases that 决算说明 sentences name for their shares ("占一般公共预算项目支出总额的 18.7%"). */
export const NARRATIVE_BASES: NarrativeSubject[] = [
  { names: ["一般公共预算项目支出总额", "一般公共预算财政拨款项目支出"], at: one("T05", { key: "total", col: "c3" }) },
  { names: ["政府性基金预算项目支出总额"], at: one("T07", { key: "total", col: "c5" }) },
  { names: ["国有资本经营预算项目支出总额"], at: one("T08", { key: "total", col: "c3" }) },
  { names: ["一般公共预算财政拨款支出", "一般公共预算财政拨款支出总额"], at: one("T05", { key: "total", col: "c1" }) },
  { names: ["本年收入合计", "收入合计"], at: one("T01", { line: 27, col: "amount" }) },
  { names: ["本年支出合计", "支出合计"], at: one("T01", { line: 57, col: "amount" }) },
  { names: ["政府采购支出总额"], at: one("T11", { key: "total", col: "c1" }) },
];

/** 09表 (三公): 预算数 in 栏 1–6, 决算数 in 栏 7–12, in the order 合计, 出国, 车 小计, 购置, 运行, 接待. */
const threePublic = (names: string[], k: number): NarrativeSubject => ({
  names,
  at: one("T09", { key: "values", col: `c${k + 6}` }),
  budget: one("T09", { key: "values", col: `c${k}` }),
});

/**
 * Amounts the 决算说明 names by the words the tables use: "收入合计 887.29 万元" must equal 01表's
 * 本年收入合计. Only a name right before its amount counts; anything looser is left alone. Quotes
 * are ignored on both sides (“三公”经费 = 三公经费).
 */
export const NARRATIVE_SUBJECTS: NarrativeSubject[] = [
  { names: ["收、支总计", "收支总计", "收入支出总计"], at: one("T01", { line: 30, col: "amount" }) },
  { names: ["财政拨款收、支总计", "财政拨款收支总计", "财政拨款收入总计", "财政拨款收入支出总计"], at: one("T04", { line: 32, col: "amount" }) },
  { names: ["本年收入合计", "收入合计"], at: one("T01", { line: 27, col: "amount" }) },
  { names: ["本年支出合计", "支出合计"], at: one("T01", { line: 57, col: "amount" }) },
  { names: ["财政拨款收入"], at: one("T01", { line: 1, col: "amount" }, { line: 2, col: "amount" }, { line: 3, col: "amount" }) },
  { names: ["上级补助收入"], at: one("T01", { line: 4, col: "amount" }) },
  { names: ["事业收入"], at: one("T01", { line: 5, col: "amount" }) },
  { names: ["经营收入"], at: one("T01", { line: 6, col: "amount" }) },
  { names: ["附属单位上缴收入"], at: one("T01", { line: 7, col: "amount" }) },
  { names: ["其他收入"], at: one("T01", { line: 8, col: "amount" }) },
  { names: ["上缴上级支出"], at: one("T03", { key: "total", col: "c4" }) },
  { names: ["经营支出"], at: one("T03", { key: "total", col: "c5" }) },
  { names: ["对附属单位补助支出"], at: one("T03", { key: "total", col: "c6" }) },
  { names: ["政府性基金预算财政拨款支出"], at: one("T07", { key: "total", col: "c3" }) },
  { names: ["国有资本经营预算财政拨款支出"], at: one("T08", { key: "total", col: "c1" }) },
  { names: ["基本支出"], at: one("T03", { key: "total", col: "c2" }) },
  { names: ["项目支出"], at: one("T03", { key: "total", col: "c3" }) },
  { names: ["一般公共预算财政拨款支出"], at: one("T05", { key: "total", col: "c1" }) },
  { names: ["一般公共预算财政拨款基本支出"], at: one("T05", { key: "total", col: "c2" }) },
  { names: ["人员经费"], at: one("T06", { key: "personnel.total", col: "amount" }) },
  { names: ["公用经费"], at: one("T06", { key: "public.total", col: "amount" }) },
  {
    names: ["机关运行经费"],
    at: one("T06", { key: "public.total", col: "amount" }),
    severity: "warning",
    why: "行政单位（含参公事业单位）的机关运行经费即一般公共预算财政拨款基本支出中的公用经费",
  },
  { names: ["会议费"], at: one("T06", { code: "30215", col: "amount" }) },
  { names: ["培训费"], at: one("T06", { code: "30216", col: "amount" }) },
  // Beijing's 政府采购情况表 and 政府购买服务决算公开情况表 (elsewhere these sentences have no table)
  { names: ["政府采购支出"], at: one("T11", { key: "total", col: "c1" }) },
  { names: ["政府采购货物支出"], at: one("T11", { key: "total", col: "c2" }) },
  { names: ["政府采购工程支出"], at: one("T11", { key: "total", col: "c3" }) },
  { names: ["政府采购服务支出"], at: one("T11", { key: "total", col: "c4" }) },
  { names: ["授予中小企业合同金额"], at: one("T11", { key: "total", col: "c5" }) },
  { names: ["授予小微企业合同金额"], at: one("T11", { key: "total", col: "c6" }) },
  { names: ["政府购买服务"], at: one("T12", { key: "total", col: "c1" }) },
  threePublic(["三公经费", "三公经费财政拨款"], 1),
  threePublic(["因公出国(境)费用", "因公出国(境)费", "因公出国境费用", "因公出国境费"], 2),
  threePublic(["公务用车购置及运行维护费"], 3),
  threePublic(["公务用车购置费"], 4),
  threePublic(["公务用车运行维护费"], 5),
  threePublic(["公务接待费"], 6),
  // a 类 of 支出功能分类 by its name: the 一般公共预算 figure (05表) or the whole 支出 (03表)
  ...FUNCTION_CLASSES.map(([code, name]): NarrativeSubject => ({
    names: [name],
    at: [
      { table: "T05", cells: [{ code, col: "c1" }] },
      { table: "T03", cells: [{ code, col: "c1" }] },
    ],
  })),
];
