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
    fromText: true,
  };
}

/** How much of a text the checker could read numbers in (for "nothing to check" answers). */
export function textStats(text: string): { lines: number; withNumbers: number } {
  const lines = text.split(/\r?\n|\r/).filter((l) => l.trim() !== "");
  return { lines: lines.length, withNumbers: lines.filter((l) => /\d\s*(?:万?元|[%％])/.test(l.normalize("NFKC"))).length };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The paragraphs of a Word document's body (word/document.xml), in order: each <w:p> one line,
 * its runs' text joined (Word splits "887.29" over runs freely), table cells paragraph by paragraph.
 */
export function docxParagraphs(documentXml: string): string[] {
  const out: string[] = [];
  for (const p of documentXml.split(/<\/w:p>/)) {
    const start = p.lastIndexOf("<w:p");
    if (start < 0) continue;
    const body = p.slice(start);
    let text = "";
    for (const m of body.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) text += m[2] ? (m[2] === "tab" ? "\t" : " ") : m[1];
    out.push(
      text.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(\w+));/g, (e, d: string, h: string, n: string) =>
        d ? String.fromCodePoint(Number(d)) : h ? String.fromCodePoint(parseInt(h, 16)) : (ENTITIES[n] ?? e),
      ),
    );
  }
  return out;
}
