/**
 * Where a check's findings go on a document it did not make (a PDF, a Word file): each finding at
 * the cell it names — its likely cause where it has one, else every cell of the relation — with its
 * explanation; several findings on one cell make one place with all their notes. Pure.
 */
import { Finding, Severity } from "../core/finding";
import { parseCell } from "../core/address";
import { SEVERITY_NAMES, SEVERITY_ORDER } from "../catalog/findings";

export interface MarkedPlace {
  sheet: string;
  row: number;
  col: number;
  severity: Severity;
  note: string;
}

const MARKED: Severity[] = ["error", "warning", "tail"];

/** Another note on a place already marked: its text added once, the more serious severity kept. */
export function addNote(place: { severity: Severity; note: string }, severity: Severity, note: string): void {
  if (place.note.includes(note)) return;
  place.note += `\n\n${note}`;
  if (SEVERITY_ORDER.indexOf(severity) < SEVERITY_ORDER.indexOf(place.severity)) place.severity = severity;
}

export function markedPlaces(findings: Finding[]): MarkedPlace[] {
  const places = new Map<string, MarkedPlace>();
  for (const f of findings) {
    if (!MARKED.includes(f.severity)) continue;
    const note = `【${SEVERITY_NAMES[f.severity]}】${f.message}${f.cause ? `\n${f.cause.note}` : ""}`;
    for (const ref of f.cause ? [f.cause] : f.cells) {
      const { row, col } = parseCell(ref.address.split(":")[0]);
      const key = `${ref.sheet}!${row},${col}`;
      const was = places.get(key);
      if (!was) places.set(key, { sheet: ref.sheet, row, col, severity: f.severity, note });
      else addNote(was, f.severity, note);
    }
  }
  return [...places.values()];
}
