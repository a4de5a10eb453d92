/** Filters, per-table groups with counts, and one button per finding that selects its cell. */
import * as React from "react";
import { Text, ToggleButton } from "@fluentui/react-components";
import { Finding, Severity, summarize } from "../core/workflows";
import { MessageKey } from "./i18n";
import { tableById } from "../catalog";
import { Locale, findingHeading, ruleFormula } from "../core/workflows";
import { CellButton, SeverityBadge, T } from "./common";
import { useStyles } from "./styles";
import { ExplainField } from "./ExplainField";

const FILTERS: { value: Severity | "all"; key: MessageKey }[] = [
  { value: "all", key: "filterAll" },
  { value: "error", key: "filterError" },
  { value: "warning", key: "filterWarning" },
  { value: "info", key: "filterInfo" },
  { value: "tail", key: "filterTail" },
];

/** The heading a finding is listed under: a 绩效 or 说明 sheet's name, else what it is about in words. */
function groupOf(f: Finding, numberOf: (id: string) => string, locale: Locale): string {
  if ((f.rule.startsWith("P.") || f.rule.startsWith("N.")) && f.cells[0]) return f.cells[0].sheet;
  return findingHeading(f, numberOf, locale);
}

/** `numbers`: the 表号 each table carries in the region it was read in (id → 表号). */
export interface Explain {
  report: string;
  onSaved: (f: Finding, text: string) => void;
}

/**
 * A view's `explain`: the report its last run wrote, and its result updated when a 核实说明 is
 * saved — the counts follow at once, as they will on the next run.
 */
export function explaining<R extends { findings: Finding[] }>(report: string | undefined, result: R, setResult: (r: R) => void): Explain | undefined {
  if (!report) return undefined;
  return {
    report,
    onSaved: (f, text) => setResult({ ...result, findings: result.findings.map((x) => (x === f ? { ...x, explained: text || undefined } : x)) }),
  };
}

/** `explain`: after a check that wrote its report, each finding can take a 核实说明 there. */
export function FindingsList({ findings, t, numbers = new Map(), explain }: { findings: Finding[]; t: T; numbers?: Map<string, string>; explain?: Explain }) {
  const numberOf = (id: string) => numbers.get(id) ?? tableById(id)?.number ?? id;
  const formulaOf = (rule: string) => ruleFormula(rule, numberOf);
  const styles = useStyles();
  const [filter, setFilter] = React.useState<Severity | "all">("all");
  // the rounding tails are many and say little: under "all" they wait behind one line with their count
  const [tailsOpen, setTailsOpen] = React.useState(false);
  const tails = findings.filter((f) => f.severity === "tail").length;
  const shown = findings.filter((f) => (filter === "all" ? f.severity !== "tail" || tailsOpen : f.severity === filter));
  const groups = new Map<string, Finding[]>();
  for (const f of shown) {
    const group = groupOf(f, numberOf, t("locale") as Locale);
    groups.set(group, [...(groups.get(group) ?? []), f]);
  }
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
                    {formulaOf(f.rule) && (
                      <Text size={200} data-testid="formula">
                        {t("relationFormula", { formula: formulaOf(f.rule)! })}
                      </Text>
                    )}
                    {f.cause && <span data-testid="cause">{f.cause.note}</span>}
                    {f.explained && <span data-testid="explained">{t("explainedAs", { text: f.explained })}</span>}
                  </CellButton>
                  {explain && (
                    <ExplainField report={explain.report} index={findings.indexOf(f)} text={f.explained} onSaved={(text) => explain.onSaved(f, text)} />
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </>
  );
}
