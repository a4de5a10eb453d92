/** Helpers both live-workbook adapters (Office.js and WPS) share when they carry out a plan. */
import { CellValue } from "../grid";

/**
 * A value written to a cell is taken as if typed: text that Excel or WPS would read as a formula
 * ("-", "+1", "=x"), as a number or date ("01" → 1, "1,131.80", "2024-12-31", "(5)"), as TRUE, or
 * whose leading apostrophe it would swallow ("'Sheet'!A1") gets the text prefix, so the cell holds
 * exactly the text. The prefix is not part of the value.
 */
export function typedValue(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "string" && (/^[\s=+\-'\d.(¥$￥]/.test(v) || /^(true|false)$/i.test(v))) return `'${v}`;
  return v;
}

/**
 * Multi-area address strings short enough for the host: Office.js's getRanges fails near 8,200
 * characters; VBA's Range() (WPS) takes at most 255.
 */
export function chunkAddresses(addresses: string[], maxChars = 4000, maxAreas = 400): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let len = 0;
  for (const a of addresses) {
    if (cur.length > 0 && (len + a.length + 1 > maxChars || cur.length >= maxAreas)) {
      out.push(cur.join(","));
      cur = [];
      len = 0;
    }
    cur.push(a);
    len += a.length + 1;
  }
  if (cur.length) out.push(cur.join(","));
  return out;
}
