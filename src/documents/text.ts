/**
 * A 说明 file's bytes as text, for the CLI (--text) and the task pane (open a file): a Word .docx
 * (its paragraphs), or plain text in UTF-8, UTF-16 with a byte-order mark, else GB18030 (what
 * Chinese Windows saves .txt as). Runs in Node and in the browser: no file system, no ExcelJS.
 */
import JSZip from "jszip";
import { docxParagraphs } from "../core/narrative/text";

/** The bytes are no 说明 this can read; `kind` says what they look like. */
export class NotNarrativeError extends Error {
  constructor(readonly kind: "zip" | "binary" | "large") {
    super(
      kind === "zip"
        ? "不是 .txt 或 .docx（工作簿请直接作为输入）"
        : kind === "large"
          ? `正文解压后超过 ${MAX_BODY / 2 ** 20} MB，不像决算说明（文件损坏或是 zip 炸弹）`
          : "不是文本文件（接受 .txt 和 .docx；.doc 请另存为 .docx）",
    );
  }
}

/** A 说明's body is a few hundred KB; past this the zip is no 说明 (a zip bomb), and decompressing stops. */
export const MAX_BODY = 64 * 2 ** 20;

/** JSZip's own stream (typed in its sources, not its .d.ts): runs in Node and in the browser. */
interface StreamHelper {
  on(event: "data", f: (chunk: Uint8Array) => void): StreamHelper;
  on(event: "error", f: (e: Error) => void): StreamHelper;
  on(event: "end", f: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

/**
 * A zip entry's text, decompressed as a stream that stops past MAX_BODY (the header's size may
 * lie): undefined then. A Word body, as a 说明 or as a whole document, is read through this.
 */
export function boundedText(file: JSZip.JSZipObject): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const stream = (file as unknown as { internalStream(type: "uint8array"): StreamHelper }).internalStream("uint8array");
    stream
      .on("data", (chunk: Uint8Array) => {
        size += chunk.length;
        if (size > MAX_BODY) {
          stream.pause();
          resolve(undefined);
        } else chunks.push(chunk);
      })
      .on("error", reject)
      .on("end", () => {
        const all = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        resolve(new TextDecoder("utf-8").decode(all));
      })
      .resume();
  });
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0];

export async function narrativeText(bytes: Uint8Array): Promise<string> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const zip = await JSZip.loadAsync(bytes).catch(() => undefined);
    const body = zip?.file("word/document.xml");
    if (!body) throw new NotNarrativeError("zip");
    const text = await boundedText(body);
    if (text === undefined) throw new NotNarrativeError("large");
    return docxParagraphs(text).join("\n");
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
