/** A published PDF read whole in Node: its ruled tables as Grids with their pages, its text as paragraphs. */
import { DocumentLayout, layoutDocument } from "./layout";
import { PDF_LIMITS, readPdfPages } from "./node";

import { UnreadableDocumentError } from "./page";

export { UnreadableDocumentError };
export type { DocumentLayout, DocumentTable, DocumentParagraph } from "./layout";

export async function readPdfDocument(bytes: Uint8Array, limits = PDF_LIMITS): Promise<DocumentLayout & { pageCount: number; pagesRead: number }> {
  const { pages, pageCount } = await readPdfPages(bytes, limits);
  const layout = layoutDocument(pages);
  // nothing to read at all: no verdict, one reason
  if (layout.tables.length === 0 && layout.paragraphs.length === 0) {
    const scans = layout.unread.length > 0 && layout.unread.every((u) => u.reason === "image");
    throw new UnreadableDocumentError(
      scans
        ? `全部 ${pages.length} 页都是图像（扫描件），没有可读取的文字：请先做文字识别，或用原始的 Word / PDF`
        : layout.unread.length
          ? "文字无法识别（字体没有字符映射），未读取：请用导出时嵌入字符映射的 PDF，或原始的 Word 文档"
          : "PDF 中没有文字",
    );
  }
  return { ...layout, pageCount, pagesRead: pages.length };
}
