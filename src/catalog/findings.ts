/**
 * Every kind of finding the checks report besides the rules of the tables (whose ids and messages
 * are the rules' own, rules/*.ts): its id and what it is called, in the domain's words. The core
 * names a kind only through `kind()`, so an id it uses is always one listed here.
 */

/** What a finding can be: its severity is part of a rule's data, so it is the catalog's word. */
export type Severity = "error" | "tail" | "warning" | "info";

/** The order findings are read in: what must be corrected, what must be looked at, what is said, then the rounding tails. */
export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info", "tail"];

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

/** A kind's id, checked against the registry when the program is compiled. */
export function kind(id: FindingKind): FindingKind {
  return id;
}

/** 02表 and 03表 (or any two coded tables) listing different 科目: "T02~T03.codes". */
export function tablesCodesKind(a: string, b: string): string {
  return `${a}~${b}.codes`;
}
