/**
 * The fake host as a drop-in for office.js in a plain browser: the e2e test serves this bundle at
 * the Office CDN address, so the real task pane talks to it exactly as it would to Excel.
 */
import { cellAddress, parseArea, parseCell } from "../../src/core/address";
import { Grid } from "../../src/core/grid";
import { FakeExcelHost } from "./host";
import { FakeWorkbook } from "./model";
import { SheetState, fakeState } from "./state";

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

declare global {
  interface Window {
    __fake: {
      host: FakeExcelHost;
      load(grids: Grid[]): void;
      state(): SheetState[];
      selection(): { sheet: string; address: string } | undefined;
      syncs(): number;
    };
  }
}

const params = new URLSearchParams(window.location.search);
let host = new FakeExcelHost(new FakeWorkbook(), { apiVersion: params.get("excelApi") ?? "1.18" });
const w = window as unknown as Record<string, unknown>;
const install = () => {
  w.Office = host.officeNamespace();
  w.Excel = host.excelNamespace();
};
install();
window.__fake = {
  get host() {
    return host;
  },
  load(grids: Grid[]) {
    host = new FakeExcelHost(workbookFromGrids(grids), { apiVersion: host.apiVersion });
    install();
  },
  state: () => fakeState(host.workbook),
  selection: () => host.workbook.selection,
  syncs: () => host.syncCount,
};
