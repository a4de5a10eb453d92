/**
 * Text runs and ruling lines of every page, through pdf.js. Self-contained on purpose: Node runs
 * its source in a worker thread (pdf.js is an ES module the CommonJS build cannot require, and a
 * worker can be stopped when a document hangs); the pane calls it directly. So it uses nothing but
 * its arguments — no import, no helper outside its body.
 */
import type { PdfPage, Rule, TextRun } from "./page";

/** The part of pdf.js this uses, typed structurally (its own types are ESM-only). */
export interface PdfJs {
  OPS: Record<string, number>;
  getDocument(src: { data: Uint8Array; isEvalSupported?: boolean; useSystemFonts?: boolean; stopAtErrors?: boolean; verbosity?: number }): {
    promise: Promise<PdfJsDocument>;
  };
}
interface PdfJsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfJsPage>;
  destroy(): Promise<void>;
}
interface PdfJsPage {
  view: number[];
  getTextContent(): Promise<{ items: Array<{ str?: string; transform?: number[]; width?: number; height?: number }> }>;
  getOperatorList(options?: { annotationMode?: number }): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  cleanup(): void;
}

export interface ExtractLimits {
  maxPages: number;
}

export async function extractPages(pdfjs: PdfJs, data: Uint8Array, limits: ExtractLimits): Promise<{ pages: PdfPage[]; pageCount: number }> {
  const OPS = pdfjs.OPS;
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const images = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObject]);
  type M = [number, number, number, number, number, number];
  const mul = (m: M, n: M): M => [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
  const at = (m: M, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  // a line is horizontal or vertical within this much; a filled rectangle this thin is a line
  const STRAIGHT = 0.5;
  const THIN = 2;

  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  try {
    const count = Math.min(doc.numPages, limits.maxPages);
    for (let n = 1; n <= count; n++) {
      const page = await doc.getPage(n);
      const runs: TextRun[] = [];
      for (const item of (await page.getTextContent()).items) {
        const t = item.transform;
        if (!item.str || !item.str.trim() || !t) continue;
        // upright text only: a rotated run (a stamp, a vertical label) is not a table's content
        if (Math.abs(t[1]) > 0.01 || Math.abs(t[2]) > 0.01 || t[0] <= 0 || t[3] <= 0) continue;
        runs.push({ text: item.str, x: t[4], y: t[5], width: item.width ?? 0, size: item.height || t[3] });
      }
      const rules: Rule[] = [];
      const addLine = (a: [number, number], b: [number, number]) => {
        const [x1, x2] = a[0] <= b[0] ? [a[0], b[0]] : [b[0], a[0]];
        const [y1, y2] = a[1] <= b[1] ? [a[1], b[1]] : [b[1], a[1]];
        const horizontal = y2 - y1 <= STRAIGHT && x2 - x1 > THIN;
        const vertical = x2 - x1 <= STRAIGHT && y2 - y1 > THIN;
        if (horizontal) rules.push({ x1, y1: (y1 + y2) / 2, x2, y2: (y1 + y2) / 2 });
        else if (vertical) rules.push({ x1: (x1 + x2) / 2, y1, x2: (x1 + x2) / 2, y2 });
      };
      let imageCount = 0;
      // the page's own content only: a reviewer's marks (ours among them) are not the document
      const ops = await page.getOperatorList({ annotationMode: 0 });
      const stack: M[] = [];
      let ctm: M = [1, 0, 0, 1, 0, 0];
      for (let i = 0; i < ops.fnArray.length; i++) {
        const fn = ops.fnArray[i];
        const args = ops.argsArray[i];
        if (fn === OPS.save) stack.push(ctm);
        else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
        else if (fn === OPS.transform) ctm = mul(Array.from(args as number[]) as M, ctm);
        else if (fn === OPS.paintFormXObjectBegin) {
          stack.push(ctm);
          const matrix = args[0] as ArrayLike<number> | null;
          if (matrix && matrix.length === 6) ctm = mul(Array.from(matrix) as M, ctm);
        } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
        else if (images.has(fn)) imageCount++;
        else if (fn === OPS.constructPath) {
          const paint = args[0] as number;
          const path = (args[1] as ArrayLike<number>[] | undefined)?.[0];
          if (!path || (!strokes.has(paint) && !fills.has(paint))) continue;
          const points: [number, number][] = [];
          let start: [number, number] | undefined;
          let last: [number, number] | undefined;
          for (let k = 0; k < path.length;) {
            const op = path[k];
            if (op === 0 || op === 1) {
              const p = at(ctm, path[k + 1], path[k + 2]);
              if (op === 1 && last && strokes.has(paint)) addLine(last, p);
              if (op === 0) start = p;
              last = p;
              points.push(p);
              k += 3;
            } else if (op === 2) {
              last = at(ctm, path[k + 5], path[k + 6]);
              k += 7;
            } else if (op === 3) {
              last = at(ctm, path[k + 3], path[k + 4]);
              k += 5;
            } else {
              if (last && start && strokes.has(paint)) addLine(last, start);
              last = start;
              k += 1;
            }
          }
          // a border drawn as a thin filled rectangle
          if (fills.has(paint) && !strokes.has(paint) && points.length >= 4) {
            const xs = points.map((p) => p[0]);
            const ys = points.map((p) => p[1]);
            const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
            if (y2 - y1 <= THIN && x2 - x1 > THIN) rules.push({ x1, y1: (y1 + y2) / 2, x2, y2: (y1 + y2) / 2 });
            else if (x2 - x1 <= THIN && y2 - y1 > THIN) rules.push({ x1: (x1 + x2) / 2, y1, x2: (x1 + x2) / 2, y2 });
          }
        }
      }
      const [vx1, vy1, vx2, vy2] = page.view;
      pages.push({ number: n, width: vx2 - vx1, height: vy2 - vy1, runs, rules, images: imageCount });
      page.cleanup();
    }
    return { pages, pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}
