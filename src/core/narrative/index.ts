/**
 * 决算说明: every number of its sentences, read by a few sentence shapes and checked — the
 * arithmetic (year-on-year changes, shares of a named or opening total, 执行率 and 完成年初预算的,
 * 预决算差异率), amounts named by the tables' words or by a 科目编码 against the tables, and the
 * project sentences against the 项目支出绩效自评表. Everything is recomputed in decimals. A
 * percentage that rounded inputs can reach is a tail, one they cannot an error; a referent that
 * cannot be found is an info, never a guess; numbers no shape reads are listed as not checked.
 */
import Decimal from "decimal.js";
import { CellRef, Finding, Severity } from "../finding";
import { formatAmount } from "../money";
import { tailOr } from "../tolerance";

/** a written number: "1,131.80" (NFKC turns a full-width comma into ",") or "887.29" */
const N = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
const num = (s: string) => new Decimal(s.replace(/,/g, ""));
const HALF = new Decimal("0.005");

interface Amount {
  value: Decimal;
  printed: string;
  at: number;
  end: number;
}

/**
 * The numbers a check read, by their printed digits ("887.29", "86.17"): what is left over in a
 * text was not checked, and the caller says so.
 */
export type Seen = Set<string>;
const mark = (seen: Seen | undefined, ...printed: (string | undefined)[]) => {
  for (const p of printed) if (p !== undefined) seen?.add(p.replace(/,/g, ""));
};

/** Every "X 万元" and "Y%" of a text, as printed (commas dropped). */
export function numbersIn(text: string): string[] {
  // "单价 100 万元（含）以上设备" is a threshold, not a figure
  return [...text.normalize("NFKC").matchAll(new RegExp(`${N}\\s*(?:万元|%)(?!\\s*(?:\\(含\\))?\\s*(?:以上|以下))`, "g"))].map((m) => m[1].replace(/,/g, ""));
}

