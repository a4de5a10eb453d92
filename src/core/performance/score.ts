/**
 * 绩效自评 scoring under the official rules (../shared/spec/scoring.md): 执行率 and its 得分,
 * positive / reverse / equality / range indicators, qualitative bands, 得分 ≤ 分值, Σ得分 = 总分,
 * and the 等级. Decimal arithmetic; scores compare at 2 places, rounded half-up. A printed value
 * that only truncates, or that rounded inputs can reach, is a rounding note (tail), not an error.
 */
import Decimal from "decimal.js";
import { cellAddress } from "../address";
import { CellRef, Finding, Severity } from "../finding";
import { Grid } from "../grid";
import { formatAmount } from "../money";
import { FundsColumn, OFFICIAL_GRADES } from "../../catalog/tables/performance";
import { FundsRow, IndicatorRow, PerformanceTable, Printed, locatePerformanceTables, printedNumber, valueAt } from "./read";
import { Target, inUnit, parseActual, parseTarget } from "./parse";
import { statementFindings } from "./statements";
import { tailOr, withinRounding } from "../tolerance";

export interface ProjectScore {
  sheet: string;
  kind: string;
  name: string;
  cell?: CellRef;
  printedTotal?: string;
  computedTotal?: string;
  grade?: string;
  printedGrade?: string;
}

export interface ScoreResult {
  projects: ProjectScore[];
  findings: Finding[];
}

const SCORE_PLACES = 2;
const HUNDRED = new Decimal(100);

type Verdict = "ok" | "tail" | "error";

/** Compare a printed figure with the rule's exact value: equal when rounded, a tail when only truncated or reachable. */
function classify(shown: Printed, exact: Decimal, reachable?: [Decimal, Decimal]): Verdict {
  const places = Math.max(shown.places, SCORE_PLACES);
  if (exact.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).eq(shown.value)) return "ok";
  if (exact.toDecimalPlaces(places, Decimal.ROUND_DOWN).eq(shown.value)) return "tail";
  if (
    reachable &&
    shown.value.gte(reachable[0].toDecimalPlaces(places, Decimal.ROUND_DOWN)) &&
    shown.value.lte(reachable[1].toDecimalPlaces(places, Decimal.ROUND_UP))
  )
    return "tail";
  return "error";
}

const fmt = (d: Decimal, places = 2) => formatAmount(d, places);

function finding(rule: string, severity: Severity, message: string, cell: CellRef, expected?: Decimal | string, actual?: Decimal | string): Finding {
  const e = expected instanceof Decimal ? expected.toDecimalPlaces(6).toFixed() : expected;
  const a = actual instanceof Decimal ? actual.toFixed() : actual;
  const difference = expected instanceof Decimal && actual instanceof Decimal ? actual.minus(expected).toDecimalPlaces(6).toFixed() : undefined;
  return { rule, severity, message, cells: [cell], expected: e, actual: a, difference };
}

/** Half a unit of the 2nd decimal on each input: the range a printed rate could come from. */
function rateRange(actual: Decimal, budget: Decimal): [Decimal, Decimal] | undefined {
  const h = new Decimal("0.005");
  if (budget.minus(h).lte(0)) return undefined;
  return [actual.minus(h).div(budget.plus(h)).mul(HUNDRED), actual.plus(h).div(budget.minus(h)).mul(HUNDRED)];
}

function fundsCell(t: PerformanceTable, r: FundsRow, k: FundsColumn) {
  return printedNumber(t, r.row, r.cols[k]);
}

