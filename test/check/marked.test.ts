/**
 * A marked workbook as the accountant meets it: LibreOffice opens it with the fills and the
 * 校验报告, the notes and links read back (also after LibreOffice saved it), a second check finds the
 * same discrepancies, and 清除标记 gives back the sheet exactly as it was.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "fs";
import * as path from "path";
import { checkAndMark, clearMarks } from "../../src/core/workflows";
import { WorkbookFile, linkTarget, loadWorkbook, readGrids, saveWorkbook } from "../../src/xlsx";
import { xlsxState } from "../contract/state";
import { SAMPLE } from "../fixtures/sample";
import { recalculate, renderPng } from "../helpers/libreoffice";

const OUT = path.resolve(__dirname, "../../test-output/marked");

/** The sample marked as the CLI marks it: on its own package. */
async function marked(): Promise<{ file: string; before: ExcelJS.Workbook }> {
  fs.mkdirSync(OUT, { recursive: true });
  const before = await loadWorkbook(fs.readFileSync(SAMPLE));
  const wb = await WorkbookFile.open(fs.readFileSync(SAMPLE));
  await wb.apply(checkAndMark(wb.grids).plan);
  const file = path.join(OUT, "sample-marked.xlsx");
  fs.writeFileSync(file, await wb.save());
  return { file, before };
}

it("LibreOffice opens it with fills, notes and the report; links point at the cells", async () => {
  const { file } = await marked();
  const pages = renderPng(file, path.join(OUT, "png"));
  expect(pages.length).toBeGreaterThan(9);

  const viaLibreOffice = await loadWorkbook(fs.readFileSync(recalculate(file, path.join(OUT, "roundtrip"))));
  const fill = (a: string) => (viaLibreOffice.getWorksheet("表5")!.getCell(a).fill as ExcelJS.FillPattern).fgColor?.argb;
  // the slip is red; the correct totals it throws off are only marked affected, pointing to it
  expect([fill("E10"), fill("C10"), fill("E9")]).toEqual(["FFFFC7CE", "FFFCE4EC", "FFFCE4EC"]);
  const grids = readGrids(viaLibreOffice);
  const t5 = grids.find((g) => g.sheet === "表5")!;
  expect(t5.cells[9][4].note).toContain("最可能录错：本格与 2 处关系都差 -0.18，应为 69.42，实为 69.24；可能是数字颠倒 69.42 ↔ 69.24");
  expect(t5.cells[9][2].note).toContain("【受影响】");
  expect(t5.cells[9][2].note).toContain("最可能是 表5!E10 录错");
  // words only: no rule id in what the accountant reads
  expect(t5.cells[9][2].note).not.toMatch(/T05\.|（T\d\d/);
  const reportGrid = grids.find((g) => g.sheet === "校验报告")!;
  expect([reportGrid.cells[2][1].value, reportGrid.cells[3][1].value]).toEqual(["类别", "公开05表 表内"]);
  const report = viaLibreOffice.getWorksheet("校验报告")!;
  expect(report.getCell("A1").value).toBe("校验报告");
  const links = [4, 5].map((r) => linkTarget(`=${(report.getCell(`C${r}`).value as ExcelJS.CellFormulaValue).formula}`));
  expect(links).toEqual([
    { sheet: "表5", address: "E10" },
    { sheet: "表5", address: "E10" },
  ]);
}, 180_000);

it("checking the marked file again finds the same, and re-marking does not pile notes up", async () => {
  const { file } = await marked();
  const wb = await WorkbookFile.open(fs.readFileSync(file));
  const first = checkAndMark(readGrids(await loadWorkbook(fs.readFileSync(SAMPLE)))).result.findings;
  const again = checkAndMark(wb.grids);
  expect(again.result.findings).toEqual(first);
  await wb.apply(again.plan);
  const twice = await WorkbookFile.open(await wb.save());
  const note = twice.grids.find((g) => g.sheet === "表5")!.cells[9][2].note!;
  expect(note.match(/——决算助手——/g)).toHaveLength(1);
});

it("清除标记 restores every touched cell and removes the report, after a save and reopen", async () => {
  const { file, before } = await marked();
  const reopened = await WorkbookFile.open(fs.readFileSync(file));
  await reopened.apply(clearMarks(reopened.grids));
  const cleared = await loadWorkbook(await reopened.save());
  const original = await loadWorkbook(await saveWorkbook(before));
  expect(xlsxState(cleared)).toEqual(xlsxState(original));
});

it("the 校验报告 prints: A4 landscape one page wide, its header row on every page, amounts as numbers, rows as tall as their text", async () => {
  const { file } = await marked();
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
  expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${sheets.indexOf("校验报告")}">'校验报告'!$3:$3</definedName>`);
  const grids = (await WorkbookFile.open(fs.readFileSync(file))).grids;
  const report = grids.find((g) => g.sheet === "校验报告")!;
  const slip = report.cells.find((r) => r[2].value === "表5!E10")!;
  // the relation that fails at the slip: 小计 C10 should be 740.25 by its parts, it is 740.43
  expect([slip[4], slip[5], slip[6]].map((c) => [c.value, c.numberFormat])).toEqual([
    [740.25, "#,##0.00"],
    [740.43, "#,##0.00"],
    [0.18, "#,##0.00"],
  ]);
  // LibreOffice lays it out as printed: 校验报告 pages one page wide (no 应为/实为/差额 page of their own)
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rid = new RegExp(`name="校验报告"[^>]*r:id="([^"]+)"`).exec(workbook)![1];
  const part = `xl/${new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]}`;
  const xml = await zip.file(part)!.async("string");
  expect(xml).toMatch(/<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
  expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
  expect(xml).toMatch(/<row r="4" ht="\d+" customHeight="1">/);
});
