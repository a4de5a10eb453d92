/**
 * A first draft of the 决算说明 from the tables: the standard sections in the order of the 财政部
 * template (收支总体, 收入, 支出, 财政拨款, 一般公共预算 总体/结构/具体, 基本支出, 政府性基金, 国有资本
 * 经营, 三公, 机关运行经费, 政府采购, 国有资产, 绩效), every number, share and change computed in
 * decimals and rounded as published (2 places, half up), the reasons left as "____" for the
 * accountant. The wording is the wording the checker reads, so a draft checks clean.
 */
import Decimal from "decimal.js";
import { Figures } from "../disclosure/figures";
import { Grid } from "../grid";
import { parseAmount } from "../money";
import { unquote } from "./index";
import { ProjectScore } from "../performance/score";
import { projectFunds } from "../performance/against-tables";
import { chineseOrdinal } from "../../catalog/tables/disclosure";
import { WritePlan } from "../plan";

export interface DraftSection {
  heading: string;
  paragraphs: string[];
}

export interface DraftOptions {
  dept?: string;
  year: number;
  /** last year's figures by name (收支总计, 人员经费 …), from a sheet named like 上年数 */
  lastYear?: Map<string, Decimal>;
  /** 年初预算 by 功能分类 code, from a sheet named like 年初预算 */
  budgets?: Map<string, Decimal>;
  /** the 绩效自评 scores, when the workbook holds the tables */
  scores?: ProjectScore[];
}

const REASON = "主要原因是：____。";
const ZERO = new Decimal(0);

/** "887.29" — amounts as the tables print them, without grouping (the checker reads both). */
const w = (x: Decimal) => x.toFixed(2, Decimal.ROUND_HALF_UP);
const pct = (part: Decimal, base: Decimal) => (base.isZero() ? undefined : part.div(base).mul(100).toFixed(2, Decimal.ROUND_HALF_UP));
const share = (part: Decimal, base: Decimal) => {
  const p = pct(part, base);
  return p === undefined ? "" : `，占 ${p}%`;
};

/** "与上年相比，增加 Z 万元，增长 W%" from this year's figure and last year's, or blanks to fill. */
function change(now: Decimal, last: Decimal | undefined, subject = ""): string {
  if (last === undefined) return `与上年相比，${subject}增加（减少）____万元，增长（下降）____%，${REASON}`;
  const d = now.minus(last);
  if (d.isZero()) return `与上年相比，${subject}持平。`;
  const rate = last.isZero() ? undefined : d.abs().div(last).mul(100).toFixed(2, Decimal.ROUND_HALF_UP);
  const up = d.isPos();
  return `与上年相比，${subject}${up ? "增加" : "减少"} ${w(d.abs())} 万元${rate === undefined ? "" : `，${up ? "增长" : "下降"} ${rate}%`}，${REASON}`;
}

/** Names for last year's figures: what a 上年数 sheet may call them. */
const LAST_YEAR_NAMES: Record<string, string[]> = {
  total: ["收支总计", "收、支总计", "收入总计", "总计"],
  fiscal: ["财政拨款收支总计", "财政拨款收、支总计", "财政拨款收入总计"],
  general: ["一般公共预算财政拨款支出"],
  personnel: ["人员经费"],
  public: ["公用经费"],
  threePublic: ["三公经费", "三公经费支出", "三公经费财政拨款支出"],
  operating: ["机关运行经费", "机关运行经费支出"],
};

function lastYearOf(options: DraftOptions, key: keyof typeof LAST_YEAR_NAMES): Decimal | undefined {
  for (const n of LAST_YEAR_NAMES[key]) {
    const v = options.lastYear?.get(n);
    if (v !== undefined) return v;
  }
  return undefined;
}

/**
 * Sheets beside the tables that feed the draft: "上年数" (名称 | 金额) and "年初预算" (科目代码 | 金额).
 * Text labels are unquoted and stripped of spaces; amounts are read as the checker reads them.
 */
