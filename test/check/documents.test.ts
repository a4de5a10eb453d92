/**
 * Across documents: the 部门整体支出绩效自评表 against 03表 and 06表 of the same workbook — the
 * attachment relations of test/fixtures/published/seed001-003-expected-relations.json, as tails.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/engine";
import { readGrids } from "../../src/xlsx";
import { sampleWorkbook } from "../fixtures/sample";
import { PUBLISHED } from "../fixtures/seed-workbooks";

const expected = (
  JSON.parse(fs.readFileSync(path.join(PUBLISHED, "seed001-003-expected-relations.json"), "utf8")) as {
    id: string;
    category: string;
    relation: string;
    verdict: string;
    diff: string;
  }[]
).filter((r) => r.category === "attachment:vs_table");

const docs = (wb = sampleWorkbook()) => checkWorkbook(readGrids(wb)).findings.filter((f) => f.rule.startsWith("P~"));

it("finds the 整体 table's funds against 03表/06表: the four published tails, at their cells", () => {
  expect(expected.map((e) => [e.id, e.verdict, e.diff])).toEqual([
    ["S001-0256", "ROUNDING_TAIL", "-0.01"],
    ["S001-0258", "ROUNDING_TAIL", "-0.01"],
    ["S001-0262", "ROUNDING_TAIL", "-0.01"],
    ["S001-0264", "ROUNDING_TAIL", "-0.01"],
  ]);
  expect(
    docs().map((f) => [f.rule, f.severity, `${f.cells[0].sheet}!${f.cells[0].address}`, `${f.cells[1].sheet}!${f.cells[1].address}`, f.difference]),
  ).toEqual([
    ["P~T03.total", "tail", "绩效z01!E4", "表3!C7", "-0.01"],
    ["P~T03.basic", "tail", "绩效z01!E5", "表3!D7", "-0.01"],
    ["P~T03.project", "tail", "绩效z01!E8", "表3!E7", "-0.01"],
    ["P~T06.public", "tail", "绩效z01!E7", "表6!I34", "-0.01"],
  ]);
});

it("a 基本支出 in the 自评表 that disagrees with 03表 is an error", () => {
  const wb = sampleWorkbook();
  wb.getWorksheet("绩效z01")!.getCell("E5").value = 700;
  const f = docs(wb).find((x) => x.rule === "P~T03.basic")!;
  expect(f.severity).toBe("error");
  expect(f.message).toBe("部门整体支出绩效自评表“(一)基本支出”全年执行数 700.00 应等于公开03表 基本支出合计 764.61，差 -64.61");
});
