/**
 * 决算说明 arithmetic on seed 001's real narrative, pasted into a 决算说明 sheet beside the tables:
 * the year-on-year and share claims of ../shared/fixtures/seed001-003-expected-relations.json are
 * reported with their verdicts (rounding tails as tails, the 18.7% share as an error), the
 * sentences that hold are not.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/check";
import { readGrids } from "../../src/xlsx";
import { SEED001, SHARED, seedWorkbook } from "../fixtures/seed-workbooks";

const narrative = JSON.parse(fs.readFileSync(path.join(SEED001, "narrative.json"), "utf8")) as { passages: { id: string; text: string }[] };
const expected = (JSON.parse(fs.readFileSync(path.join(SHARED, "fixtures/seed001-003-expected-relations.json"), "utf8")) as { id: string; seed: string; category: string; relation: string; verdict: string }[]).filter(
  (r) => ["narrative:yoy_change", "narrative:share", "narrative:execution_rate"].includes(r.category),
);

function withNarrative() {
  const wb = seedWorkbook("sheets");
  const ws = wb.addWorksheet("决算说明");
  narrative.passages.forEach((p, i) => (ws.getCell(i + 1, 1).value = p.text));
  return wb;
}

const RULE: Record<string, string> = { "narrative:share": "N.share", "narrative:yoy_change": "N.yoy", "narrative:execution_rate": "N.execution" };

it("reports exactly the year-on-year and share relations that do not hold, with their verdicts", () => {
  const found = checkWorkbook(readGrids(withNarrative())).findings.filter((f) => f.rule.startsWith("N.") && f.severity !== "info");
  // relation "001-p08-c05 公用经费: …" → the passage's row on the sheet
  const rowOf = (relation: string) => 1 + narrative.passages.findIndex((p) => relation.startsWith(p.id));
  const want = expected.filter((e) => e.seed.startsWith("001")).map((e) => ({ at: `决算说明!A${rowOf(e.relation)}`, rule: RULE[e.category], severity: e.verdict === "ROUNDING_TAIL" ? "tail" : "error" }));
  const got = found.map((f) => ({ at: `${f.cells[0].sheet}!${f.cells[0].address}`, rule: f.rule, severity: f.severity as string }));
  const key = (x: { at: string; rule: string; severity: string }) => `${x.at} ${x.rule} ${x.severity}`;
  expect(want).toHaveLength(7);
  expect(got.map(key).sort()).toEqual(want.map(key).sort());
  expect(found.find((f) => f.rule === "N.share")!.message).toBe("决算说明“163万元,占一般公共预算项目支出总额的 18.7%”：163.00 ÷ 一般公共预算项目支出总额 122.68 = 132.87%，写作 18.7%");
});

it("seed 003's narrative alone, without its tables: the shares of 支出合计 against the passage's own total", () => {
  const n003 = JSON.parse(fs.readFileSync(path.join(SHARED, "fixtures/seed003/narrative.json"), "utf8")) as { passages: { id: string; text: string }[] };
  const ExcelJS = require("exceljs") as typeof import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("决算说明");
  n003.passages.forEach((p, i) => (ws.getCell(i + 1, 1).value = p.text));
  const found = checkWorkbook(readGrids(wb)).findings.filter((f) => f.rule.startsWith("N.") && f.severity !== "info");
  const row = 1 + n003.passages.findIndex((p) => p.id === "003-p09");
  const want = expected.filter((e) => e.seed.startsWith("003")).map(() => ({ at: `决算说明!A${row}`, rule: "N.share", severity: "tail" }));
  expect(want).toHaveLength(2);
  expect(found.map((f) => ({ at: `${f.cells[0].sheet}!${f.cells[0].address}`, rule: f.rule, severity: f.severity as string }))).toEqual(want);
});

it("an amount the narrative names by a table's words must equal the table: a slip in the text is an error", () => {
  const wb = withNarrative();
  const ws = wb.getWorksheet("决算说明")!;
  const row = 1 + narrative.passages.findIndex((p) => p.id === "001-p03");
  ws.getCell(row, 1).value = String(ws.getCell(row, 1).value).replace("基本支出 764.61万元", "基本支出 746.61万元");
  const found = checkWorkbook(readGrids(wb)).findings.filter((f) => f.rule === "N.amount");
  expect(found.map((f) => [f.severity, `${f.cells[0].sheet}!${f.cells[0].address}`, f.message])).toEqual([
    ["error", `决算说明!A${row}`, "决算说明“基本支出 746.61万元”与公开03表（表3） 764.61 万元不一致"],
  ]);
});
