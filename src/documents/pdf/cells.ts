/**
 * The text of a page as cells and lines: runs joined on a baseline, lines grouped, each ruled
 * frame's cells with their text, merges and boxes, and a run pdf.js joined across a column rule cut
 * apart. Pure geometry over PDF points.
 */
import { Cell } from "../../core/grid";
import { areaAddress } from "../../core/address";
import { Frame, cellAtPoint } from "./frames";
import { Box, TextRun } from "./page";

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Runs on one baseline joined left to right: a space where the gap is a word's, nothing between CJK. */
export function joinRuns(runs: TextRun[]): string {
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  let text = "";
  let end = -Infinity;
  for (const r of sorted) {
    const gap = r.x - end;
    if (text && gap > r.size * 0.6 && !(CJK.test(text.slice(-1)) && CJK.test(r.text[0]) && gap < r.size * 2)) text += " ";
    text += r.text;
    end = r.x + r.width;
  }
  return text.replace(/\s+/g, " ").trim();
}

/** Runs grouped into lines by baseline, top to bottom. */
export function linesOf(runs: TextRun[]): { y: number; x: number; right: number; size: number; runs: TextRun[] }[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; x: number; right: number; size: number; runs: TextRun[] }[] = [];
  for (const r of sorted) {
    const line = lines.find((l) => Math.abs(l.y - r.y) <= Math.min(l.size, r.size) * 0.5);
    if (line) {
      line.runs.push(r);
      line.x = Math.min(line.x, r.x);
      line.right = Math.max(line.right, r.x + r.width);
    } else lines.push({ y: r.y, x: r.x, right: r.x + r.width, size: r.size, runs: [r] });
  }
  return lines.sort((a, b) => b.y - a.y);
}

/** The point a run is placed by: its middle, a third of its size above the baseline. */
export const centre = (r: TextRun) => ({ x: r.x + r.width / 2, y: r.y + r.size * 0.3 });

const NUMBER = /^[-+]?[\d,]+(\.\d+)?%?$/;

/**
 * The cells of a frame, with their merges. A ruled row may hold two rows the producer drew no
 * border between — 类 | 款 | 项 above 合计 and its amounts: when every cell of the row is one
 * line, and words stand higher than the row's lowest words by half a line or more, those words
 * are a row of their own above. A row where a cell wraps is one row.
 */