export function draftInputs(grids: Grid[]): Pick<DraftOptions, "lastYear" | "budgets"> {
  const lastYear = new Map<string, Decimal>();
  const budgets = new Map<string, Decimal>();
  for (const g of grids) {
    const kind = /上年/.test(g.sheet) ? "last" : /年初预算/.test(g.sheet) ? "budget" : undefined;
    if (!kind) continue;
    for (const row of g.cells) {
      let key: string | undefined;
      let amount: Decimal | undefined;
      for (const cell of row) {
        const text = cell.value === null || cell.value === undefined ? "" : String(cell.value).trim();
        if (!text) continue;
        if (key === undefined) {
          // the row's key: a 科目代码 (年初预算) or a name (上年数)
          if (kind === "budget" && /^\d{3}(\d{2}){0,2}$/.test(text)) key = text;
          else if (kind === "last" && typeof cell.value === "string" && parseAmount(cell.value).kind !== "amount") key = unquote(text).replace(/\s+/g, "");
          continue;
        }
        const p = parseAmount(cell.value, cell.numberFormat);
        // the last amount on the row (after a 科目名称 or a 上年预算 column, the figure sits right)
        if (p.kind === "amount") amount = p.value;
      }
      if (key !== undefined && amount !== undefined) (kind === "last" ? lastYear : budgets).set(key, amount);
    }
  }
  return { lastYear, budgets };
}

/** Chinese prose sets numbers close: "合计887.29万元，占86.17%", never "合计 887.29 万元". */
export function tight(text: string): string {
  return text.replace(/(?<=[\u4e00-\u9fff，。：；、（“])\s+(?=[-\d])/g, "").replace(/(?<=\d)\s+(?=万元|%|分|个|辆|台|人|项)/g, "");
}

