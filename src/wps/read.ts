/**
 * Every sheet of the workbook WPS 表格 has open, read into Grids: values and formulas one array a
 * used range, number formats one call a range (a column, a cell, only where the formats are mixed),
 * merged areas where the range says it has some, notes from the sheet's comments. Calls grow with
 * the sheets and with the mixed columns, never with the cells of a uniform block.
 */
import { areaAddress, parseArea } from "../core/address";
import { Cell, CellValue, Grid, SheetVisibility } from "../core/grid";
import { EtRange, EtValue, EtWorksheet, XL_SHEET } from "./et";
import type { EtApplication } from "./et";

const VISIBILITY = new Map<number, SheetVisibility>([
  [XL_SHEET.visible, "visible"],
  [XL_SHEET.hidden, "hidden"],
  [XL_SHEET.veryHidden, "veryHidden"],
]);

const empty = (v: unknown): v is undefined | null | "" => v === undefined || v === null || v === "";
const block = <T>(v: T | T[][]): T[][] => (Array.isArray(v) ? v : [[v]]);

function gridValue(v: EtValue): CellValue {
  return empty(v) ? null : v;
}

/** A0-based area from an ET range's absolute address ("$B$2:$D$9"). */
const areaOf = (r: EtRange) => parseArea(r.Address.replace(/\$/g, ""));

type Area = { top: number; left: number; bottom: number; right: number };

/**
 * A property the range answers for all its cells at once (or with null where they differ), asked
 * of halves until each part answers: calls grow with the runs of differing cells, not the cells.
 */
function byRuns<T>(ws: EtWorksheet, area: Area, ask: (r: EtRange) => T | null, found: (area: Area, v: T) => void): void {
  const v = ask(ws.Range(areaAddress(area)));
  if (v !== null) return found(area, v);
  if (area.top === area.bottom && area.left === area.right) return;
  const tall = area.bottom - area.top >= area.right - area.left;
  const mid = tall ? (area.top + area.bottom) >> 1 : (area.left + area.right) >> 1;
  byRuns(ws, tall ? { ...area, bottom: mid } : { ...area, right: mid }, ask, found);
  byRuns(ws, tall ? { ...area, top: mid + 1 } : { ...area, left: mid + 1 }, ask, found);
}

/** Number formats of the used area, cell by cell in the grid's frame. */
function numberFormats(ws: EtWorksheet, area: Area): (string | null)[][] {
  const out: (string | null)[][] = Array.from({ length: area.bottom - area.top + 1 }, () => Array.from({ length: area.right - area.left + 1 }, () => null));
  byRuns(
    ws,
    area,
    (r) => r.NumberFormat,
    (part, f) => {
      for (let r = part.top; r <= part.bottom; r++) for (let c = part.left; c <= part.right; c++) out[r - area.top][c - area.left] = f;
    },
  );
  return out;
}

/** Merged areas of the used area: parts with none are skipped whole; a part inside one merged area gives that area. */
function mergedAreas(ws: EtWorksheet, area: Area): string[] {
  const areas = new Set<string>();
  const within = (inner: Area, outer: Area) => inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right;
  byRuns<string | false>(
    ws,
    area,
    (r) => {
      if (r.MergeCells === false) return false;
      if (r.MergeCells !== true) return null;
      // MergeArea is the merged area of the part's first cell: the answer when the part lies inside it
      const merged = areaOf(r.MergeArea);
      return within(areaOf(r), merged) ? areaAddress(merged) : null;
    },
    (_, merged) => {
      if (merged) areas.add(merged);
    },
  );
  return [...areas];
}

function readSheet(ws: EtWorksheet): Grid {
  const grid: Grid = { sheet: ws.Name, origin: "A1", cells: [], merges: [], visibility: VISIBILITY.get(ws.Visible) ?? "visible" };
  const used = ws.UsedRange;
  const rows = used.Rows.Count;
  const cols = used.Columns.Count;
  const values = block(used.Value2);
  const formulas = block(used.Formula);
  const notes = new Map<string, string>();
  for (let k = 1; k <= ws.Comments.Count; k++) {
    const c = ws.Comments.Item(k);
    notes.set(areaAddress(areaOf(c.Parent)), c.Text());
  }
  // the used range counts formatted cells; the grid holds what has content (as Excel's values-only range)
  const top = used.Row - 1;
  const left = used.Column - 1;
  let box: { top: number; left: number; bottom: number; right: number } | undefined;
  const include = (r: number, c: number) => {
    if (!box) box = { top: r, left: c, bottom: r, right: c };
    else box = { top: Math.min(box.top, r), left: Math.min(box.left, c), bottom: Math.max(box.bottom, r), right: Math.max(box.right, c) };
  };
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (!empty(values[r]?.[c]) || String(formulas[r]?.[c] ?? "").startsWith("=")) include(r, c);
  const whole = areaOf(used);
  grid.merges = mergedAreas(ws, whole);
  if (!box) return grid;
  const formats = numberFormats(ws, whole);
  const b = box;
  grid.origin = areaAddress({ top: top + b.top, left: left + b.left, bottom: top + b.top, right: left + b.left });
  for (let r = b.top; r <= b.bottom; r++) {
    const row: Cell[] = [];
    for (let c = b.left; c <= b.right; c++) {
      const cell: Cell = { value: gridValue(values[r]?.[c]) };
      const f = formulas[r]?.[c];
      if (typeof f === "string" && f.startsWith("=")) cell.formula = f;
      const nf = formats[r][c];
      if (nf && nf !== "General" && nf !== "G/通用格式") cell.numberFormat = nf;
      const note = notes.get(areaAddress({ top: top + r, left: left + c, bottom: top + r, right: left + c }));
      if (note !== undefined) cell.note = note;
      row.push(cell);
    }
    grid.cells.push(row);
  }
  return grid;
}

export function readWorkbook(app: EtApplication): Grid[] {
  const sheets = app.ActiveWorkbook.Worksheets;
  const grids: Grid[] = [];
  for (let i = 1; i <= sheets.Count; i++) grids.push(readSheet(sheets.Item(i)));
  return grids;
}
