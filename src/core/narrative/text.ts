/**
 * Plain text (a .txt file, text pasted into the task pane) as the checker reads a 决算说明 sheet:
 * one cell per line, so a finding's address A12 is line 12.
 */
import { Grid } from "../grid";

/** The sheet name a text is read under: it names the source and reads as a 说明 to the checker. */
export const textSheetName = (source: string) => `决算说明（${source}）`;

export function textGrid(source: string, text: string): Grid {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n|\r/);
  return {
    sheet: textSheetName(source),
    origin: "A1",
    cells: lines.map((line) => [{ value: line.trim() === "" ? null : line }]),
    merges: [],
    visibility: "visible",
  };
}

/** How much of a text the checker could read numbers in (for "nothing to check" answers). */
export function textStats(text: string): { lines: number; withNumbers: number } {
  const lines = text.split(/\r?\n|\r/).filter((l) => l.trim() !== "");
  return { lines: lines.length, withNumbers: lines.filter((l) => /\d\s*(?:万?元|[%％])/.test(l.normalize("NFKC"))).length };
}
