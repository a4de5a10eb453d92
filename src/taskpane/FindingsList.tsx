/** Filters, per-table groups with counts, and one button per finding that selects its cell. */
import * as React from "react";
import { Text, ToggleButton } from "@fluentui/react-components";
import { Finding, Severity, summarize } from "../core/workflows";
import { MessageKey } from "./i18n";
import { CellButton, SeverityBadge, T } from "./common";
import { useStyles } from "./styles";

const FILTERS: { value: Severity | "all"; key: MessageKey }[] = [
  { value: "all", key: "filterAll" },
  { value: "error", key: "filterError" },
  { value: "warning", key: "filterWarning" },
  { value: "info", key: "filterInfo" },
  { value: "tail", key: "filterTail" },
];

/** The table a finding belongs to, for grouping: "T05.row" → "T05", "T01~T02.total" → "T01~T02". */
function groupOf(f: Finding): string {
  // 绩效 and 决算说明 findings group by their sheet; the disclosure rules by table ("T05", "T01~T02")
  if ((f.rule.startsWith("P.") || f.rule.startsWith("N.")) && f.cells[0]) return f.cells[0].sheet;
  return f.rule.split(".")[0];
}

export function FindingsList({ findings, t }: { findings: Finding[]; t: T }) {
  const styles = useStyles();
  const [filter, setFilter] = React.useState<Severity | "all">("all");
  // the rounding tails are many and say little: under "all" they wait behind one line with their count
  const [tailsOpen, setTailsOpen] = React.useState(false);
  const tails = findings.filter((f) => f.severity === "tail").length;
  const shown = findings.filter((f) => (filter === "all" ? f.severity !== "tail" || tailsOpen : f.severity === filter));
  const groups = new Map<string, Finding[]>();
  for (const f of shown) groups.set(groupOf(f), [...(groups.get(groupOf(f)) ?? []), f]);
  return (
    <>
      <div className={styles.row} role="group">
        {FILTERS.map((x) => (
          <ToggleButton key={x.value} size="small" checked={filter === x.value} onClick={() => setFilter(x.value)}>
            {t(x.key)}
          </ToggleButton>
        ))}
      </div>
      {filter === "all" && tails > 0 && (
        <div className={styles.row}>
          <ToggleButton size="small" appearance="subtle" checked={tailsOpen} onClick={() => setTailsOpen(!tailsOpen)} data-testid="tails">
            {tailsOpen ? t("hideTails") : t("showTails", { n: tails })}
          </ToggleButton>
        </div>
      )}
      {shown.length === 0 && <Text>{t("noFindings")}</Text>}
      <div role="list" data-testid="findings">
        {[...groups].map(([group, fs]) => (
          <div key={group} className={styles.group}>
            <Text weight="semibold">
              {group} <Text size={200}>{t("groupCounts", { ...summarize(fs) })}</Text>
            </Text>
            {fs.map((f, i) => {
              // a finding with a likely cause goes to that cell, the one to correct
              const cell = f.cause ?? f.cells[0];
              const at = cell ? `${cell.sheet}!${cell.address}` : "";
              return (
                <div role="listitem" key={`${group}-${i}`}>
                  <CellButton cell={cell && { sheet: cell.sheet, address: cell.address }} title={cell ? t("goToCell", { cell: at }) : undefined}>
                    <span>
                      <SeverityBadge severity={f.severity} t={t} /> {at}
                    </span>
                    <span>{f.message}</span>
                    {f.cause && <span data-testid="cause">{f.cause.note}</span>}
                  </CellButton>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </>
  );
}
