/**
 * The 绩效自评 tables (../shared/spec/scoring.md) as data: their titles, and the labels under which
 * each layout variant prints the columns of its funds block and its indicator block. The locator
 * matches these labels; the scorer works on the column keys.
 */

export type FundsColumn = "initial" | "budget" | "actual" | "weight" | "rate" | "score";
export type IndicatorColumn =
  | "level1"
  | "level2"
  | "level3"
  | "target"
  | "actual"
  | "weight"
  /** weight-tree tables: the 分值 of the 一级 and 二级 indicator */
  | "weight1"
  | "weight2"
  | "unit"
  | "completion"
  | "score"
  | "reason"
  | "rule"
  | "evidence"
  | "basis"
  | "lastYear";

export interface PerformanceTableDef {
  id: string;
  kind: string;
  titles: string[];
  /** labels by column key, most specific first; matched after NFKC and without spaces */
  funds: Record<FundsColumn, string[]>;
  indicators: Record<IndicatorColumn, string[]>;
  /** labels of the total row */
  totalLabels: string[];
  /** grade convention: lower bounds (inclusive) from best to worst */
  grades: { grade: string; min: number }[];
}

const FUNDS: Record<FundsColumn, string[]> = {
  initial: ["年初预算数"],
  budget: ["全年预算数(A)", "全年预算数", "实际到位数"],
  actual: ["全年执行数(B)", "全年执行数", "实际支出数"],
  weight: ["分值权重", "分值"],
  rate: ["预算执行率(B/A)", "执行率(%)", "执行率"],
  score: ["得分"],
};

const INDICATORS: Record<IndicatorColumn, string[]> = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  level3: ["三级指标"],
  target: ["年度指标值", "指标值"],
  actual: ["指标实际完成值", "实际完成值", "全年实际值"],
  weight: ["指标分值权重", "分值"],
  weight1: [],
  weight2: [],
  unit: ["单位"],
  completion: ["完成率"],
  score: ["指标得分", "得分"],
  reason: ["偏差原因分析及改进措施", "未完成原因分析", "偏差原因"],
  rule: ["指标赋分规则", "赋分规则"],
  evidence: ["佐证资料"],
  basis: ["指标值设置依据"],
  lastYear: ["上年完成值"],
};

/** 优 [90, 100], 良 [80, 90), 中 [60, 80), 差 [0, 60): the official convention. */
export const OFFICIAL_GRADES = [
  { grade: "优", min: 90 },
  { grade: "良", min: 80 },
  { grade: "中", min: 60 },
  { grade: "差", min: 0 },
];

/** The column labels, 总分 labels and grades every variant shares; what differs is the title. */
const COMMON = { funds: FUNDS, indicators: INDICATORS, totalLabels: ["总分", "合计"], grades: OFFICIAL_GRADES };

export const ProjectSelfEvaluation: PerformanceTableDef = {
  ...COMMON,
  id: "P.project",
  kind: "项目支出绩效自评表",
  titles: ["项目支出绩效自评表", "项目绩效自评表", "年度绩效目标自评表"],
};

export const OverallSelfEvaluation: PerformanceTableDef = {
  ...COMMON,
  id: "P.whole",
  kind: "部门整体支出绩效自评表",
  titles: ["部门整体支出绩效自评表", "单位整体支出绩效自评表", "部门(单位)整体支出绩效自评表", "整体支出绩效自评表"],
};

/**
 * 云南 区级预算支出部门评价表: a weight tree 一级/分值/二级/分值/三级/分值/得分 and 评价等次 tick boxes;
 * its printed convention "100-90（含）分为优、90-80（含）分为良、80-60（含）分为中" is the official one.
 */
export const DistrictEvaluation: PerformanceTableDef = {
  ...COMMON,
  id: "P.district",
  kind: "区级预算支出部门评价表",
  titles: ["区级预算支出部门评价表", "预算支出部门评价表", "部门评价表"],
};

export const PERFORMANCE_TABLES: PerformanceTableDef[] = [OverallSelfEvaluation, DistrictEvaluation, ProjectSelfEvaluation];
