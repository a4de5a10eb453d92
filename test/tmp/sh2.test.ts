import { readGrids, loadWorkbook } from "../../src/xlsx";
import { checkWorkbook } from "../../src/core/check";
import { locateTables } from "../../src/core/locate";
import { ALL_TABLES } from "../../src/catalog";
import * as path from "path";
it("mutants", async () => {
  const grids = readGrids(await loadWorkbook(require("fs").readFileSync(path.resolve(__dirname, "../fixtures/published/shanghai/putuo-czj-2024.xlsx"))));
  const loc = locateTables(grids, ALL_TABLES);
  for (const t of loc.tables) console.log(t.table.id, t.missingColumns.join(","), t.items.length, t.items.slice(0, 3).map((i) => JSON.stringify(i)).join(" "));
  const missed: string[] = [];
  let n = 0;
  for (const g of grids) {
    g.cells.forEach((row, r) => row.forEach((cell, c) => {
      if (typeof cell.value !== "number" || r < 3) return;
      n++;
      const orig = cell.value;
      cell.value = orig + 1;
      const addr = String.fromCharCode(65 + c) + (r + 1);
      const res = checkWorkbook(grids);
      if (!res.findings.some((f) => f.severity === "error" && f.cells.some((x) => x.sheet === g.sheet && x.address === addr))) missed.push(`${g.sheet}!${addr}`);
      cell.value = orig;
    }));
  }
  console.log(n, "missed", missed);
});
