/** Entry: wait for Office, then render the pane inside one FluentProvider (the Office template's shape). */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App, View } from "./App";
import { officeHost } from "../host";
import { pickLocale } from "./i18n";

function viewFromUrl(): View | undefined {
  const v = new URLSearchParams(window.location.search).get("view");
  return v === "templates" || v === "check" || v === "score" || v === "narrative" || v === "document" ? v : undefined;
}

void Office.onReady(() => {
  const root = createRoot(document.getElementById("container")!);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App host={officeHost()} initialView={viewFromUrl()} initialLocale={pickLocale(Office.context.displayLanguage)} />
    </FluentProvider>,
  );
});
