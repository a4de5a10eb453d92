/**
 * 绩效自评 scoring under the official rules (the official scoring rules): 执行率 and its 得分,
 * positive / reverse / equality / range indicators, qualitative bands, 得分 ≤ 分值, Σ得分 = 总分,
 * and the 等级. Decimal arithmetic; scores compare at 2 places, rounded half-up. A printed value
 * that only truncates, or that rounded inputs can reach, is a rounding note (tail), not an error.
 */
import Decimal from "decimal.js";
import { CellRef, Finding } from "../finding";
import { Grid } from "../grid";
import { OFFICIAL_GRADES } from "../../catalog/tables/performance";
import { PerformanceTable, locatePerformanceTables, printedNumber } from "./read";
import { statementFindings } from "./statements";
import { tailOr } from "../tolerance";

export interface ProjectScore {
  sheet: string;
  kind: string;
  name: string;
  cell?: CellRef;
  printedTotal?: string;
  computedTotal?: string;
  grade?: string;
  printedGrade?: string;
  /** the printed 总分 is not the rules' total at its printed places (rounding alone would not differ) */
  totalDiffers?: boolean;
}

export interface ScoreResult {
  projects: ProjectScore[];
  findings: Finding[];
}

import { HUNDRED, SCORE_PLACES, classify, finding, fmt } from "./verdicts";
import { fundsCell, scoreFunds } from "./funds";
import { links, scoreIndicators, weightTree } from "./indicators";
import { uncalculatedFindings } from "../reading";
import { kind } from "../../catalog/findings";

export function gradeOf(total: Decimal, grades = OFFICIAL_GRADES): string {
  return (grades.find((g) => total.gte(g.min)) ?? grades[grades.length - 1]).grade;
}

export function scoreTable(t: PerformanceTable): { project: ProjectScore; findings: Finding[] } {
  const out: Finding[] = [];
  const totalWeight = t.total ? printedNumber(t, t.total.row, t.total.weightCol) : undefined;
  const totalScore = t.total ? printedNumber(t, t.total.row, t.total.scoreCol) : undefined;
  const ind = scoreIndicators(t, out);
  // the funds block's 分值: its own column, else 100 − Σ indicator 分值 (some layouts print none)
  const implied = totalWeight ? totalWeight.value.minus(ind.weights) : HUNDRED.minus(ind.weights);
  const fundsTotal = t.funds.find((r) => r.role === "total");
  const printedFundsWeight = fundsTotal ? fundsCell(t, fundsTotal, "weight")?.value : undefined;
  const fundsWeight = printedFundsWeight ?? (implied.gt(0) ? implied : undefined);
  const fundsScore = scoreFunds(t, fundsWeight, out);

  if (printedFundsWeight && totalWeight && !ind.weights.plus(printedFundsWeight).eq(totalWeight.value)) {
    out.push(
      finding(
        "P.weights.sum",
        "error",
        `${t.def.kind}“${t.name}”：各指标分值与执行率分值之和 ${fmt(ind.weights.plus(printedFundsWeight), 0)} 应等于总分分值 ${fmt(totalWeight.value, 0)}`,
        totalWeight.cell,
        totalWeight.value,
        ind.weights.plus(printedFundsWeight),
      ),
    );
  }
  const sumPrinted = ind.printedSum.plus(fundsScore ?? 0);
  if (totalScore) {
    const diff = totalScore.value.minus(sumPrinted);
    if (!diff.isZero()) {
      out.push(
        finding(
          "P.total.sum",
          tailOr(diff, "error"),
          `${t.def.kind}“${t.name}”：总分应为各项得分之和 ${fmt(sumPrinted)}，表中为 ${fmt(totalScore.value)}`,
          totalScore.cell,
          sumPrinted,
          totalScore.value,
        ),
      );
    }
    const cap = totalWeight?.value ?? HUNDRED;
    if (totalScore.value.gt(cap))
      out.push(
        finding("P.cap", "error", `${t.def.kind}“${t.name}”：总分 ${fmt(totalScore.value)} 超过满分 ${fmt(cap, 0)}`, totalScore.cell, cap, totalScore.value),
      );
  }
  links(t, out);
  weightTree(t, out);
  const computedTotal = ind.computed.plus(fundsScore ?? 0);
  const grade = gradeOf(computedTotal, t.def.grades);
  out.push(...statementFindings(t, grade));
  if (t.grade && t.grade.text !== grade) {
    out.push(
      finding(
        "P.grade",
        "error",
        `${t.def.kind}“${t.name}”：按总分 ${fmt(computedTotal)} 等级应为“${grade}”，表中为“${t.grade.text}”`,
        { sheet: t.sheet, address: t.grade.cell },
        grade,
        t.grade.text,
      ),
    );
  }
  return {
    project: {
      sheet: t.sheet,
      kind: t.def.kind,
      name: t.name,
      cell: { sheet: t.sheet, address: totalScore?.cell.address ?? t.titleCell },
      printedTotal: totalScore?.value.toFixed(),
      computedTotal: computedTotal.toDecimalPlaces(SCORE_PLACES).toFixed(),
      grade,
      printedGrade: t.grade?.text,
      totalDiffers: totalScore !== undefined && classify(totalScore, computedTotal) === "error",
    },
    findings: out,
  };
}

/** `tables`: the workbook's 绩效 tables when the caller has located them already. */
export function scoreWorkbook(grids: Grid[], tables: PerformanceTable[] = locatePerformanceTables(grids)): ScoreResult {
  if (tables.length === 0) return { projects: [], findings: [{ rule: kind("locate.perfMissing"), severity: "info", message: "未找到绩效自评表", cells: [] }] };
  const projects: ProjectScore[] = [];
  const sheets = new Set(tables.map((t) => t.sheet));
  const findings: Finding[] = uncalculatedFindings(grids.filter((g) => sheets.has(g.sheet)));
  for (const t of tables) {
    const r = scoreTable(t);
    projects.push(r.project);
    findings.push(...r.findings);
  }
  return { projects, findings };
}
