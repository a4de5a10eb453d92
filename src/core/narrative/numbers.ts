/**
 * The numbers of a 说明 text as the checks read them: written amounts and percentages, the range a
 * rounded ratio can take, and a written figure against what the tables hold.
 */
import Decimal from "decimal.js";
import { CellRef, Finding, Severity } from "../finding";
import { FindingKind } from "../../catalog/findings";
import { tailOr } from "../tolerance";

/** a written number: "1,131.80" (NFKC turns a full-width comma into ",") or "887.29" */
export const N = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
export const num = (s: string) => new Decimal(s.replace(/,/g, ""));
export const HALF = new Decimal("0.005");

/** A figure as the text writes it, where it stands. */
interface Written {
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
export const mark = (seen: Seen | undefined, ...printed: (string | undefined)[]) => {
  for (const p of printed) if (p !== undefined) seen?.add(p.replace(/,/g, ""));
};

/** Every "X 万元" and "Y%" of a text, as printed (commas dropped). */
export function numbersIn(text: string): string[] {
  // "单价 100 万元（含）以上设备" is a threshold, not a figure
  return [...text.normalize("NFKC").matchAll(new RegExp(`${N}\\s*(?:万元|%)(?!\\s*(?:\\(含\\))?\\s*(?:以上|以下))`, "g"))].map((m) => m[1].replace(/,/g, ""));
}

export function amounts(text: string): Written[] {
  const out: Written[] = [];
  for (const m of text.matchAll(new RegExp(`${N}\\s*万元`, "g"))) {
    // "其中 25万元为因公出国境预算数": an amount that is the subject of 为 is not the year's figure
    if (/^\s*为/.test(text.slice(m.index + m[0].length))) continue;
    out.push({ value: num(m[1]), printed: m[1], at: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The last amount that ends before a position (binary search: a long pasted text stays n log n). */
export function lastBefore(all: Written[], at: number): Written | undefined {
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
export function percentFinding(
  rule: FindingKind,
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
export function ratioRange(a: Decimal, b: Decimal, spread = 1): [Decimal, Decimal] {
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

/** Quotes around a name ("“三公”经费") say nothing about the amount. */
export const unquote = (s: string) => s.normalize("NFKC").replace(/[“”"‘’「」『』]/g, "");

/** A written amount against the alternatives the tables hold: nothing, a tail, or a finding's severity. */
export function compareWritten(written: Decimal, alternatives: Resolved[], severity: Severity): { severity: Severity; nearest: Resolved } | undefined {
  if (alternatives.length === 0 || alternatives.some((a) => a.value.eq(written))) return undefined;
  const nearest = [...alternatives].sort((a, b) => a.value.minus(written).abs().cmp(b.value.minus(written).abs()))[0];
  return { severity: tailOr(nearest.value.minus(written), severity), nearest };
}

/** "2024 年度" before a name or a figure. */
export const YEAR = "(?:\\d{4}\\s*年度?)?";
