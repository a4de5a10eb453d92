import * as React from "react";
import { Button, Tab, TabList, Text } from "@fluentui/react-components";
import { WorkbookHost } from "../host";
import { Locale, MessageKey, translate } from "./i18n";
import { PaneContext } from "./common";
import { useStyles } from "./styles";
import { CheckView } from "./views/CheckView";
import { NarrativeView } from "./views/NarrativeView";
import { DocumentView } from "./views/DocumentView";
import { ScoreView } from "./views/ScoreView";
import { TemplatesView } from "./views/TemplatesView";

export type View = "templates" | "check" | "score" | "narrative" | "document";

/** The pane: a language switch, five tabs, one view a tab (src/taskpane/views). */
export function App(props: { host: WorkbookHost; initialView?: View; initialLocale: Locale }) {
  const styles = useStyles();
  const [locale, setLocale] = React.useState<Locale>(props.initialLocale);
  const [view, setView] = React.useState<View>(props.initialView ?? "check");
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(locale, k, p);
  return (
    <PaneContext.Provider value={{ host: props.host, t }}>
      <div className={styles.root} lang={locale}>
        <div className={styles.header}>
          <Text weight="semibold" size={500}>
            {t("appTitle")}
          </Text>
          <Button appearance="transparent" size="small" onClick={() => setLocale(locale === "zh-CN" ? "en-US" : "zh-CN")}>
            {t("language")}
          </Button>
        </div>
        <TabList className={styles.tabs} size="small" selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)}>
          <Tab value="templates">{t("tabTemplates")}</Tab>
          <Tab value="check">{t("tabCheck")}</Tab>
          <Tab value="score">{t("tabScore")}</Tab>
          <Tab value="narrative">{t("tabNarrative")}</Tab>
          <Tab value="document">{t("tabDocument")}</Tab>
        </TabList>
        {view === "templates" && <TemplatesView host={props.host} t={t} />}
        {view === "check" && <CheckView host={props.host} t={t} />}
        {view === "narrative" && <NarrativeView host={props.host} t={t} />}
        {view === "score" && <ScoreView host={props.host} t={t} />}
        {view === "document" && <DocumentView host={props.host} t={t} />}
      </div>
    </PaneContext.Provider>
  );
}
