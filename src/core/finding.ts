/** The seam's verdict: one discrepancy, located to the cell, amounts as decimal strings. */

import type { Severity } from "../catalog/findings";

export type { Severity };

export interface CellRef {
  sheet: string;
  address: string;
  /** the page of a published document (PDF) the cell was read from */
  page?: number;
}

export interface Finding {
  /** Stable rule id from the catalog, e.g. "T01.income.total". */
  rule: string;
  severity: Severity;
  /** zh-CN explanation, filled from the rule's message template. */
  message: string;
  cells: CellRef[];
  expected?: string;
  actual?: string;
  difference?: string;
  /** the cell most likely typed wrong, where the failing relations meet, with why (disclosure/cause.ts) */
  cause?: CellRef & { note: string };
  /** the accountant's 核实说明 written in the last report for this finding (plan/explanations.ts) */
  explained?: string;
}

export interface FindingSummary {
  errors: number;
  tails: number;
  warnings: number;
  infos: number;
  /** warnings, tails and notes the accountant has explained: out of the other counts */
  explained: number;
}

/** An explained warning, tail or note is settled; an error stays an error until it is corrected. */
export function isSettled(f: Finding): boolean {
  return !!f.explained && f.severity !== "error";
}

export function summarize(findings: readonly Finding[]): FindingSummary {
  const s: FindingSummary = { errors: 0, tails: 0, warnings: 0, infos: 0, explained: 0 };
  for (const f of findings) {
    if (isSettled(f)) s.explained++;
    else if (f.severity === "error") s.errors++;
    else if (f.severity === "tail") s.tails++;
    else if (f.severity === "warning") s.warnings++;
    else s.infos++;
  }
  return s;
}

/** Fill a "{name}" message template; unknown placeholders stay visible so a catalog typo shows. */
export function formatMessage(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
