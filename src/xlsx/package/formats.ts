/** Number formats by cell style index, as the sheet's `s` attribute names them; which of them show dates. */
import { XmlElement, attr, child, children } from "../../documents/xml";

/** Excel's built-in formats (the ids a styles part may use without defining them). */
export const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** The built-in id of a format code, when Excel has one for it. */
export function builtInId(code: string): number | undefined {
  const hit = Object.entries(BUILT_IN).find(([, c]) => c === code);
  return hit ? Number(hit[0]) : undefined;
}

/** A format shows a date when it has date letters outside quotes, brackets and escapes. */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[ymdhs]/i.test(bare) && !/^[#0.,%E+\-\s]*$/i.test(bare);
}

export interface CellFormats {
  /** the number format of style index i ("General" when none) */
  formatOf(style: number): string;
  isDate(style: number): boolean;
}

export function cellFormats(styles: XmlElement | undefined): CellFormats {
  const custom = new Map<number, string>();
  const numFmts = styles && child(styles, "numFmts");
  for (const f of numFmts ? children(numFmts, "numFmt") : []) custom.set(Number(attr(f, "numFmtId")), attr(f, "formatCode") ?? "General");
  const xfs = styles && child(styles, "cellXfs");
  const ids = (xfs ? children(xfs, "xf") : []).map((x) => Number(attr(x, "numFmtId") ?? 0));
  const formats = ids.map((id) => custom.get(id) ?? BUILT_IN[id] ?? "General");
  const dates = formats.map(isDateFormat);
  return {
    formatOf: (s) => formats[s] ?? "General",
    isDate: (s) => dates[s] ?? false,
  };
}
