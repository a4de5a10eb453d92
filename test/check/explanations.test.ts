/**
 * 出错说明: a 核实说明 the accountant writes in the 校验报告 beside a warning is read back on the next
 * check — the warning leaves the counts and is listed as 已说明, its words carried into the new
 * report and the cell's note; an explained error still counts (it must be corrected).
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { checkAndMark, summarize } from "../../src/core/workflows";
import { WorkbookFile, loadWorkbook, saveWorkbook } from "../../src/xlsx";
import { SAMPLE } from "../fixtures/sample";

const OUT = path.resolve(__dirname, "../../test-output/explanations");
const WHY = "经核实，公务员医疗补助按规定列其他科目，本年无误";

async function check(bytes: Buffer) {
  const wb = await WorkbookFile.open(bytes);
  const { result, plan } = checkAndMark(wb.grids);
  await wb.apply(plan);
  return { result, bytes: await wb.save() };
}

/** The accountant types a 核实说明 in the report, in Excel (here ExcelJS), beside the row whose 单元格 is `cell`. */
async function explain(bytes: Buffer, cell: string, text: string): Promise<Buffer> {
  const wb = await loadWorkbook(bytes);
  const report = wb.getWorksheet("校验报告")!;
  let row = 0;
  report.eachRow((r, n) => {
    const v = r.getCell(3).value as ExcelJS.CellFormulaValue | string;
    if ((v && typeof v === "object" ? v.result : v) === cell && !row) row = n;
  });
  expect(row).toBeGreaterThan(3);
  report.getCell(row, 8).value = text;
  return saveWorkbook(wb);
}

it("an explained warning leaves the counts, is listed as 已说明, and its 说明 is kept run after run", async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const first = await check(fs.readFileSync(SAMPLE));
  const warning = first.result.findings.find((f) => f.severity === "warning")!;
  expect(warning.cells[0]).toEqual({ sheet: "表5", address: "D18" });
  expect(summarize(first.result.findings)).toMatchObject({ errors: 2, warnings: 1, explained: 0 });

  const second = await check(await explain(first.bytes, "表5!D18", WHY));
  fs.writeFileSync(path.join(OUT, "explained.xlsx"), second.bytes);
  expect(summarize(second.result.findings)).toMatchObject({ errors: 2, warnings: 0, explained: 1 });
  expect(second.result.findings.find((f) => f.rule === warning.rule)!.explained).toBe(WHY);

  const grids = (await WorkbookFile.open(second.bytes)).grids;
  const report = grids.find((g) => g.sheet === "校验报告")!;
  expect(report.cells[1][0].value).toMatch(/警告 0 项.*已说明 1 项$/);
  const row = report.cells.find((r) => r[2].value === "表5!D18")!;
  expect([row[0].value, row[7].value]).toEqual(["警告（已说明）", WHY]);
  expect(grids.find((g) => g.sheet === "表5")!.cells[17][3].note).toContain(`（已说明：${WHY}）`);

  // a third run, nothing typed: the explanation is still there
  const third = await check(second.bytes);
  expect(summarize(third.result.findings)).toMatchObject({ warnings: 0, explained: 1 });
});

it("an explained error still counts as an error, with its 说明 beside it", async () => {
  const first = await check(fs.readFileSync(SAMPLE));
  const second = await check(await explain(first.bytes, "表5!E10", "已与原始凭证核对"));
  expect(summarize(second.result.findings)).toMatchObject({ errors: 2, explained: 0 });
  expect(second.result.findings.filter((f) => f.explained === "已与原始凭证核对").map((f) => f.severity)).toEqual(["error", "error"]);
});