export function draftNarrative(f: Figures, options: DraftOptions): DraftSection[] {
  const y = `${options.year}年度`;
  const get = (table: string, sel: Parameters<Figures["at"]>[1], col: string) => f.at(table, sel, col) ?? ZERO;
  const sections: DraftSection[] = [];
  const add = (heading: string, ...paragraphs: string[]) =>
    sections.push({ heading: `${chineseOrdinal(sections.length + 1)}、${heading}`, paragraphs: paragraphs.map(tight) });

  // 一 收入支出总体
  const total = get("T01", { line: 30 }, "amount");
  add("收入支出决算总体情况说明", `${y}收、支总计均为 ${w(total)} 万元。${change(total, lastYearOf(options, "total"), "收、支总计各")}`);

  // 二 收入 (财政拨款收入 always named), 三 支出 (基本支出 and 项目支出 always named)
  const income = get("T01", { line: 27 }, "amount");
  const incomeParts = incomeComposition(f)
    .filter(([name, v]) => !v.isZero() || name === "财政拨款收入")
    .map(([name, v]) => `${name} ${w(v)} 万元${share(v, income)}`);
  add("收入决算情况说明", `${y}收入合计 ${w(income)} 万元，其中：${incomeParts.join("；")}。`);
  const spent = get("T01", { line: 57 }, "amount");
  const spentParts = expenseComposition(f)
    .filter(([name, v]) => !v.isZero() || name === "基本支出" || name === "项目支出")
    .map(([name, v]) => `${name} ${w(v)} 万元${share(v, spent)}`);
  add("支出决算情况说明", `${y}支出合计 ${w(spent)} 万元，其中：${spentParts.join("；")}。`);

  // 四 财政拨款收支总体
  const fiscal = get("T04", { line: 32 }, "amount");
  add(
    "财政拨款收入支出决算总体情况说明",
    `${y}财政拨款收、支总计均为 ${w(fiscal)} 万元。${change(fiscal, lastYearOf(options, "fiscal"), "财政拨款收、支总计各")}`,
  );

  // 五 一般公共预算财政拨款支出
  const general = get("T05", { key: "total" }, "c1");
  const classes = f.coded("T05").filter((r) => r.code.length === 3);
  const items = f.coded("T05").filter((r) => r.code.length === 7);
  const structure = classes
    .map((r) => ({ r, v: r.amount("c1") ?? ZERO }))
    .filter(({ v }) => !v.isZero())
    .map(({ r, v }) => `${r.label} ${w(v)} 万元${share(v, general)}`);
  const detail = items
    .map((r) => ({ r, v: r.amount("c1") ?? ZERO }))
    .filter(({ v }) => !v.isZero())
    .map(({ r, v }, i) => {
      const kuan = f.coded("T05").find((k) => k.code === r.code.slice(0, 5));
      const lei = classes.find((k) => k.code === r.code.slice(0, 3));
      const budget = options.budgets?.get(r.code);
      const name = `${lei ? `${lei.label}（类）` : ""}${kuan ? `${kuan.label}（款）` : ""}${r.label}（项）（科目编码 ${r.code}）`;
      const rate = budget === undefined ? undefined : pct(v, budget);
      return `${i + 1}.${name}：年初预算为 ${budget === undefined ? "____" : w(budget)} 万元，支出决算为 ${w(v)} 万元，完成年初预算的 ${rate ?? "____"}%。决算数与年初预算数存在差异的${REASON}`;
    });
  add(
    "一般公共预算财政拨款支出决算情况说明",
    `（一）一般公共预算财政拨款支出决算总体情况：${y}一般公共预算财政拨款支出 ${w(general)} 万元，占本年支出合计的 ${pct(general, spent) ?? "____"}%。${change(general, lastYearOf(options, "general"))}`,
    `（二）一般公共预算财政拨款支出决算结构情况：${y}一般公共预算财政拨款支出 ${w(general)} 万元，主要用于以下方面：${structure.join("；") || "无"}。`,
    `（三）一般公共预算财政拨款支出决算具体情况：`,
    ...detail,
  );

  // 六 基本支出
  const basic = get("T05", { key: "total" }, "c2");
  const personnel = get("T06", { key: "personnel.total" }, "amount");
  const publicFunds = get("T06", { key: "public.total" }, "amount");
  const named = (prefixes: string[]) =>
    f
      .coded("T06")
      .filter((r) => r.code.length === 5 && prefixes.includes(r.code.slice(0, 3)) && !(r.amount("amount") ?? ZERO).isZero())
      // 06表 reads its panels row by row (302 beside 310): name them in code order
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((r) => r.label)
      .join("、");
  add(
    "一般公共预算财政拨款基本支出决算情况说明",
    `${y}一般公共预算财政拨款基本支出 ${w(basic)} 万元，其中：人员经费 ${w(personnel)} 万元，主要包括${named(["301", "303"]) || "____"}；${change(personnel, lastYearOf(options, "personnel"), "人员经费")}公用经费 ${w(publicFunds)} 万元，主要包括${named(["302", "307", "310", "399"]) || "____"}；${change(publicFunds, lastYearOf(options, "public"), "公用经费")}`,
  );

  // 七 政府性基金, 八 国有资本经营
  const fund = get("T07", { key: "total" }, "c3");
  add(
    "政府性基金预算财政拨款支出决算情况说明",
    fund.isZero() ? `本部门${y}没有使用政府性基金预算财政拨款安排的支出。` : `${y}政府性基金预算财政拨款支出 ${w(fund)} 万元。${REASON}`,
  );
  const capital = get("T08", { key: "total" }, "c1");
  add(
    "国有资本经营预算财政拨款支出决算情况说明",
    capital.isZero() ? `本部门${y}没有使用国有资本经营预算财政拨款安排的支出。` : `${y}国有资本经营预算财政拨款支出 ${w(capital)} 万元。${REASON}`,
  );

  // 九 三公
  const tp = (k: number) => get("T09", { key: "values" }, `c${k}`);
  const tpLine = (name: string, k: number) => {
    const budget = tp(k);
    const actual = tp(k + 6);
    const rate = pct(actual, budget);
    return `${name}全年预算数为 ${w(budget)} 万元，支出决算为 ${w(actual)} 万元${rate === undefined ? "" : `，完成全年预算的 ${rate}%`}。`;
  };
  add(
    "财政拨款“三公”经费支出决算情况说明",
    `（一）总体情况：${y}“三公”经费财政拨款${tpLine("支出", 1)}决算数与预算数存在差异的${REASON}${change(tp(7), lastYearOf(options, "threePublic"), "“三公”经费支出")}`,
    `（二）具体情况：1.${tpLine("因公出国（境）费", 2)}2.${tpLine("公务用车购置及运行维护费", 3)}其中：公务用车购置费全年预算数为 ${w(tp(4))} 万元，支出决算为 ${w(tp(10))} 万元；公务用车运行维护费全年预算数为 ${w(tp(5))} 万元，支出决算为 ${w(tp(11))} 万元。3.${tpLine("公务接待费", 6)}`,
    `（三）实物量情况：${y}因公出国（境）共计____个团组，____人；公务用车购置____辆，公务用车保有量____辆；国内公务接待____批次，____人。`,
  );
  // 会议费 (30215) and 培训费 (30216): the 基本支出 lines of 06表, as 北京 and others ask them said
  const economic = (code: string) =>
    f
      .coded("T06")
      .find((r) => r.code === code)
      ?.amount("amount");
  const meetings = economic("30215");
  const training = economic("30216");
  add(
    "会议费、培训费支出情况说明",
    `${y}本部门会议费支出 ${meetings === undefined ? "____" : w(meetings)} 万元，培训费支出 ${training === undefined ? "____" : w(training)} 万元。${REASON}`,
  );

  // 十 机关运行经费 (行政单位: the 公用经费 of 一般公共预算 基本支出)
  add(
    "机关运行经费支出情况说明",
    `${y}本部门机关运行经费支出 ${w(publicFunds)} 万元。${change(publicFunds, lastYearOf(options, "operating"), "机关运行经费")}`,
  );

  // 十一 政府采购 (Beijing prints it as 公开11表), 十二 国有资产: otherwise not in the tables
  const proc = (col: string) => f.at("T11", { key: "total" }, col);
  const pAll = proc("c1");
  const blank = (x: Decimal | undefined) => (x === undefined ? "____" : w(x));
  const sme = proc("c5");
  const small = proc("c6");
  add(
    "政府采购支出情况说明",
    `${y}本部门政府采购支出总额 ${blank(pAll)} 万元，其中：政府采购货物支出 ${blank(proc("c2"))} 万元、政府采购工程支出 ${blank(proc("c3"))} 万元、政府采购服务支出 ${blank(proc("c4"))} 万元。` +
      `授予中小企业合同金额 ${blank(sme)} 万元，占政府采购支出总额的 ${(pAll && sme && pct(sme, pAll)) ?? "____"}%，其中：授予小微企业合同金额 ${blank(small)} 万元，占政府采购支出总额的 ${(pAll && small && pct(small, pAll)) ?? "____"}%。`,
  );
  add(
    "国有资产占用情况说明",
    `截至${options.year}年12月31日，本部门共有车辆____辆，其中：主要负责人用车____辆、机要通信用车____辆、应急保障用车____辆、执法执勤用车____辆、特种专业技术用车____辆、离退休干部服务用车____辆、其他用车____辆；单价100万元（含）以上设备____台（套）。`,
  );

  // 十三 绩效
  const projects = f.perf.filter((p) => p.def.id === "P.project").map((p) => ({ p, funds: projectFunds(p) }));
  const evaluated = projects.filter((x) => x.funds);
  const projectTotal = get("T05", { key: "total" }, "c3");
  const actualSum = evaluated.reduce((s, x) => s.plus(x.funds!.actual), ZERO);
  const paragraphs = [
    evaluated.length
      ? `本部门对${y}一般公共预算项目支出${actualSum.eq(projectTotal) ? "全面" : ""}开展绩效自评，一级项目${evaluated.length}个，涉及资金${w(actualSum)}万元，占一般公共预算项目支出总额的 ${pct(actualSum, projectTotal) ?? "____"}%。`
      : `本部门对${y}一般公共预算项目支出开展绩效自评，一级项目____个，涉及资金____万元，占一般公共预算项目支出总额的____%。`,
    ...evaluated.map(({ p, funds }, i) => {
      return `${i + 1}.“${p.name}”项目绩效自评情况：项目绩效自评得分为${scoreText(options.scores?.find((s) => s.sheet === p.sheet))}分。项目全年预算数为 ${w(funds!.budget)} 万元，执行数为 ${w(funds!.actual)} 万元，完成预算的 ${pct(funds!.actual, funds!.budget) ?? "____"}%。项目绩效目标完成情况：____。发现的主要问题及原因：____。下一步改进措施：____。`;
    }),
    // the 部门整体 self-evaluation, when the workbook holds its table
    ...f.perf
      .filter((p) => p.def.id === "P.whole")
      .map(
        (p) =>
          `部门整体支出绩效自评情况：自评得分为${scoreText(options.scores?.find((s) => s.sheet === p.sheet))}分。年度绩效目标完成情况：____。发现的主要问题及原因：____。下一步改进措施：____。`,
      ),
  ];
  add("预算绩效情况说明", ...paragraphs);
  return sections;
}

