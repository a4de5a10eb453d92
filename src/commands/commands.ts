/**
 * Ribbon function commands. "runCheck" checks the whole workbook without opening the pane, leaves
 * the marks and shows the 校验报告 sheet, whose second line is the summary.
 */
import { checkAndMark } from "../core/workflows";
import { REPORT_SHEET } from "../core/locate";
import { officeHost } from "../taskpane/host";

export async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const host = officeHost();
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
