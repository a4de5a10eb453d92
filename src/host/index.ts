/**
 * The seam the task pane and the ribbon commands share, over Office.js (each function one
 * Excel.run; the adapter keeps the sync count constant) or over WPS's ET model (synchronous). The
 * faces receive a WorkbookHost, so they run the same in Excel, in WPS, and against the fakes in a
 * plain browser; which one is chosen at start from the page's globals.
 */
import { Grid } from "../core/grid";
import { CellRef } from "../core/finding";
import { WritePlan } from "../core/plan";
import { activeSheetName, applyPlan, readWorkbook, officeCapabilities, selectCell, workbookMemory, Capabilities } from "../excel";
import * as wps from "../wps";

export interface WorkbookHost {
  read(): Promise<Grid[]>;
  apply(plan: WritePlan): Promise<void>;
  select(cell: CellRef): Promise<void>;
  /** name of the sheet the user is on */
  activeSheet(): Promise<string>;
}

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * `run` is Excel.run (a click while the user is typing in a cell waits for the edit to end instead
 * of failing); tests pass the fake host's. The host keeps a memory of the workbook between its reads
 * and writes (where the notes are, what the host refused), so that a read stays at one sync.
 */
export function officeHost(caps: Capabilities = officeCapabilities(), run: Run = (batch) => Excel.run({ delayForCellEdit: true }, batch)): WorkbookHost {
  const memory = workbookMemory();
  return {
    read: () => run((ctx) => readWorkbook(ctx, caps, { memory })),
    apply: (plan) => run((ctx) => applyPlan(ctx, plan, caps, { memory })),
    select: (cell) => run((ctx) => selectCell(ctx, cell)),
    activeSheet: () => run((ctx) => activeSheetName(ctx)),
  };
}

/** The same seam over WPS 表格: the ET model answers at once, so each function is one plain call. */
export function wpsHost(app: wps.EtApplication): WorkbookHost {
  return {
    read: () => Promise.resolve().then(() => wps.readWorkbook(app)),
    apply: (plan) => Promise.resolve().then(() => wps.applyPlan(app, plan)),
    select: (cell) =>
      Promise.resolve().then(() => {
        const sheet = app.ActiveWorkbook.Worksheets.Item(cell.sheet);
        sheet.Activate();
        sheet.Range(cell.address).Select();
      }),
    activeSheet: () => Promise.resolve().then(() => app.ActiveSheet.Name),
  };
}

/** What a WPS 加载项's page finds on window: `wps`, whose EtApplication() is 表格's Application. */
export interface WpsGlobal {
  EtApplication(): wps.EtApplication;
}

/** The host the page runs in: WPS where its `wps` global offers 表格, else Office. */
export function hostKind(globals: { wps?: unknown }): "wps" | "office" {
  const w = globals.wps as Partial<WpsGlobal> | undefined;
  return typeof w?.EtApplication === "function" ? "wps" : "office";
}
