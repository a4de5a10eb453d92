/** The seam's input: one worksheet's used range as plain data, produced alike by both adapters. */
import { Area, CellPos, areaContains, cellAddress, parseCell } from "./address";

export type CellValue = string | number | boolean | null;

export interface Cell {
  /** The cell's value as stored (a formula cell holds its cached result). Errors read as "#REF!" etc. */
  value: CellValue;
  /** Formula text with a leading "=", when the cell holds one. */
  formula?: string;
  /** Number format when it is not "General". */
  numberFormat?: string;
  /** A cell note (legacy comment) or threaded comment text, when present. */
  note?: string;
  /** A formula saved without its result (by a program that does not calculate): its value is unknown, never 0. */
  uncalculated?: boolean;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface Grid {
  sheet: string;
  /** Address of the top-left cell of `cells`, e.g. "A1" (the used range need not start at A1). */
  origin: string;
  /** Rows × columns of the used range; every row has the same length. */
  cells: Cell[][];
  /** Merged areas, as absolute addresses on the sheet ("A1:F1"). */
  merges: string[];
  visibility: SheetVisibility;
  /** a text (a .txt, pasted text, a document's paragraphs) laid out one line a row: prose, never searched for tables */
  fromText?: boolean;
  /** cells far away from the sheet's main block that were not read (a stray value at row 1,048,576) */
  dropped?: { count: number; example: string; beyondLimit?: number };
}

export const EMPTY_CELL: Readonly<Cell> = Object.freeze({ value: null });

export function gridArea(grid: Grid): Area | undefined {
  if (grid.cells.length === 0 || grid.cells[0].length === 0) return undefined;
  const o = parseCell(grid.origin);
  return { top: o.row, left: o.col, bottom: o.row + grid.cells.length - 1, right: o.col + grid.cells[0].length - 1 };
}

/** The cell at an absolute sheet position (empty outside the used range). */
export function cellAt(grid: Grid, pos: CellPos): Readonly<Cell> {
  const o = parseCell(grid.origin);
  const row = grid.cells[pos.row - o.row];
  return (row && row[pos.col - o.col]) ?? EMPTY_CELL;
}

/** Every non-empty cell as [address, cell]: handy for comparisons and reports. */
export function* nonEmptyCells(grid: Grid): Generator<[string, Cell]> {
  const o = parseCell(grid.origin);
  for (let r = 0; r < grid.cells.length; r++) {
    const row = grid.cells[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if ((cell.value !== null && cell.value !== "") || cell.formula || cell.note) {
        yield [cellAddress({ row: o.row + r, col: o.col + c }), cell];
      }
    }
  }
}

/** Above this many cells a sheet's bounding box is not read densely. */
export const MAX_DENSE_CELLS = 2_000_000;
const GAP = 200;

/**
 * The block of a sheet worth reading: the bounding box of its content, or — when stray cells
 * far away would make that box huge — the cluster of rows and columns that holds most content.
 */
export function mainRegion(positions: CellPos[], maxCells = MAX_DENSE_CELLS): { area: Area; dropped: CellPos[] } | undefined {
  if (positions.length === 0) return undefined;
  const all: Area = { top: Infinity, bottom: -1, left: Infinity, right: -1 };
  for (const p of positions) {
    all.top = Math.min(all.top, p.row);
    all.bottom = Math.max(all.bottom, p.row);
    all.left = Math.min(all.left, p.col);
    all.right = Math.max(all.right, p.col);
  }
  if ((all.bottom - all.top + 1) * (all.right - all.left + 1) <= maxCells) return { area: all, dropped: [] };
  const cluster = (values: number[]): [number, number] => {
    const sorted = [...values].sort((a, b) => a - b);
    let best: [number, number, number] = [sorted[0], sorted[0], 0];
    let start = 0;
    for (let i = 1; i <= sorted.length; i++) {
      if (i === sorted.length || sorted[i] - sorted[i - 1] > GAP) {
        if (i - start > best[2]) best = [sorted[start], sorted[i - 1], i - start];
        start = i;
      }
    }
    return [best[0], best[1]];
  };
  const [top, bottom] = cluster(positions.map((p) => p.row));
  const inRows = positions.filter((p) => p.row >= top && p.row <= bottom);
  const [left, right] = cluster(inRows.map((p) => p.col));
  const area = { top, bottom, left, right };
  return { area, dropped: positions.filter((p) => !areaContains(area, p)) };
}

/** Cells of a sheet keyed by position: row * SHEET_COLUMNS + col (0-based). */
export const SHEET_COLUMNS = 16384;
export type CellsByKey = Map<number, Cell>;

/**
 * A sheet's Grid from its non-empty cells: the main region read densely, stray far-away cells
 * counted as dropped. Every file reader builds its Grids so.
 */
export function gridFromCells(sheet: string, visibility: SheetVisibility, merges: string[], cells: CellsByKey): Grid {
  const grid: Grid = { sheet, origin: "A1", cells: [], merges, visibility };
  const positions: CellPos[] = [];
  for (const k of cells.keys()) positions.push({ row: Math.floor(k / SHEET_COLUMNS), col: k % SHEET_COLUMNS });
  const region = mainRegion(positions);
  positions.length = 0;
  if (!region) return grid;
  const u = region.area;
  grid.origin = cellAddress({ row: u.top, col: u.left });
  grid.cells = Array.from({ length: u.bottom - u.top + 1 }, (_, i) =>
    Array.from({ length: u.right - u.left + 1 }, (_, j) => cells.get((u.top + i) * SHEET_COLUMNS + u.left + j) ?? { value: null }),
  );
  if (region.dropped.length) grid.dropped = { count: region.dropped.length, example: cellAddress(region.dropped[0]) };
  return grid;
}
