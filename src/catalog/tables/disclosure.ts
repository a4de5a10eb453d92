/**
 * The 部门决算公开 tables as published for 2024 (layouts: ../shared/spec/tables.md, 甘肃 order;
 * the other regional numbers in `numbers`). Data only.
 */
import { ColumnDef, FixedRow, TableDef } from "./types";

/** The 类 of 支出功能分类 in the order 01表 and 04表 print them. */
export const FUNCTION_CLASSES: [string, string][] = [
  ["201", "一般公共服务支出"],
  ["202", "外交支出"],
  ["203", "国防支出"],
  ["204", "公共安全支出"],
  ["205", "教育支出"],
  ["206", "科学技术支出"],
  ["207", "文化旅游体育与传媒支出"],
  ["208", "社会保障和就业支出"],
  ["210", "卫生健康支出"],
  ["211", "节能环保支出"],
  ["212", "城乡社区支出"],
  ["213", "农林水支出"],
  ["214", "交通运输支出"],
  ["215", "资源勘探工业信息等支出"],
  ["216", "商业服务业等支出"],
  ["217", "金融支出"],
  ["219", "援助其他地区支出"],
  ["220", "自然资源海洋气象等支出"],
  ["221", "住房保障支出"],
  ["222", "粮油物资储备支出"],
  ["223", "国有资本经营预算支出"],
  ["224", "灾害防治及应急管理支出"],
  ["229", "其他支出"],
  ["231", "债务还本支出"],
  ["232", "债务付息支出"],
  ["234", "抗疫特别国债安排的支出"],
];

const CN_ORDINALS = "一二三四五六七八九十".split("");
/** 1 → 一, 12 → 十二, 21 → 二十一, as the tables number their lines. */
export function chineseOrdinal(n: number): string {
  if (n <= 10) return CN_ORDINALS[n - 1];
  if (n < 20) return `十${CN_ORDINALS[n - 11]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${CN_ORDINALS[tens - 1]}十${ones ? CN_ORDINALS[ones - 1] : ""}`;
}

/** Expense lines of a two-sided table: one per function class, numbered from `firstLine`. */
function expenseClassLines(firstLine: number): { line: number; label: string; code: string }[] {
  return FUNCTION_CLASSES.map(([code, name], i) => ({ line: firstLine + i, label: `${chineseOrdinal(i + 1)}、${name}`, code }));
}

/** Pair income lines (left) and expense lines (right) into printed rows keyed by the income 行次. */
function twoSidedRows(income: { line: number; label: string }[], expense: { line: number; label: string; code?: string }[]): FixedRow[] {
  return income.map((inc, i) => {
    const exp = expense[i];
    const cells: Record<string, string | number> = { "income.label": inc.label, "income.line": inc.line };
    if (exp) {
      cells["expense.line"] = exp.line;
      if (exp.label) cells["expense.label"] = exp.label;
      if (exp.code) cells["expense.code"] = exp.code;
    }
    return { key: `r${inc.line}`, cells };
  });
}

const lines = (first: number, labels: string[]) => labels.map((label, i) => ({ line: first + i, label }));

const codeColumns: ColumnDef[] = [
  { key: "code", header: ["项目", "科目代码"], kind: "code", width: 11 },
  { key: "name", header: ["项目", "科目名称"], kind: "label", width: 34 },
];

export const totalRow: FixedRow = { key: "total", cells: { name: "合计" } };

export const amount = (key: string, lanci: string, header: string[], width = 14): ColumnDef => ({ key, lanci, header, kind: "amount", width });

