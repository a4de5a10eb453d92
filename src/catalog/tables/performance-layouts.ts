/**
 * Blank 绩效自评 templates as data: for each layout variant of ../shared/spec/scoring.md, the header
 * fields, the funds block's columns and rows, the indicator block's columns and the default
 * 一级/二级 skeleton. One writer (src/core/performance/template.ts) turns any of them into a sheet.
 */
import { FundsColumn, IndicatorColumn, OverallSelfEvaluation, PerformanceTableDef, ProjectSelfEvaluation, DistrictEvaluation } from "./performance";

export interface PerformanceLayout {
  id: string;
  table: PerformanceTableDef;
  title: string;
  /** header lines above the funds block: each a list of field labels, an input cell after each */
  headerFields: string[][];
  fundsUnitLabel: string;
  fundsColumns: { key: FundsColumn; label: string }[];
  /** rows of the funds block: the first is 年度资金总额; `parent` names the row a line adds into */
  fundsRows: { label: string; parent?: number }[];
  /** 分值 of the funds block's 执行率 (printed on the total row), or null where the layout has none */
  fundsWeight: number | null;
  indicatorColumns: { key: IndicatorColumn; label: string }[];
  /** default indicator lines: 一级, 二级, 分值 (, 三级 where the layout names them) */
  skeleton: [string, string, number, string?][];
  /** how the grade is printed: a word (优) or tick boxes (优√ 良□ 中□ 差□) with the convention */
  gradeStyle?: "word" | "ticks";
  /** free-text blocks under the indicators (转移支付: 资金管理情况) */
  extraBlocks?: string[];
}

const FUNDS_SIX: PerformanceLayout["fundsColumns"] = [
  { key: "initial", label: "年初预算数" },
  { key: "budget", label: "全年预算数" },
  { key: "actual", label: "全年执行数" },
  { key: "weight", label: "分值" },
  { key: "rate", label: "执行率" },
  { key: "score", label: "得分" },
];

/** 一级 / 二级 / 三级指标: the first three columns of every indicator block but the 云南 weight tree. */
const LEVELS: PerformanceLayout["indicatorColumns"] = [
  { key: "level1", label: "一级指标" },
  { key: "level2", label: "二级指标" },
  { key: "level3", label: "三级指标" },
];

/** The usual weights: 产出 50, 效益 30, 满意度 10 (with 预算执行率 10, 100 in all); the evaluator moves them within each. */
const PROJECT_SKELETON: [string, string, number][] = [
  ["产出指标", "数量指标", 15],
  ["产出指标", "质量指标", 15],
  ["产出指标", "时效指标", 10],
  ["产出指标", "成本指标", 10],
  ["效益指标", "经济效益指标", 10],
  ["效益指标", "社会效益指标", 10],
  ["效益指标", "生态效益指标", 5],
  ["效益指标", "可持续影响指标", 5],
  ["满意度指标", "服务对象满意度指标", 10],
];

/** 甘肃 (central standard) 项目支出绩效自评表 with 单位 and 完成率. */
export const ProjectGansu: PerformanceLayout = {
  id: "A-gansu-project",
  table: ProjectSelfEvaluation,
  title: "项目支出绩效自评表",
  headerFields: [["项目名称"], ["主管部门", "实施单位"]],
  fundsUnitLabel: "项目资金（万元）",
  fundsColumns: FUNDS_SIX,
  fundsRows: [{ label: "年度资金总额" }, { label: "其中：财政拨款", parent: 0 }, { label: "上年结转资金", parent: 0 }, { label: "其他资金", parent: 0 }],
  fundsWeight: 10,
  indicatorColumns: [
    ...LEVELS,
    { key: "target", label: "年度指标值" },
    { key: "actual", label: "实际完成值" },
    { key: "unit", label: "单位" },
    { key: "weight", label: "分值" },
    { key: "completion", label: "完成率" },
    { key: "score", label: "得分" },
    { key: "reason", label: "未完成原因分析" },
  ],
  skeleton: PROJECT_SKELETON,
};

/** 北京: no 单位, no 完成率; 偏差原因分析及改进措施 last. */
export const ProjectBeijing: PerformanceLayout = {
  ...ProjectGansu,
  id: "C-beijing-project",
  headerFields: [["项目名称"]],
  fundsRows: [{ label: "年度资金总额" }, { label: "其中：当年财政拨款", parent: 0 }, { label: "上年结转资金", parent: 0 }, { label: "其他资金", parent: 0 }],
  indicatorColumns: [
    ...LEVELS,
    { key: "target", label: "年度指标值" },
    { key: "actual", label: "实际完成值" },
    { key: "weight", label: "分值" },
    { key: "score", label: "得分" },
    { key: "reason", label: "偏差原因分析及改进措施" },
  ],
};

/** 新疆: 指标值设置依据, 上年完成值, 指标赋分规则, 佐证资料. */
export const ProjectXinjiang: PerformanceLayout = {
  ...ProjectGansu,
  id: "D-xinjiang-project",
  fundsColumns: FUNDS_SIX.map((c) => (c.key === "weight" ? { key: "weight", label: "分值权重" } : c)),
  fundsRows: [{ label: "年度资金总额" }, { label: "其中：当年财政拨款", parent: 0 }, { label: "其他资金", parent: 0 }],
  indicatorColumns: [
    ...LEVELS,
    { key: "target", label: "指标值" },
    { key: "basis", label: "指标值设置依据" },
    { key: "lastYear", label: "上年完成值" },
    { key: "weight", label: "指标分值权重" },
    { key: "rule", label: "指标赋分规则" },
    { key: "evidence", label: "佐证资料" },
    { key: "actual", label: "指标实际完成值" },
    { key: "completion", label: "完成率" },
    { key: "score", label: "指标得分" },
    { key: "reason", label: "偏差原因分析及改进措施" },
  ],
};

