/** The funds block of a 绩效自评表: 执行率 and its 得分, and 年度资金总额 = Σ its parts. */
import Decimal from "decimal.js";
import { Finding } from "../finding";
import { FundsColumn } from "../../catalog/tables/performance";
import { FundsRow, PerformanceTable, printedNumber } from "./read";
import { HUNDRED, classify, finding, fmt, halfUnit, rateRange } from "./verdicts";

export function fundsCell(t: PerformanceTable, r: FundsRow, k: FundsColumn) {
  return printedNumber(t, r.row, r.cols[k]);
}

export function scoreFunds(t: PerformanceTable, fundsWeight: Decimal | undefined, out: Finding[]): Decimal | undefined {
  let totalScore: Decimal | undefined;
  for (const r of t.funds) {
    const budget = fundsCell(t, r, "budget");
    const actual = fundsCell(t, r, "actual");
    const rate = fundsCell(t, r, "rate");
    const score = fundsCell(t, r, "score");
    let exactRate: Decimal | undefined;
    let rateWrong = false;
    if (budget && actual && budget.value.gt(0)) {
      exactRate = actual.value.div(budget.value).mul(HUNDRED);
      if (rate) {
        const v = classify(rate, exactRate, rateRange(actual, budget));
        rateWrong = v === "error";
        if (v !== "ok") {
          out.push(
            finding(
              "P.funds.rate",
              v,
              v === "tail"
                ? `${t.def.kind}“${t.name}”${r.label}：执行率 ${fmt(rate.value)} 与 全年执行数÷全年预算数 = ${fmt(exactRate, 4)}% 只差舍入（四舍五入应为 ${fmt(exactRate)}）`
                : `${t.def.kind}“${t.name}”${r.label}：执行率应为 全年执行数 ${fmt(actual.value)} ÷ 全年预算数 ${fmt(budget.value)} = ${fmt(exactRate)}%，表中为 ${fmt(rate.value)}`,
              rate.cell,
              exactRate,
              rate.value,
            ),
          );
        }
      }
    }
    const useRate = exactRate ?? rate?.value;
    const weight = fundsCell(t, r, "weight")?.value ?? fundsWeight;
    if (score && useRate !== undefined && weight) {
      const scoreOf = (rate: Decimal) => Decimal.min(rate, HUNDRED).div(HUNDRED).mul(weight);
      const exact = scoreOf(useRate);
      // the score may come from the rate as printed (when that rate is itself right to its places), or from
      // any rate the rounded amounts allow: a tail, not an error. A score that follows a wrong rate is wrong too.
      const printedRate = rate && !rateWrong ? [rate.value.minus(halfUnit(rate)), rate.value.plus(halfUnit(rate))] : [];
      const rates = [useRate, ...((budget && actual && rateRange(actual, budget)) || []), ...printedRate];
      const reachable: [Decimal, Decimal] = [scoreOf(Decimal.min(...rates)), scoreOf(Decimal.max(...rates))];
      const v = classify(score, exact, reachable);
      if (v !== "ok") {
        out.push(
          finding(
            "P.funds.score",
            v,
            v === "tail"
              ? `${t.def.kind}“${t.name}”${r.label}：执行率得分 ${fmt(score.value)} 与 min(执行率,100%)×${fmt(weight, 0)} = ${fmt(exact, 4)} 只差舍入（执行率按表中 ${rate ? `${fmt(rate.value, rate.places)}%` : "数"} 或截位计算所致；四舍五入应为 ${fmt(exact)}）`
              : `${t.def.kind}“${t.name}”${r.label}：执行率得分应为 min(执行率,100%)×${fmt(weight, 0)} = ${fmt(exact)}，表中为 ${fmt(score.value)}${
                  rate && rateWrong && classify(score, scoreOf(rate.value)) !== "error"
                    ? `（是按表中有误的执行率 ${fmt(rate.value, rate.places)}% 算的，两处都要改）`
                    : ""
                }`,
            score.cell,
            exact,
            score.value,
          ),
        );
      }
      if (score.value.gt(weight))
        out.push(
          finding(
            "P.cap",
            "error",
            `${t.def.kind}“${t.name}”${r.label}：执行率得分 ${fmt(score.value)} 超过其分值 ${fmt(weight, 0)}`,
            score.cell,
            weight,
            score.value,
          ),
        );
    }
    if (r.role === "total") totalScore = score?.value;
  }
  fundsSums(t, out);
  return totalScore;
}

/** 年度资金总额 = Σ its parts: the sources of a project, or (一)(二) and their 1. 2. of a whole table. */
function fundsSums(t: PerformanceTable, out: Finding[]): void {
  const groups: { parent: FundsRow; kids: FundsRow[] }[] = [];
  const total = t.funds.find((r) => r.role === "total");
  if (!total) return;
  const subs = t.funds.filter((r) => r.role === "sub");
  if (subs.length) {
    groups.push({ parent: total, kids: subs });
    for (const s of subs) {
      const kids: FundsRow[] = [];
      for (const r of t.funds.slice(t.funds.indexOf(s) + 1)) {
        if (r.role !== "sub2") break;
        kids.push(r);
      }
      if (kids.length) groups.push({ parent: s, kids });
    }
  } else {
    const sources = t.funds.filter((r) => r.role === "source");
    if (sources.length) groups.push({ parent: total, kids: sources });
  }
  for (const { parent, kids } of groups) {
    for (const k of ["initial", "budget", "actual"] as FundsColumn[]) {
      const p = fundsCell(t, parent, k);
      const parts = kids.map((c) => fundsCell(t, c, k));
      if (!p || parts.some((x) => !x)) continue;
      const sum = parts.reduce((s, x) => s.plus(x!.value), new Decimal(0));
      const diff = p.value.minus(sum);
      if (diff.isZero()) continue;
      const tol = new Decimal(kids.length + 1).mul("0.005");
      const label = { initial: "年初预算数", budget: "全年预算数", actual: "全年执行数", weight: "", rate: "", score: "" }[k];
      out.push(
        finding(
          "P.funds.sum",
          diff.abs().lte(tol) ? "tail" : "error",
          `${t.def.kind}“${t.name}”${parent.label}的${label}应等于${kids.map((c) => c.label).join("、")}之和 ${fmt(sum)}，表中为 ${fmt(p.value)}`,
          p.cell,
          sum,
          p.value,
        ),
      );
    }
  }
}
