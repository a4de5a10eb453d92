/**
 * A PDF's pages laid out as the workbook path reads them: each ruled table a Grid (its merged
 * cells' text in the top-left cell, the lines just above it as its heading, a table continued on
 * the next page appended, its repeated header dropped), and the text outside the tables as
 * paragraphs with their page. Pure: pages in, Grids and text out.
 */
import { Cell, Grid } from "../../core/grid";
import { areaAddress } from "../../core/address";
import { Frame, cellAtPoint, framesOf } from "./frames";
import { Box, PdfPage, TextRun } from "./page";

export interface DocumentTable {
  grid: Grid;
  /** the page each row of the grid was printed on */
  rowPages: number[];
  /** where each cell is printed (a merged cell's area at its top-left cell; none for an empty one) */
  boxes: (Box | undefined)[][];
}

export interface DocumentParagraph {
  page: number;
  text: string;
  /** its lines on its first page */
  box: Box;
}

export interface DocumentLayout {
  tables: DocumentTable[];
  paragraphs: DocumentParagraph[];
  /** pages read as images (scans) or with text that maps to no characters */
  unread: { page: number; reason: "image" | "unmapped" }[];
}

/** Up to this many lines above a table head it (its title, 表号 and 单位 lines). */
const HEADING_LINES = 3;

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