/**
 * A self-evaluation's score as the 说明 may state it: the table's total where the rules give the
 * same; where they do not, a blank with both, for the accountant to settle before publishing.
 */
function scoreText(score: ProjectScore | undefined): string {
  if (!score) return "____";
  const { printedTotal: printed, computedTotal: computed } = score;
  if (printed === undefined || computed === undefined) return printed ?? computed ?? "____";
  // a total the rules reach, or miss by a rounding tail only, stands as printed
  if (!score.totalDiffers || (!Number.isNaN(Number(printed)) && new Decimal(printed).minus(computed).abs().lte("0.01"))) return printed;
  return `____（待核：表中总分 ${printed} 分，按评分规则为 ${computed} 分）`;
}

/** The draft as plain text, to copy into the 说明 document. */
export function draftText(title: string, sections: DraftSection[]): string {
  return [title, "", ...sections.flatMap((s) => [s.heading, ...s.paragraphs, ""])].join("\n");
}

/** A composition to draw as a pie: its title and its nonzero parts. */
export interface DraftChart {
  title: string;
  parts: [string, Decimal][];
}

/** 收入 and 支出 composition (the 北京 template shows both as pies beside the 说明). */
export function draftCharts(f: Figures): DraftChart[] {
  return [
    { title: "收入决算构成", parts: incomeComposition(f).filter(([, v]) => v.gt(0)) },
    { title: "支出决算构成", parts: expenseComposition(f).filter(([, v]) => v.gt(0)) },
  ].filter((c) => c.parts.length > 0);
}

