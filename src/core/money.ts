/**
 * Amounts as accountants type them, parsed into decimal.js — never a JS float.
 * "1,131.80", "１２３.４", "(12.00)", "-", "—", "10%", "51.3099万元", "513,099元".
 */
import Decimal from "decimal.js";
import { CellValue } from "./grid";
import { CellRef } from "./finding";

export type MoneyUnit = "元" | "万元" | "亿元";
export type AmountUnit = MoneyUnit | "%";

/** An amount as printed: its value and the decimals shown (the rounding it may carry). */
export interface Amount {
  value: Decimal;
  places: number;
  /** the places are what the page shows (typed as text, or a number format that fixes them); else
   * only the number's own digits, which hide trailing zeros (97.10 stored as 97.1) */
  printed?: boolean;
}

/** An amount read from a cell of the workbook. */
export interface CellAmount extends Amount {
  cell: CellRef;
}

export type ParsedAmount =
  /** a number; `places` = decimals as shown (for rounding tolerance) */
  | ({ kind: "amount"; unit?: AmountUnit } & Amount)
  /** nothing typed: counts as 0 but is remembered as empty */
  | { kind: "empty" }
  /** "-", "—", "/" …: the accountant's explicit "none", counts as 0 */
  | { kind: "dash"; text: string }
  /** an Excel error value such as "#REF!" */
  | { kind: "error"; text: string }
  /** text that is not an amount */
  | { kind: "invalid"; text: string }
  /** a formula saved without its result: unknown, never 0 */
  | { kind: "uncalculated" };

const DASHES = new Set(["-", "--", "—", "——", "–", "－", "/", "／", "…", "……", "——————", "无", "0.00-"]);
const EXCEL_ERRORS = /^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/;
/** Each unit as a power of ten of 元 (the places an amount gains when read in a bigger unit). */
const UNIT_PLACES: Record<MoneyUnit, number> = { 元: 0, 万元: 4, 亿元: 8 };
const UNIT_SCALE: Record<MoneyUnit, Decimal> = {
  元: new Decimal(1),
  万元: new Decimal(10_000),
  亿元: new Decimal(100_000_000),
};

/** NFKC folds full-width digits, commas, brackets and the percent sign to ASCII. */
function normalizeText(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\u00a0\u3000]+/g, "")
    .replace(/[，]/g, ",");
}

function placesOf(digits: string): number {
  const i = digits.indexOf(".");
  return i < 0 ? 0 : digits.length - i - 1;
}

/** Excel keeps 15 significant digits; trimming to them drops binary noise such as 0.30000000000000004. */
export function decimalFromNumber(n: number): Decimal {
  return new Decimal(Number(n.toPrecision(15)).toString());
}

/** Decimal places a number format shows ("#,##0.00" → 2), or undefined for General. */
export function formatPlaces(numberFormat: string | undefined): number | undefined {
  if (!numberFormat || /^general$/i.test(numberFormat)) return undefined;
  const section = numberFormat.split(";")[0];
  const m = /0\.(0+)/.exec(section);
  if (m) return m[1].length;
  return /0/.test(section) ? 0 : undefined;
}

export function parseAmountText(raw: string): ParsedAmount {
  const text = normalizeText(raw);
  if (text === "") return { kind: "empty" };
  if (DASHES.has(text)) return { kind: "dash", text: raw.trim() };
  if (EXCEL_ERRORS.test(text)) return { kind: "error", text };

  let body = text;
  let unit: AmountUnit | undefined;
  for (const u of ["亿元", "万元", "元", "%"] as const) {
    if (body.endsWith(u)) {
      unit = u;
      body = body.slice(0, -u.length);
      break;
    }
  }
  if (body.startsWith("¥") || body.startsWith("￥")) body = body.slice(1);

  let negative = false;
  if (/^\(.*\)$/.test(body)) {
    negative = true;
    body = body.slice(1, -1);
  }
  if (body.startsWith("-")) {
    negative = !negative;
    body = body.slice(1);
  } else if (body.startsWith("+")) {
    body = body.slice(1);
  }
  // thousands separators must group by three; "1,2" is a typo, not 12
  if (body.includes(",")) {
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) return { kind: "invalid", text: raw };
    body = body.replace(/,/g, "");
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(body)) return { kind: "invalid", text: raw };
  const value = new Decimal(body);
  return { kind: "amount", value: negative ? value.neg() : value, places: placesOf(body), unit, printed: true };
}

/** A cell's value as an amount; `numberFormat` tells how many places the accountant sees. */
export function parseAmount(value: CellValue, numberFormat?: string): ParsedAmount {
  if (value === null) return { kind: "empty" };
  if (typeof value === "boolean") return { kind: "invalid", text: String(value) };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "invalid", text: String(value) };
    const d = decimalFromNumber(value);
    const shown = formatPlaces(numberFormat);
    const isPercent = numberFormat !== undefined && numberFormat.includes("%");
    return {
      kind: "amount",
      value: isPercent ? d.mul(100) : d,
      places: shown ?? Math.max(0, d.decimalPlaces()),
      ...(shown !== undefined ? { printed: true } : {}),
      unit: isPercent ? "%" : undefined,
    };
  }
  return parseAmountText(value);
}

/** The amount as a Decimal, with empty and dash as zero; undefined when it is not an amount. */
export function amountValue(p: ParsedAmount): Decimal | undefined {
  if (p.kind === "amount") return p.value;
  if (p.kind === "empty" || p.kind === "dash") return new Decimal(0);
  return undefined;
}

/** Decimal places an amount gains converted from one unit to another (元 → 万元: 4). */
export function placesShift(from: MoneyUnit, to: MoneyUnit): number {
  return UNIT_PLACES[to] - UNIT_PLACES[from];
}

/** Convert between 元, 万元 and 亿元 exactly. */
export function convertUnit(value: Decimal, from: MoneyUnit, to: MoneyUnit): Decimal {
  if (from === to) return value;
  return value.mul(UNIT_SCALE[from]).div(UNIT_SCALE[to]);
}

/** "金额单位：万元" / "单位:元" in a meta line → the unit. */
export function unitFromMetaLine(text: string): MoneyUnit | undefined {
  const m = /(?:金额)?单位\s*[:：]\s*(亿元|万元|元)/.exec(text.normalize("NFKC"));
  return m ? (m[1] as MoneyUnit) : undefined;
}

/** Display an amount with fixed places and thousands separators, as the published tables do. */
export function formatAmount(value: Decimal, places = 2): string {
  const fixed = value.toFixed(places, Decimal.ROUND_HALF_UP);
  const [int, frac] = fixed.replace("-", "").split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value.isNeg() && !new Decimal(fixed).isZero() ? "-" : ""}${grouped}${frac ? "." + frac : ""}`;
}