export function frameCells(
  frame: Frame,
  runs: TextRun[],
  page: number,
): { cells: Cell[][]; boxes: (Box | undefined)[][]; merges: string[]; fullAtEnd: Set<number> } {
  const rows = frame.ys.length - 1;
  const cols = frame.xs.length - 1;
  const texts = new Map<number, TextRun[]>();
  for (const r of runs) {
    const p = centre(r);
    const at = cellAtPoint(frame, p.x, p.y)!;
    const owner = frame.owner[at.row][at.col];
    texts.set(owner, [...(texts.get(owner) ?? []), r]);
  }
  const extent = new Map<number, { bottom: number; right: number }>();
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      const owner = frame.owner[r][c];
      const e = extent.get(owner);
      extent.set(owner, { bottom: Math.max(e?.bottom ?? r, r), right: Math.max(e?.right ?? c, c) });
    }
  const cellText = (rs: TextRun[]) =>
    linesOf(rs)
      .map((l) => joinRuns(l.runs))
      .join("");
  // frame row → its first grid row; the words lifted out of a frame row into a row above it
  const firstRow: number[] = [];
  const lifted = new Map<number, Set<number>>();
  let gridRows = 0;
  for (let r = 0; r < rows; r++) {
    firstRow.push(gridRows);
    gridRows++;
    const owners = [...texts.keys()].filter((o) => Math.floor(o / cols) === r && extent.get(o)!.bottom === r);
    const single = owners.map((o) => ({ o, lines: linesOf(texts.get(o)!), words: !NUMBER.test(cellText(texts.get(o)!)) }));
    if (single.some((s) => s.lines.length > 1)) continue;
    const words = single.filter((s) => s.words);
    if (words.length < 2) continue;
    const lowest = Math.min(...words.map((s) => s.lines[0].y));
    const upper = words.filter((s) => s.lines[0].y - lowest >= s.lines[0].size * 0.5);
    if (upper.length === 0) continue;
    lifted.set(r, new Set(upper.map((s) => s.o)));
    gridRows++;
  }
  firstRow.push(gridRows);
  const cells: Cell[][] = Array.from({ length: gridRows }, () => Array.from({ length: cols }, () => ({ value: null })));
  const rowOf = (owner: number) => {
    const r = Math.floor(owner / cols);
    // in a split row the other one-row cells stay in the lower row; a taller cell spans both
    return lifted.has(r) && !lifted.get(r)!.has(owner) && extent.get(owner)!.bottom === r ? firstRow[r] + 1 : firstRow[r];
  };
  for (const [owner, rs] of texts) cells[rowOf(owner)][owner % cols] = { value: cellText(rs) || null };
  const boxes: (Box | undefined)[][] = cells.map((row) => row.map(() => undefined));
  for (const [owner, e] of extent) {
    const top = Math.floor(owner / cols);
    boxes[rowOf(owner)][owner % cols] = { page, x1: frame.xs[owner % cols], y1: frame.ys[e.bottom + 1], x2: frame.xs[e.right + 1], y2: frame.ys[top] };
  }
  // cells of the last row whose last line fills the cell: wrapped there, perhaps onto the next page
  const fullAtEnd = new Set<number>();
  for (const [owner, rs] of texts) {
    if (rowOf(owner) !== gridRows - 1) continue;
    const last = linesOf(rs).pop()!;
    if (frame.xs[extent.get(owner)!.right + 1] - last.right < last.size * 1.5) fullAtEnd.add(owner % cols);
  }
  const merges: string[] = [];
  for (const [owner, e] of extent) {
    const top = Math.floor(owner / cols);
    const left = owner % cols;
    const bottom = e.bottom === top ? rowOf(owner) : firstRow[e.bottom + 1] - 1;
    if (bottom > rowOf(owner) || e.right > left) merges.push(areaAddress({ top: rowOf(owner), left, bottom, right: e.right }));
  }
  return { cells, boxes, merges, fullAtEnd };
}

export type Line = ReturnType<typeof linesOf>[number];
export const lineBox = (l: Line, page: number): Box => ({ page, x1: l.x, y1: l.y - l.size * 0.25, x2: l.right, y2: l.y + l.size * 0.9 });

/** A glyph's advance as a share of the font size: CJK full width, others about half. */
const advance = (ch: string) => (CJK.test(ch) ? 1 : 0.55);

/**
 * pdf.js joins text a small gap apart into one run with a space ("2,082.85 302": an amount and
 * the next cell's code, printed small). A run that crosses a column rule of a frame is cut at
 * its spaces, each word placed by its glyphs' widths, the gaps shared out.
 */
export function splitAcrossRules(run: TextRun, frames: Frame[]): TextRun[] {
  const words = run.text.trim().split(/\s+/);
  if (words.length < 2) return [run];
  const y = centre(run).y;
  const crosses = frames.some((f) => y <= f.top && y >= f.bottom && f.xs.slice(1, -1).some((x) => run.x < x - 1 && run.x + run.width > x + 1));
  if (!crosses) return [run];
  const widths = words.map((w) => [...w].reduce((s, ch) => s + advance(ch), 0) * run.size);
  const gap = Math.max(0, (run.width - widths.reduce((a, b) => a + b, 0)) / (words.length - 1));
  const out: TextRun[] = [];
  let x = run.x;
  words.forEach((text, i) => {
    out.push({ text, x, y: run.y, width: widths[i], size: run.size });
    x += widths[i] + gap;
  });
  return out;
}
