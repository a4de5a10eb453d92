/**
 * A published Word document (.docx) read whole: each table (w:tbl, its merged cells from gridSpan
 * and vMerge) becomes a Grid as a sheet would — headed by the paragraphs just above it (title,
 * 表号, 单位), so the same reader finds it — and the paragraphs outside the tables are the 说明.
 * Runs in Node and in the browser: JSZip and saxes only.
 */
import JSZip from "jszip";
import { Cell, Grid } from "../core/grid";
import { areaAddress } from "../core/address";
import { XmlElement, attr, child, children, local, parseXml } from "./xml";
import { MAX_BODY, boundedText } from "./text";

export interface WordDocument {
  tables: Grid[];
  /** how many of each table's first grid rows are the paragraphs above it (its title, 表号, 单位) */
  headingRows: number[];
  /** the paragraphs outside the tables, in order */
  paragraphs: string[];
}

/** Up to this many paragraphs above a table head it (its title, 表号 and 单位 lines). */
const HEADING_PARAGRAPHS = 3;

function paragraphText(p: XmlElement): string {
  let text = "";
  const walk = (el: XmlElement) => {
    for (const c of el.children) {
      if (typeof c === "string") continue;
      const name = local(c.name);
      if (name === "t") text += c.children.filter((x): x is string => typeof x === "string").join("");
      else if (name === "tab") text += "\t";
      else if (name === "br" || name === "cr") text += " ";
      else if (name !== "rPr" && name !== "pPr" && name !== "instrText" && name !== "delText") walk(c);
    }
  };
  walk(p);
  return text;
}

/** A cell's text: its paragraphs joined (a label wrapped onto two lines is one label). */
function cellText(tc: XmlElement): string {
  return children(tc, "p")
    .map(paragraphText)
    .map((s) => s.trim())
    .join("");
}

function tableGrid(tbl: XmlElement, name: string, heading: string[]): Grid {
  const rows: Cell[][] = heading.map((h) => [{ value: h }]);
  const merges: string[] = [];
  // vertical merges still open, by their first column: from their top row down to the last continued one
  const runs = new Map<number, { top: number; bottom: number; span: number }>();
  const close = (col: number) => {
    const run = runs.get(col);
    if (run && (run.bottom > run.top || run.span > 1)) merges.push(areaAddress({ top: run.top, left: col, bottom: run.bottom, right: col + run.span - 1 }));
    runs.delete(col);
  };
  for (const tr of children(tbl, "tr")) {
    const r = rows.length;
    const row: Cell[] = [];
    const trPr = child(tr, "trPr");
    const before = trPr && child(trPr, "gridBefore");
    let col = before ? Number(attr(before, "val", true) ?? 0) : 0;
    for (const tc of children(tr, "tc")) {
      const pr = child(tc, "tcPr");
      const gridSpan = pr && child(pr, "gridSpan");
      const span = Math.max(1, Number((gridSpan && attr(gridSpan, "val", true)) ?? 1));
      const vMerge = pr && child(pr, "vMerge");
      const continued = !!vMerge && attr(vMerge, "val", true) !== "restart";
      const text = cellText(tc);
      row[col] = { value: continued || text === "" ? null : text };
      if (continued && runs.has(col)) runs.get(col)!.bottom = r;
      else {
        close(col);
        if (vMerge) runs.set(col, { top: r, bottom: r, span });
        else if (span > 1) merges.push(areaAddress({ top: r, left: col, bottom: r, right: col + span - 1 }));
      }
      col += span;
    }
    rows.push(row);
  }
  for (const col of [...runs.keys()]) close(col);
  const width = Math.max(1, ...rows.map((r) => r.length));
  const cells = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? { value: null }));
  return { sheet: name, origin: "A1", cells, merges, visibility: "visible" };
}

export class NotWordDocumentError extends Error {}

/** The body of a .docx: tables as Grids named "表格1", "表格2" …, paragraphs as text. */
export async function readWordDocument(bytes: Uint8Array): Promise<WordDocument> {
  const zip = await JSZip.loadAsync(bytes).catch(() => undefined);
  const part = zip?.file("word/document.xml");
  if (!part) throw new NotWordDocumentError("不是 Word 文档（.docx）");
  // bounded as a 说明's body is: a zip bomb stops at the bound, whatever its header says
  const xml = await boundedText(part);
  if (xml === undefined) throw new NotWordDocumentError(`正文解压后超过 ${MAX_BODY / 2 ** 20} MB，不像决算公开文件`);
  const body = child(parseXml(xml).root, "body");
  const tables: Grid[] = [];
  const headingRows: number[] = [];
  const paragraphs: string[] = [];
  let sinceTable: string[] = [];
  const visit = (el: XmlElement) => {
    for (const c of children(el)) {
      const name = local(c.name);
      if (name === "p") {
        const text = paragraphText(c).trim();
        paragraphs.push(text);
        if (text) sinceTable.push(text);
      } else if (name === "tbl") {
        const heading = sinceTable.slice(-HEADING_PARAGRAPHS);
        tables.push(tableGrid(c, `表格${tables.length + 1}`, heading));
        headingRows.push(heading.length);
        sinceTable = [];
      } else if (name === "sdt" || name === "sdtContent" || name === "customXml") visit(c);
    }
  };
  if (body) visit(body);
  return { tables, headingRows, paragraphs };
}
