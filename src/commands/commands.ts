/**
 * Ribbon function commands. "runCheck" checks the whole workbook without opening the pane and
 * leaves the marks and the 校验报告 sheet; errors surface in the report, never swallowed.
 */
import { checkAndMark } from "../core/workflows";
import { officeHost } from "../taskpane/host";

async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const host = officeHost();
    const { plan } = checkAndMark(await host.read());
    await host.apply(plan);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("runCheck", runCheck);
});