export const IncomeExpenditureSummary: TableDef = {
  id: "T01",
  number: "公开01表",
  title: "收入支出决算总表",
  heading: "一、收入支出决算总表",
  aliases: ["部门收支决算总表", "收支决算总表", "收入支出决算表"],
  numbers: { mof: "公开01表", gansu: "公开01表", beijing: "公开01表", yunnan: "公开01表", shanghai: "公开01表" },
  layout: "two_sided",
  unit: "万元",
  columns: [
    { key: "income.label", header: ["收入", "项目"], kind: "label", width: 32, side: "income" },
    { key: "income.line", header: ["收入", "行次"], kind: "lineNo", width: 5, side: "income" },
    { ...amount("income.amount", "1", ["收入", "金额"]), side: "income" },
    { key: "expense.label", header: ["支出", "项目"], kind: "label", width: 32, side: "expense" },
    { key: "expense.line", header: ["支出", "行次"], kind: "lineNo", width: 5, side: "expense" },
    { ...amount("expense.amount", "2", ["支出", "金额"]), side: "expense" },
  ],
  fixedRows: twoSidedRows(
    [
      ...lines(1, [
        "一、一般公共预算财政拨款收入",
        "二、政府性基金预算财政拨款收入",
        "三、国有资本经营预算财政拨款收入",
        "四、上级补助收入",
        "五、事业收入",
        "六、经营收入",
        "七、附属单位上缴收入",
        "八、其他收入",
      ]),
      ...lines(9, Array<string>(18).fill("")),
      ...lines(27, ["本年收入合计", "使用非财政拨款结余（含专用结余）", "年初结转和结余", "总计"]),
    ],
    [...expenseClassLines(31), ...lines(57, ["本年支出合计", "结余分配", "年末结转和结余", "总计"])],
  ),
  note: "注：1.本表反映部门本年度的总收支和年末结转结余情况。 2.本套报表金额单位转换时可能存在尾数误差。",
};

export const IncomeStatement: TableDef = {
  nonNegative: true,
  id: "T02",
  number: "公开02表",
  title: "收入决算表",
  heading: "二、收入决算表",
  aliases: ["部门收入决算表"],
  numbers: { mof: "公开02表", gansu: "公开02表", beijing: "公开02表", yunnan: "公开02表", shanghai: "公开02表" },
  layout: "coded_rows",
  unit: "万元",
  columns: [
    ...codeColumns,
    amount("c1", "1", ["本年收入合计"]),
    amount("c2", "2", ["财政拨款收入"]),
    amount("c3", "3", ["上级补助收入"]),
    amount("c4", "4", ["事业收入"]),
    amount("c5", "5", ["经营收入"]),
    amount("c6", "6", ["附属单位上缴收入"]),
    amount("c7", "7", ["其他收入"]),
  ],
  fixedRows: [totalRow],
  openRows: { classification: "function", blankRows: 20 },
  note: "注：本表反映部门本年度取得的各项收入情况。",
};

export const ExpenditureStatement: TableDef = {
  nonNegative: true,
  id: "T03",
  number: "公开03表",
  title: "支出决算表",
  heading: "三、支出决算表",
  aliases: ["部门支出决算表"],
  numbers: { mof: "公开03表", gansu: "公开03表", beijing: "公开03表", yunnan: "公开03表", shanghai: "公开03表" },
  layout: "coded_rows",
  unit: "万元",
  columns: [
    ...codeColumns,
    amount("c1", "1", ["本年支出合计"]),
    amount("c2", "2", ["基本支出"]),
    amount("c3", "3", ["项目支出"]),
    amount("c4", "4", ["上缴上级支出"]),
    amount("c5", "5", ["经营支出"]),
    amount("c6", "6", ["对附属单位补助支出"]),
  ],
  fixedRows: [totalRow],
  openRows: { classification: "function", blankRows: 20 },
  note: "注：本表反映部门本年度各项支出情况。",
};

