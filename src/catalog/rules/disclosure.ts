/** 勾稽关系 of the disclosure tables (../shared/spec/rules.md), as data. */
import { CompareRule, HierarchyRule, ListSumRule, Rule, RowSumRule, SumRule, Term } from "./types";
import { FUNCTION_CLASSES } from "../tables/disclosure";
import { ECONOMIC_CLASSIFICATION, basicExpenditurePart } from "../classification/economic";

/** the 类 (3-digit) codes of the 经济分类, in code order */
const ECONOMIC_CLASSES = [...ECONOMIC_CLASSIFICATION[2024].keys()].filter((c) => c.length === 3).sort();

const range = (from: number, to: number, col: string): Term[] => Array.from({ length: to - from + 1 }, (_, i) => ({ line: from + i, col }));

const SUM_MESSAGE = "{total}应等于{terms}：应为{expected}，实为{actual}，差{difference}";
const ROW_MESSAGE = "{total}应等于{terms}：应为{expected}，实为{actual}，差{difference}";
const HIERARCHY_MESSAGE = "{total}应等于其下级科目之和：应为{expected}，实为{actual}，差{difference}";

const sum = (id: string, table: string, total: Term, terms: Term[], missingAsZero?: boolean): SumRule => ({
  kind: "sum",
  id,
  severity: "error",
  message: SUM_MESSAGE,
  table,
  total,
  terms,
  missingAsZero,
});
const rowSum = (id: string, table: string, total: string, terms: RowSumRule["terms"], items?: RowSumRule["items"]): RowSumRule => ({
  kind: "rowSum",
  id,
  severity: "error",
  message: ROW_MESSAGE,
  table,
  total,
  terms,
  items,
});
const hierarchy = (id: string, table: string, cols: string[], totalKey = "total"): HierarchyRule => ({
  kind: "hierarchy",
  id,
  severity: "error",
  message: HIERARCHY_MESSAGE,
  table,
  cols,
  totalKey,
});
const equal = (id: string, left: CompareRule["left"], right: CompareRule["right"], message: string): CompareRule => ({
  kind: "compare",
  id,
  severity: "error",
  op: "=",
  left,
  right,
  message,
});
const CROSS_MESSAGE = "{total}应等于{terms}：应为{expected}，实为{actual}，差{difference}";
const NOT_ABOVE_MESSAGE = "{total}不应超过{terms}：{terms}为{expected}，{total}为{actual}，超出{difference}";
const cross = (id: string, left: [string, Term[]], right: [string, Term[]], opts: Partial<CompareRule> = {}): CompareRule => ({
  kind: "compare",
  id,
  severity: "error",
  op: "=",
  message: CROSS_MESSAGE,
  left: { table: left[0], terms: left[1] },
  right: { table: right[0], terms: right[1] },
  ...opts,
});
const notAbove = (id: string, left: [string, Term[]], right: [string, Term[]]): CompareRule =>
  cross(id, left, right, { op: "<=", severity: "warning", message: NOT_ABOVE_MESSAGE });
const total = (col: string): Term => ({ key: "total", col });
const at = (line: number, col = "amount"): Term => ({ line, col });
const code = (c: string, col: string): Term => ({ code: c, col });
/** 类 lines of the two-sided tables, paired with their 功能分类 code */
const classLines = (first: number) => FUNCTION_CLASSES.map(([c], i) => ({ code: c, line: first + i }));

/** 06表 and Beijing's 政府性基金 08表: 类 = Σ 款 by code, and the 人员经费 / 公用经费 合计 */
const basicExpenditureRules = (table: string): Rule[] => [
  hierarchy(`${table}.hierarchy`, table, ["amount"], ""),
  sum(
    `${table}.personnel`,
    table,
    { key: "personnel.total", col: "amount" },
    ECONOMIC_CLASSES.filter((c) => basicExpenditurePart(c) === "personnel").map((code) => ({ code, col: "amount" })),
  ),
  sum(
    `${table}.public`,
    table,
    { key: "public.total", col: "amount" },
    ECONOMIC_CLASSES.filter((c) => basicExpenditurePart(c) === "public").map((code) => ({ code, col: "amount" })),
  ),
];
const listSum = (id: string, table: string, columns: string[]): ListSumRule => ({
  kind: "listSum",
  id,
  severity: "error",
  message: "{total}应等于各行之和：应为{expected}，实为{actual}，差{difference}",
  table,
  cols: columns,
  totalKey: "total",
});

const cols = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `c${from + i}`);

