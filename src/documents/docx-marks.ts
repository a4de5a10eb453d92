/**
 * A marked copy of a published Word document: each marked table cell shaded in its severity's
 * colour with a Word comment holding the explanation, each marked paragraph of the 说明 commented,
 * the report as a comment on the first paragraph. document.xml is edited by insertion at the
 * places found (the rest of its text and every other part keep their bytes); comments.xml is
 * created or extended, with its relationship and content type.
 */
import { Package } from "../xlsx/package/zip";
import { REL, addRelationship, setOverride } from "../xlsx/package/parts";
import { escapeXml } from "./xml";
import { Severity } from "../core/finding";
import { MarkedPlace } from "./marks";

const FILLS: Record<Severity, string> = { error: "FFC7CE", warning: "FFE699", tail: "E7E6E6", info: "DDEBF7" };
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const COMMENTS = { rel: `${REL}/comments`, content: "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml" };

/** Offsets in document.xml of what a mark needs in a paragraph: after its start tag (and its pPr), before its end tag. */
interface ParagraphAt {
  contentStart: number;
  end: number;
}
interface CellAt {
  /** after the tc start tag */
  start: number;
  tcPr?: { start: number; end: number; tag: number; selfClosing: boolean };
  paragraph?: ParagraphAt;
}

/** Body paragraphs in order, and each top-level table's cells by row and grid column (as the reader numbers them). */
function locate(xml: string): { paragraphs: (ParagraphAt | undefined)[]; tables: Map<number, CellAt>[][] } {
  const tag = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([\w:.-]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  const WRAPPERS = new Set(["sdt", "sdtContent", "customXml"]);
  const stack: string[] = [];
  const paragraphs: (ParagraphAt | undefined)[] = [];
  const tables: Map<number, CellAt>[][] = [];
  // where a body-level element sits: document > body > (sdt | sdtContent | customXml)*
  const atBody = () => stack.length >= 2 && stack[1] === "body" && stack.slice(2).every((n) => WRAPPERS.has(n));
  const val = (attrs: string) => /\bw:val="(\d+)"/.exec(attrs)?.[1];
  let para: { at: ParagraphAt; depth: number; firstChild?: string } | undefined;
  let table: { rows: Map<number, CellAt>[]; depth: number } | undefined;
  let cell: CellAt | undefined;
  let col = 0;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (!m[2]) continue;
    const name = m[2].slice(m[2].indexOf(":") + 1);
    const after = m.index + m[0].length;
    if (m[1] === "/") {
      stack.pop();
      const depth = stack.length;
      if (para && depth === para.depth + 1 && name === "pPr" && para.firstChild === "pPr") para.at.contentStart = after;
      if (para && depth === para.depth && name === "p") {
        para.at.end = m.index;
        para = undefined;
      }
      if (cell?.tcPr && cell.tcPr.end < 0 && name === "tcPr") cell.tcPr.end = m.index;
      if (table && depth === table.depth + 2 && name === "tc") cell = undefined;
      if (table && depth === table.depth && name === "tbl") {
        tables.push(table.rows);
        table = undefined;
      }
      continue;
    }
    const depth = stack.length;
    const selfClosing = m[4] === "/";
    if (para && depth === para.depth + 1 && para.firstChild === undefined) para.firstChild = name;
    if (name === "p" && !selfClosing) {
      if (!table && atBody()) {
        para = { at: { contentStart: after, end: -1 }, depth };
        paragraphs.push(para.at);
      } else if (table && cell && depth === table.depth + 3 && !cell.paragraph) {
        para = { at: { contentStart: after, end: -1 }, depth };
        cell.paragraph = para.at;
      }
    } else if (name === "p" && !table && atBody()) paragraphs.push(undefined);
    else if (name === "tbl" && !table && atBody()) table = { rows: [], depth };
    else if (table && name === "tr" && depth === table.depth + 1) {
      table.rows.push(new Map());
      col = 0;
    } else if (table && name === "gridBefore" && depth === table.depth + 3) col = Number(val(m[3]) ?? 0);
    else if (table && name === "tc" && depth === table.depth + 2) {
      cell = { start: after };
      table.rows[table.rows.length - 1].set(col, cell);
      col++;
    } else if (table && cell && name === "tcPr" && depth === table.depth + 3)
      cell.tcPr = { start: after, end: selfClosing ? after : -1, tag: m.index, selfClosing };
    else if (table && cell && name === "gridSpan" && depth === table.depth + 4) col += Math.max(1, Number(val(m[3]) ?? 1)) - 1;
    if (!selfClosing) stack.push(name);
  }
  return { paragraphs, tables };
}

