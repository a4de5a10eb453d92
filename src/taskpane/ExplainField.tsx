/** 核实说明 for one finding: written into the report's column beside it, read back on the next check (then listed as 已说明). */
import * as React from "react";
import { Button, Input, MessageBar, MessageBarBody } from "@fluentui/react-components";
import { explanationPlan } from "../core/workflows";
import { PaneContext, failureText } from "./common";
import { useStyles } from "./styles";

export interface Explaining {
  /** the report sheet the last check wrote */
  report: string;
  /** the finding's place in the report (its index in the check's findings) */
  index: number;
  text?: string;
  onSaved: (text: string) => void;
}

export function ExplainField({ report, index, text, onSaved }: Explaining) {
  const styles = useStyles();
  const pane = React.useContext(PaneContext);
  const [open, setOpen] = React.useState(false);
  const [draft, setDraft] = React.useState(text ?? "");
  const [failed, setFailed] = React.useState<string | undefined>();
  if (!pane) return null;
  const { host, t } = pane;
  const save = () =>
    host.apply(explanationPlan(report, index, draft)).then(
      () => {
        setFailed(undefined);
        setOpen(false);
        onSaved(draft.trim());
      },
      (e: unknown) => setFailed(failureText(e, t)),
    );
  if (!open)
    return (
      <Button size="small" appearance="transparent" className={styles.explain} onClick={() => setOpen(true)}>
        {text ? t("editExplanation") : t("explain")}
      </Button>
    );
  return (
    <div className={styles.row}>
      <Input
        size="small"
        aria-label={t("explanationLabel")}
        value={draft}
        placeholder={t("explanationPlaceholder")}
        onChange={(_, d) => setDraft(d.value)}
        onKeyDown={(e) => e.key === "Enter" && void save()}
      />
      <Button size="small" appearance="primary" onClick={() => void save()}>
        {t("saveExplanation")}
      </Button>
      {failed && (
        <MessageBar intent="error">
          <MessageBarBody>{failed}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
