/**
 * PDF pages in Node: pdf.js runs in a worker thread, fed `extractPages`'s own source. A worker
 * because pdf.js is an ES module (Node requires it natively; a test runner's loader cannot) and
 * because a document that hangs or balloons is stopped there — by time and by heap — not in the
 * process that reads the accountant's files.
 */
import { Worker } from "worker_threads";
import { extractPages } from "./extract";
import { PdfPage, UnreadableDocumentError } from "./page";

export const PDF_LIMITS = { maxPages: 1000, timeoutMs: 120_000, heapMb: 2048 };

const WORKER_SOURCE = `
const { parentPort, workerData } = require("worker_threads");
const pdfjs = require(workerData.pdfjs);
const extractPages = ${extractPages.toString()};
extractPages(pdfjs, workerData.data, workerData.limits).then(
  (result) => parentPort.postMessage({ result }),
  (e) => parentPort.postMessage({ failure: { name: (e && e.name) || "Error", message: String((e && e.message) || e) } }),
);
`;

function reason(failure: { name: string; message: string }): string {
  if (failure.name === "PasswordException") return "PDF 有密码保护，请先去掉密码再校验";
  if (failure.name === "InvalidPDFException") return "不是可读的 PDF 文件";
  return `无法读取 PDF（${failure.message.split("\n")[0]}）`;
}

export function readPdfPages(bytes: Uint8Array, limits = PDF_LIMITS): Promise<{ pages: PdfPage[]; pageCount: number }> {
  if (!isPdf(bytes)) return Promise.reject(new UnreadableDocumentError("不是 PDF 文件"));
  const data = new Uint8Array(bytes.byteLength);
  data.set(bytes);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { pdfjs: require.resolve("pdfjs-dist/legacy/build/pdf.mjs"), data, limits: { maxPages: limits.maxPages } },
      transferList: [data.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
      stderr: true,
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new UnreadableDocumentError(`读取 PDF 超过 ${limits.timeoutMs / 1000} 秒，已停止`));
    }, limits.timeoutMs);
    const done = () => clearTimeout(timer);
    worker.once("message", (m: { result?: { pages: PdfPage[]; pageCount: number }; failure?: { name: string; message: string } }) => {
      done();
      void worker.terminate();
      if (m.result) resolve(m.result);
      else reject(new UnreadableDocumentError(reason(m.failure!)));
    });
    worker.once("error", (e) => {
      done();
      reject(new UnreadableDocumentError(/memory/i.test(e.message) ? "PDF 过大，读取时超出内存上限" : reason({ name: e.name, message: e.message })));
    });
    worker.once("exit", (code) => {
      done();
      if (code !== 0) reject(new UnreadableDocumentError("无法读取 PDF（读取进程意外退出）"));
    });
  });
}

/** "%PDF-" within the first KB, as readers accept it. */
export function isPdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  return head.includes("%PDF-");
}
