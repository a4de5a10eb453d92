/**
 * A marked copy of a published PDF, written as an incremental update: the original file, byte for
 * byte, then the marks (one rectangle annotation a place, its notes as the annotation's text), the
 * pages they sit on with their /Annots extended, and a note on the first page holding the report.
 * pdf-lib only parses; what is appended is written here, so nothing of the original is rewritten.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from "pdf-lib";
import { Severity } from "../../core/finding";
import { PdfMark } from "./marks";

const COLOURS: Record<Severity, [number, number, number]> = {
  error: [1, 0, 0],
  warning: [1, 0.55, 0],
  tail: [0.55, 0.55, 0.55],
  info: [0.2, 0.4, 0.9],
};

/** A PDF text string: UTF-16BE with its byte-order mark, in hex (any character, no escaping). */
function text(s: string): string {
  let hex = "FEFF";
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, "0").toUpperCase();
  return `<${hex}>`;
}

const n = (x: number) => String(Math.round(x * 100) / 100);

export class UnmarkablePdfError extends Error {}

export async function markedPdf(original: Uint8Array, marks: PdfMark[], report: { title: string; lines: string[] }, at: Date): Promise<Uint8Array> {
  const doc = await PDFDocument.load(original, { updateMetadata: false }).catch((e: Error) => {
    throw new UnmarkablePdfError(`无法写入标记（${e.message.split("\n")[0]}）`);
  });
  const tail = Buffer.from(original.subarray(Math.max(0, original.length - 1024))).toString("latin1");
  const prev = /startxref\s+(\d+)\s*%%EOF\s*$/.exec(tail);
  if (!prev) throw new UnmarkablePdfError("文件末尾没有 startxref，无法追加标记");
  const pages = doc.getPages();
  let next = doc.context.largestObjectNumber + 1;
  const objects = new Map<number, { gen: number; body: string }>();
  const add = (body: string) => {
    objects.set(next, { gen: 0, body });
    return next++;
  };
  const stamp = `D:${at.toISOString().replace(/[-:T]/g, "").slice(0, 14)}Z`;
  const byPage = new Map<number, number[]>();
  const annotate = (page: number, body: string) => byPage.set(page, [...(byPage.get(page) ?? []), add(body)]);

  for (const m of marks) {
    const page = pages[m.box.page - 1];
    if (!page) continue;
    const [r, g, b] = COLOURS[m.severity];
    const w = m.box.x2 - m.box.x1;
    const h = m.box.y2 - m.box.y1;
    const drawing = `q /G gs ${n(r)} ${n(g)} ${n(b)} rg ${n(r)} ${n(g)} ${n(b)} RG 1 w 0.5 0.5 ${n(w - 1)} ${n(h - 1)} re B Q`;
    const appearance = add(
      `<< /Type /XObject /Subtype /Form /BBox [0 0 ${n(w)} ${n(h)}] /Resources << /ExtGState << /G << /ca 0.25 /CA 0.9 >> >> >> /Length ${drawing.length} >>\nstream\n${drawing}\nendstream`,
    );
    annotate(
      m.box.page,
      `<< /Type /Annot /Subtype /Square /Rect [${n(m.box.x1)} ${n(m.box.y1)} ${n(m.box.x2)} ${n(m.box.y2)}] /C [${n(r)} ${n(g)} ${n(b)}] /IC [${n(r)} ${n(g)} ${n(b)}] /CA 0.9 /BS << /W 1 >> /F 4 /P ${page.ref.toString()} /T ${text("决算助手")} /M (${stamp}) /Contents ${text(m.note)} /AP << /N ${appearance} 0 R >> >>`,
    );
  }
  // the report: a note at the top left of the first page
  if (pages[0]) {
    const { height } = pages[0].getSize();
    annotate(
      1,
      `<< /Type /Annot /Subtype /Text /Name /Note /Open false /Rect [8 ${n(height - 32)} 32 ${n(height - 8)}] /C [1 0 0] /F 4 /P ${pages[0].ref.toString()} /T ${text("决算助手")} /M (${stamp}) /Subj ${text(report.title)} /Contents ${text([report.title, ...report.lines].join("\n"))} >>`,
    );
  }
  for (const [number, annots] of byPage) {
    const page = pages[number - 1];
    const dict = page.node.clone() as PDFDict;
    const existing = page.node.lookupMaybe(PDFName.of("Annots"), PDFArray);
    const refs = [...(existing?.asArray() ?? []), ...annots.map((a) => PDFRef.of(a))];
    dict.set(PDFName.of("Annots"), doc.context.obj(refs));
    objects.set(page.ref.objectNumber, { gen: page.ref.generationNumber, body: dict.toString() });
  }

  // the appended section: its objects, its xref, a trailer pointing back to the original's
  const parts: Buffer[] = [Buffer.from(original)];
  let offset = original.length;
  const push = (s: string) => {
    const b = Buffer.from(s, "latin1");
    parts.push(b);
    offset += b.length;
  };
  if (original[original.length - 1] !== 0x0a) push("\n");
  const offsets = new Map<number, { gen: number; at: number }>();
  for (const [num, o] of [...objects].sort((a, b) => a[0] - b[0])) {
    offsets.set(num, { gen: o.gen, at: offset });
    push(`${num} ${o.gen} obj\n${o.body}\nendobj\n`);
  }
  const xref = offset;
  let table = "xref\n";
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  for (let i = 0; i < nums.length;) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j] + 1) j++;
    table += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const e = offsets.get(nums[k])!;
      table += `${String(e.at).padStart(10, "0")} ${String(e.gen).padStart(5, "0")} n \n`;
    }
    i = j + 1;
  }
  const info = doc.context.trailerInfo;
  const entries = [`/Size ${next}`, `/Root ${String(info.Root)}`, `/Prev ${prev[1]}`];
  if (info.Info) entries.push(`/Info ${String(info.Info)}`);
  if (info.ID) entries.push(`/ID ${String(info.ID)}`);
  push(`${table}trailer\n<< ${entries.join(" ")} >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}
