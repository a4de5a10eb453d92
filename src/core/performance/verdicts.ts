/** How a printed 绩效 figure is judged against the rule's exact value, and how a finding about it reads. */
import Decimal from "decimal.js";
import { CellRef, Finding, Severity } from "../finding";
import { FindingKind } from "../../catalog/findings";
import { formatAmount } from "../money";
import { Printed } from "./read";

export const SCORE_PLACES = 2;
export const HUNDRED = new Decimal(100);

export type Verdict = "ok" | "tail" | "error";

/** Compare a printed figure with the rule's exact value: equal when rounded, a tail when only truncated or reachable. */
export function classify(shown: Printed, exact: Decimal, reachable?: [Decimal, Decimal]): Verdict {
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

/** Half a unit of the 2nd decimal on each input: the range a printed rate could come from. */
export function rateRange(actual: Decimal, budget: Decimal): [Decimal, Decimal] | undefined {
  const h = new Decimal("0.005");
  if (budget.minus(h).lte(0)) return undefined;
  return [actual.minus(h).div(budget.plus(h)).mul(HUNDRED), actual.plus(h).div(budget.minus(h)).mul(HUNDRED)];
}
