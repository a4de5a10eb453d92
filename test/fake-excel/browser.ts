/**
 * The fake host as a drop-in for office.js in a plain browser: the e2e test serves this bundle at
 * the Office CDN address, so the real task pane talks to it exactly as it would to Excel.
 */
import { Grid } from "../../src/core/grid";
import { FakeExcelHost } from "./host";
import { FakeWorkbook } from "./model";
import { workbookFromGrids } from "./browser-workbook";
import { SheetState, fakeState } from "./state";

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
