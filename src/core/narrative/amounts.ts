/**
 * Amounts the 说明 names against the tables: by the tables' own words ("收入合计 887.29 万元"), by a
 * 科目编码 in brackets, or by a 科目's 类, 款 and 项 names.
 */
import Decimal from "decimal.js";
import { CellRef, Finding, Severity } from "../finding";
import { formatAmount } from "../money";
import { N, Resolved, Seen, YEAR, compareWritten, mark, num, unquote } from "./numbers";
import { kind } from "../../catalog/findings";

/** What the tables hold for a subject the text names ("收入合计"), resolved by the caller. */
export interface SubjectAnswer {
  /** the alternatives for the year's figure (a written amount that agrees with one of them holds) */
  actual: Resolved[];
  budget: Resolved[];
  severity?: Severity;
  why?: string;
}
export type SubjectResolver = (name: string) => SubjectAnswer | undefined;

const QUALIFIER = "(?:[(（][类款][)）])?";

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
      rule: kind("N.amount"),
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
    rule: kind("N.amount"),
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
