/**
 * Tables only some regions publish. ../shared/spec/tables.md names Beijing's three additions
 * (公开08表 政府性基金预算财政拨款基本支出决算表, 公开11表 政府采购情况表, 公开12表 政府购买服务决算公开
 * 情况表) without their layouts; the layouts here follow ../shared/research/domain-rules.md §1.4:
 * - 08: "same two-block layout as 06 but for 政府性基金" (inferred from the title);
 * - 11: totals by 货物/工程/服务, 授予中小企业合同金额 and 其中授予小微企业 (the columns as recalled;
 *   the 说明 of every province reports exactly these figures, seed 001 §十一), one row per 单位;
 * - 12: one row per 服务项目 with its 指导性目录 code and name, 承接主体 and 金额 (recalled).
 * They are marked `layoutSource: "recalled"` so a published Beijing table can correct them.
 */
import { GeneralBudgetBasicExpenditure, amount, panelRows, totalRow } from "./disclosure";
import { TableDef } from "./types";

export const GovernmentFundBasicExpenditure: TableDef = {
  ...GeneralBudgetBasicExpenditure,
  id: "T10",
  number: "公开08表",
  title: "政府性基金预算财政拨款基本支出决算表",
  heading: "八、政府性基金预算财政拨款基本支出决算表",
  aliases: ["政府性基金预算财政拨款基本支出决算明细表"],
  numbers: { beijing: "公开08表" },
  fixedRows: panelRows(),
  note: "注：本表反映部门本年度政府性基金预算财政拨款基本支出明细情况。",
  layoutSource: "inferred",
};

export const GovernmentProcurement: TableDef = {
  nonNegative: true,
  id: "T11",
  number: "公开11表",
  title: "政府采购情况表",
  heading: "十一、政府采购情况表",
  aliases: ["政府采购支出情况表", "政府采购决算情况表"],
  numbers: { beijing: "公开11表" },
  layout: "listed_rows",
  unit: "万元",
  columns: [
    { key: "name", header: ["单位名称"], kind: "label", width: 28 },
    amount("c1", "1", ["政府采购支出金额", "合计"]),
    amount("c2", "2", ["政府采购支出金额", "货物"]),
    amount("c3", "3", ["政府采购支出金额", "工程"]),
    amount("c4", "4", ["政府采购支出金额", "服务"]),
    amount("c5", "5", ["授予中小企业合同金额", "合计"]),
    amount("c6", "6", ["授予中小企业合同金额", "其中：授予小微企业合同金额"]),
  ],
  fixedRows: [totalRow],
  openRows: { blankRows: 10 },
  note: "注：本表反映部门本年度政府采购支出情况（政府采购合同金额，不含涉密采购项目）。",
  layoutSource: "recalled",
};

export const GovernmentPurchasedServices: TableDef = {
  nonNegative: true,
  id: "T12",
  number: "公开12表",
  title: "政府购买服务决算公开情况表",
  heading: "十二、政府购买服务决算公开情况表",
  aliases: ["政府购买服务决算情况表", "政府购买服务情况表"],
  numbers: { beijing: "公开12表" },
  layout: "listed_rows",
  unit: "万元",
  columns: [
    { key: "name", header: ["服务项目名称"], kind: "label", width: 30 },
    { key: "catalogCode", header: ["政府购买服务指导性目录", "代码"], kind: "text", width: 12 },
    { key: "catalogName", header: ["政府购买服务指导性目录", "名称"], kind: "text", width: 24 },
    { key: "provider", header: ["承接主体"], kind: "text", width: 24 },
    amount("c1", "1", ["金额"]),
  ],
  fixedRows: [totalRow],
  openRows: { blankRows: 10 },
  note: "注：本表反映部门本年度使用财政资金向社会力量购买服务的情况。",
  layoutSource: "recalled",
};

/** Regional additions, found and checked in every workbook, templated for their region. */
export const LOCAL_TABLES: TableDef[] = [GovernmentFundBasicExpenditure, GovernmentProcurement, GovernmentPurchasedServices];
