/** 绩效评分: each project's printed and computed 总分 and 等级, and the findings. */
import * as React from "react";
import { Badge, Button, Text } from "@fluentui/react-components";
import { scoreAndMark, ScoreResult, stampTime } from "../../core/workflows";
import { WorkbookHost } from "../../host";
import { FindingsList, explaining } from "../FindingsList";
import { CellButton, StatusLine, T, useTask } from "../common";
import { useStyles } from "../styles";

export function ScoreView({ host, t }: { host: WorkbookHost; t: T }) {
  const styles = useStyles();
  const [result, setResult] = React.useState<ScoreResult | undefined>();
  const [report, setReport] = React.useState<string | undefined>();
  const { status, run, busy } = useTask(t);
  const score = () =>
    run(t("scoring"), async () => {
      const { result: r, plan } = scoreAndMark(await host.read(), { at: stampTime(new Date()) });
      await host.apply(plan);
      setResult(r);
      setReport(plan.report);
      return r.projects.length === 0 ? t("noPerfTables") : undefined;
    });
  return (
    <>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={score}>
          {t("runScore")}
        </Button>
      </div>
      <StatusLine status={status} />
      {result && result.projects.length > 0 && (
        <>
          <div role="list" data-testid="projects">
            {result.projects.map((p, i) => (
              <div role="listitem" key={i}>
                <CellButton cell={p.cell}>
                  <span>
                    {p.name || p.kind} <Text size={200}>（{p.sheet}）</Text>
                  </span>
                  <span data-differs={p.totalDiffers ? "true" : undefined}>
                    {p.totalDiffers && (
                      <Badge appearance="filled" color="danger">
                        {t("totalDiffers")}
                      </Badge>
                    )}{" "}
                    {t("projectTotals", { printed: p.printedTotal ?? "—", computed: p.computedTotal ?? "—", grade: p.grade ?? "—" })}
                  </span>
                </CellButton>
              </div>
            ))}
          </div>
          <FindingsList findings={result.findings} t={t} explain={explaining(report, result, setResult)} />
        </>
      )}
    </>
  );
}
