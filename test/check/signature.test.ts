/** Tables with neither title nor 表号: recognised by their header and line labels alone. */
import { checkWorkbook } from "../../src/core/check";
import { readGrids } from "../../src/xlsx";
import { seedWorkbook } from "../fixtures/seed-workbooks";

it("finds the tables of seed 001 with the title and 表号 lines deleted, and checks them the same", () => {
  const wb = seedWorkbook("sheets");
  for (const ws of wb.worksheets) ws.spliceRows(1, 2);
  const r = checkWorkbook(readGrids(wb));
  expect(r.tables.map((t) => [t.sheet, t.id])).toEqual([
    ["表1", "T01"], ["表2", "T02"], ["表3", "T03"], ["表4", "T04"], ["表5", "T05"], ["表6", "T06"], ["表7", "T07"], ["表8", "T08"], ["表9", "T09"],
  ]);
  const real = r.findings.filter((f) => f.severity !== "info");
  expect(real.filter((f) => f.severity === "error")).toEqual([]);
  expect(real.filter((f) => f.severity === "tail")).toHaveLength(11);
});
