/**
 * The seam the task pane and the ribbon commands share over Office.js (the Office template's
 * host-module shape): each function is one Excel.run; the adapter keeps the sync count constant.
 * The faces receive a WorkbookHost, so they run the same against the fake host in a plain browser.
 */
import { Grid } from "../core/grid";
import { CellRef } from "../core/finding";
import { WritePlan } from "../core/plan";
import { activeSheetName, applyPlan, readWorkbook, officeCapabilities, selectCell, workbookMemory, Capabilities } from "../excel";

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