/** Runs on one baseline joined left to right: a space where the gap is a word's, nothing between CJK. */
function joinRuns(runs: TextRun[]): string {
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
function linesOf(runs: TextRun[]): { y: number; x: number; right: number; size: number; runs: TextRun[] }[] {
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
const centre = (r: TextRun) => ({ x: r.x + r.width / 2, y: r.y + r.size * 0.3 });

const NUMBER = /^[-+]?[\d,]+(\.\d+)?%?$/;

/**
 * The cells of a frame, with their merges. A ruled row may hold two rows the producer drew no
 * border between — 类 | 款 | 项 above 合计 and its amounts: when every cell of the row is one
 * line, and words stand higher than the row's lowest words by half a line or more, those words
 * are a row of their own above. A row where a cell wraps is one row.
 */
function frameCells(frame: Frame, runs: TextRun[], page: number): { cells: Cell[][]; boxes: (Box | undefined)[][]; merges: string[]; fullAtEnd: Set<number> } {
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

const NOTE = /^(注|说明)[:：.]/;
const NOTE_LINES = 3;

/** A line of text as a row of its own in a table's grid (a heading above it, a note below): its text in the first column. */
function appendLine(table: DocumentTable & { frame: Frame }, line: { text: string; box: Box }): void {
  const width = table.frame.xs.length - 1;
  table.grid.cells.push([{ value: line.text }, ...Array.from({ length: width - 1 }, () => ({ value: null }))]);
  table.boxes.push([line.box, ...Array.from({ length: width - 1 }, () => undefined)]);
  table.rowPages.push(line.box.page);
}

type Line = ReturnType<typeof linesOf>[number];
const lineBox = (l: Line, page: number): Box => ({ page, x1: l.x, y1: l.y - l.size * 0.25, x2: l.right, y2: l.y + l.size * 0.9 });

/** A glyph's advance as a share of the font size: CJK full width, others about half. */
const advance = (ch: string) => (CJK.test(ch) ? 1 : 0.55);

/**
 * pdf.js joins text a small gap apart into one run with a space ("2,082.85 302": an amount and
 * the next cell's code, printed small). A run that crosses a column rule of a frame is cut at
 * its spaces, each word placed by its glyphs' widths, the gaps shared out.
 */
function splitAcrossRules(run: TextRun, frames: Frame[]): TextRun[] {
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

/** A page-number line ("- 6 -", "6", "第 6 页") is not text of the document. */
const PAGE_NUMBER = /^[-—－\s]*(第\s*)?\d{1,4}(\s*页)?(\s*[/／共]\s*\d+\s*页?)?[-—－\s]*$/;

/** Same column edges: a table continued on the next page. */
function sameColumns(a: Frame, b: Frame): boolean {
  return a.xs.length === b.xs.length && a.xs.every((x, i) => Math.abs(x - b.xs[i]) <= 2);
}

const rowText = (row: Cell[]) => row.map((c) => (c.value === null ? "" : String(c.value))).join("|");

const MAPPED = /[\p{L}\p{N}\p{P}]/u;

/** A line that opens an item of a list ("一、", "（二）", "3.", "第一部分", "第五条") starts a paragraph. */
const ENUMERATED = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|第[一二三四五六七八九十\d]+[部分章节条])/;

export function layoutDocument(pages: PdfPage[]): DocumentLayout {
  const tables: (DocumentTable & { frame: Frame; bodyTop: number; fullAtEnd: Set<number> })[] = [];
  const paragraphs: DocumentParagraph[] = [];
  const unread: DocumentLayout["unread"] = [];
  let open: { text: string; page: number; right: number; box: Box } | undefined;
  const flush = () => {
    if (open) paragraphs.push({ page: open.page, text: open.text, box: open.box });
    open = undefined;
  };
  for (const page of pages) {
    const chars = page.runs.map((r) => r.text).join("");
    if (!chars.trim()) {
      if (page.images > 0) unread.push({ page: page.number, reason: "image" });
      continue;
    }
    if ([...chars.replace(/\s/g, "")].filter((ch) => MAPPED.test(ch)).length < chars.replace(/\s/g, "").length / 2) {
      unread.push({ page: page.number, reason: "unmapped" });
      continue;
    }
    const frames = framesOf(page.rules);
    const inFrame = (r: TextRun) => {
      const p = centre(r);
      return frames.findIndex((f) => cellAtPoint(f, p.x, p.y) !== undefined);
    };
    const byFrame = frames.map(() => [] as TextRun[]);
    const loose: TextRun[] = [];
    for (const r of page.runs.flatMap((run) => splitAcrossRules(run, frames))) {
      const i = inFrame(r);
      if (i >= 0) byFrame[i].push(r);
      else loose.push(r);
    }
    const lines = linesOf(loose).filter((l, i, all) => !((i === 0 || i === all.length - 1) && PAGE_NUMBER.test(joinRuns(l.runs))));
    // the note under a table ("注：本表无数据…") is the table's, as it is on a sheet
    const below = (i: number) => {
      const next = lines.filter((l) => l.y < frames[i].bottom && (i + 1 === frames.length || l.y > frames[i + 1].top));
      return next.length && NOTE.test(joinRuns(next[0].runs))
        ? next.slice(0, NOTE_LINES).map((l) => ({ text: joinRuns(l.runs), box: lineBox(l, page.number) }))
        : [];
    };
    frames.forEach((frame, i) => {
      const { cells, boxes, merges, fullAtEnd } = frameCells(frame, byFrame[i], page.number);
      const above = lines.filter((l) => l.y > frame.top && (i === 0 || l.y < frames[i - 1].bottom));
      const previous = tables[tables.length - 1];
      const continues =
        above.length === 0 && i === 0 && previous && previous.rowPages[previous.rowPages.length - 1] === page.number - 1 && sameColumns(previous.frame, frame);
      if (continues) {
        // a header repeated on the new page is dropped
        const body = previous.grid.cells.slice(previous.bodyTop);
        let repeated = 0;
        while (
          repeated < cells.length &&
          repeated < body.length &&
          rowText(cells[repeated]) === rowText(body[repeated]) &&
          !cells[repeated].some((c) => /\d/.test(String(c.value ?? "")))
        )
          repeated++;
        // a row broken by the page: its label's rest alone at the top of the next page
        const first = cells[repeated];
        const filled = first ? first.map((c, x) => [c, x] as const).filter(([c]) => c.value !== null) : [];
        if (filled.length && filled.every(([c, x]) => previous.fullAtEnd.has(x) && !/\d/.test(String(c.value)))) {
          const last = previous.grid.cells[previous.grid.cells.length - 1];
          for (const [c, x] of filled) last[x] = { value: `${String(last[x].value)}${String(c.value)}` };
          repeated++;
        }
        const offset = previous.grid.cells.length - repeated;
        previous.grid.cells.push(...cells.slice(repeated));
        previous.grid.merges.push(...merges.flatMap((m) => shift(m, offset, repeated)));
        previous.rowPages.push(...cells.slice(repeated).map(() => page.number));
        previous.boxes.push(...boxes.slice(repeated));
        previous.frame = frame;
        previous.fullAtEnd = fullAtEnd;
        for (const note of below(i)) appendLine(previous, note);
        return;
      }
      const heading = above.slice(-HEADING_LINES);
      const sheet = `第${page.number}页${frames.length > 1 ? `（${i + 1}）` : ""}`;
      const table = {
        grid: { sheet, origin: "A1", cells: [] as Cell[][], merges: merges.flatMap((m) => shift(m, heading.length, 0)), visibility: "visible" as const },
        rowPages: [] as number[],
        boxes: [] as (Box | undefined)[][],
        frame,
        bodyTop: heading.length,
        fullAtEnd,
      };
      for (const l of heading) appendLine(table, { text: joinRuns(l.runs), box: lineBox(l, page.number) });
      table.grid.cells.push(...cells);
      table.boxes.push(...boxes);
      table.rowPages.push(...cells.map(() => page.number));
      for (const note of below(i)) appendLine(table, note);
      tables.push(table);
    });
    // paragraphs: a line starts one when it is indented, or the line before ended short of the margin
    const left = Math.min(...lines.map((l) => l.x));
    const right = Math.max(...lines.map((l) => l.right));
    let above: number | undefined = open ? Infinity : undefined;
    for (const l of lines) {
      const text = joinRuns(l.runs);
      const indented = l.x > left + l.size * 1.5;
      // a table between two lines ends the paragraph above it
      if (above !== undefined && frames.some((f) => f.top < above! && f.bottom > l.y)) flush();
      above = l.y;
      if (open && !indented && !ENUMERATED.test(text) && open.right >= right - l.size * 2 && !/[。：；！？]$/.test(open.text)) {
        open.text += text;
        open.right = l.right;
        if (open.page === page.number) {
          const b = lineBox(l, page.number);
          open.box = {
            page: page.number,
            x1: Math.min(open.box.x1, b.x1),
            y1: Math.min(open.box.y1, b.y1),
            x2: Math.max(open.box.x2, b.x2),
            y2: Math.max(open.box.y2, b.y2),
          };
        }
      } else {
        flush();
        open = { text, page: page.number, right: l.right, box: lineBox(l, page.number) };
      }
    }
  }
  flush();
  return { tables: tables.map(({ grid, rowPages, boxes }) => ({ grid, rowPages, boxes })), paragraphs, unread };
}

/** A merge of a frame's rows moved down by `offset` rows; merges within dropped rows go. */
function shift(merge: string, offset: number, dropped: number): string[] {
  const [a, b] = merge.split(":");
  const move = (ref: string) => ref.replace(/\d+$/, (n) => String(Number(n) - dropped + offset));
  const firstRow = Number(a.match(/\d+$/)![0]);
  if (firstRow <= dropped) return [];
  return [`${move(a)}:${move(b)}`];
}
