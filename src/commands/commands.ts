/**
 * Ribbon function commands. "runCheck" checks the whole workbook without opening the pane, leaves
 * the marks and shows the 校验报告 sheet, whose second line is the summary.
 */
import { checkAndMark } from "../core/workflows";
import { REPORT_SHEET } from "../core/locate";
import { WorkbookHost, officeHost } from "../taskpane/host";

/** One host while the command runtime lives, so what it learns of the workbook serves the next click. */
let shared: WorkbookHost | undefined;

export async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const host = (shared ??= officeHost());
    const { plan } = checkAndMark(await host.read());
    await host.apply(plan);
    await host.select({ sheet: REPORT_SHEET, address: "A2" });
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("runCheck", runCheck);
});
