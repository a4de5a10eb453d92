/** Tables with neither title nor 表号: recognised by their header and line labels alone. */
import { checkWorkbook } from "../../src/core/engine";
import { readGrids } from "../../src/xlsx";
import { seedWorkbook } from "../fixtures/seed-workbooks";

it("finds the tables of seed 001 with the title and 表号 lines deleted, and checks them the same", () => {
  const wb = seedWorkbook("sheets");
  for (const ws of wb.worksheets) ws.spliceRows(1, 2);
  const r = checkWorkbook(readGrids(wb));
  expect(r.tables.map((t) => [t.sheet, t.id])).toEqual([
    ["表1", "T01"],
    ["表2", "T02"],
    ["表3", "T03"],
    ["表4", "T04"],
    ["表5", "T05"],
    ["表6", "T06"],
    ["表7", "T07"],
    ["表8", "T08"],
    ["表9", "T09"],
  ]);
  const real = r.findings.filter((f) => f.severity !== "info");
  expect(real.filter((f) => f.severity === "error")).toEqual([]);
  expect(real.filter((f) => f.severity === "tail")).toHaveLength(11);
});

it("an untitled table with an empty row typed into its data is still one table, checked to its last row", () => {
  const found = (untitled: boolean) => {
    const wb = seedWorkbook("sheets");
    const ws = wb.getWorksheet("表5")!;
    if (untitled) ws.spliceRows(1, 2);
    // an empty row between the 201 and the 208 类 (the 合计 = Σ类 then spans it)
    const at = untitled ? 10 : 12;
    ws.spliceRows(at, 0, []);
    const r = checkWorkbook(readGrids(wb), { profile: "gansu" });
    return {
      tables: r.tables.filter((t) => t.sheet === "表5").map((t) => t.id),
      findings: r.findings.filter((f) => f.cells[0]?.sheet === "表5").map((f) => `${f.rule} ${f.severity} ${f.cells[0].address}`),
    };
  };
  // with and without the title: the same table, the same findings two rows apart; no 合计 error, so
  // the 208 and 210 类 below the empty row are read, and their 医疗 lines' findings are there
  const titled = found(false);
  const untitled = found(true);
  expect(titled.tables).toEqual(["T05"]);
  expect(untitled.tables).toEqual(["T05"]);
  // read in the order that matters: the warning before the rounding tails
  expect(titled.findings).toEqual([
    "T05~T06.convention.2101103 warning D19",
    "T05.hierarchy tail C17",
    "T05.hierarchy tail D17",
    "T05~T06.convention.21011 tail D17",
  ]);
  expect(untitled.findings).toEqual([
    "T05~T06.convention.2101103 warning D17",
    "T05.hierarchy tail C15",
    "T05.hierarchy tail D15",
    "T05~T06.convention.21011 tail D15",
  ]);
});
