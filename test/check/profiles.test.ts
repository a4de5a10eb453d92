/** Regional numbering: 甘肃 puts 三公 at 09, 财政部/上海 at 07. Tables are known by title first. */
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/engine";
import { readGrids } from "../../src/xlsx";
import { seedWorkbook } from "../fixtures/seed-workbooks";

/** seed 001 renumbered the 财政部/上海 way: 三公 07, 政府性基金 08, 国有资本经营 09 */
function mofWorkbook(dropTitles: boolean): ExcelJS.Workbook {
  const wb = seedWorkbook("sheets");
  const renumber: Record<string, string> = { 表7: "公开 08 表", 表8: "公开 09 表", 表9: "公开 07 表" };
  for (const ws of wb.worksheets) {
    if (renumber[ws.name]) ws.getRow(2).eachCell((c) => void (typeof c.value === "string" && c.value.startsWith("公开") && (c.value = renumber[ws.name])));
    if (dropTitles) ws.getCell("A1").value = null;
  }
  return wb;
}

it("detects the 甘肃 numbering of the seed", () => {
  const r = checkWorkbook(readGrids(seedWorkbook("sheets")));
  expect(r.profile).toBe("gansu");
});

it("detects the 财政部/上海 numbering from title/表号 pairs and still finds every table", () => {
  const r = checkWorkbook(readGrids(mofWorkbook(false)));
  expect(r.profile).toBe("mof");
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
});

it("reads tables known only by 表号 in the chosen profile", () => {
  const grids = readGrids(mofWorkbook(true));
  const chosen = checkWorkbook(grids, { profile: "mof" });
  expect(chosen.tables.map((t) => [t.sheet, t.id]).slice(6)).toEqual([
    ["表7", "T07"],
    ["表8", "T08"],
    ["表9", "T09"],
  ]);
  expect(chosen.findings.filter((f) => f.severity === "error")).toEqual([]);
  // read the 甘肃 way, "公开07表" would be 政府性基金: the header signature then does not fit
  const wrong = checkWorkbook(grids, { profile: "gansu" });
  expect(wrong.tables.find((t) => t.sheet === "表9")!.id).toBe("T07");
  expect(wrong.findings.some((f) => f.rule === "locate.columns" && f.cells[0].sheet === "表9")).toBe(true);
});
