/** What the reading of the workbook itself tells the accountant, before any rule: cells that could not be taken as they are. */
import { Grid, nonEmptyCells } from "./grid";
import { Finding } from "./finding";
import { kind } from "../catalog/findings";

/**
 * Formulas saved without their results (by a program that does not calculate): one warning a
 * sheet, never a 0 in their place; the relations they take part in are not checked.
 */
export function uncalculatedFindings(grids: Grid[]): Finding[] {
  const out: Finding[] = [];
  for (const g of grids) {
    const cells = [...nonEmptyCells(g)].filter(([, c]) => c.uncalculated).map(([address]) => address);
    if (cells.length === 0) continue;
    out.push({
      rule: kind("cell.uncalculated"),
      severity: "warning",
      message: `工作表“${g.sheet}”有 ${cells.length} 个公式没有保存计算结果（未计算，如 ${cells[0]}），涉及的关系未核对：请在 Excel 中重算并保存后再校验`,
      cells: cells.map((address) => ({ sheet: g.sheet, address })),
    });
  }
  return out;
}
