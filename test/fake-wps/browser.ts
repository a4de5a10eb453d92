/**
 * The fake WPS as the page's `wps` global in a plain browser: the e2e test injects this bundle
 * before the add-in's own pages load, so the real pane and ribbon talk to it as they would to WPS
 * 表格. Task panes opened by the ribbon are recorded, not shown.
 */
import { Grid } from "../../src/core/grid";
import type { WpsRuntime, WpsTaskPane } from "../../src/wps/ribbon";
import { FakeWorkbook } from "../fake-excel/model";
import { workbookFromGrids } from "../fake-excel/browser-workbook";
import { SheetState, fakeState } from "../fake-excel/state";
import { FakeWps } from "./et";

declare global {
  interface Window {
    __fakeWps: {
      app: FakeWps;
      load(grids: Grid[]): void;
      state(): SheetState[];
      selection(): { sheet: string; address: string } | undefined;
      calls(): number;
      panes: { url: string; visible: boolean }[];
    };
  }
}

const blank = () => {
  const wb = new FakeWorkbook();
  wb.addSheet("Sheet1");
  return wb;
};
const app = new FakeWps(blank());
const panes: (WpsTaskPane & { url: string })[] = [];
const storage = new Map<string, string>();

const runtime: WpsRuntime = {
  EtApplication: () => app,
  CreateTaskPane(url: string) {
    const pane = { ID: panes.length + 1, url, Visible: false, Navigate: (to: string) => void (pane.url = to) };
    panes.push(pane);
    return pane;
  },
  GetTaskPane: (id: number) => {
    // wps-jsapi: GetTaskPane(id: number)
    if (typeof id !== "number") throw new TypeError(`GetTaskPane takes the pane's number, got ${JSON.stringify(id)}`);
    return panes.find((p) => p.ID === id);
  },
  PluginStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
};
(window as unknown as { wps: WpsRuntime }).wps = runtime;

window.__fakeWps = {
  app,
  load(grids: Grid[]) {
    app.workbook = workbookFromGrids(grids);
    app.calls = 0;
  },
  state: () => fakeState(app.workbook),
  selection: () => app.workbook.selection,
  calls: () => app.calls,
  get panes() {
    return panes.map((p) => ({ url: p.url, visible: p.Visible }));
  },
};