/** 收入 by source: 01表's lines (财政拨款收入 = its three fund lines). */
function incomeComposition(f: Figures): [string, Decimal][] {
  const line = (n: number) => f.at("T01", { line: n }, "amount") ?? ZERO;
  const sources: [string, number[]][] = [
    ["财政拨款收入", [1, 2, 3]],
    ["上级补助收入", [4]],
    ["事业收入", [5]],
    ["经营收入", [6]],
    ["附属单位上缴收入", [7]],
    ["其他收入", [8]],
  ];
  return sources.map(([name, lines]) => [name, lines.reduce((s, n) => s.plus(line(n)), ZERO)]);
}

/** 支出 by kind: 03表's 合计 row. */
function expenseComposition(f: Figures): [string, Decimal][] {
  const kinds: [string, string][] = [
    ["基本支出", "c2"],
    ["项目支出", "c3"],
    ["上缴上级支出", "c4"],
    ["经营支出", "c5"],
    ["对附属单位补助支出", "c6"],
  ];
  return kinds.map(([name, col]) => [name, f.at("T03", { key: "total" }, col) ?? ZERO]);
}

/**
 * The draft on a sheet of its own: one paragraph per row, headings bold, wide wrapped column; the
 * compositions as small blocks to the right, each with a pie where Excel draws charts.
 */
export function draftPlan(sheet: string, title: string, sections: DraftSection[], charts: DraftChart[] = []): WritePlan {
  const rows: string[] = [title];
  const headings: number[] = [1];
  for (const s of sections) {
    headings.push(rows.length + 1);
    rows.push(s.heading, ...s.paragraphs);
  }
  return {
    ops: [
      { op: "addSheet", sheet },
      { op: "setValues", sheet, address: `A1:A${rows.length}`, values: rows.map((r) => [r]) },
      { op: "font", sheet, addresses: headings.map((r) => `A${r}`), font: { bold: true } },
      { op: "columnWidth", sheet, columns: [{ column: "A", width: 110 }] },
      { op: "alignment", sheet, address: `A1:A${rows.length}`, vertical: "top", wrapText: true },
      ...chartOps(sheet, charts),
    ],
  };
}

function chartOps(sheet: string, charts: DraftChart[]): WritePlan["ops"] {
  const ops: WritePlan["ops"] = [];
  let top = 1;
  for (const c of charts) {
    const last = top + c.parts.length;
    ops.push(
      { op: "setValues", sheet, address: `C${top}:D${last}`, values: [[`${c.title}`, "金额（万元）"], ...c.parts.map(([name, v]) => [name, v.toNumber()])] },
      { op: "font", sheet, addresses: [`C${top}:D${top}`], font: { bold: true } },
      { op: "numberFormat", sheet, address: `D${top + 1}:D${last}`, format: "#,##0.00" },
      { op: "chart", sheet, kind: "pie", source: `C${top}:D${last}`, title: c.title, anchor: `F${top}` },
    );
    top = Math.max(last + 2, top + 18);
  }
  if (charts.length)
    ops.push({
      op: "columnWidth",
      sheet,
      columns: [
        { column: "C", width: 20 },
        { column: "D", width: 14 },
      ],
    });
  return ops;
}
