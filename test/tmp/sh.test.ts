import { readGrids, loadWorkbook } from "../../src/xlsx";
import { checkWorkbook } from "../../src/core/check";
import * as path from "path";
it("dump", async () => {
  const grids = readGrids(await loadWorkbook(require("fs").readFileSync(path.resolve(__dirname, "../fixtures/published/shanghai/putuo-czj-2024.xlsx"))));
  const r = checkWorkbook(grids);
  console.log(r.profile, r.unit, JSON.stringify(r.relations));
  console.log(r.findings.map((f) => `${f.severity} ${f.rule} ${f.cells.map((c) => c.sheet.slice(0, 6) + "!" + c.address).slice(0, 3).join(",")} ${f.message}`).join("\n"));
});
it("names", async () => {
  const grids = readGrids(await loadWorkbook(require("fs").readFileSync(path.resolve(__dirname, "../fixtures/published/shanghai/putuo-czj-2024.xlsx"))));
  for (const name of ["收入决算表", "支出决算表", "一般公共预算财政拨款支出决算表"]) {
    const g = grids.find((x) => x.sheet === name)!;
    g.cells = g.cells.map((row, r) => {
      const code = row.slice(0, 3).map((c) => String(c.value ?? "")).join("");
      const rest = row.slice(3);
      if (r >= 5 && code) rest[0] = { value: `${code} ${String(rest[0].value)}` };
      return rest;
    });
    g.merges = [];
    console.log(g.cells.slice(0, 8).map((r) => r.map((c) => c.value ?? "").join(" | ")).join("\n"));
  }
  const r = checkWorkbook(grids);
  console.log(r.findings.filter((f) => f.rule.includes("unchecked") || f.rule.startsWith("locate")).map((f) => f.message).join("\n"));
});
it("narrative", async () => {
  const { textGrid } = require("../../src/core/narrative/text");
  const grids = readGrids(await loadWorkbook(require("fs").readFileSync(path.resolve(__dirname, "../fixtures/published/shanghai/putuo-czj-2024.xlsx"))));
  const text = require("fs").readFileSync(path.resolve(__dirname, "../fixtures/published/shanghai/putuo-czj-2024-说明.txt"), "utf8");
  const r = checkWorkbook([...grids, textGrid("说明.txt", text)]);
  console.log(r.findings.filter((f) => f.rule.startsWith("N") || f.cells.some((c) => c.sheet.startsWith("决算说明"))).map((f) => `${f.severity} ${f.rule} ${f.cells[0]?.address} ${f.message}`).join("\n"));
});
