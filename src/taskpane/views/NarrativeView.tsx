import * as React from "react";
import { Button, Field, Text, Textarea } from "@fluentui/react-components";
import { checkNarrativeText, DraftError, draftNarrativeFor, Finding, summarize } from "../../core/workflows";
import { NotNarrativeError, narrativeText } from "../../documents/text";
import { WorkbookHost } from "../../host";
import { FindingLine, StatusLine, T, pickedFile, useTask } from "../common";
import { useStyles } from "../styles";

/** The name pasted text is read under (it never becomes a sheet). */
const PASTED = "粘贴的文字";

/**
 * 决算说明: draft it from the tables onto a new sheet, or paste text and see each paragraph with
 * the findings about its numbers right under it (checked against the workbook's tables).
 */
export function NarrativeView({ host, t }: { host: WorkbookHost; t: T }) {
  const styles = useStyles();
  const [text, setText] = React.useState("");
  const [checked, setChecked] = React.useState<{ paragraphs: { line: number; text: string; findings: Finding[] }[] } | undefined>();
  const [draft, setDraft] = React.useState<string | undefined>();
  const { status, run, busy } = useTask(t);
  const draftArea = React.useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = React.useState(false);
  // the clipboard API may be refused inside Office's web view: fall back to selecting the text and copying it
  const copyDraft = async () => {
    try {
      await navigator.clipboard.writeText(draft ?? "");
    } catch {
      draftArea.current?.select();
      document.execCommand("copy");
    }
    setCopied(true);
  };
  const fileInput = React.useRef<HTMLInputElement>(null);
  // the 说明 as the accountant keeps it, in Word or a .txt: its text goes into the box, ready to check
  const openFile = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = pickedFile(e);
    if (!file) return;
    void run(t("reading"), async () => {
      try {
        setText(await narrativeText(new Uint8Array(await file.arrayBuffer())));
        return t("fileRead", { name: file.name });
      } catch (err) {
        if (err instanceof NotNarrativeError) throw new Error(`${file.name}：${t(err.kind === "zip" ? "notDocx" : "notText")}`);
        throw err;
      }
    });
  };
  const checkText = () =>
    run(t("checking"), async () => {
      const { paragraphs, findings: found } = checkNarrativeText(await host.read(), text, PASTED);
      setChecked({ paragraphs });
      const s = summarize(found);
      return t("textChecked", { n: paragraphs.length, ...s });
    });
  const makeDraft = () =>
    run(t("drafting"), async () => {
      try {
        const d = draftNarrativeFor(await host.read(), { fallbackYear: new Date().getFullYear() - 1 });
        await host.apply(d.plan);
        setDraft(d.text);
        return t("drafted", { n: d.sections.length, sheet: d.sheet });
      } catch (e) {
        if (e instanceof DraftError) throw new Error(t("noTablesToDraft"));
        throw e;
      }
    });
  return (
    <>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={makeDraft}>
          {t("draftNarrative")}
        </Button>
      </div>
      {draft !== undefined && (
        <>
          <Field label={t("draftText")}>
            <Textarea readOnly value={draft} rows={8} data-testid="draft" ref={draftArea} />
          </Field>
          <div className={styles.row}>
            <Button onClick={() => void copyDraft()}>{t("copyDraft")}</Button>
            {copied && <Text size={200}>{t("copied")}</Text>}
          </div>
        </>
      )}
      <Field label={t("pasteNarrative")} hint={t("pasteHint")}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={6} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Button disabled={busy || text.trim() === ""} onClick={checkText}>
          {t("checkText")}
        </Button>
        <Button disabled={busy} onClick={() => fileInput.current?.click()}>
          {t("openNarrativeFile")}
        </Button>
        <input ref={fileInput} type="file" accept=".txt,.docx" hidden data-testid="narrative-file" onChange={openFile} />
      </div>
      <StatusLine status={status} />
      {checked && (
        <div role="list" data-testid="paragraphs">
          {checked.paragraphs.map((p) => (
            <div role="listitem" key={p.line} className={styles.paragraph}>
              <Text size={200}>{p.text}</Text>
              {p.findings.map((f, i) => (
                <FindingLine key={i} finding={f} t={t} />
              ))}
            </div>
          ))}
        </div>
      )}
    </>
  );
}