function amounts(text: string): Amount[] {
  const out: Amount[] = [];
  for (const m of text.matchAll(new RegExp(`${N}\\s*万元`, "g"))) {
    // "其中 25万元为因公出国境预算数": an amount that is the subject of 为 is not the year's figure
    if (/^\s*为/.test(text.slice(m.index + m[0].length))) continue;
    out.push({ value: num(m[1]), printed: m[1], at: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The last amount that ends before a position (binary search: a long pasted text stays n log n). */
function lastBefore(all: Amount[], at: number): Amount | undefined {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? all[lo - 1] : undefined;
}

function places(printed: string): number {
  const i = printed.indexOf(".");
  return i < 0 ? 0 : printed.length - i - 1;
}

/** A printed percentage against the exact ratio, with the range rounded inputs allow. */
function judge(printed: string, exact: Decimal, range: [Decimal, Decimal]): Severity | undefined {
  const p = num(printed);
  const shown = places(printed);
  if (exact.toDecimalPlaces(shown, Decimal.ROUND_HALF_UP).eq(p)) return undefined;
  const lo = range[0].toDecimalPlaces(shown, Decimal.ROUND_DOWN);
  const hi = range[1].toDecimalPlaces(shown, Decimal.ROUND_UP);
  return p.gte(lo) && p.lte(hi) ? "tail" : "error";
}

/** A written percentage against its exact value: nothing when it rounds right, else a finding. */
function percentFinding(
  rule: string,
  quote: string,
  printed: string,
  exact: Decimal,
  range: [Decimal, Decimal],
  explain: string,
  cell: CellRef,
): Finding | undefined {
  const severity = judge(printed, exact, range);
  if (!severity) return undefined;
  return {
    rule,
    severity,
    message: `决算说明“${quote}”：${explain}${severity === "tail" ? "（只差舍入）" : ""}`,
    cells: [cell],
    expected: exact.toDecimalPlaces(6).toFixed(),
    actual: printed,
    difference: num(printed).minus(exact).toDecimalPlaces(6).toFixed(),
  };
}

/** The range a ratio a ÷ b can take when both were rounded to 2 places (b widened by `spread` halves). */
function ratioRange(a: Decimal, b: Decimal, spread = 1): [Decimal, Decimal] {
  return [
    a
      .minus(HALF)
      .div(b.plus(HALF.mul(spread)))
      .mul(100),
    a
      .plus(HALF)
      .div(b.minus(HALF.mul(spread)))
      .mul(100),
  ];
}

/** A figure the tables hold for a subject, and where (for the message). */
export interface Resolved {
  value: Decimal;
  where: string;
}

/** What the tables hold for a subject the text names ("收入合计"), resolved by the caller. */
export interface SubjectAnswer {
  /** the alternatives for the year's figure (a written amount that agrees with one of them holds) */
  actual: Resolved[];
  budget: Resolved[];
  severity?: Severity;
  why?: string;
}
export type SubjectResolver = (name: string) => SubjectAnswer | undefined;

/** Quotes around a name ("“三公”经费") say nothing about the amount. */
export const unquote = (s: string) => s.normalize("NFKC").replace(/[“”"‘’「」『』]/g, "");

const QUALIFIER = "(?:[(（][类款][)）])?";
const YEAR = "(?:\\d{4}\\s*年度?)?";

const patterns = new Map<string, { pair: RegExp; single: RegExp }>();

/** The two sentence shapes a named amount takes, built once per list of names. */
function subjectPatterns(names: string[]): { pair: RegExp; single: RegExp } {
  const key = names.join("\u0000");
  let p = patterns.get(key);
  if (!p) {
    const alternatives = [...new Set(names.map(unquote))].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const name = `(${alternatives.join("|")})${QUALIFIER}`;
    p = {
      pair: new RegExp(
        `${name}(?:支出)?\\s*${YEAR}\\s*(?:全年|年初)?预算数?为?\\s*${N}\\s*万元\\s*[,，]\\s*${YEAR}\\s*(?:支出)?决算数?为?\\s*${N}\\s*万元`,
        "g",
      ),
      single: new RegExp(`${name}(?:支出)?(?:财政拨款)?(?:支出)?(?:决算数?)?(?:合计|总额)?\\s*(?:均为|为|是|:)?\\s*${N}\\s*万元`, "g"),
    };
    patterns.set(key, p);
  }
  return p;
}

/** A written amount against the alternatives the tables hold: nothing, a tail, or a finding's severity. */
function compareWritten(written: Decimal, alternatives: Resolved[], severity: Severity): { severity: Severity; nearest: Resolved } | undefined {
  if (alternatives.length === 0 || alternatives.some((a) => a.value.eq(written))) return undefined;
  const nearest = [...alternatives].sort((a, b) => a.value.minus(written).abs().cmp(b.value.minus(written).abs()))[0];
  return { severity: tailOr(nearest.value.minus(written), severity), nearest };
}

/**
 * "收入合计 887.29 万元", "三公经费支出全年预算数为 31.00 万元，支出决算为 6.00 万元": an amount
 * right after a subject the tables know must equal the table (a difference of one unit of the
 * 2nd decimal is a tail).
 */
export function checkNarrativeAmounts(text: string, cell: CellRef, names: string[], resolve: SubjectResolver, seen?: Seen): Finding[] {
  const t = unquote(text);
  const out: Finding[] = [];
  const { pair, single } = subjectPatterns(names);
  const claims: { at: number; quote: string; subject: string; printed: string; written: Decimal; field: "actual" | "budget"; pair?: true }[] = [];
  for (const m of t.matchAll(pair)) {
    claims.push({ at: m.index, quote: m[0], subject: m[1], printed: m[2], written: num(m[2]), field: "budget" });
    claims.push({ at: m.index, quote: m[0], subject: m[1], printed: m[3], written: num(m[3]), field: "actual", pair: true });
  }
  for (const m of t.matchAll(single)) claims.push({ at: m.index, quote: m[0], subject: m[1], printed: m[2], written: num(m[2]), field: "actual" });
  for (const c of claims) {
    // "一般公共预算财政拨款基本支出" contains "基本支出": only a name that starts where the words start
    const before = t.slice(Math.max(0, c.at - 3), c.at);
    if (/[\u4e00-\u9fff]$/.test(before) && !/(本部门|本单位|[年度中：:的])$/.test(before)) continue;
    // "会议费、培训费 12.00 万元": the amount is the list's, not its last name's (but in "货物支出 10 万元、
    // 工程支出 0 万元" each name has its own)
    // (a bounded look back: lastIndexOf of a mark the text lacks would scan a pasted book from the start)
    const clause = /[^,，。；;]*$/.exec(t.slice(Math.max(0, c.at - 200), c.at))![0];
    if (/[、和及与]$/.test(clause) && !/\d/.test(clause)) continue;
    const answer = resolve(c.subject);
    if (!answer) continue;
    if (answer[c.field].length) mark(seen, c.printed);
    const verdict = compareWritten(c.written, answer[c.field], answer.severity ?? "error");
    if (!verdict) continue;
    const { severity, nearest } = verdict;
    const diff = c.written.minus(nearest.value);
    const what = c.field === "budget" ? "预算数" : c.pair ? "决算数" : "";
    out.push({
      rule: "N.amount",
      severity,
      message: `决算说明“${c.quote}”${what ? `中的${what} ${formatAmount(c.written)} 万元` : ""}与${nearest.where} ${formatAmount(nearest.value)} 万元不一致${severity === "tail" ? "（尾差）" : ""}${answer.why && severity !== "tail" ? `：${answer.why}` : ""}`,
      cells: [cell],
      expected: nearest.value.toFixed(),
      actual: c.written.toFixed(),
      difference: diff.toFixed(),
    });
  }
  return out;
}

/** A 功能科目's written 决算数 against the tables' (any of the alternatives the caller resolves the code to). */
function codedClaim(
  code: string,
  printed: string,
  cell: CellRef,
  resolve: (code: string) => Resolved[],
  seen: Seen | undefined,
  named = code,
): Finding | undefined {
  const alternatives = resolve(code);
  if (alternatives.length === 0) return undefined;
  mark(seen, printed);
  const written = num(printed);
  const verdict = compareWritten(written, alternatives, "error");
  if (!verdict) return undefined;
  return {
    rule: "N.amount",
    severity: verdict.severity,
    message: `决算说明中科目 ${named} 的决算数 ${formatAmount(written)} 万元与${verdict.nearest.where} ${formatAmount(verdict.nearest.value)} 万元不一致${verdict.severity === "tail" ? "（尾差）" : ""}`,
    cells: [cell],
    expected: verdict.nearest.value.toFixed(),
    actual: written.toFixed(),
    difference: written.minus(verdict.nearest.value).toFixed(),
  };
}

/**
 * "行政运行（项）（科目编码 2010301）：…支出决算为 740.43 万元": an amount after a 功能科目 code in
 * brackets is that 科目's 决算数.
 */
export function checkCodedAmounts(text: string, cell: CellRef, resolve: (code: string) => Resolved[], seen?: Seen): Finding[] {
  const t = text.normalize("NFKC");
  const re = new RegExp(`[(（](?:科目(?:编码|代码)\\s*)?(\\d{3}(?:\\d{2}){0,2})[)）][^。；;]*?(?:支出)?决算数?为?\\s*${N}\\s*万元`, "g");
  return [...t.matchAll(re)].map((m) => codedClaim(m[1], m[2], cell, resolve, seen)).filter((f): f is Finding => !!f);
}

/** "X（类）Y（款）Z（项）" runs of a text, the names as written ("政府办公厅（室）及相关机构事务" keeps its brackets). */
function subjectHeads(t: string): { names: string[]; start: number; end: number }[] {
  const heads: { names: string[]; start: number; end: number }[] = [];
  let prevEnd = 0;
  for (const m of t.matchAll(/\((类|款|项)\)/g)) {
    const level = "类款项".indexOf(m[1]);
    const between = t.slice(prevEnd, m.index);
    const last = heads[heads.length - 1];
    if (last && last.end === prevEnd && level === last.names.length && between && !/[,，。；;:：]/.test(between)) {
      last.names.push(between.trim());
      last.end = m.index + m[0].length;
    } else if (level === 0) {
      const name = /[^\s,，。；;:：、]*$/.exec(between)![0].replace(/^[\d.]+/, "");
      if (name) heads.push({ names: [name], start: m.index - name.length, end: m.index + m[0].length });
    }
    prevEnd = m.index + m[0].length;
  }
  return heads;
}

/**
 * "一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：…支出决算为1511.89万元": a 科目 named
 * by its 类, 款 and 项 names (the code from the tables' own names), its 决算数 the first one written
 * after it, before the next 科目. A name followed by its code in brackets is the coded check's.
 */
export function checkNamedAmounts(
  text: string,
  cell: CellRef,
  codeOf: (names: string[]) => string | undefined,
  resolve: (code: string) => Resolved[],
  seen?: Seen,
): Finding[] {
  const t = text.normalize("NFKC");
  const out: Finding[] = [];
  const heads = subjectHeads(t);
  heads.forEach((h, i) => {
    const scope = t.slice(h.end, heads[i + 1]?.start ?? t.length);
    if (/^\s*\((?:科目(?:编码|代码)\s*)?\d{3,7}\)/.test(scope)) return;
    const code = codeOf(h.names);
    const m = code && new RegExp(`(?:支出)?决算数?为\\s*${N}\\s*万元`).exec(scope);
    const f = m && codedClaim(code, m[1], cell, resolve, seen, `${code}（${h.names.join("/")}）`);
    if (f) out.push(f);
  });
  return out;
}

/** The named bases of shares that the tables hold, resolved by the caller. */
export type BaseResolver = (name: string) => Decimal | undefined;

export function checkNarrative(text: string, cell: CellRef, resolveBase: BaseResolver = () => undefined, seen?: Seen): Finding[] {
  const t = text.normalize("NFKC");
  const out: Finding[] = [];
  const all = amounts(t);

  // year-on-year: the figure before the change is this year's
  const yoy = new RegExp(`(增加|减少)\\s*${N}\\s*万元\\s*[,，]\\s*(增长|上升|提高|下降|降低)\\s*${N}%`, "g");
  for (const m of t.matchAll(yoy)) {
    const current = lastBefore(all, m.index);
    if (!current) continue;
    const change = num(m[2]);
    const previous = m[1] === "增加" ? current.value.minus(change) : current.value.plus(change);
    if (previous.lte(0)) continue;
    mark(seen, current.printed, m[2], m[4]);
    // "增加 … 下降 W%": the two words contradict each other whatever the numbers
    if ((m[1] === "增加") !== /增长|上升|提高/.test(m[3]) && !change.isZero()) {
      out.push({ rule: "N.yoy.direction", severity: "error", message: `决算说明“${m[0]}”：金额${m[1]}，百分比却写“${m[3]}”`, cells: [cell], actual: m[3] });
      continue;
    }
    const exact = change.div(previous).mul(100);
    // the previous year is derived from two rounded figures: its rounding counts twice
    const f = percentFinding(
      "N.yoy",
      m[0],
      m[4],
      exact,
      ratioRange(change, previous, 2),
      `本年 ${formatAmount(current.value)} 万元${m[1]} ${formatAmount(change)} 万元，上年应为 ${formatAmount(previous)} 万元，${m[3]}率应为 ${formatAmount(exact)}%`,
      cell,
    );
    if (f) out.push(f);
  }

  // shares: "X 万元，占[base的] W%"; the base is the one named, else the passage's opening total
  const share = new RegExp(`${N}\\s*万元\\s*[,，]?\\s*占([^0-9%，,。；]*?)的?\\s*${N}%`, "g");
  for (const m of t.matchAll(share)) {
    const part = num(m[1]);
    // "占比为 86.17%", "所占比重 86.17%": no base named
    const baseName = m[2]
      .trim()
      .replace(/^(比重|比例|比)/, "")
      .replace(/为$/, "")
      .trim();
    // a base the tables hold, by its name; else the total the passage opens with
    const opening = all.find((a) => a.at < m.index);
    const named = baseName ? resolveBase(baseName) : undefined;
    const base = named ?? opening?.value;
    // the part and the share are read either way: checked here, or reported as not checkable
    mark(seen, m[1], m[3], baseName ? undefined : opening?.printed);
    if (base === undefined || base.isZero()) {
      if (!part.isZero() && baseName) {
        out.push({ rule: "N.share.base", severity: "info", message: `决算说明“${m[0]}”：找不到“${baseName}”的金额，占比未核对`, cells: [cell] });
      }
      continue;
    }
    const exact = part.div(base).mul(100);
    const f = percentFinding(
      "N.share",
      m[0],
      m[3],
      exact,
      ratioRange(part, base),
      `${formatAmount(part)} ÷ ${baseName || "总额"} ${formatAmount(base)} = ${formatAmount(exact)}%，写作 ${m[3]}%`,
      cell,
    );
    if (f) out.push(f);
  }

  // execution: "全年预算数为 60 万元,执行数为 53.25 万元,完成预算的 88.76%"
  // …and "年初预算为 887.29万元,支出决算为887.29万元,完成年初预算的100.00%"
  const spentWord = `(?:实际)?(?:执行数?|(?:支出)?决算数?)为?`;
  const execution = new RegExp(
    `预算数?为?\\s*${N}\\s*万元\\s*[,，]\\s*${YEAR}\\s*${spentWord}\\s*${N}\\s*万元\\s*[,，]\\s*(?:完成(?:全年|年初)?预算的|执行率为?)\\s*${N}%`,
    "g",
  );
  for (const m of t.matchAll(execution)) {
    const budget = num(m[1]);
    const spent = num(m[2]);
    mark(seen, m[1], m[2], m[3]);
    if (budget.isZero()) continue;
    const exact = spent.div(budget).mul(100);
    const f = percentFinding(
      "N.execution",
      m[0],
      m[3],
      exact,
      ratioRange(spent, budget),
      `${formatAmount(spent)} ÷ ${formatAmount(budget)} = ${formatAmount(exact)}%，写作 ${m[3]}%`,
      cell,
    );
    if (f) out.push(f);
  }

  // 预决算差异率: "年初预算为 A 万元，决算为 B 万元，预决算差异率为 W%" — W = (B − A) ÷ A, sign as written or not
  const gap = new RegExp(`预算数?为?\\s*${N}\\s*万元\\s*[,，]\\s*${YEAR}\\s*${spentWord}\\s*${N}\\s*万元\\s*[,，]?\\s*(?:预决算)?差异率为?\\s*(-?)${N}%`, "g");
  for (const m of t.matchAll(gap)) {
    const budget = num(m[1]);
    const spent = num(m[2]);
    mark(seen, m[1], m[2], m[4]);
    if (budget.isZero()) continue;
    const signed = spent.minus(budget).div(budget).mul(100);
    // the size is checked; whether a shortfall is written with a minus sign varies by region
    const exact = signed.abs();
    const range = ratioRange(spent.minus(budget).abs(), budget, 2);
    const f = percentFinding(
      "N.gap",
      m[0],
      m[4],
      exact,
      range,
      `(${formatAmount(spent)} − ${formatAmount(budget)}) ÷ ${formatAmount(budget)} = ${formatAmount(signed)}%，写作 ${m[3]}${m[4]}%`,
      cell,
    );
    if (f) out.push(f);
  }
  return out;
}

/** A project's money as a document states it: a 项目支出绩效自评表, or the 说明's own sentence. */
export interface ProjectFunds {
  name: string;
  budget: Decimal;
  actual: Decimal;
  /** the 自评得分 the document gives */
  score?: Decimal;
}

/** A project sentence of the 说明, with what it quotes. */
export interface ProjectClaim extends ProjectFunds {
  quote: string;
  rate?: string;
  /** the figures as printed, for the Seen set */
  printed: string[];
}

/**
 * "“数字政府运营指挥中心建设维护费”项目绩效自评情况：…得分为 87.88分。项目全年预算数为 45 万元,执行数为
 * 44.47 万元": the projects a 说明 reports on, named by the last quoted name before their figures.
 */
export function narrativeProjects(text: string): ProjectClaim[] {
  const t = text.normalize("NFKC");
  const out: ProjectClaim[] = [];
  const re = new RegExp(
    `项目(?:全年)?预算数?为?\\s*${N}\\s*万元\\s*[,，]\\s*(?:实际)?执行数?为?\\s*${N}\\s*万元(?:\\s*[,，]\\s*(?:完成预算的|执行率为?)\\s*${N}%)?`,
    "g",
  );
  for (const m of t.matchAll(re)) {
    // the name is near: look back a bounded stretch, so a long pasted text stays linear
    const window = t.slice(Math.max(0, m.index - 400), m.index);
    const names = [...window.matchAll(/[“"]([^”"]{2,60})[”"]/g)];
    if (!names.length) continue;
    const last = names[names.length - 1];
    const score = new RegExp(`得分为?\\s*${N}\\s*分`).exec(window.slice(last.index));
    out.push({
      name: last[1],
      budget: num(m[1]),
      actual: num(m[2]),
      rate: m[3],
      score: score ? num(score[1]) : undefined,
      quote: m[0],
      printed: [m[1], m[2], ...(m[3] ? [m[3]] : [])],
    });
  }
  return out;
}

/** Character-pair likeness of two project names, their year and filler words set aside (0…1). */
export function nameLikeness(a: string, b: string): number {
  const clean = (s: string) =>
    unquote(s)
      .replace(/\s+/g, "")
      .replace(/^\d{4}年度?/, "")
      .replace(/(项目|经费|费用|费)$/, "");
  const pairs = (s: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const x = pairs(clean(a));
  const y = pairs(clean(b));
  let common = 0;
  for (const [k, n] of x) common += Math.min(n, y.get(k) ?? 0);
  const total = [...x.values()].reduce((s, n) => s + n, 0) + [...y.values()].reduce((s, n) => s + n, 0);
  return total === 0 ? 0 : (2 * common) / total;
}

/** A project table as the checker sees it: its money, its printed 总分, where it is. */
export interface ProjectTable extends ProjectFunds {
  where: string;
  cell?: CellRef;
}

/**
 * P~N: a 说明 sentence about a project agrees with its 项目支出绩效自评表 (预算数, 执行数, 得分). The
 * table is the one whose name is clearly the likeliest (names are retyped by hand: "指挥中心" in the
 * 说明, "智慧中心" in the table); none that is clearly likeliest is an info, never a guess.
 */
export function checkProjectClaim(claim: ProjectClaim, cell: CellRef, tables: ProjectTable[], seen?: Seen): Finding[] {
  if (tables.length === 0) return [];
  mark(seen, ...claim.printed);
  const ranked = tables.map((t) => ({ t, likeness: nameLikeness(claim.name, t.name) })).sort((a, b) => b.likeness - a.likeness);
  const best = ranked[0];
  if (best.likeness < 0.5 || (ranked[1] && ranked[1].likeness > best.likeness - 0.15)) {
    return [{ rule: "P~N.project", severity: "info", message: `决算说明中的项目“${claim.name}”对不上工作簿中的项目支出绩效自评表，未核对`, cells: [cell] }];
  }
  const out: Finding[] = [];
  const pairs: [string, Decimal | undefined, Decimal | undefined][] = [
    ["全年预算数", claim.budget, best.t.budget],
    ["全年执行数", claim.actual, best.t.actual],
    ["自评得分", claim.score, best.t.score],
  ];
  for (const [what, mine, theirs] of pairs) {
    if (mine === undefined || theirs === undefined || mine.eq(theirs)) continue;
    const diff = mine.minus(theirs);
    const severity = tailOr(diff, "error");
    out.push({
      rule: "P~N.project",
      severity,
      message: `决算说明中“${claim.name}”的${what} ${mine.toFixed()} 与项目支出绩效自评表“${best.t.name}”（${best.t.where}）的 ${theirs.toFixed()} 不一致${severity === "tail" ? "（尾差）" : ""}`,
      cells: best.t.cell ? [cell, best.t.cell] : [cell],
      expected: theirs.toFixed(),
      actual: mine.toFixed(),
      difference: diff.toFixed(),
    });
  }
  return out;
}

/**
 * "全面开展绩效自评,一级项目4个,涉及资金163万元": the money is the projects' (Σ 全年预算数, or Σ 执行数),
 * and "全面" means every project of 05表 was evaluated, so Σ 执行数 = 05表 项目支出. Projects are the
 * workbook's 项目支出绩效自评表 (else the 说明's own project sentences): when their number is not the
 * stated one, nothing is guessed.
 */
export function checkProjectAggregate(
  text: string,
  cell: CellRef,
  projects: ProjectFunds[],
  source: string,
  projectTotal?: Resolved & { cell?: CellRef },
  seen?: Seen,
): Finding[] {
  const t = text.normalize("NFKC");
  const m = new RegExp(`一级项目\\s*(\\d+)\\s*个\\s*[,，]?\\s*(?:共)?涉及资金\\s*${N}\\s*万元`).exec(t);
  if (!m) return [];
  mark(seen, m[2]);
  const count = Number(m[1]);
  const written = num(m[2]);
  if (count === 0) return [];
  if (projects.length !== count) {
    return [
      {
        rule: "N.projects",
        severity: "info",
        message: `决算说明“${m[0]}”：${source}${projects.length} 个项目，与所写 ${count} 个不符，涉及资金未核对`,
        cells: [cell],
      },
    ];
  }
  const out: Finding[] = [];
  const sum = (k: "budget" | "actual") => projects.reduce((s, p) => s.plus(p[k]), new Decimal(0));
  const budget = sum("budget");
  const actual = sum("actual");
  const tol = new Decimal(count).mul(HALF);
  const nearest = [budget, actual].sort((a, b) => a.minus(written).abs().cmp(b.minus(written).abs()))[0];
  if (!nearest.eq(written)) {
    const severity: Severity = nearest.minus(written).abs().lte(tol) ? "tail" : "error";
    out.push({
      rule: "N.projects.funds",
      severity,
      message: `决算说明“${m[0]}”：${source}${count} 个项目全年预算数之和 ${formatAmount(budget)} 万元、执行数之和 ${formatAmount(actual)} 万元，写作 ${formatAmount(written)} 万元${severity === "tail" ? "（只差舍入）" : ""}`,
      cells: [cell],
      expected: budget.toFixed(),
      actual: written.toFixed(),
      difference: written.minus(budget).toFixed(),
    });
  }
  if (projectTotal && /全面开展/.test(t.slice(0, m.index)) && !actual.eq(projectTotal.value)) {
    const diff = actual.minus(projectTotal.value);
    const severity: Severity = diff.abs().lte(tol) ? "tail" : "warning";
    out.push({
      rule: "N.projects.all",
      severity,
      message: `决算说明称全面开展绩效自评，${source}${count} 个项目执行数之和 ${formatAmount(actual)} 万元应等于${projectTotal.where} 项目支出 ${formatAmount(projectTotal.value)} 万元${severity === "tail" ? "（尾差）" : ""}`,
      cells: projectTotal.cell ? [cell, projectTotal.cell] : [cell],
      expected: projectTotal.value.toFixed(),
      actual: actual.toFixed(),
      difference: diff.toFixed(),
    });
  }
  return out;
}
