import { readGrids, loadWorkbook } from "../../src/xlsx";
import { checkWorkbook } from "../../src/core/check";
import * as path from "path";
it("dump", async () => {
  const grids = readGrids(await loadWorkbook(require("fs").readFileSync(path.resolve(__dirname, "../fixtures/published/shanghai/putuo-czj-2024.xlsx"))));
  const r = checkWorkbook(grids);
  console.log(r.profile, r.unit, JSON.stringify(r.relations));
  console.log(r.findings.map((f) => `${f.severity} ${f.rule} ${f.cells.map((c) => c.sheet.slice(0, 6) + "!" + c.address).slice(0, 3).join(",")} ${f.message}`).join("\n"));
});
