/**
 * The task pane's only door to Excel (the Office template's host-module shape): each function is
 * one Excel.run; the adapter keeps the sync count constant. The pane receives a WorkbookHost, so
 * it runs the same against the fake host in a plain browser.
 */
import { Grid } from "../core/grid";
import { CellRef } from "../core/finding";
import { WritePlan } from "../core/plan";
import { applyPlan, readWorkbook, officeCapabilities, Capabilities } from "../excel";

export interface WorkbookHost {
  read(): Promise<Grid[]>;
  apply(plan: WritePlan): Promise<void>;
  select(cell: CellRef): Promise<void>;
  /** name of the sheet the user is on */
  activeSheet(): Promise<string>;
}

export function officeHost(caps: Capabilities = officeCapabilities()): WorkbookHost {
  return {
    read: () => Excel.run((ctx) => readWorkbook(ctx, caps)),
    apply: (plan) => Excel.run((ctx) => applyPlan(ctx, plan, caps)),
    select: (cell) =>
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(cell.sheet);
        ws.activate();
        ws.getRange(cell.address).select();
        await ctx.sync();
      }),
    activeSheet: () =>
      Excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getActiveWorksheet();
        ws.load("name");
        await ctx.sync();
        return ws.name;
      }),
  };
}