/** 部门（单位）整体支出绩效自评表: funds by 基本支出 (人员/公用) and 项目支出, no funds 分值 column. */
export const OverallGansu: PerformanceLayout = {
  id: "A-gansu-whole",
  table: OverallSelfEvaluation,
  title: "部门整体支出绩效自评表",
  headerFields: [["部门（单位）名称"]],
  fundsUnitLabel: "整体支出规模（万元）",
  fundsColumns: FUNDS_SIX.filter((c) => c.key !== "weight"),
  fundsRows: [
    { label: "年度资金总额" },
    { label: "（一）基本支出", parent: 0 },
    { label: "1.人员经费", parent: 1 },
    { label: "2.公用经费", parent: 1 },
    { label: "（二）项目支出", parent: 0 },
    { label: "1.一般性项目", parent: 4 },
    { label: "2.重点项目", parent: 4 },
  ],
  fundsWeight: 10,
  indicatorColumns: ProjectGansu.indicatorColumns,
  skeleton: [
    ["部门管理", "资金投入", 10],
    ["部门管理", "财务管理", 10],
    ["部门管理", "采购管理", 10],
    ["部门管理", "资产管理", 10],
    ["部门管理", "人员管理", 10],
    ["履职效果", "部门履职目标", 20],
    ["履职效果", "部门效果目标", 10],
    ["能力建设", "长效管理", 10],
  ],
};

/** 云南 区级预算支出部门评价表: a weight tree scored by the evaluator, 评价等次 as tick boxes. */
export const DistrictYunnan: PerformanceLayout = {
  id: "B-yunnan-dept-eval",
  table: DistrictEvaluation,
  title: "区级预算支出部门评价表",
  headerFields: [["项目名称"], ["主管部门", "实施单位"], ["负责人", "项目类型"]],
  fundsUnitLabel: "项目资金（万元）",
  fundsColumns: [
    { key: "initial", label: "年初预算数" },
    { key: "budget", label: "实际到位数" },
    { key: "actual", label: "实际支出数" },
    { key: "rate", label: "执行率" },
  ],
  fundsRows: [
    { label: "年度资金总额" },
    { label: "中央资金", parent: 0 },
    { label: "省级资金", parent: 0 },
    { label: "市级资金", parent: 0 },
    { label: "区级资金", parent: 0 },
    { label: "其他资金", parent: 0 },
  ],
  fundsWeight: null,
  indicatorColumns: [
    { key: "level1", label: "一级指标" },
    { key: "weight1", label: "分值" },
    { key: "level2", label: "二级指标" },
    { key: "weight2", label: "分值" },
    { key: "level3", label: "三级指标" },
    { key: "weight", label: "分值" },
    { key: "score", label: "得分" },
  ],
  skeleton: [
    ["决策", "项目立项", 5, "立项依据充分性"],
    ["决策", "项目立项", 5, "立项程序规范性"],
    ["决策", "绩效目标", 5, "绩效目标合理性"],
    ["决策", "资金投入", 5, "预算编制科学性"],
    ["过程", "资金管理", 5, "资金到位率"],
    ["过程", "资金管理", 5, "预算执行率"],
    ["过程", "组织实施", 10, "管理制度健全性"],
    ["产出", "产出数量", 10, "实际完成率"],
    ["产出", "产出质量", 10, "质量达标率"],
    ["产出", "产出时效", 5, "完成及时性"],
    ["产出", "产出成本", 5, "成本节约率"],
    ["效益", "项目效益", 20, "实施效益"],
    ["效益", "满意度", 10, "服务对象满意度"],
  ],
  gradeStyle: "ticks",
};

/** 转移支付 年度绩效目标自评表: 全年预算数(A)/全年执行数(B)/预算执行率(B/A) by source, no scores. */
export const TransferGansu: PerformanceLayout = {
  id: "A-gansu-transfer",
  table: ProjectSelfEvaluation,
  title: "转移支付年度绩效目标自评表",
  headerFields: [["转移支付名称"], ["中央主管部门", "地方主管部门"]],
  fundsUnitLabel: "资金情况（万元）",
  fundsColumns: [
    { key: "budget", label: "全年预算数(A)" },
    { key: "actual", label: "全年执行数(B)" },
    { key: "rate", label: "预算执行率(B/A)" },
  ],
  fundsRows: [{ label: "年度资金总额" }, { label: "中央财政资金", parent: 0 }, { label: "地方资金", parent: 0 }, { label: "其他资金", parent: 0 }],
  fundsWeight: null,
  indicatorColumns: [...LEVELS, { key: "target", label: "指标值" }, { key: "actual", label: "全年实际值" }, { key: "reason", label: "未完成原因分析" }],
  skeleton: PROJECT_SKELETON,
  extraBlocks: ["资金管理情况"],
};

export const PERFORMANCE_LAYOUTS: PerformanceLayout[] = [ProjectGansu, ProjectBeijing, ProjectXinjiang, OverallGansu, DistrictYunnan, TransferGansu];
