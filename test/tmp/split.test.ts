import { readGrids } from "../../src/xlsx";
import { checkWorkbook } from "../../src/core/check";
import { seedWorkbook } from "../fixtures/seed-workbooks";
it("split", () => {
  const grids = readGrids(seedWorkbook("split"));
  for (const g of grids.slice(0, 9)) console.log(g.sheet + "\n" + g.cells.slice(0, 9).map((r) => r.map((c) => c.value ?? "").join(" | ")).join("\n"));
  const r = checkWorkbook(grids);
  console.log(r.profile, JSON.stringify(r.relations), r.tables.map((t) => t.id).join(","));
  console.log(r.findings.filter((f) => f.severity !== "info" || f.rule.startsWith("locate")).map((f) => `${f.severity} ${f.rule} ${f.cells.map((c) => c.sheet + "!" + c.address).slice(0, 2).join(",")} ${f.difference} ${f.message}`).join("\n"));
});
