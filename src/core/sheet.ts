/** A sheet as the readers see it: cells by position, merged areas reading their block's value, texts normalized once. */
import { Area, areaCells, parseArea, parseCell } from "./address";
import { Cell, CellValue, Grid, gridArea } from "./grid";
import { norm } from "./label";

/** Grid cells with merged areas filled from their top-left cell (headers read as printed). */
export class SheetView {
  readonly area: Area | undefined;
  private readonly origin: { row: number; col: number };
  private readonly mergedValue = new Map<string, CellValue>();
  /** the top row of the merged block a continuation cell belongs to */
  private readonly mergedTop = new Map<string, number>();
  /** normalized text of each cell, computed once: the locator reads cells many times */
  private readonly normCache = new Map<Cell, string>();
  constructor(readonly grid: Grid) {
    this.area = gridArea(grid);
    this.origin = parseCell(grid.origin);
    for (const m of grid.merges) {
      const a = parseArea(m);
      const v = this.raw(a.top, a.left)?.value ?? null;
      for (const p of areaCells(a))
        if (p.row !== a.top || p.col !== a.left) {
          this.mergedValue.set(`${p.row},${p.col}`, v);
          this.mergedTop.set(`${p.row},${p.col}`, a.top);
        }
      if (a.bottom > a.top) this.mergedTop.set(`${a.top},${a.left}`, a.top);
    }
  }
  raw(row: number, col: number): Cell | undefined {
    return this.grid.cells[row - this.origin.row]?.[col - this.origin.col];
  }
  /** value, with merged cells reading their block's value */
  value(row: number, col: number): CellValue {
    const k = `${row},${col}`;
    if (this.mergedValue.has(k)) return this.mergedValue.get(k)!;
    return this.raw(row, col)?.value ?? null;
  }
  text(row: number, col: number): string {
    const k = `${row},${col}`;
    if (this.mergedValue.has(k)) return norm(this.mergedValue.get(k));
    return this.ownText(row, col);
  }
  /** The top row of the merged block spanning rows that holds this cell; undefined outside such a block. */
  blockTop(row: number, col: number): number | undefined {
    return this.mergedTop.get(`${row},${col}`);
  }
  /** own value only (merged continuation cells read empty) */
  ownText(row: number, col: number): string {
    const c = this.raw(row, col);
    if (!c || c.value === null) return "";
    let t = this.normCache.get(c);
    if (t === undefined) {
      t = norm(c.value);
      this.normCache.set(c, t);
    }
    return t;
  }
}

const views = new WeakMap<Grid, SheetView>();
/** One view per grid, shared by the disclosure and the 绩效 locators (cell texts normalized once). */
export function viewOf(grid: Grid): SheetView {
  let v = views.get(grid);
  if (!v) {
    v = new SheetView(grid);
    views.set(grid, v);
  }
  return v;
}
