/**
 * Ribbon function commands. "runCheck" checks the whole workbook without opening the pane, leaves
 * the marks and shows the 校验报告 sheet, whose second line is the summary. A command has no pane:
 * when it fails, a dialog over the workbook says why.
 */
import { checkAndMark } from "../core/workflows";
import { ExcelNotResponding } from "../excel";
import { WorkbookHost, officeHost } from "../host";

/** One host while the command runtime lives, so what it learns of the workbook serves the next click. */
let shared: WorkbookHost | undefined;

export async function runCheck(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const host = (shared ??= officeHost());
    const { plan } = checkAndMark(await host.read());
    await host.apply(plan);
    await host.select({ sheet: plan.report, address: "A2" });
  } catch (e) {
    await tellUser(
      e instanceof ExcelNotResponding
        ? `一键校验未完成：Excel 在 ${e.seconds} 秒内没有回应，请等 Excel 空闲后再试。`
        : `一键校验未完成：${(e as Error).message}`,
    );
  } finally {
    event.completed();
  }
}

/** The help page in a dialog, opened on the message (the dialog's own failure leaves nothing else to try). */
function tellUser(message: string): Promise<void> {
  const url = new URL("help.html", window.location.href);
  url.searchParams.set("error", message);
  return new Promise((resolve) => Office.context.ui.displayDialogAsync(url.toString(), { height: 30, width: 40 }, () => resolve()));
}

void Office.onReady(() => {
  Office.actions.associate("runCheck", (event: Office.AddinCommands.Event) => void runCheck(event));
});
