/**
 * Where a check's findings go on the printed pages: each finding at the cell it names (its likely
 * cause where it has one, else every cell of the relation), the 说明's at their paragraph; several
 * findings on one place make one mark with all their notes. Pure.
 */
import { Finding, Severity } from "../../core/finding";
import { parseCell } from "../../core/address";
import { SEVERITY_NAMES, SEVERITY_ORDER } from "../../catalog/findings";
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

const MARKED: Severity[] = ["error", "warning", "tail"];

export function pdfMarks(findings: Finding[], sheets: PlacedSheet[]): PdfMark[] {
  const bySheet = new Map(sheets.map((s) => [s.sheet, s]));
  const marks = new Map<string, PdfMark>();
  for (const f of findings) {
    if (!MARKED.includes(f.severity)) continue;
    const refs = f.cause ? [f.cause] : f.cells;
    const note = `【${SEVERITY_NAMES[f.severity]}】${f.message}${f.cause ? `\n${f.cause.note}` : ""}`;
    for (const ref of refs) {
      const placed = bySheet.get(ref.sheet);
      if (!placed) continue;
      const at = parseCell(ref.address.split(":")[0]);
      const box = placed.boxes[at.row]?.[at.col] ?? placed.boxes[at.row]?.find((b) => b);
      if (!box) continue;
      const key = `${box.page} ${box.x1.toFixed(1)} ${box.y1.toFixed(1)}`;
      const was = marks.get(key);
      if (!was) marks.set(key, { box, severity: f.severity, note });
      else if (!was.note.includes(note)) {
        was.note += `\n\n${note}`;
        if (SEVERITY_ORDER.indexOf(f.severity) < SEVERITY_ORDER.indexOf(was.severity)) was.severity = f.severity;
      }
    }
  }
  return [...marks.values()].sort((a, b) => a.box.page - b.box.page || b.box.y2 - a.box.y2 || a.box.x1 - b.box.x1);
}
