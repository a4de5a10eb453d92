/** The seam's input: one worksheet's used range as plain data, produced alike by both adapters. */
import { Area, CellPos, areaAddress, areaContains, cellAddress, parseArea, parseCell } from "./address";

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
}

export const EMPTY_CELL: Readonly<Cell> = Object.freeze({ value: null });

export function emptyGrid(sheet: string): Grid {
  return { sheet, origin: "A1", cells: [], merges: [], visibility: "visible" };
}

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

export function cellAtAddress(grid: Grid, address: string): Readonly<Cell> {
  return cellAt(grid, parseCell(address));
}

/** The merged area that covers a position, if any. */
export function mergeAt(grid: Grid, pos: CellPos): Area | undefined {
  for (const m of grid.merges) {
    const a = parseArea(m);
    if (areaContains(a, pos)) return a;
  }
  return undefined;
}

/** A grid from a plain 2-D array of values starting at `origin` (tests and fixtures). */
export function gridFromValues(sheet: string, values: CellValue[][], origin = "A1", merges: string[] = []): Grid {
  const width = Math.max(0, ...values.map((r) => r.length));
  const cells = values.map((r) => Array.from({ length: width }, (_, i) => ({ value: r[i] ?? null })));
  return { sheet, origin, cells, merges, visibility: "visible" };
}

/** Every non-empty cell as [address, cell]: handy for comparisons and reports. */
export function* nonEmptyCells(grid: Grid): Generator<[string, Cell]> {
  const o = parseCell(grid.origin);
  for (let r = 0; r < grid.cells.length; r++) {
    const row = grid.cells[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell.value !== null && cell.value !== "" || cell.formula || cell.note) {
        yield [cellAddress({ row: o.row + r, col: o.col + c }), cell];
      }
    }
  }
}

export function usedAddress(grid: Grid): string | undefined {
  const a = gridArea(grid);
  return a && areaAddress(a);
}
