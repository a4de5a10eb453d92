/** Printed labels as compared: the one normalisation every reader of the tables uses. */
import { CellValue } from "./grid";

/** printable ASCII without spaces or quotes: already normal */
const PLAIN = /^[!#-&(-~]*$/;

/** Text as compared: NFKC (full-width forms, （）→()), no whitespace or line breaks, no quotes (“三公” = "三公" = 三公). */
export function norm(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  const s = String(v);
  if (PLAIN.test(s)) return s;
  // the same labels recur in every table and every workbook of a batch: each normalized once (a long text is not kept)
  let out = NORMAL.get(s);
  if (out === undefined) {
    out = s
      .normalize("NFKC")
      .replace(/[\s\u00a0\u3000]+/g, "")
      .replace(/[“”"'‘’]/g, "");
    if (s.length <= LABEL_MAX) {
      if (NORMAL.size >= NORMAL_MAX) NORMAL.clear();
      NORMAL.set(s, out);
    }
  }
  return out;
}

const NORMAL = new Map<string, string>();
const NORMAL_MAX = 50_000;
const LABEL_MAX = 200;

/** A leading ordinal dropped: "一、", "十九、", "(一)", "1.". */
export function stripOrdinal(s: string): string {
  return s.replace(/^[一二三四五六七八九十]+[、.．]/, "").replace(/^\(?[一二三四五六七八九十\d]+\)[、.]?/, "");
}
