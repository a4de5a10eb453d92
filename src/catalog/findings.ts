/**
 * Every kind of finding the checks report besides the rules of the tables (whose ids and messages
 * are the rules' own, rules/*.ts): its id and what it is called, in the domain's words. The core
 * names a kind only through `kind()`, so an id it uses is always one listed here.
 */

/** What a finding can be: its severity is part of a rule's data, so it is the catalog's word. */
export type Severity = "error" | "tail" | "warning" | "info";

/** The order findings are read in: what must be corrected, what must be looked at, what is said, then the rounding tails. */
export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info", "tail"];

/** What the accountant reads for each severity. */
export const SEVERITY_NAMES: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示", tail: "尾差" };

export const FINDING_KINDS = {
  // reading the workbook
  "locate.missing": "未找到的表",
  "locate.columns": "未能读取的科目代码列",
  "locate.unit": "换算了金额单位的表",
  "locate.stray": "远离表格未读取的单元格",
  "locate.hidden": "隐藏工作表中的表",
  "locate.perfMissing": "未找到的绩效自评表",
  "relation.unchecked": "未核对的关系",
  "cell.error": "错误值单元格",
  "cell.notAmount": "不是金额的单元格",
  "cell.uncalculated": "未计算的公式",
  "document.unread": "未读取的页面",
  // the printed form of a table
  "form.negative": "不应为负的金额",
  "form.emptyNote": "空表未注明无数据",
  "form.blank": "应填 0 的空白金额",
  // 科目 codes
  "codes.duplicate": "重复的科目代码",
  "codes.name": "科目名称与代码不符",
  "codes.parent": "上级科目不符",
  "codes.unknown": "字典中没有的科目代码",
  // the 决算说明
  "N.amount": "说明中的金额",
  "N.execution": "说明中的执行率",
  "N.gap": "说明中的预决算差异率",
  "N.share": "说明中的占比",
  "N.share.base": "说明中占比的基数",
  "N.yoy": "说明中的同比增减",
  "N.yoy.direction": "说明中增减方向",
  "N.projects": "说明中的项目",
  "N.projects.all": "说明中项目执行数合计",
  "N.projects.funds": "说明中项目资金合计",
  "N.unchecked": "说明中未核对的数字",
  "N.unfinished": "说明中未完成的草稿",
  "N.contents": "目录与文件中的表",
  "N.placeholder": "占位的单位名称",
  "N.department": "与文件不一致的单位名称",
  "N.year": "与文件年度不符的年份",
  "N.comparison": "与数字不符的比较用语",
  "N.parts": "合计与其中各项",
  "N.reason": "增减变动未说明原因",
  "N.typing": "重复字词与标点",
  // last year's figures (a 上年数 sheet)
  "Y.carryOver": "年初结转和结余与上年年末数",
  "Y.change": "较上年变动大而未说明原因",
  // the 绩效自评表
  "P.cap": "总分超过满分",
  "P.funds.rate": "预算执行率",
  "P.funds.score": "预算执行率得分",
  "P.funds.sum": "资金合计",
  "P.grade": "等级",
  "P.indicator.score": "指标得分",
  "P.indicator.completion": "指标完成率",
  "P.link.actual": "指标实际值与资金表",
  "P.link.rate": "指标执行率与资金表",
  "P.link.unit": "指标单位",
  "P.project": "项目支出绩效自评表",
  "P.total.sum": "总分",
  "P.weights.sum": "分值合计",
  "P.weights.tree": "各级分值",
  "P.whole": "部门整体支出绩效自评表",
  "P.text.budget": "自评文字中的预算数",
  "P.text.actual": "自评文字中的执行数",
  "P.text.rate": "自评文字中的执行率",
  "P.text.score": "自评文字中的得分",
  "P.text.grade": "自评文字中的等级",
  // the 绩效自评表 against the disclosure tables and the 说明
  "P~T03.total": "年度资金总额与公开03表",
  "P~T03.basic": "基本支出与公开03表",
  "P~T03.project": "项目支出与公开03表",
  "P~T06.personnel": "人员经费与公开06表",
  "P~T06.public": "公用经费与公开06表",
  "P~T05.projects": "项目执行数与公开05表",
  "P~N.project": "说明中的项目与自评表",
} as const;

