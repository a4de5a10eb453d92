/**
 * A PDF's pages laid out as the workbook path reads them: each ruled table a Grid (its merged
 * cells' text in the top-left cell, the lines just above it as its heading, a table continued on
 * the next page appended, its repeated header dropped), and the text outside the tables as
 * paragraphs with their page. Pure: pages in, Grids and text out; a document with nothing to read
 * is refused with its reason.
 */
import { Cell, Grid } from "../../core/grid";
import { Frame, cellAtPoint, framesOf } from "./frames";
import { centre, frameCells, joinRuns, lineBox, linesOf, splitAcrossRules } from "./cells";
import { Box, PdfPage, TextRun, UnreadableDocumentError } from "./page";

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

const NOTE = /^(注|说明)[:：.]/;
const NOTE_LINES = 3;

/** A line of text as a row of its own in a table's grid (a heading above it, a note below): its text in the first column. */
function appendLine(table: DocumentTable & { frame: Frame }, line: { text: string; box: Box }): void {
  const width = table.frame.xs.length - 1;
  table.grid.cells.push([{ value: line.text }, ...Array.from({ length: width - 1 }, () => ({ value: null }))]);
  table.boxes.push([line.box, ...Array.from({ length: width - 1 }, () => undefined)]);
  table.rowPages.push(line.box.page);
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
  // nothing to read at all: no verdict, one reason
  if (pages.length > 0 && tables.length === 0 && paragraphs.length === 0) {
    const scans = unread.length > 0 && unread.every((u) => u.reason === "image");
    throw new UnreadableDocumentError(
      scans
        ? `全部 ${pages.length} 页都是图像（扫描件），没有可读取的文字：请先做文字识别，或用原始的 Word / PDF`
        : unread.length
          ? "文字无法识别（字体没有字符映射），未读取：请用导出时嵌入字符映射的 PDF，或原始的 Word 文档"
          : "PDF 中没有文字",
    );
  }
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
