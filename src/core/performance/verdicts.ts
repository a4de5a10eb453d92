/** How a printed 绩效 figure is judged against the rule's exact value, and how a finding about it reads. */
import Decimal from "decimal.js";
import { CellRef, Finding, Severity } from "../finding";
import { FindingKind } from "../../catalog/findings";
import { formatAmount } from "../money";
import { Printed } from "./read";

export const SCORE_PLACES = 2;
export const HUNDRED = new Decimal(100);

export type Verdict = "ok" | "tail" | "error";

/** The places a figure is judged at: those it shows when the page fixes them ("75%", "79.3%"), else at least two. */
export function judgedPlaces(shown: Printed): number {
  return shown.printed ? shown.places : Math.max(shown.places, SCORE_PLACES);
}

/**
 * Compare a printed figure with the rule's exact value at the places it is printed: equal when
 * rounded, a tail when only truncated or when the rounded inputs can reach it (`reachable`).
 */
export function classify(shown: Printed, exact: Decimal, reachable?: [Decimal, Decimal]): Verdict {
  const places = judgedPlaces(shown);
  // a number format shows the stored value rounded: that is the figure on the page
  const printed = shown.value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  if (exact.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).eq(printed)) return "ok";
  if (exact.toDecimalPlaces(places, Decimal.ROUND_DOWN).eq(printed)) return "tail";
  // some value x the inputs can reach prints as this figure, rounded (x within ±h) or truncated (x up to 2h above)
  const h = new Decimal(10).pow(-places).div(2);
  if (reachable && printed.lte(reachable[1].plus(h)) && printed.gt(reachable[0].minus(h.mul(2)))) return "tail";
  return "error";
}

export const fmt = (d: Decimal, places = 2) => formatAmount(d, places);

export function finding(
  rule: FindingKind,
  severity: Severity,
  message: string,
  cell: CellRef,
  expected?: Decimal | string,
  actual?: Decimal | string,
): Finding {
  const e = expected instanceof Decimal ? expected.toDecimalPlaces(6).toFixed() : expected;
  const a = actual instanceof Decimal ? actual.toFixed() : actual;
  const difference = expected instanceof Decimal && actual instanceof Decimal ? actual.minus(expected).toDecimalPlaces(6).toFixed() : undefined;
  return { rule, severity, message, cells: [cell], expected: e, actual: a, difference };
}

/** Half a unit of a figure's last printed place: how far the true value may be from it. */
export function halfUnit(shown: Printed): Decimal {
  return new Decimal(10).pow(-judgedPlaces(shown)).div(2);
}

/** The range of 实际÷预算 (in %) over every value the two rounded amounts can stand for. */
export function rateRange(actual: Printed, budget: Printed): [Decimal, Decimal] | undefined {
  const ha = halfUnit(actual);
  const hb = halfUnit(budget);
  if (budget.value.minus(hb).lte(0)) return undefined;
  return [actual.value.minus(ha).div(budget.value.plus(hb)).mul(HUNDRED), actual.value.plus(ha).div(budget.value.minus(hb)).mul(HUNDRED)];
}
