/**
 * A published document opened in the pane: a PDF through pdf.js (its own worker, copied beside the
 * pane as pdf.worker.js), a Word .docx through JSZip; either read into what the document check
 * takes. pdf.js is loaded on first use, in a chunk of its own.
 */
import type { PdfJs } from "./pdf/extract";
import { extractPages } from "./pdf/extract";
import { layoutDocument } from "./pdf/layout";
import { readWordDocument } from "./docx";
import { DocumentRead, fromPdf, fromWord } from "./read";

/** Past this many pages the pane reads no further (the CLI has the same bound). */
const MAX_PAGES = 1000;

async function loadPdfJs(): Promise<PdfJs> {
  const pdfjs = (await import("pdfjs-dist/legacy/build/pdf.mjs")) as unknown as PdfJs & { GlobalWorkerOptions: { workerSrc: string } };
  pdfjs.GlobalWorkerOptions.workerSrc = new URL("pdf.worker.js", document.baseURI).href;
  return pdfjs;
}

export class NotDocumentError extends Error {}

export async function readDocumentFile(name: string, bytes: Uint8Array): Promise<DocumentRead> {
  if (/\.pdf$/i.test(name)) {
    const { pages } = await extractPages(await loadPdfJs(), bytes, { maxPages: MAX_PAGES });
    return fromPdf(name, layoutDocument(pages));
  }
  if (/\.docx$/i.test(name)) return fromWord(name, await readWordDocument(bytes));
  throw new NotDocumentError(name);
}
