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
  return s
    .normalize("NFKC")
    .replace(/[\s\u00a0\u3000]+/g, "")
    .replace(/[“”"'‘’]/g, "");
}

/** A leading ordinal dropped: "一、", "十九、", "(一)", "1.". */
export function stripOrdinal(s: string): string {
  return s.replace(/^[一二三四五六七八九十]+[、.．]/, "").replace(/^\(?[一二三四五六七八九十\d]+\)[、.]?/, "");
}