/** Elements that come before w:shd in a cell's properties (the schema's order). */
const BEFORE_SHADING = /<w:(?:cnfStyle|tcW|gridSpan|hMerge|vMerge|tcBorders)\b(?:[^>]*\/>|[\s\S]*?<\/w:(?:cnfStyle|tcW|gridSpan|hMerge|vMerge|tcBorders)>)/g;

export interface WordMarks {
  /** marked places by the sheet the reader named ("表格3" or the 说明's), with the grid row of a table's first 行 */
  places: MarkedPlace[];
  tableSheets: { sheet: string; headingRows: number }[];
  narrativeSheet: string;
  report: string[];
  at: Date;
}

export async function markedWordDocument(bytes: Uint8Array, marks: WordMarks): Promise<Buffer> {
  const pkg = await Package.open(Buffer.from(bytes), "Word 文档");
  const xml = await pkg.text("word/document.xml");
  const { paragraphs, tables } = locate(xml);
  const edits: { at: number; end?: number; text: string }[] = [];
  const comments: string[] = [];
  const existing = pkg.has("word/comments.xml") ? await pkg.text("word/comments.xml") : undefined;
  let id = Math.max(-1, ...[...(existing ?? "").matchAll(/<w:comment\b[^>]*\sw:id="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
  const date = marks.at.toISOString().replace(/\.\d{3}Z$/, "Z");
  const comment = (p: ParagraphAt, note: string) => {
    const body = note
      .split("\n")
      .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`)
      .join("");
    comments.push(`<w:comment w:id="${id}" w:author="决算助手" w:date="${date}" w:initials="决">${body}</w:comment>`);
    edits.push({ at: p.contentStart, text: `<w:commentRangeStart w:id="${id}"/>` });
    edits.push({ at: p.end, text: `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>` });
    id++;
  };
  const tableIndex = new Map(marks.tableSheets.map((t, i) => [t.sheet, { i, headingRows: t.headingRows }]));
  for (const place of marks.places) {
    if (place.sheet === marks.narrativeSheet) {
      const p = paragraphs[place.row];
      if (p) comment(p, place.note);
      continue;
    }
    const t = tableIndex.get(place.sheet);
    const cell = t && tables[t.i]?.[place.row - t.headingRows]?.get(place.col);
    if (!cell) continue;
    const shd = `<w:shd w:val="clear" w:color="auto" w:fill="${FILLS[place.severity]}"/>`;
    if (!cell.tcPr) edits.push({ at: cell.start, text: `<w:tcPr>${shd}</w:tcPr>` });
    else if (cell.tcPr.selfClosing) edits.push({ at: cell.tcPr.tag, end: cell.tcPr.start, text: `<w:tcPr>${shd}</w:tcPr>` });
    else {
      const props = xml.slice(cell.tcPr.start, cell.tcPr.end);
      const old = /<w:shd\b[^>]*\/>/.exec(props);
      if (old) edits.push({ at: cell.tcPr.start + old.index, end: cell.tcPr.start + old.index + old[0].length, text: shd });
      else {
        let after = 0;
        for (const m of props.matchAll(BEFORE_SHADING)) after = m.index + m[0].length;
        edits.push({ at: cell.tcPr.start + after, text: shd });
      }
    }
    if (cell.paragraph) comment(cell.paragraph, place.note);
  }
  const first = paragraphs.find((p): p is ParagraphAt => !!p);
  if (first) comment(first, marks.report.join("\n"));
  // applied from the end, so every offset still points where it was found
  edits.sort((a, b) => b.at - a.at);
  let out = xml;
  for (const e of edits) out = out.slice(0, e.at) + e.text + out.slice(e.end ?? e.at);
  pkg.set("word/document.xml", out);
  if (existing) pkg.set("word/comments.xml", existing.replace(/<\/w:comments>\s*$/, `${comments.join("")}</w:comments>`));
  else {
    pkg.set("word/comments.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="${W}">${comments.join("")}</w:comments>`);
    await addRelationship(pkg, "word/document.xml", COMMENTS.rel, "word/comments.xml");
    await setOverride(pkg, "word/comments.xml", COMMENTS.content);
  }
  return pkg.save();
}
