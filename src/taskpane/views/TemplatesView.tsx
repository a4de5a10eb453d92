/** 生成模板: the standard tables and the 绩效 forms, written as new sheets beside the accountant's own. */
import * as React from "react";
import { Button, Checkbox, Field, Input, Text } from "@fluentui/react-components";
import { ALL_TABLES, TABLES } from "../../catalog";
import { PERFORMANCE_LAYOUTS } from "../../catalog/tables/performance-layouts";
import { performanceTemplatesFor, templatesFor } from "../../core/workflows";
import { WorkbookHost } from "../../host";
import { MessageKey } from "../i18n";
import { StatusLine, T, useTask } from "../common";
import { useStyles } from "../styles";

export function TemplatesView({ host, t }: { host: WorkbookHost; t: T }) {
  const styles = useStyles();
  const [dept, setDept] = React.useState("");
  const [year, setYear] = React.useState(String(new Date().getFullYear() - 1));
  const [selected, setSelected] = React.useState<Set<string>>(new Set(TABLES.map((x) => x.id)));
  const [layouts, setLayouts] = React.useState<Set<string>>(new Set());
  const { status, run, busy } = useTask(t);
  const toggle = (id: string) => setSelected((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const generate = () =>
    run(t("generating"), async () => {
      const existing = (await host.read()).map((g) => g.sheet);
      const disclosure = templatesFor(
        ALL_TABLES.filter((x) => selected.has(x.id)).map((x) => x.id),
        dept.trim(),
        Number(year),
        existing,
      );
      const perf = performanceTemplatesFor(
        PERFORMANCE_LAYOUTS.filter((l) => layouts.has(l.id)),
        Number(year),
        [...existing, ...disclosure.sheets],
      );
      await host.apply({ ops: [...disclosure.plan.ops, ...perf.plan.ops] });
      const sheets = [...disclosure.sheets, ...perf.sheets];
      return t("generated", { n: sheets.length, sheets: sheets.join("、") });
    });
  return (
    <>
      <Field label={t("dept")}>
        <Input value={dept} placeholder={t("deptPlaceholder")} onChange={(_, d) => setDept(d.value)} />
      </Field>
      <Field label={t("year")} validationMessage={/^\d{4}$/.test(year) ? undefined : "YYYY"}>
        <Input value={year} type="number" onChange={(_, d) => setYear(d.value)} />
      </Field>
      <Text weight="semibold">{t("tables")}</Text>
      <div className={styles.tables} role="group" aria-label={t("tables")}>
        <Checkbox
          label={t("selectAll")}
          checked={selected.size === TABLES.length ? true : selected.size === 0 ? false : "mixed"}
          onChange={() => setSelected(selected.size === TABLES.length ? new Set() : new Set(TABLES.map((x) => x.id)))}
        />
        {ALL_TABLES.map((x) => (
          <Checkbox
            key={x.id}
            label={`${x.number} ${x.title}${TABLES.includes(x) ? "" : t("localTable")}`}
            checked={selected.has(x.id)}
            onChange={() => toggle(x.id)}
          />
        ))}
      </div>
      <Text weight="semibold">{t("perfTables")}</Text>
      <div className={styles.tables} role="group" aria-label={t("perfTables")}>
        {PERFORMANCE_LAYOUTS.map((l) => (
          <Checkbox
            key={l.id}
            label={`${l.title}（${t(`layout_${l.id.split("-")[0]}` as MessageKey)}）`}
            checked={layouts.has(l.id)}
            onChange={() => setLayouts((s) => (s.has(l.id) ? new Set([...s].filter((x) => x !== l.id)) : new Set([...s, l.id])))}
          />
        ))}
      </div>
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy || selected.size + layouts.size === 0 || !/^\d{4}$/.test(year)} onClick={generate}>
          {t("generate")}
        </Button>
      </div>
      <StatusLine status={status} />
    </>
  );
}
