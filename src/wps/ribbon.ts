/**
 * The WPS ribbon's callbacks, as ribbon.xml names them (main.ts puts them on the page). 生成模板
 * and 绩效评分 open the pane on their view; 一键校验 opens it on the check, or checks the whole
 * workbook at once and shows the 校验报告 (as the Excel command does).
 */
import { checkAndMark } from "../core/workflows";
import { WpsGlobal, wpsHost } from "../host";

export interface WpsTaskPane {
  ID: number;
  Visible: boolean;
  Navigate(url: string): void;
}

/** The part of the `wps` global the ribbon uses, beside 表格's Application. */
export interface WpsRuntime extends WpsGlobal {
  CreateTaskPane(url: string, title?: string): WpsTaskPane;
  GetTaskPane(id: number): WpsTaskPane | null | undefined;
  PluginStorage: { getItem(key: string): string | null | undefined; setItem(key: string, value: string): void };
}

/** The ribbon's controls by id, and what each does: the ids ribbon.xml gives them. */
export const CONTROLS = {
  "juesuan.templates": { view: "templates" },
  "juesuan.checkPane": { view: "check" },
  "juesuan.checkRun": { run: "check" },
  "juesuan.score": { view: "score" },
} as const;

const PANE_KEY = "juesuan.taskpane";

/** The pane's page on a view, beside main.js in the add-in's folder. */
export function paneUrl(view: string, base: string): string {
  const url = new URL("taskpane.html", base);
  url.searchParams.set("view", view);
  return url.toString();
}

/** One pane for the add-in: opened once, then shown on the view asked for. */
function showPane(rt: WpsRuntime, view: string, base: string): void {
  const id = rt.PluginStorage.getItem(PANE_KEY);
  // the storage keeps text; WPS finds a pane by its number
  let pane = id ? rt.GetTaskPane(Number(id)) : undefined;
  if (pane) pane.Navigate(paneUrl(view, base));
  else {
    pane = rt.CreateTaskPane(paneUrl(view, base), "决算助手");
    rt.PluginStorage.setItem(PANE_KEY, String(pane.ID));
  }
  pane.Visible = true;
}

export async function runCheck(rt: WpsRuntime): Promise<void> {
  const host = wpsHost(rt.EtApplication());
  const { plan } = checkAndMark(await host.read());
  await host.apply(plan);
  await host.select({ sheet: plan.report, address: "A2" });
}

/** The callbacks ribbon.xml names (onLoad, onAction, getImage), bound to the page's `wps`. */
export function ribbonFor(rt: WpsRuntime, base: string, tell: (message: string) => void) {
  return {
    OnAddinLoad(): boolean {
      return true;
    },
    OnAction(control: { Id: string }): boolean {
      const c = CONTROLS[control.Id as keyof typeof CONTROLS];
      if (!c) return false;
      if ("view" in c) showPane(rt, c.view, base);
      else runCheck(rt).catch((e: unknown) => tell(`一键校验未完成：${(e as Error).message}`));
      return true;
    },
    GetImage(): string {
      return "assets/icon-32.png";
    },
  };
}
