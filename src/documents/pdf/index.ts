/** A published PDF read whole in Node: its ruled tables as Grids with their pages, its text as paragraphs. */
import { DocumentLayout, layoutDocument } from "./layout";
import { PDF_LIMITS, readPdfPages } from "./node";
import { UnreadableDocumentError } from "./page";

export { UnreadableDocumentError };
export type { DocumentLayout, DocumentTable, DocumentParagraph } from "./layout";

export async function readPdfDocument(bytes: Uint8Array, limits = PDF_LIMITS): Promise<DocumentLayout & { pageCount: number; pagesRead: number }> {
  const { pages, pageCount } = await readPdfPages(bytes, limits);
  return { ...layoutDocument(pages), pageCount, pagesRead: pages.length };
}
