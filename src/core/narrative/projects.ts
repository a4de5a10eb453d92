/** The 说明's project sentences against the 项目支出绩效自评表 (names matched by likeness), and their sums. */
import Decimal from "decimal.js";
import { CellRef, Finding, Severity } from "../finding";
import { formatAmount } from "../money";
import { tailOr } from "../tolerance";
import { HALF, N, Resolved, Seen, mark, num, unquote } from "./numbers";
import { kind } from "../../catalog/findings";

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
    return [
      { rule: kind("P~N.project"), severity: "info", message: `决算说明中的项目“${claim.name}”对不上工作簿中的项目支出绩效自评表，未核对`, cells: [cell] },
    ];
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
      rule: kind("P~N.project"),
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
        rule: kind("N.projects"),
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
      rule: kind("N.projects.funds"),
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
      rule: kind("N.projects.all"),
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
