/**
 * A 说明 file's bytes as text, for the CLI (--text) and the task pane (open a file): a Word .docx
 * (its paragraphs), or plain text in UTF-8, UTF-16 with a byte-order mark, else GB18030 (what
 * Chinese Windows saves .txt as). Runs in Node and in the browser: no file system, no ExcelJS.
 */
import JSZip from "jszip";
import { docxParagraphs } from "../core/narrative/text";

/** The bytes are no 说明 this can read; `kind` says what they look like. */
export class NotNarrativeError extends Error {
  constructor(readonly kind: "zip" | "binary") {
    super(kind === "zip" ? "不是 .txt 或 .docx（工作簿请直接作为输入）" : "不是文本文件（接受 .txt 和 .docx；.doc 请另存为 .docx）");
  }
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export async function narrativeText(bytes: Uint8Array): Promise<string> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const zip = await JSZip.loadAsync(bytes).catch(() => undefined);
    const body = zip?.file("word/document.xml");
    if (!body) throw new NotNarrativeError("zip");
    return docxParagraphs(await body.async("string")).join("\n");
  }
  // Notepad's "Unicode": UTF-16 with its byte-order mark
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  // a Word 97 .doc (OLE) or any binary file: text has no NUL bytes
  if (bytes.subarray(0, 4096).includes(0) || OLE.every((b, i) => bytes[i] === b)) throw new NotNarrativeError("binary");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}
