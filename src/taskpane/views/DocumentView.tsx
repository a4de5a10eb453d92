import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import { Finding, checkDocument, documentTablesPlan, findingsByPage, summarize } from "../../core/workflows";
import type { DocumentRead } from "../../documents/read";
import { WorkbookHost } from "../../host";
import { FindingLine, StatusLine, T, pickedFile, useTask } from "../common";
import { useStyles } from "../styles";

/**
 * 公开文件: a department's whole published document (PDF or Word) opened beside the workbook,
 * checked as the tables and the 说明 together, its findings listed by page; the tables it read can
 * be written into new sheets, to be corrected where the accountant works.
 */
export function DocumentView({ host, t }: { host: WorkbookHost; t: T }) {
  const styles = useStyles();
  const [read, setRead] = React.useState<{ doc: DocumentRead; numbers: Map<string, string>; pages: { page?: number; findings: Finding[] }[] }>();
  const { status, run, busy } = useTask(t);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const openFile = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = pickedFile(e);
    if (!file) return;
    void run(t("reading"), async () => {
      // loaded on first use: pdf.js is large and most sessions never open a document
      const { NotDocumentError, readDocumentFile } = await import("../../documents/browser");
      let doc: DocumentRead;
      try {
        doc = await readDocumentFile(file.name, new Uint8Array(await file.arrayBuffer()));
      } catch (err) {
        if (err instanceof NotDocumentError) throw new Error(`${file.name}：${t("notDocument")}`);
        throw new Error(`${file.name}：${(err as Error).message}`);
      }
      const { result } = checkDocument(doc);
      // what asks for action, and the pages not read; the notes stay in the counts
      const shown = result.findings.filter((f) => f.severity !== "info" || f.rule === "document.unread");
      setRead({ doc, numbers: new Map(result.tables.map((x) => [x.sheet, x.number])), pages: findingsByPage(shown) });
      return t("documentChecked", { name: file.name, tables: result.tables.length, ...summarize(result.findings) });
    });
  };
  const writeTables = () =>
    run(t("generating"), async () => {
      if (!read || read.doc.tables.length === 0) throw new Error(t("noTablesRead"));
      const existing = (await host.read()).map((g) => g.sheet);
      const { plan, sheets } = documentTablesPlan(
        read.doc.tables.filter((g) => read.numbers.has(g.sheet)),
        read.numbers,
        existing,
      );
      await host.apply(plan);
      return t("tablesWritten", { n: sheets.length, sheets: sheets.join("、") });
    });
  return (
    <>
      <Text size={200}>{t("documentHint")}</Text>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => fileInput.current?.click()}>
          {t("openDocument")}
        </Button>
        <input ref={fileInput} type="file" accept=".pdf,.docx" hidden data-testid="document-file" onChange={openFile} />
        {read && read.numbers.size > 0 && (
          <Button disabled={busy} onClick={writeTables}>
            {t("writeTables")}
          </Button>
        )}
      </div>
      <StatusLine status={status} />
      {read && (
        <div role="list" data-testid="pages">
          {read.pages.map((p) => (
            <div role="listitem" key={p.page ?? 0} className={styles.paragraph}>
              <Text weight="semibold" size={300}>
                {p.page ? t("onPage", { n: p.page }) : t("wholeDocument")}
              </Text>
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
