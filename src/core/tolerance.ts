/**
 * The one tail-or-error decision. Every printed figure is a rounded value, off from the true one
 * by at most half a unit of its last place; figures that should agree may differ by the sum of those
 * halves. Within it a difference is a tail (尾差); beyond it, the severity the check gives it.
 */
import Decimal from "decimal.js";
import { Severity } from "./finding";

/** Half a unit of the last place of each figure, summed: places 2 and 2 → 0.01. */
export function roundingTolerance(...places: number[]): Decimal {
  return places.reduce((s, p) => s.plus(halfUnit(p)), new Decimal(0));
}

const HALF_UNITS = new Map<number, Decimal>();

/** Half a unit of the given last place (2 → 0.005), computed once a place. */
function halfUnit(places: number): Decimal {
  let h = HALF_UNITS.get(places);
  if (!h) HALF_UNITS.set(places, (h = new Decimal(10).pow(-places).div(2)));
  return h;
}

/** Two figures each shown to 2 places (amounts in 万元, rates in %): 0.01. */
export const TWO_FIGURES = roundingTolerance(2, 2);

/** A difference's verdict: a tail within the tolerance, else `beyond`. */
export function tailOr(difference: Decimal, beyond: Severity, tolerance: Decimal = TWO_FIGURES): Severity {
  return difference.abs().lte(tolerance) ? "tail" : beyond;
}

/** Within the tolerance: agreeing as printed. */
export function withinRounding(difference: Decimal, tolerance: Decimal = TWO_FIGURES): boolean {
  return difference.abs().lte(tolerance);
}
