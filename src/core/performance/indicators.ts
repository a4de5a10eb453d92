/**
 * The indicators of a 绩效自评表: each 得分 under its target's rule (positive, reverse, equality,
 * range, qualitative bands), 得分 ≤ 分值, the links between rows, and the weight tree's sums.
 */
import Decimal from "decimal.js";
import { cellAddress } from "../address";
import { Finding } from "../finding";
import { IndicatorRow, PerformanceTable, printedNumber, valueAt } from "./read";
import { Target, inUnit, parseActual, parseTarget } from "./parse";
import { roundingTolerance, withinRounding } from "../tolerance";
import { HUNDRED, SCORE_PLACES, classify, finding, fmt, judgedPlaces } from "./verdicts";
import { fundsCell } from "./funds";

interface Expectation {
  exact?: Decimal;
  band?: [Decimal, Decimal];
  why: string;
  /** the printed score follows "实际÷目标" on a reverse indicator: the commonest mistake */
  reverseAsPositive?: Decimal;
  /** a reverse (≤) target that was met: its 完成率 is 100% */
  reverseMet?: boolean;
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
      return { exact, why: `反向指标：达到目标得满分，否则 目标÷实际×分值，${shown}`, reverseAsPositive: met ? asPositive : undefined, reverseMet: met };
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

export function scoreIndicators(t: PerformanceTable, out: Finding[]): { weights: Decimal; computed: Decimal; printedSum: Decimal; complete: boolean } {
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
    const completion = e.reverseMet ? printedNumber(t, row.row, row.cols.completion) : undefined;
    // the same backwards reading usually prints 实际÷目标 as the 完成率 too: that cell is marked with the score
    const wrongCompletion =
      completion && classify(completion, HUNDRED) === "error" && completion.value.lt(HUNDRED)
        ? finding(
            "P.indicator.completion",
            "error",
            `${t.def.kind}“${t.name}”指标“${name}”：反向指标已达到目标（${e.why.replace(/^.*，(实际 )/, "$1")}），完成率应为 100%，表中为 ${fmt(completion.value, completion.places)}%`,
            completion.cell,
            HUNDRED,
            completion.value,
          )
        : undefined;
    const v = classify(score, exact);
    if (v === "ok") {
      if (wrongCompletion) out.push(wrongCompletion);
      continue;
    }
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
    if (wrongCompletion) out.push(wrongCompletion);
  }
  return { weights, computed, printedSum, complete };
}

/**
 * Links between the two blocks, where the indicator names the funds: a cost target equal to the
 * appropriation must be met by 全年执行数; a 预算执行率 indicator must print the funds block's rate
 * (the table contradicting itself: an error); and a funds block labelled in 元 whose figures are
 * the 万元 targets is mislabelled. The inferred links are warnings.
 */
export function links(t: PerformanceTable, out: Finding[]): void {
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
      const places = Math.max(0, shownActual.number.decimalPlaces());
      if (fundsRate && !withinRounding(shownActual.number.minus(fundsRate.value), roundingTolerance(places, judgedPlaces(fundsRate)))) {
        // one table saying two things about its own money: an error, whichever of the two is wrong
        out.push(
          finding(
            "P.link.rate",
            "error",
            `${t.def.kind}“${t.name}”自相矛盾：指标“${name}”的实际完成值 ${shownActual.number.toFixed()}% 与本表资金情况中“${fundsRow.label}”的执行率 ${fmt(fundsRate.value)}% 不一致`,
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
export function weightTree(t: PerformanceTable, out: Finding[]): void {
  for (const [level, weightCol] of [
    ["level1", t.indicatorCols.weight1],
    ["level2", t.indicatorCols.weight2],
  ] as const) {
    if (weightCol === undefined) continue;
    // a weight printed once over a merged block covers that block's rows (two blocks of one name are two groups)
    const groups = new Map<string, { top: number; rows: IndicatorRow[] }>();
    for (const r of t.indicators) {
      const top = t.view.blockTop(r.row, weightCol);
      const k = top !== undefined ? `block ${top}` : `${r.names.level1}/${level === "level2" ? r.names.level2 : ""}`;
      const g = groups.get(k) ?? { top: top ?? r.row, rows: [] };
      g.rows.push(r);
      groups.set(k, g);
    }
    for (const { top, rows } of groups.values()) {
      const parent = printedNumber(t, top, weightCol);
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
