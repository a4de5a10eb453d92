/** Build a fake workbook from Grids (as the ExcelJS reader gives them). */
import { cellAddress, parseArea, parseCell } from "../../src/core/address";
import { Grid } from "../../src/core/grid";
import { FakeWorkbook } from "./model";

/** Load Grids (from the ExcelJS reader) into the fake workbook: values, formulas, formats, merges, notes. */
export function workbookFromGrids(grids: Grid[]): FakeWorkbook {
  const wb = new FakeWorkbook();
  for (const g of grids) {
    const s = wb.addSheet(g.sheet);
    const o = parseCell(g.origin);
    g.cells.forEach((row, i) =>
      row.forEach((c, j) => {
        if (c.value === null && !c.formula && !c.numberFormat && !c.note) return;
        const cell = s.touch(o.row + i, o.col + j);
        cell.value = c.value;
        if (c.formula) cell.formula = c.formula;
        if (c.numberFormat) s.formatForWrite(o.row + i, o.col + j).numberFormat = c.numberFormat;
        if (c.note) s.notes.set(cellAddress({ row: o.row + i, col: o.col + j }), c.note);
      }),
    );
    s.merges = g.merges.map(parseArea);
    s.visibility = g.visibility === "veryHidden" ? "VeryHidden" : g.visibility === "hidden" ? "Hidden" : "Visible";
  }
  return wb;
}