function scoreFunds(t: PerformanceTable, fundsWeight: Decimal | undefined, out: Finding[]): Decimal | undefined {
  let totalScore: Decimal | undefined;
  for (const r of t.funds) {
    const budget = fundsCell(t, r, "budget");
    const actual = fundsCell(t, r, "actual");
    const rate = fundsCell(t, r, "rate");
    const score = fundsCell(t, r, "score");
    let exactRate: Decimal | undefined;
    if (budget && actual && budget.value.gt(0)) {
      exactRate = actual.value.div(budget.value).mul(HUNDRED);
      if (rate) {
        const v = classify(rate, exactRate, rateRange(actual.value, budget.value));
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
      const exact = Decimal.min(useRate, HUNDRED).div(HUNDRED).mul(weight);
      const v = classify(score, exact);
      if (v !== "ok") {
        out.push(
          finding(
            "P.funds.score",
            v,
            v === "tail"
              ? `${t.def.kind}“${t.name}”${r.label}：执行率得分 ${fmt(score.value)} 为 min(执行率,100%)×${fmt(weight, 0)} = ${fmt(exact, 4)} 截位所得（四舍五入应为 ${fmt(exact)}）`
              : `${t.def.kind}“${t.name}”${r.label}：执行率得分应为 min(执行率,100%)×${fmt(weight, 0)} = ${fmt(exact)}，表中为 ${fmt(score.value)}`,
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

interface Expectation {
  exact?: Decimal;
  band?: [Decimal, Decimal];
  why: string;
  /** the printed score follows "实际÷目标" on a reverse indicator: the commonest mistake */
  reverseAsPositive?: Decimal;
}

function expected(target: Target, row: IndicatorRow, t: PerformanceTable, weight: Decimal): Expectation | undefined {
  const unitCol = row.cols.unit === undefined ? undefined : t.view.text(row.row, row.cols.unit) || undefined;
  const actual = parseActual(valueAt(t, row.row, row.cols.actual), unitCol);
  const qualitative = target.op === "qualitative" || (actual.achievement !== undefined && actual.number === undefined);
  if (qualitative) {
    const a = actual.achievement;
    if (!a) return undefined;
    const band = {
      achieved: [new Decimal("0.8"), new Decimal(1)],
      partial: [new Decimal("0.6"), new Decimal("0.8")],
      not_achieved: [new Decimal(0), new Decimal("0.6")],
    }[a].map((x) => x.mul(weight)) as [Decimal, Decimal];
    const names = { achieved: "达成（100%–80%）", partial: "部分达成（80%–60%）", not_achieved: "未达成（60%–0）" };
    return { band, why: `定性指标“${actual.text}”属${names[a]}，得分应在 ${fmt(band[0])}–${fmt(band[1])} 之间` };
  }
  if (target.number === undefined || actual.number === undefined) return undefined;
  const a = inUnit(actual.number, actual.unit ?? target.unit, target.unit);
  if (a === undefined) return undefined;
  const tv = target.number;
  const full = weight;
  const shown = `实际 ${a.toFixed()}${target.unit ?? ""}，目标 ${target.text}`;
  switch (target.op) {
    case ">=":
    case ">":
    case "bare": {
      if (tv.lte(0)) return { exact: full, why: `正向指标，${shown}` };
      const ratio = Decimal.min(a.div(tv), 1);
      return { exact: ratio.mul(weight), why: `正向指标：min(实际÷目标, 1)×分值，${shown}` };
    }
    case "<=":
    case "<": {
      const met = target.op === "<=" ? a.lte(tv) : a.lt(tv);
      const exact = met || a.lte(0) ? full : tv.div(a).mul(weight);
      const asPositive = tv.gt(0) ? Decimal.min(a.div(tv), 1).mul(weight) : undefined;
      return { exact, why: `反向指标：达到目标得满分，否则 目标÷实际×分值，${shown}`, reverseAsPositive: met ? asPositive : undefined };
    }
    case "=": {
      if (a.eq(tv)) return { exact: full, why: `等值指标，${shown}` };
      if (a.lte(0) || tv.lte(0)) return { exact: new Decimal(0), why: `等值指标，${shown}` };
      return { exact: Decimal.min(a.div(tv), tv.div(a)).mul(weight), why: `等值指标：min(实际÷目标, 目标÷实际)×分值，${shown}` };
    }
    case "range": {
      const hi = target.number2!;
      if (a.gte(tv) && a.lte(hi)) return { exact: full, why: `区间指标，${shown}` };
      return { exact: (a.lt(tv) ? a.div(tv) : hi.div(a)).mul(weight), why: `区间指标，${shown}` };
    }
    default:
      return undefined;
  }
}

function scoreIndicators(t: PerformanceTable, out: Finding[]): { weights: Decimal; computed: Decimal; printedSum: Decimal; complete: boolean } {
  let weights = new Decimal(0);
  let computed = new Decimal(0);
  let printedSum = new Decimal(0);
  let complete = true;
  for (const row of t.indicators) {
    const weight = printedNumber(t, row.row, row.cols.weight);
    const score = printedNumber(t, row.row, row.cols.score);
    if (weight) weights = weights.plus(weight.value);
    if (score) printedSum = printedSum.plus(score.value);
    if (!weight || !score) {
      complete = false;
      continue;
    }
    const name = row.names.level3 || row.names.level2;
    if (score.value.gt(weight.value)) {
      out.push(
        finding(
          "P.cap",
          "error",
          `${t.def.kind}“${t.name}”指标“${name}”：得分 ${fmt(score.value)} 超过其分值 ${fmt(weight.value)}`,
          score.cell,
          weight.value,
          score.value,
        ),
      );
    }
    const target = parseTarget(valueAt(t, row.row, row.cols.target));
    const e = expected(target, row, t, weight.value);
    if (!e) {
      computed = computed.plus(score.value);
      continue;
    }
    if (e.band) {
      const inBand = score.value.gte(e.band[0]) && score.value.lte(e.band[1]);
      computed = computed.plus(inBand ? score.value : Decimal.min(Decimal.max(score.value, e.band[0]), e.band[1]));
      if (!inBand)
        out.push(
          finding(
            "P.indicator.score",
            "error",
            `${t.def.kind}“${t.name}”指标“${name}”：${e.why}，表中为 ${fmt(score.value)}`,
            score.cell,
            `${fmt(e.band[0])}–${fmt(e.band[1])}`,
            score.value,
          ),
        );
      continue;
    }
    const exact = e.exact!;
    computed = computed.plus(exact.toDecimalPlaces(SCORE_PLACES, Decimal.ROUND_HALF_UP));
    const v = classify(score, exact);
    if (v === "ok") continue;
    const mistake =
      e.reverseAsPositive && classify(score, e.reverseAsPositive) === "ok" && !e.reverseAsPositive.eq(exact)
        ? "（按“实际÷目标”计分，把反向指标当作正向指标）"
        : "";
    out.push(
      finding(
        "P.indicator.score",
        v,
        `${t.def.kind}“${t.name}”指标“${name}”：${e.why}，应得 ${fmt(exact)}，表中为 ${fmt(score.value)}${mistake}`,
        score.cell,
        exact,
        score.value,
      ),
    );
  }
  return { weights, computed, printedSum, complete };
}

/**
 * Links between the two blocks, where the indicator names the funds: a cost target equal to the
 * appropriation must be met by 全年执行数; a 预算执行率 indicator must print the funds block's rate;
 * and a funds block labelled in 元 whose figures are the 万元 targets is mislabelled. Inferred
 * links, so warnings.
 */
function links(t: PerformanceTable, out: Finding[]): void {
  const total = t.funds.find((r) => r.role === "total");
  const budget = total && fundsCell(t, total, "budget");
  const initial = total && fundsCell(t, total, "initial");
  const actual = total && fundsCell(t, total, "actual");
  for (const row of t.indicators) {
    const name = row.names.level3 || row.names.level2;
    const target = parseTarget(valueAt(t, row.row, row.cols.target));
    const unitCol = row.cols.unit === undefined ? undefined : t.view.text(row.row, row.cols.unit) || undefined;
    const shownActual = parseActual(valueAt(t, row.row, row.cols.actual), unitCol);
    const actualCell = { sheet: t.sheet, address: cellAddress({ row: row.row, col: row.cols.actual ?? 0 }) };
    const rate = /(基本支出|项目支出)?预算执行率$/.exec(name);
    if (rate && shownActual.number !== undefined) {
      const fundsRow = rate[1] ? t.funds.find((r) => r.label.includes(rate[1])) : total;
      const fundsRate = fundsRow && fundsCell(t, fundsRow, "rate");
      if (fundsRate && !withinRounding(shownActual.number.minus(fundsRate.value))) {
        out.push(
          finding(
            "P.link.rate",
            "warning",
            `${t.def.kind}“${t.name}”指标“${name}”的实际完成值 ${shownActual.number.toFixed()}% 应与资金情况中“${fundsRow.label}”的执行率 ${fmt(fundsRate.value)}% 一致`,
            actualCell,
            fundsRate.value,
            shownActual.number,
          ),
        );
      }
      continue;
    }
    if (target.number === undefined || target.unit !== "万元" || !budget || !actual) continue;
    const appropriation = [budget, initial].find((x) => x && x.value.eq(target.number!));
    if (!appropriation) continue;
    if (t.fundsUnit === "元" && t.fundsUnitCell) {
      // one finding for the block's label, however many indicators show it
      if (out.some((f) => f.rule === "P.link.unit" && f.cells[0].sheet === t.sheet && f.cells[0].address === t.fundsUnitCell)) continue;
      out.push(
        finding(
          "P.link.unit",
          "warning",
          `${t.def.kind}“${t.name}”：资金情况标注单位为“元”，但其金额 ${fmt(appropriation.value)} 与指标“${name}”的 ${target.text} 相同，单位应为“万元”`,
          { sheet: t.sheet, address: t.fundsUnitCell },
          "万元",
          "元",
        ),
      );
    } else if (shownActual.number !== undefined) {
      const a = inUnit(shownActual.number, shownActual.unit ?? "万元", "万元");
      if (a && !a.eq(actual.value)) {
        out.push(
          finding(
            "P.link.actual",
            "warning",
            `${t.def.kind}“${t.name}”指标“${name}”的目标值等于项目预算 ${fmt(appropriation.value)} 万元，其实际完成值 ${a.toFixed()} 应等于全年执行数 ${fmt(actual.value)}`,
            actualCell,
            actual.value,
            a,
          ),
        );
      }
    }
  }
}

/** In a weight tree, each 一级 and 二级 分值 equals the sum of the 三级 分值 under it. */
function weightTree(t: PerformanceTable, out: Finding[]): void {
  for (const [level, weightCol] of [
    ["level1", t.indicatorCols.weight1],
    ["level2", t.indicatorCols.weight2],
  ] as const) {
    if (weightCol === undefined) continue;
    const groups = new Map<string, IndicatorRow[]>();
    for (const r of t.indicators) {
      const k = `${r.names.level1}/${level === "level2" ? r.names.level2 : ""}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    for (const rows of groups.values()) {
      const parent = printedNumber(t, rows[0].row, weightCol);
      const kids = rows.map((r) => printedNumber(t, r.row, r.cols.weight));
      if (!parent || kids.some((k) => !k)) continue;
      const sum = kids.reduce((s, k) => s.plus(k!.value), new Decimal(0));
      if (!sum.eq(parent.value)) {
        const name = level === "level1" ? rows[0].names.level1 : rows[0].names.level2;
        out.push(
          finding(
            "P.weights.tree",
            "error",
            `${t.def.kind}“${t.name}”：“${name}”的分值 ${fmt(parent.value, 0)} 应等于其下各指标分值之和 ${fmt(sum, 0)}`,
            parent.cell,
            sum,
            parent.value,
          ),
        );
      }
    }
  }
}

export function gradeOf(total: Decimal, grades = OFFICIAL_GRADES): string {
  return (grades.find((g) => total.gte(g.min)) ?? grades[grades.length - 1]).grade;
}

export function scoreTable(t: PerformanceTable): { project: ProjectScore; findings: Finding[] } {
  const out: Finding[] = [];
  const totalWeight = t.total ? printedNumber(t, t.total.row, t.total.weightCol) : undefined;
  const totalScore = t.total ? printedNumber(t, t.total.row, t.total.scoreCol) : undefined;
  const ind = scoreIndicators(t, out);
  // the funds block's 分值: its own column, else 100 − Σ indicator 分值 (some layouts print none)
  const implied = totalWeight ? totalWeight.value.minus(ind.weights) : HUNDRED.minus(ind.weights);
  const fundsTotal = t.funds.find((r) => r.role === "total");
  const printedFundsWeight = fundsTotal ? fundsCell(t, fundsTotal, "weight")?.value : undefined;
  const fundsWeight = printedFundsWeight ?? (implied.gt(0) ? implied : undefined);
  const fundsScore = scoreFunds(t, fundsWeight, out);

  if (printedFundsWeight && totalWeight && !ind.weights.plus(printedFundsWeight).eq(totalWeight.value)) {
    out.push(
      finding(
        "P.weights.sum",
        "error",
        `${t.def.kind}“${t.name}”：各指标分值与执行率分值之和 ${fmt(ind.weights.plus(printedFundsWeight), 0)} 应等于总分分值 ${fmt(totalWeight.value, 0)}`,
        totalWeight.cell,
        totalWeight.value,
        ind.weights.plus(printedFundsWeight),
      ),
    );
  }
  const sumPrinted = ind.printedSum.plus(fundsScore ?? 0);
  if (totalScore) {
    const diff = totalScore.value.minus(sumPrinted);
    if (!diff.isZero()) {
      out.push(
        finding(
          "P.total.sum",
          tailOr(diff, "error"),
          `${t.def.kind}“${t.name}”：总分应为各项得分之和 ${fmt(sumPrinted)}，表中为 ${fmt(totalScore.value)}`,
          totalScore.cell,
          sumPrinted,
          totalScore.value,
        ),
      );
    }
    const cap = totalWeight?.value ?? HUNDRED;
    if (totalScore.value.gt(cap))
      out.push(
        finding("P.cap", "error", `${t.def.kind}“${t.name}”：总分 ${fmt(totalScore.value)} 超过满分 ${fmt(cap, 0)}`, totalScore.cell, cap, totalScore.value),
      );
  }
  links(t, out);
  weightTree(t, out);
  const computedTotal = ind.computed.plus(fundsScore ?? 0);
  const grade = gradeOf(computedTotal, t.def.grades);
  out.push(...statementFindings(t, grade));
  if (t.grade && t.grade.text !== grade) {
    out.push(
      finding(
        "P.grade",
        "error",
        `${t.def.kind}“${t.name}”：按总分 ${fmt(computedTotal)} 等级应为“${grade}”，表中为“${t.grade.text}”`,
        { sheet: t.sheet, address: t.grade.cell },
        grade,
        t.grade.text,
      ),
    );
  }
  return {
    project: {
      sheet: t.sheet,
      kind: t.def.kind,
      name: t.name,
      cell: { sheet: t.sheet, address: totalScore?.cell.address ?? t.titleCell },
      printedTotal: totalScore?.value.toFixed(),
      computedTotal: computedTotal.toDecimalPlaces(SCORE_PLACES).toFixed(),
      grade,
      printedGrade: t.grade?.text,
    },
    findings: out,
  };
}

/** `tables`: the workbook's 绩效 tables when the caller has located them already. */
export function scoreWorkbook(grids: Grid[], tables: PerformanceTable[] = locatePerformanceTables(grids)): ScoreResult {
  if (tables.length === 0) return { projects: [], findings: [{ rule: "locate.perfMissing", severity: "info", message: "未找到绩效自评表", cells: [] }] };
  const projects: ProjectScore[] = [];
  const findings: Finding[] = [];
  for (const t of tables) {
    const r = scoreTable(t);
    projects.push(r.project);
    findings.push(...r.findings);
  }
  return { projects, findings };
}
