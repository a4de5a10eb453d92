/** Findings as marks on a PDF's pages: each marked place at the box its cell or paragraph is printed in. Pure. */
import { Finding, Severity } from "../../core/finding";
import { addNote, markedPlaces } from "../marks";
import { Box } from "./page";

export interface PdfMark {
  box: Box;
  severity: Severity;
  note: string;
}

/** A sheet read from the document with where each of its cells is printed. */
export interface PlacedSheet {
  sheet: string;
  boxes: (Box | undefined)[][];
}

export function pdfMarks(findings: Finding[], sheets: PlacedSheet[]): PdfMark[] {
  const bySheet = new Map(sheets.map((s) => [s.sheet, s]));
  const marks = new Map<string, PdfMark>();
  for (const place of markedPlaces(findings)) {
    const boxes = bySheet.get(place.sheet)?.boxes[place.row];
    const box = boxes?.[place.col] ?? boxes?.find((b) => b);
    if (!box) continue;
    // a merged cell is one box however many of its cells a finding names
    const key = `${box.page} ${box.x1.toFixed(1)} ${box.y1.toFixed(1)}`;
    const was = marks.get(key);
    if (!was) marks.set(key, { box, severity: place.severity, note: place.note });
    else addNote(was, place.severity, place.note);
  }
  return [...marks.values()].sort((a, b) => a.box.page - b.box.page || b.box.y2 - a.box.y2 || a.box.x1 - b.box.x1);
}
