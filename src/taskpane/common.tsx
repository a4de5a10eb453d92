/** What every view shares: the translator, the status line, the task hook, the severity badge, the cell button. */
import * as React from "react";
import { Badge, Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { CellRef, Severity } from "../core/workflows";
import { ExcelNotResponding } from "../excel";
import { WorkbookHost } from "../host";
import { MessageKey } from "./i18n";
import { useStyles } from "./styles";

export type T = (k: MessageKey, p?: Record<string, string | number>) => string;

/** The workbook the views act on and the pane's words, for the components deep in a list that go to a cell. */
export const PaneContext = React.createContext<{ host: WorkbookHost; t: T } | undefined>(undefined);

/** A failure as the accountant reads it: Excel not answering, or the step's own message. */
export function failureText(e: unknown, t: T): string {
  return e instanceof ExcelNotResponding ? t("notResponding", { seconds: e.seconds }) : t("failed", { message: e instanceof Error ? e.message : String(e) });
}

const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative" | "subtle"> = {
  error: "danger",
  tail: "subtle",
  warning: "warning",
  info: "informative",
};

/** 错误 / 尾差 / 警告 / 提示, coloured as the marks in the sheet are. */
export function SeverityBadge({ severity, t, className }: { severity: Severity; t: T; className?: string }) {
  return (
    <Badge appearance="tint" className={className} color={SEVERITY_COLOR[severity]}>
      {t(`severity_${severity}` as MessageKey)}
    </Badge>
  );
}

type Status =
  | { kind: "idle" }
  | { kind: "busy"; text: string }
  | { kind: "done"; text: string }
  | { kind: "error"; text: string; retry?: { label: string; run: () => void } };

export function StatusLine({ status }: { status: Status }) {
  if (status.kind === "busy") return <Spinner size="tiny" label={status.text} labelPosition="after" aria-live="polite" />;
  if (status.kind === "done")
    return (
      <MessageBar intent="success">
        <MessageBarBody>{status.text}</MessageBarBody>
      </MessageBar>
    );
  if (status.kind === "error")
    return (
      <MessageBar intent="error">
        <MessageBarBody>{status.text}</MessageBarBody>
        {status.retry && (
          <MessageBarActions>
            <Button onClick={status.retry.run}>{status.retry.label}</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    );
  return null;
}

/** Run a step with progress shown and any failure surfaced to the user with its message. */
export function useTask(t: T) {
  const [status, setStatus] = React.useState<Status>({ kind: "idle" });
  /** Runs a step of the pane; whatever goes wrong ends in the status line, never in a silent promise. */
  const run = (busy: string, task: () => Promise<string | void>): void => {
    setStatus({ kind: "busy", text: busy });
    task().then(
      (done) => setStatus(done ? { kind: "done", text: done } : { kind: "idle" }),
      (e: unknown) => {
        // Excel (on the web, mostly) left a request unanswered: say so, and offer the step again
        if (e instanceof ExcelNotResponding) {
          setStatus({ kind: "error", text: failureText(e, t), retry: { label: t("retry"), run: () => run(busy, task) } });
        } else {
          setStatus({ kind: "error", text: failureText(e, t) });
        }
      },
    );
  };
  return { status, run, busy: status.kind === "busy" };
}

/** A finding's or a project's line that goes to its cell when clicked (disabled when it has none). */
export function CellButton({ cell, title, children }: { cell?: CellRef; title?: string; children: React.ReactNode }) {
  const styles = useStyles();
  const pane = React.useContext(PaneContext);
  // going to a cell can fail too (Excel busy): say so under the line, never silently
  const [failed, setFailed] = React.useState<string | undefined>();
  const go = () => {
    if (!cell || !pane) return;
    pane.host.select(cell).then(
      () => setFailed(undefined),
      (e: unknown) => setFailed(failureText(e, pane.t)),
    );
  };
  return (
    <>
      <Button appearance="subtle" className={styles.finding} disabled={!cell} title={title} onClick={go}>
        <span className={styles.findingText}>{children}</span>
      </Button>
      {failed && (
        <MessageBar intent="error">
          <MessageBarBody>{failed}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

/** A finding as a line under what it is about (a paragraph, a page): its severity, then its message. */
export function FindingLine({ finding, t }: { finding: { severity: Severity; message: string }; t: T }) {
  const styles = useStyles();
  return (
    <div className={styles.claim}>
      <SeverityBadge severity={finding.severity} t={t} className={styles.badge} />
      <Text size={200}>{finding.message}</Text>
    </div>
  );
}

/** The file just picked in a file input; the input is emptied so that picking the same file again is seen. */
export function pickedFile(e: React.ChangeEvent<HTMLInputElement>): File | undefined {
  const file = e.target.files?.[0];
  e.target.value = "";
  return file;
}
