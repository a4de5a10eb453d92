/**
 * A published document, once its adapter has read it, as the document check takes it: its tables,
 * its text as the 说明 (one paragraph a line), and for a PDF the page of every row and where every
 * cell and paragraph is printed. Pure, and safe in the browser: the pane and the CLI share it.
 */
import { ReadDocument, textGrid } from "../core/workflows";
import { DocumentLayout } from "./pdf/layout";
import { PlacedSheet } from "./pdf/marks";
import { WordDocument } from "./docx";

export interface DocumentRead extends ReadDocument {
  /** a PDF's: where each cell and paragraph is printed, for a marked copy */
  placed?: PlacedSheet[];
  /** a Word document's: each table's sheet and how many heading rows it was given, for a marked copy */
  wordTables?: { sheet: string; headingRows: number }[];
}

export function fromPdf(name: string, layout: DocumentLayout): DocumentRead {
  const narrative = textGrid(name, layout.paragraphs.map((p) => p.text).join("\n"));
  return {
    tables: layout.tables.map((t) => t.grid),
    narrative,
    paged: [
      ...layout.tables.map((t) => ({ sheet: t.grid.sheet, rowPages: t.rowPages })),
      { sheet: narrative.sheet, rowPages: layout.paragraphs.map((p) => p.page), label: "决算说明" },
    ],
    unread: layout.unread,
    placed: [...layout.tables.map((t) => ({ sheet: t.grid.sheet, boxes: t.boxes })), { sheet: narrative.sheet, boxes: layout.paragraphs.map((p) => [p.box]) }],
  };
}

export function fromWord(name: string, doc: WordDocument): DocumentRead {
  return {
    tables: doc.tables,
    narrative: textGrid(name, doc.paragraphs.join("\n")),
    unread: [],
    wordTables: doc.tables.map((t, i) => ({ sheet: t.sheet, headingRows: doc.headingRows[i] })),
  };
}
