/**
 * Entry: the pane inside one FluentProvider (the Office template's shape), over the host the page
 * runs in — WPS 表格 at once, Excel once Office is ready.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App, View } from "./App";
import { WorkbookHost, WpsGlobal, hostKind, officeHost, wpsHost } from "../host";
import { pickLocale } from "./i18n";

function viewFromUrl(): View | undefined {
  const v = new URLSearchParams(window.location.search).get("view");
  return v === "templates" || v === "check" || v === "score" || v === "narrative" || v === "document" ? v : undefined;
}

function render(host: WorkbookHost, language: string): void {
  const root = createRoot(document.getElementById("container")!);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} initialView={viewFromUrl()} initialLocale={pickLocale(language)} />
    </FluentProvider>,
  );
}

const globals = window as unknown as { wps?: WpsGlobal };
if (hostKind(globals) === "wps") render(wpsHost(globals.wps!.EtApplication()), navigator.language);
else void Office.onReady(() => render(officeHost(), Office.context.displayLanguage));