export type FindingKind = keyof typeof FINDING_KINDS;

/** The same names in English (the pane's en-US): every kind must have one. */
export const FINDING_KINDS_EN: Record<FindingKind, string> = {
  "locate.missing": "Tables not found",
  "locate.columns": "Subject-code columns not read",
  "locate.unit": "Tables converted to another unit",
  "locate.stray": "Cells far from the tables, not read",
  "locate.hidden": "Tables on hidden sheets",
  "locate.perfMissing": "Self-evaluation tables not found",
  "relation.unchecked": "Relations not checked",
  "cell.error": "Cells with error values",
  "cell.notAmount": "Cells that are not amounts",
  "cell.uncalculated": "Formulas without results",
  "document.unread": "Pages not read, scanned or without characters",
  "form.negative": "Negative amounts where none can be",
  "form.emptyNote": "Empty tables without their no-data note",
  "form.blank": "Blank amounts that should read 0",
  "codes.duplicate": "Duplicate subject codes",
  "codes.name": "Subject names that do not match their codes",
  "codes.parent": "Wrong parent subjects",
  "codes.unknown": "Subject codes not in the dictionary",
  "N.amount": "Amounts in the explanation",
  "N.execution": "Execution rates in the explanation",
  "N.gap": "Budget-to-actual gaps in the explanation",
  "N.share": "Shares in the explanation",
  "N.share.base": "Bases of shares in the explanation",
  "N.yoy": "Year-on-year changes in the explanation",
  "N.yoy.direction": "Directions of change in the explanation",
  "N.projects": "Projects in the explanation",
  "N.projects.all": "Total of project spending in the explanation",
  "N.projects.funds": "Total of project funds in the explanation",
  "N.unchecked": "Numbers in the explanation not checked",
  "N.unfinished": "Unfinished draft explanation",
  "N.contents": "Contents against the tables in the document",
  "N.placeholder": "Placeholder department names",
  "N.department": "Another department's name",
  "N.year": "Years that are not the document's",
  "N.comparison": "Comparison words against their figures",
  "N.parts": "Totals against their parts",
  "N.reason": "Changes without a reason",
  "N.typing": "Words and punctuation typed twice",
  "Y.carryOver": "Opening balances against last year's closing",
  "Y.change": "Large changes on last year without a reason",
  "P.cap": "Scores above the maximum",
  "P.funds.rate": "Budget execution rate",
  "P.funds.score": "Execution-rate score",
  "P.funds.sum": "Funds totals",
  "P.grade": "Grade",
  "P.indicator.score": "Indicator scores",
  "P.indicator.completion": "Indicator completion rates",
  "P.link.actual": "Indicator actuals against the funds",
  "P.link.rate": "Indicator rates against the funds",
  "P.link.unit": "Indicator units",
  "P.project": "Project self-evaluation table",
  "P.total.sum": "Total score",
  "P.weights.sum": "Weights total",
  "P.weights.tree": "Weights by level",
  "P.whole": "Whole-department self-evaluation table",
  "P.text.budget": "Budget in the self-evaluation text",
  "P.text.actual": "Spending in the self-evaluation text",
  "P.text.rate": "Execution rate in the self-evaluation text",
  "P.text.score": "Score in the self-evaluation text",
  "P.text.grade": "Grade in the self-evaluation text",
  "P~T03.total": "Annual funds against table 03",
  "P~T03.basic": "Basic spending against table 03",
  "P~T03.project": "Project spending against table 03",
  "P~T06.personnel": "Personnel costs against table 06",
  "P~T06.public": "Public costs against table 06",
  "P~T05.projects": "Project spending against table 05",
  "P~N.project": "Projects in the explanation against the self-evaluation",
};

/** A kind's id, checked against the registry when the program is compiled. */
export function kind(id: FindingKind): FindingKind {
  return id;
}

/** 02表 and 03表 (or any two coded tables) listing different 科目: "T02~T03.codes". */
export function tablesCodesKind(a: string, b: string): string {
  return `${a}~${b}.codes`;
}