export const DISCLOSURE_RULES: Rule[] = [
  // 公开01表
  sum("T01.income", "T01", { line: 27, col: "amount" }, range(1, 8, "amount")),
  sum("T01.expense", "T01", { line: 57, col: "amount" }, range(31, 56, "amount"), true),
  sum("T01.total.in", "T01", { line: 30, col: "amount" }, range(27, 29, "amount")),
  sum("T01.total.out", "T01", { line: 60, col: "amount" }, range(57, 59, "amount")),
  equal(
    "T01.balance",
    { table: "T01", terms: [{ line: 30, col: "amount" }] },
    { table: "T01", terms: [{ line: 60, col: "amount" }] },
    "收入总计应等于支出总计：收入总计{left}，支出总计{right}，差{difference}",
  ),
  // 公开02表, 03表, 05表, 07表, 08表: within rows and down the 科目 hierarchy
  rowSum(
    "T02.row",
    "T02",
    "c1",
    cols(2, 7).map((col) => ({ col })),
  ),
  hierarchy("T02.hierarchy", "T02", cols(1, 7)),
  rowSum(
    "T03.row",
    "T03",
    "c1",
    cols(2, 6).map((col) => ({ col })),
  ),
  hierarchy("T03.hierarchy", "T03", cols(1, 6)),
  rowSum("T05.row", "T05", "c1", [{ col: "c2" }, { col: "c3" }]),
  hierarchy("T05.hierarchy", "T05", cols(1, 3)),
  rowSum("T07.row", "T07", "c3", [{ col: "c4" }, { col: "c5" }]),
  rowSum("T07.balance", "T07", "c6", [{ col: "c1" }, { col: "c2" }, { col: "c3", sign: -1 }]),
  hierarchy("T07.hierarchy", "T07", cols(1, 6)),
  rowSum("T08.row", "T08", "c1", [{ col: "c2" }, { col: "c3" }]),
  hierarchy("T08.hierarchy", "T08", cols(1, 3)),
  // 公开04表
  sum("T04.income", "T04", { line: 27, col: "amount" }, range(1, 3, "amount")),
  sum("T04.carryover.in", "T04", { line: 28, col: "amount" }, range(29, 31, "amount")),
  sum("T04.total.in", "T04", { line: 32, col: "amount" }, range(27, 28, "amount")),
  rowSum(
    "T04.expense.row",
    "T04",
    "c2",
    [{ col: "c3" }, { col: "c4" }, { col: "c5" }],
    [...Array.from({ length: 28 }, (_, i) => ({ line: 33 + i })), { line: 64 }],
  ),
  ...cols(2, 5).map((c) => sum(`T04.expense.${c}`, "T04", { line: 59, col: c }, range(33, 58, c), true)),
  ...cols(2, 5).map((c) => sum(`T04.total.out.${c}`, "T04", { line: 64, col: c }, range(59, 60, c))),
  // per fund: 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出
  ...(
    [
      [1, 29, "c3", "general"],
      [2, 30, "c4", "fund"],
      [3, 31, "c5", "capital"],
    ] as const
  ).map(([income, opening, col, fund]) =>
    sum(`T04.carryover.${fund}`, "T04", { line: 60, col }, [
      { line: opening, col: "amount" },
      { line: income, col: "amount" },
      { line: 59, col, sign: -1 },
    ]),
  ),
  equal(
    "T04.balance",
    { table: "T04", terms: [{ line: 32, col: "amount" }] },
    { table: "T04", terms: [{ line: 64, col: "c2" }] },
    "收入总计应等于支出总计：收入总计{left}，支出总计{right}，差{difference}",
  ),
  // 公开06表: 类 = Σ 款 by code, and the two 合计
  ...basicExpenditureRules("T06"),
  // the 人员经费 / 公用经费 split follows the 经济分类: 301, 303 personnel; 302, 307, 310, 399 public
  // 公开09表: 合计 and 小计, for 预算数 and 决算数
  sum("T09.budget.total", "T09", { key: "values", col: "c1" }, [
    { key: "values", col: "c2" },
    { key: "values", col: "c3" },
    { key: "values", col: "c6" },
  ]),
  sum("T09.budget.cars", "T09", { key: "values", col: "c3" }, [
    { key: "values", col: "c4" },
    { key: "values", col: "c5" },
  ]),
  sum("T09.final.total", "T09", { key: "values", col: "c7" }, [
    { key: "values", col: "c8" },
    { key: "values", col: "c9" },
    { key: "values", col: "c12" },
  ]),
  sum("T09.final.cars", "T09", { key: "values", col: "c9" }, [
    { key: "values", col: "c10" },
    { key: "values", col: "c11" },
  ]),
  // 公开09表: 决算数 above 预算数 must be explained (超预算)
  ...[
    [7, 1, "合计"],
    [8, 2, "因公出国（境）费"],
    [9, 3, "公务用车购置及运行维护费"],
    [12, 6, "公务接待费"],
  ].map(([f, b, name]) => notAbove(`T09.overBudget.${name}`, ["T09", [{ key: "values", col: `c${f}` }]], ["T09", [{ key: "values", col: `c${b}` }]])),

  // across tables
  cross("T01~T02.fiscal", ["T01", [at(1), at(2), at(3)]], ["T02", [total("c2")]]),
  ...[
    [4, 3],
    [5, 4],
    [6, 5],
    [7, 6],
    [8, 7],
  ].map(([line, c]) => cross(`T01~T02.r${line}`, ["T01", [at(line)]], ["T02", [total(`c${c}`)]])),
  cross("T01~T02.total", ["T01", [at(27)]], ["T02", [total("c1")]]),
  cross("T01~T03.total", ["T01", [at(57)]], ["T03", [total("c1")]]),
  ...classLines(31).map(({ code: c, line }) => cross(`T01~T03.${c}`, ["T01", [at(line)]], ["T03", [code(c, "c1")]], { missingAsZero: true })),
  ...[1, 2, 3].map((line) => cross(`T01~T04.r${line}`, ["T01", [at(line)]], ["T04", [at(line)]])),
  ...classLines(33).map(({ code: c, line }) => cross(`T04~T05.${c}`, ["T04", [at(line, "c3")]], ["T05", [code(c, "c1")]], { missingAsZero: true })),
  cross("T04~T05.total", ["T04", [at(59, "c3")]], ["T05", [total("c1")]]),
  ...classLines(33).map(({ code: c, line }) => cross(`T04~T07.${c}`, ["T04", [at(line, "c4")]], ["T07", [code(c, "c3")]], { missingAsZero: true })),
  cross("T04~T07.total", ["T04", [at(59, "c4")]], ["T07", [total("c3")]]),
  ...classLines(33).map(({ code: c, line }) => cross(`T04~T08.${c}`, ["T04", [at(line, "c5")]], ["T08", [code(c, "c1")]], { missingAsZero: true })),
  cross("T04~T08.total", ["T04", [at(59, "c5")]], ["T08", [total("c1")]]),
  cross("T07~T01.income", ["T07", [total("c2")]], ["T01", [at(2)]]),
  cross("T07~T04.income", ["T07", [total("c2")]], ["T04", [at(2)]]),
  cross(
    "T05~T06.basic",
    ["T05", [total("c2")]],
    [
      "T06",
      [
        { key: "personnel.total", col: "amount" },
        { key: "public.total", col: "amount" },
      ],
    ],
  ),
  notAbove("T05+T07+T08~T03.basic", ["T05", [total("c2"), { ...total("c4"), table: "T07" }, { ...total("c2"), table: "T08" }]], ["T03", [total("c2")]]),
  notAbove("T05+T07+T08~T03.project", ["T05", [total("c3"), { ...total("c5"), table: "T07" }, { ...total("c3"), table: "T08" }]], ["T03", [total("c3")]]),
  notAbove(
    "T06~T09.threePublic",
    ["T06", [code("30212", "amount"), code("30217", "amount"), code("30231", "amount")]],
    [
      "T09",
      [
        { key: "values", col: "c8" },
        { key: "values", col: "c12" },
        { key: "values", col: "c11" },
      ],
    ],
  ),
  // the usual booking of personnel 功能科目 to 经济科目: a convention, so a warning
  ...(
    [
      ["2080505", ["30108"]],
      ["2080506", ["30109"]],
      ["21011", ["30110", "30111", "30112"]],
      ["2101103", ["30111"]],
      ["2210201", ["30113"]],
    ] as [string, string[]][]
  ).map(([fn, econ]) =>
    cross(`T05~T06.convention.${fn}`, ["T05", [code(fn, "c2")]], ["T06", econ.map((e) => code(e, "amount"))], {
      severity: "warning",
      message: "按常规，{total}应等于{terms}（提示性口径，请核对）：应为{expected}，实为{actual}，差{difference}",
    }),
  ),
];

/** Beijing's local tables (../tables/local.ts) */
export const LOCAL_RULES: Rule[] = [
  ...basicExpenditureRules("T10"),
  cross(
    "T10~T07.basic",
    [
      "T10",
      [
        { key: "personnel.total", col: "amount" },
        { key: "public.total", col: "amount" },
      ],
    ],
    ["T07", [total("c4")]],
  ),
  rowSum(
    "T11.row",
    "T11",
    "c1",
    cols(2, 4).map((col) => ({ col })),
  ),
  listSum("T11.list", "T11", cols(1, 6)),
  notAbove("T11.sme", ["T11", [total("c5")]], ["T11", [total("c1")]]),
  notAbove("T11.small", ["T11", [total("c6")]], ["T11", [total("c5")]]),
  listSum("T12.list", "T12", ["c1"]),
];
