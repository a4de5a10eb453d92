/** Every amount of every located table, by table, row (fixed key, code or line) and column: what two readings of one document must agree on. */
import { Grid, cellAt } from "../../src/core/grid";
import { locateTables } from "../../src/core/disclosure/locate";
import { ALL_TABLES } from "../../src/catalog";

export function tableAmounts(grids: Grid[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of locateTables(grids, ALL_TABLES).tables) {
    const grid = grids.find((g) => g.sheet === t.sheet)!;
    for (const item of t.items)
      for (const [col, x] of Object.entries(item.cols)) {
        if (col === "code" || col === "name" || col === "label" || col === "line") continue;
        const v = cellAt(grid, { row: item.row, col: x }).value;
        if (v === null || v === "") continue;
        out[`${t.table.id} ${item.key ?? item.code ?? item.line} ${item.defs?.[col] ?? col}`] = Number(String(v).replace(/,/g, ""));
      }
  }
  return out;
}
