/** 一键校验: the region chosen or detected, the check, what was read, the findings; 清除标记. */
import * as React from "react";
import { Button, Field, Select, Switch, Text } from "@fluentui/react-components";
import { PROFILE_IDS, Profile } from "../../catalog/profiles";
import { checkAndMark, CheckResult, clearMarks, onlySheet, stampTime, summarize } from "../../core/workflows";
import { WorkbookHost } from "../../host";
import { FindingsList, explaining } from "../FindingsList";
import { StatusLine, T, useTask } from "../common";
import { useStyles } from "../styles";

export function CheckView({ host, t }: { host: WorkbookHost; t: T }) {
  const styles = useStyles();
  const [result, setResult] = React.useState<CheckResult | undefined>();
  const [report, setReport] = React.useState<string | undefined>();
  const [onlyActive, setOnlyActive] = React.useState(false);
  const [profile, setProfile] = React.useState<Profile | "auto">("auto");
  const { status, run, busy } = useTask(t);
  const check = () =>
    run(t("checking"), async () => {
      let grids = await host.read();
      if (onlyActive) {
        const active = await host.activeSheet();
        // the ledger and the report stay visible to the core, so marks still undo and re-run cleanly
        grids = onlySheet(grids, active);
      }
      const { result: r, plan } = checkAndMark(grids, profile === "auto" ? undefined : profile, [], { at: stampTime(new Date()) });
      await host.apply(plan);
      setResult(r);
      setReport(plan.report);
    });
  const clear = () =>
    run(t("clearing"), async () => {
      await host.apply(clearMarks(await host.read()));
      setResult(undefined);
      return t("cleared");
    });
  const s = result && summarize(result.findings);
  const r = result?.relations;
  return (
    <>
      <Field label={t("profile")}>
        <Select value={profile} onChange={(_, d) => setProfile(d.value as Profile | "auto")}>
          <option value="auto">{t("profileAuto")}</option>
          {PROFILE_IDS.map((p) => (
            <option key={p} value={p}>
              {t(`profile_${p}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={check}>
          {t("runCheck")}
        </Button>
        <Button disabled={busy} onClick={clear}>
          {t("clearMarks")}
        </Button>
      </div>
      <Switch checked={onlyActive} onChange={(_, d) => setOnlyActive(d.checked)} label={t("onlyActiveSheet")} />
      <StatusLine status={status} />
      {result && result.tables.length === 0 && (
        // an empty or foreign workbook: what to do, not nine "not found" notes
        <Text role="status" data-testid="summary">
          {t("noTables")}
        </Text>
      )}
      {result && s && result.tables.length > 0 && (
        <>
          <Text role="status" data-testid="summary">
            {t("tablesFound", { n: result.tables.length })} · {t("summary", { ...s })}
            {s.explained > 0 && ` · ${t("explainedCount", { n: s.explained })}`}
          </Text>
          <Text size={200} data-testid="reading">
            {t("readAs", { profile: t(`profile_${result.profile}`), tables: result.tables.map((x) => `${x.number} ${x.title}`).join("、") })}
          </Text>
          {r && (
            <Text size={200} data-testid="relations">
              {t("relations", { total: r.holds + r.tails + r.errors + r.warnings + r.unchecked, ...r })}
            </Text>
          )}
          <FindingsList
            findings={result.findings}
            t={t}
            numbers={new Map(result.tables.map((x) => [x.id, x.number]))}
            explain={explaining(report, result, setResult)}
          />
        </>
      )}
    </>
  );
}
