/**
 * 出错说明, as accountants know it: a 核实说明 written beside a finding in our report is read back on
 * the next run and kept with that finding — matched by its cell and what it is about — so a
 * warning, tail or note already verified stops counting (listed as 已说明) and its words carry over.
 */
import { Finding } from "../finding";
import { Grid } from "../grid";
import { findingHeading } from "../headings";
import { WritePlan, ownReports } from ".";

export const EXPLANATION_HEADER = "核实说明";

/** The cell a finding is listed at in the report, as the accountant reads it (表5!C10): its likely cause, else its first cell. */
export function reportCell(f: Finding): string {
  const at = f.cause ?? f.cells[0];
  return at ? `${at.sheet}!${at.address}` : "";
}

const key = (cell: string, heading: string) => `${cell}\u0000${heading}`;

/** The explanations written in the report we wrote for these marks (`ledger`: its id). */
export function readExplanations(grids: Grid[], ledger: string): Map<string, string> {
  const out = new Map<string, string>();
  const sheet = ownReports(grids).get(ledger);
  const g = sheet && grids.find((x) => x.sheet === sheet);
  if (!g) return out;
  const headerRow = g.cells.findIndex((r) => r.some((c) => c.value === EXPLANATION_HEADER));
  if (headerRow < 0) return out;
  const header = g.cells[headerRow].map((c) => c.value);
  const [heading, cell, text] = ["类别", "单元格", EXPLANATION_HEADER].map((h) => header.indexOf(h));
  if (heading < 0 || cell < 0) return out;
  for (const row of g.cells.slice(headerRow + 1)) {
    const v = row[text]?.value;
    if (typeof v === "string" && v.trim()) out.set(key(String(row[cell]?.value ?? ""), String(row[heading]?.value ?? "")), v.trim());
  }
  return out;
}

/** The findings with the explanations that match them (the rest unchanged). */
export function withExplanations(findings: Finding[], explanations: Map<string, string>, numberOf?: (id: string) => string): Finding[] {
  if (explanations.size === 0) return findings;
  return findings.map((f) => {
    const text = explanations.get(key(reportCell(f), findingHeading(f, numberOf)));
    return text ? { ...f, explained: text } : f;
  });
}

/** The report row of the first finding (the report lists them in order under three lines of heading). */
export const REPORT_FIRST_ROW = 4;

/** Write (or clear) the 核实说明 of the i-th finding in the report we wrote for them. */
export function explanationPlan(report: string, index: number, text: string): WritePlan {
  return { ops: [{ op: "setValues", sheet: report, address: `H${REPORT_FIRST_ROW + index}`, values: [[text.trim() || null]] }] };
}