export const FiscalAppropriationSummary: TableDef = {
  id: "T04",
  number: "公开04表",
  title: "财政拨款收入支出决算总表",
  heading: "四、财政拨款收入支出决算总表",
  aliases: ["财政拨款收支决算总表", "财政拨款收入支出决算表"],
  numbers: { mof: "公开04表", gansu: "公开04表", beijing: "公开04表", yunnan: "公开04表", shanghai: "公开04表" },
  layout: "two_sided",
  unit: "万元",
  columns: [
    { key: "income.label", header: ["收入", "项目"], kind: "label", width: 28, side: "income" },
    { key: "income.line", header: ["收入", "行次"], kind: "lineNo", width: 5, side: "income" },
    { ...amount("income.amount", "1", ["收入", "金额"]), side: "income" },
    { key: "expense.label", header: ["支出", "项目"], kind: "label", width: 30, side: "expense" },
    { key: "expense.line", header: ["支出", "行次"], kind: "lineNo", width: 5, side: "expense" },
    { ...amount("expense.c2", "2", ["支出", "合计"]), side: "expense" },
    { ...amount("expense.c3", "3", ["支出", "一般公共预算财政拨款"]), side: "expense" },
    { ...amount("expense.c4", "4", ["支出", "政府性基金预算财政拨款"]), side: "expense" },
    { ...amount("expense.c5", "5", ["支出", "国有资本经营预算财政拨款"]), side: "expense" },
  ],
  fixedRows: twoSidedRows(
    [
      ...lines(1, ["一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款"]),
      ...lines(4, Array<string>(23).fill("")),
      ...lines(27, ["本年收入合计", "年初财政拨款结转和结余", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款", "总计"]),
    ],
    [...expenseClassLines(33), ...lines(59, ["本年支出合计", "年末财政拨款结转和结余", "", "", "", "总计"])],
  ),
  note: "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。",
};

export const GeneralBudgetExpenditure: TableDef = {
  nonNegative: true,
  id: "T05",
  number: "公开05表",
  title: "一般公共预算财政拨款支出决算表",
  heading: "五、一般公共预算财政拨款支出决算表",
  aliases: ["一般公共预算财政拨款收入支出决算表"],
  numbers: { mof: "公开05表", gansu: "公开05表", beijing: "公开05表", yunnan: "公开05表", shanghai: "公开05表" },
  layout: "coded_rows",
  unit: "万元",
  columns: [...codeColumns, amount("c1", "1", ["本年支出", "小计"]), amount("c2", "2", ["本年支出", "基本支出"]), amount("c3", "3", ["本年支出", "项目支出"])],
  fixedRows: [totalRow],
  openRows: { classification: "function", blankRows: 20 },
  note: "注：本表反映部门本年度一般公共预算财政拨款支出情况。",
};

/** 06表's three panels: 人员经费 (301, 303) on the left, 公用经费 (302; 307, 310, 399) in two panels. */
const BASIC_LEFT: [string, string][] = [
  ["301", "工资福利支出"],
  ["30101", "基本工资"],
  ["30102", "津贴补贴"],
  ["30103", "奖金"],
  ["30106", "伙食补助费"],
  ["30107", "绩效工资"],
  ["30108", "机关事业单位基本养老保险缴费"],
  ["30109", "职业年金缴费"],
  ["30110", "职工基本医疗保险缴费"],
  ["30111", "公务员医疗补助缴费"],
  ["30112", "其他社会保障缴费"],
  ["30113", "住房公积金"],
  ["30114", "医疗费"],
  ["30199", "其他工资福利支出"],
  ["303", "对个人和家庭的补助"],
  ["30301", "离休费"],
  ["30302", "退休费"],
  ["30303", "退职（役）费"],
  ["30304", "抚恤金"],
  ["30305", "生活补助"],
  ["30306", "救济费"],
  ["30307", "医疗费补助"],
  ["30308", "助学金"],
  ["30309", "奖励金"],
  ["30310", "个人农业生产补贴"],
  ["30311", "代缴社会保险费"],
  ["30399", "其他对个人和家庭的补助"],
];
const BASIC_MIDDLE: [string, string][] = [
  ["302", "商品和服务支出"],
  ["30201", "办公费"],
  ["30202", "印刷费"],
  ["30203", "咨询费"],
  ["30204", "手续费"],
  ["30205", "水费"],
  ["30206", "电费"],
  ["30207", "邮电费"],
  ["30208", "取暖费"],
  ["30209", "物业管理费"],
  ["30211", "差旅费"],
  ["30212", "因公出国（境）费用"],
  ["30213", "维修（护）费"],
  ["30214", "租赁费"],
  ["30215", "会议费"],
  ["30216", "培训费"],
  ["30217", "公务接待费"],
  ["30218", "专用材料费"],
  ["30224", "被装购置费"],
  ["30225", "专用燃料费"],
  ["30226", "劳务费"],
  ["30227", "委托业务费"],
  ["30228", "工会经费"],
  ["30229", "福利费"],
  ["30231", "公务用车运行维护费"],
  ["30239", "其他交通费用"],
  ["30240", "税金及附加费用"],
  ["30299", "其他商品和服务支出"],
];
const BASIC_RIGHT: [string, string][] = [
  ["307", "债务利息及费用支出"],
  ["30701", "国内债务付息"],
  ["30702", "国外债务付息"],
  ["310", "资本性支出"],
  ["31001", "房屋建筑物购建"],
  ["31002", "办公设备购置"],
  ["31003", "专用设备购置"],
  ["31005", "基础设施建设"],
  ["31006", "大型修缮"],
  ["31007", "信息网络及软件购置更新"],
  ["31008", "物资储备"],
  ["31009", "土地补偿"],
  ["31010", "安置补助"],
  ["31011", "地上附着物和青苗补偿"],
  ["31012", "拆迁补偿"],
  ["31013", "公务用车购置"],
  ["31019", "其他交通工具购置"],
  ["31021", "文物和陈列品购置"],
  ["31022", "无形资产购置"],
  ["31099", "其他资本性支出"],
  ["399", "其他支出"],
  ["39907", "国家赔偿费用支出"],
  ["39908", "对民间非营利组织和群众性自治组织补贴"],
  ["39909", "经常性赠与"],
  ["39910", "资本性赠与"],
  ["39999", "其他支出"],
];

export function panelRows(): FixedRow[] {
  const n = Math.max(BASIC_LEFT.length, BASIC_MIDDLE.length, BASIC_RIGHT.length);
  const rows: FixedRow[] = [];
  for (let i = 0; i < n; i++) {
    const cells: Record<string, string | number> = {};
    for (const [panel, list] of [
      ["p1", BASIC_LEFT],
      ["p2", BASIC_MIDDLE],
      ["p3", BASIC_RIGHT],
    ] as const) {
      const item = list[i];
      if (item) {
        cells[`${panel}.code`] = item[0];
        cells[`${panel}.name`] = item[1];
      }
    }
    rows.push({ key: `line${i + 1}`, cells });
  }
  rows.push({
    key: "summary",
    cells: { "p1.code": "人员经费合计", "p2.code": "公用经费合计" },
    items: [
      { key: "personnel.total", cols: { label: "p1.code", amount: "p1.amount" } },
      { key: "public.total", cols: { label: "p2.code", amount: "p3.amount" } },
    ],
  });
  return rows;
}

export const GeneralBudgetBasicExpenditure: TableDef = {
  nonNegative: true,
  id: "T06",
  number: "公开06表",
  title: "一般公共预算财政拨款基本支出决算明细表",
  heading: "六、一般公共预算财政拨款基本支出决算明细表",
  aliases: ["一般公共预算财政拨款基本支出决算表"],
  numbers: { mof: "公开06表", gansu: "公开06表", beijing: "公开06表", yunnan: "公开06表", shanghai: "公开06表" },
  titles: { shanghai: "一般公共预算财政拨款基本支出决算表" },
  layout: "panels",
  unit: "万元",
  columns: [
    { key: "p1.code", header: ["人员经费", "科目代码"], kind: "code", width: 9 },
    { key: "p1.name", header: ["人员经费", "科目名称"], kind: "label", width: 26 },
    { key: "p1.amount", header: ["人员经费", "决算数"], kind: "amount", width: 12 },
    { key: "p2.code", header: ["公用经费", "科目代码"], kind: "code", width: 9 },
    { key: "p2.name", header: ["公用经费", "科目名称"], kind: "label", width: 22 },
    { key: "p2.amount", header: ["公用经费", "决算数"], kind: "amount", width: 12 },
    { key: "p3.code", header: ["公用经费", "科目代码"], kind: "code", width: 9 },
    { key: "p3.name", header: ["公用经费", "科目名称"], kind: "label", width: 30 },
    { key: "p3.amount", header: ["公用经费", "决算数"], kind: "amount", width: 12 },
  ],
  fixedRows: panelRows(),
  note: "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。",
};

export const GovernmentFundExpenditure: TableDef = {
  emptyNote: "无数据",
  id: "T07",
  number: "公开07表",
  title: "政府性基金预算财政拨款收入支出决算表",
  heading: "七、政府性基金预算财政拨款收入支出决算表",
  aliases: ["政府性基金预算财政拨款支出决算表"],
  numbers: { mof: "公开08表", gansu: "公开07表", beijing: "公开07表", yunnan: "公开08表", shanghai: "公开08表" },
  layout: "coded_rows",
  unit: "万元",
  columns: [
    ...codeColumns,
    amount("c1", "1", ["年初结转和结余"]),
    amount("c2", "2", ["本年收入"]),
    amount("c3", "3", ["本年支出", "小计"]),
    amount("c4", "4", ["本年支出", "基本支出"]),
    amount("c5", "5", ["本年支出", "项目支出"]),
    amount("c6", "6", ["年末结转和结余"]),
  ],
  fixedRows: [totalRow],
  openRows: { classification: "function", blankRows: 10 },
  note: "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。",
};

export const StateCapitalExpenditure: TableDef = {
  emptyNote: "无数据",
  nonNegative: true,
  id: "T08",
  number: "公开08表",
  title: "国有资本经营预算财政拨款支出决算表",
  heading: "八、国有资本经营预算财政拨款支出决算表",
  aliases: ["国有资本经营预算财政拨款收入支出决算表"],
  numbers: { mof: "公开09表", gansu: "公开08表", beijing: "公开09表", yunnan: "公开09表", shanghai: "公开09表" },
  titles: { shanghai: "国有资本经营预算财政拨款收入支出决算表" },
  layout: "coded_rows",
  unit: "万元",
  columns: [...codeColumns, amount("c1", "1", ["本年支出", "合计"]), amount("c2", "2", ["本年支出", "基本支出"]), amount("c3", "3", ["本年支出", "项目支出"])],
  fixedRows: [totalRow],
  openRows: { classification: "function", blankRows: 10 },
  note: "注：本表反映部门本年度国有资本经营预算财政拨款支出情况。",
};

const threePublicColumns = (side: "预算数" | "决算数", first: number): ColumnDef[] => [
  amount(`c${first}`, `${first}`, [side, "合计"], 10),
  amount(`c${first + 1}`, `${first + 1}`, [side, "因公出国"], 10),
  amount(`c${first + 2}`, `${first + 2}`, [side, "公务用车购置及运行维护费", "小计"], 10),
  amount(`c${first + 3}`, `${first + 3}`, [side, "公务用车购置及运行维护费", "公务用车购置费"], 10),
  amount(`c${first + 4}`, `${first + 4}`, [side, "公务用车购置及运行维护费", "公务用车运行维护费"], 10),
  amount(`c${first + 5}`, `${first + 5}`, [side, "公务接待费"], 10),
];

export const ThreePublicExpenses: TableDef = {
  blankIsZero: true,
  nonNegative: true,
  id: "T09",
  number: "公开09表",
  title: "财政拨款“三公”经费支出决算表",
  heading: "九、财政拨款“三公”经费支出决算表",
  aliases: ["一般公共预算财政拨款“三公”经费支出决算表", "三公经费支出决算表", "财政拨款三公经费支出决算表"],
  numbers: { mof: "公开07表", gansu: "公开09表", beijing: "公开10表", yunnan: "公开11表", shanghai: "公开07表" },
  layout: "single_row",
  unit: "万元",
  columns: [...threePublicColumns("预算数", 1), ...threePublicColumns("决算数", 7)],
  fixedRows: [{ key: "values", cells: {} }],
  note: "注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。",
};

export const DISCLOSURE_TABLES: TableDef[] = [
  IncomeExpenditureSummary,
  IncomeStatement,
  ExpenditureStatement,
  FiscalAppropriationSummary,
  GeneralBudgetExpenditure,
  GeneralBudgetBasicExpenditure,
  GovernmentFundExpenditure,
  StateCapitalExpenditure,
  ThreePublicExpenses,
];
