/**
 * 绩效自评 scoring. This first cut finds no performance tables yet (their catalog and rules are
 * issue 6); the result shape is the CLI contract's: findings plus one row per project.
 */
import { CellRef, Finding } from "./finding";
import { Grid } from "./grid";

export interface ProjectScore {
  sheet: string;
  name: string;
  cell?: CellRef;
  printedTotal?: string;
  computedTotal?: string;
  grade?: string;
}

export interface ScoreResult {
  projects: ProjectScore[];
  findings: Finding[];
}

export function scoreWorkbook(grids: Grid[]): ScoreResult {
  void grids;
  return { projects: [], findings: [{ rule: "locate.perfMissing", severity: "info", message: "未找到绩效自评表", cells: [] }] };
}
