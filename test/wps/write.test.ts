/**
 * The WPS adapter's write side on real plans: the templates as the pane writes them, a check's marks
 * on them (protected, as delivered) and their clearing; text that WPS would type as a number; a
 * marked cell inside a merged area; and the calls a check makes, which do not grow with the cells.
 */
import * as fs from "fs";
import * as path from "path";
import * as wps from "../../src/wps";
import { Grid } from "../../src/core/grid";
import { WritePlan } from "../../src/core/plan";
import { checkAndMark, clearMarks, templatesFor } from "../../src/core/workflows";
import { loadWorkbook, readGrids } from "../../src/xlsx";
import { FakeExcelHost } from "../fake-excel/host";
import { paneHost } from "../fake-excel/pane-host";
import { FakeWorkbook } from "../fake-excel/model";
import { workbookFromGrids } from "../fake-excel/browser-workbook";
import { fakeState } from "../fake-excel/state";
import { FakeWps } from "../fake-wps/et";

const SAMPLE = path.resolve(__dirname, "../../assets/sample.xlsx");

function blankWps(): FakeWps {
  const wb = new FakeWorkbook();
  wb.addSheet("Sheet1");
  return new FakeWps(wb);
}

it("templates written in WPS, protected as delivered, still take a check's marks, and clearing gives them back as written", () => {
  const app = blankWps();
  wps.applyPlan(app, templatesFor("all", "测试街道办事处", 2024, ["Sheet1"]).plan);
  const written = fakeState(app.workbook);
  expect(written.filter((s) => s.protected).length).toBe(9);
  // an amount typed into a protected template's open cell, wrong against its total
  const t05 = app.workbook.sheet("公开05表")!;
  const open = [...t05.cells.entries()].find(([, c]) => c.format && !c.format.locked && c.value === null && !c.formula)!;
  t05.cells.get(open[0])!.value = 12.34;
  const typed = fakeState(app.workbook);
  const { plan } = checkAndMark(wps.readWorkbook(app));
  wps.applyPlan(app, plan);
  const marked = fakeState(app.workbook);
  expect(marked.find((s) => s.name === "校验报告")).toBeDefined();
  // the empty 07表's title: a merged cell of a protected sheet, filled and noted as its protection allows
  const t07 = marked.find((s) => s.name === "公开07表")!;
  expect(t07.merges.some((m) => m.startsWith("A1:"))).toBe(true);
  expect(t07.cells.A1).toMatchObject({ fill: "#FFD8A8", note: expect.stringContaining("本表无数据") });
  // a sheet named as its table is not named twice ("公开07表（公开07表）")
  expect(t07.cells.A1.note).toContain("【警告】公开07表没有数据，表下应注明“本表无数据”及原因");
  wps.applyPlan(app, clearMarks(wps.readWorkbook(app)));
  expect(fakeState(app.workbook)).toEqual(typed);
});

it("text that WPS and Excel would type as a number, a date or TRUE is written as the text itself", async () => {
  const texts = ["01", "2010101", "1,131.80", "2024-12-31", "TRUE", " 12", "(5)", "-", "=x", "'引号"];
  const plan: WritePlan = {
    ops: [
      { op: "addSheet", sheet: "代码" },
      { op: "setValues", sheet: "代码", address: `A1:A${texts.length}`, values: texts.map((t) => [t]) },
    ],
  };
  const app = blankWps();
  wps.applyPlan(app, plan);
  const host = new FakeExcelHost(new FakeWorkbook());
  await paneHost(host).apply(plan);
  for (const wb of [app.workbook, host.workbook]) {
    const cells = fakeState(wb).find((s) => s.name === "代码")!.cells;
    expect(texts.map((_, i) => cells[`A${i + 1}`].value)).toEqual(texts);
  }
});

it("a marked cell inside a merged area: saved with its area, restored exactly", () => {
  const app = blankWps();
  wps.applyPlan(app, {
    ops: [
      { op: "addSheet", sheet: "表1" },
      {
        op: "setValues",
        sheet: "表1",
        address: "A1:D2",
        values: [
          ["收入支出决算总表", null, null, null],
          ["项目", "行次", "金额", "备注"],
        ],
      },
      { op: "merge", sheet: "表1", address: "A1:D1" },
      { op: "fill", sheet: "表1", addresses: ["A1"], color: "#DDEBF7" },
      { op: "note", sheet: "表1", cell: "D2", text: "单位：万元" },
    ],
  });
  const before = fakeState(app.workbook);
  const cells = [
    { sheet: "表1", address: "A1", note: null },
    { sheet: "表1", address: "C2", note: null },
    { sheet: "表1", address: "D2", note: "单位：万元" },
  ];
  wps.applyPlan(app, {
    ops: [
      { op: "saveFormats", sheet: "_juesuan_marks", cells },
      { op: "fill", sheet: "表1", addresses: ["A1", "C2", "D2"], color: "#FFC7CE" },
      { op: "note", sheet: "表1", cell: "D2", text: "错误" },
    ],
  });
  const ledger = fakeState(app.workbook).find((s) => s.name === "_juesuan_marks")!;
  // the ledger's rows stay apart: the merged copy is undone, every cell's note kept in C
  expect(ledger.merges).toEqual([]);
  expect([ledger.cells.A1.value, ledger.cells.B1.fill, ledger.cells.C3.value]).toEqual(["'表1'!A1", "#DDEBF7", "单位：万元"]);
  wps.applyPlan(app, {
    ops: [
      { op: "restoreFormats", sheet: "_juesuan_marks", cells: cells.map(({ sheet, address }) => ({ sheet, address })) },
      { op: "note", sheet: "表1", cell: "D2", text: "单位：万元", existing: true },
    ],
  });
  expect(fakeState(app.workbook)).toEqual(before);
});

it("a check's calls into WPS do not grow with the cells: ten and a hundred times the rows, the same calls", async () => {
  const tables = readGrids(await loadWorkbook(fs.readFileSync(SAMPLE))).filter((g) => g.sheet.startsWith("表"));
  const taller = (k: number): Grid[] =>
    tables.map((g) => ({
      ...g,
      cells: [...g.cells, ...Array.from({ length: g.cells.length * (k - 1) }, () => g.cells[0].map(() => ({ value: "（空白）" })))],
    }));
  const calls = [1, 10, 100].map((k) => {
    const app = new FakeWps(workbookFromGrids(taller(k)));
    const read = wps.readWorkbook(app);
    const readCalls = app.calls;
    wps.applyPlan(app, checkAndMark(read).plan);
    return [readCalls, app.calls - readCalls];
  });
  expect(calls[0][0]).toBeGreaterThan(0);
  expect(calls[1]).toEqual(calls[0]);
  expect(calls[2]).toEqual(calls[0]);
});
