/**
 * One contract, every adapter: the same WritePlan applied through ExcelJS (to a new .xlsx, saved
 * and read back), through the package writer (to the accountant's own file), through Office.js
 * (against the fake host) and through WPS's ET model (against the fake WPS) leaves the same
 * workbook, and all read it back into the same Grid.
 */
import ExcelJS from "exceljs";
import * as office from "../../src/excel";
import * as xlsx from "../../src/xlsx";
import { Grid } from "../../src/core/grid";
import { WritePlan, ledgerSheet } from "../../src/core/plan";
import { FakeExcelHost, FakeRequestContext } from "../fake-excel/host";
import { FakeWorkbook } from "../fake-excel/model";
import { SheetState, fakeState, xlsxState } from "./state";
import * as wps from "../../src/wps";
import { FakeWps } from "../fake-wps/et";

const ALL = office.detectCapabilities(() => true);

/** The accountant's own sheet: values, a formula, a fill and a note of their own. */
const userSheet: WritePlan = {
  ops: [
    { op: "addSheet", sheet: "公开01表" },
    {
      op: "setValues",
      sheet: "公开01表",
      address: "A1:C4",
      values: [
        ["项目", "行次", "金额"],
        ["一、一般公共预算财政拨款收入", 1, "1,131.80"],
        ["二、政府性基金预算财政拨款收入", 2, "—"],
        ["本年收入合计", 3, null],
      ],
    },
    { op: "setFormulas", sheet: "公开01表", address: "C4", formulas: [["=SUM(C2:C3)"]] },
    { op: "fill", sheet: "公开01表", addresses: ["A1:C1"], color: "#DDEBF7" },
    { op: "font", sheet: "公开01表", addresses: ["A1:C1"], font: { bold: true } },
    { op: "note", sheet: "公开01表", cell: "C3", text: "本部门无政府性基金" },
  ],
};

/** A template-like plan exercising every operation the seam offers. */
const templatePlan: WritePlan = {
  ops: [
    { op: "addSheet", sheet: "公开05表" },
    { op: "setValues", sheet: "公开05表", address: "A1", values: [["五、一般公共预算财政拨款支出决算表"]] },
    { op: "merge", sheet: "公开05表", address: "A1:E1" },
    { op: "alignment", sheet: "公开05表", address: "A1:E1", horizontal: "center", vertical: "middle" },
    { op: "font", sheet: "公开05表", addresses: ["A1"], font: { bold: true, size: 16 } },
    {
      op: "setValues",
      sheet: "公开05表",
      address: "A2:E4",
      values: [
        ["科目代码", "科目名称", "小计", "基本支出", "项目支出"],
        ["201", "一般公共服务支出", null, 100.5, 20],
        ["-", "合计", null, null, null],
      ],
    },
    { op: "setFormulas", sheet: "公开05表", address: "C3", formulas: [["=D3+E3"]] },
    { op: "setFormulas", sheet: "公开05表", address: "C4:E4", formulas: [["=SUM(C3:C3)", "=SUM(D3:D3)", "=SUM(E3:E3)"]] },
    { op: "numberFormat", sheet: "公开05表", address: "C3:E4", format: "#,##0.00" },
    { op: "borders", sheet: "公开05表", address: "A2:E4", style: "thin" },
    { op: "alignment", sheet: "公开05表", address: "A2:E2", wrapText: true, horizontal: "center" },
    { op: "columnWidth", sheet: "公开05表", columns: [{ column: "B", width: 36 }] },
    { op: "dataValidation", sheet: "公开05表", address: "D3:E3", rule: { type: "decimal", min: 0 }, message: "请输入不小于 0 的金额" },
    { op: "locked", sheet: "公开05表", address: "D3:E3", locked: false },
    { op: "freeze", sheet: "公开05表", rows: 2, columns: 2 },
    {
      op: "printSetup",
      sheet: "公开05表",
      orientation: "landscape",
      fitToWidth: true,
      onePage: true,
      centered: true,
      pageNumbers: true,
      titleRows: { first: 1, last: 2 },
    },
    { op: "protect", sheet: "公开05表" },
  ],
};

/** Marks over the user's sheet, saved first so they can be undone, and a report with a link. */
const markPlan: WritePlan = {
  ops: [
    {
      op: "saveFormats",
      sheet: ledgerSheet("marks"),
      cells: [
        { sheet: "公开01表", address: "C2", note: null },
        { sheet: "公开01表", address: "C3", note: "本部门无政府性基金" },
        { sheet: "公开01表", address: "A1", note: null },
      ],
    },
    { op: "fill", sheet: "公开01表", addresses: ["C2", "A1"], color: "#FFC7CE" },
    { op: "fill", sheet: "公开01表", addresses: ["C3"], color: "#FFEB9C" },
    { op: "font", sheet: "公开01表", addresses: ["C2"], font: { color: "#9C0006" } },
    { op: "note", sheet: "公开01表", cell: "C2", text: "T01.income.total：应为 1,131.80，实为 1,131.81" },
    { op: "note", sheet: "公开01表", cell: "C3", text: "尾差 0.01", existing: true },
    { op: "addSheet", sheet: "校验报告" },
    { op: "setValues", sheet: "校验报告", address: "A1:B1", values: [["严重程度", "单元格"]] },
    { op: "hyperlink", sheet: "校验报告", cell: "B2", target: { sheet: "公开01表", address: "C2" }, text: "公开01表!C2" },
  ],
};

const restorePlan: WritePlan = {
  ops: [
    {
      op: "restoreFormats",
      sheet: ledgerSheet("marks"),
      cells: [
        { sheet: "公开01表", address: "C2" },
        { sheet: "公开01表", address: "C3" },
        { sheet: "公开01表", address: "A1" },
      ],
    },
    { op: "note", sheet: "公开01表", cell: "C2", text: null, existing: true },
    { op: "note", sheet: "公开01表", cell: "C3", text: "本部门无政府性基金", existing: true },
    { op: "deleteSheet", sheet: "校验报告" },
  ],
};

async function throughXlsx(plans: WritePlan[]): Promise<{ state: SheetState[]; grids: Grid[] }> {
  let bytes: Buffer | undefined;
  for (const plan of plans) {
    const wb = bytes ? await xlsx.loadWorkbook(bytes) : new ExcelJS.Workbook();
    await xlsx.applyPlan(wb, plan);
    bytes = await xlsx.saveWorkbook(wb); // a real file between steps, as in use
  }
  const wb = await xlsx.loadWorkbook(bytes!);
  return { state: xlsxState(wb), grids: xlsx.readGrids(wb) };
}

/** The accountant's workbook made as a template is (ExcelJS); every later step edits its own package, a real file between steps. */
async function throughPackage(plans: WritePlan[]): Promise<{ state: SheetState[]; grids: Grid[]; exceljsGrids: Grid[] }> {
  const made = new ExcelJS.Workbook();
  await xlsx.applyPlan(made, plans[0]);
  let bytes = await xlsx.saveWorkbook(made);
  for (const plan of plans.slice(1)) {
    const file = await xlsx.WorkbookFile.open(bytes);
    await file.apply(plan);
    bytes = await file.save();
  }
  const wb = await xlsx.loadWorkbook(bytes);
  return { state: xlsxState(wb), grids: (await xlsx.WorkbookFile.open(bytes)).grids, exceljsGrids: xlsx.readGrids(wb) };
}

async function throughOffice(plans: WritePlan[], host = new FakeExcelHost(new FakeWorkbook())) {
  const applySyncs: number[] = [];
  for (const plan of plans) {
    const before = host.syncCount;
    await host.run((ctx: FakeRequestContext) => office.applyPlan(ctx as unknown as Excel.RequestContext, plan, ALL));
    applySyncs.push(host.syncCount - before);
  }
  const before = host.syncCount;
  const grids = await host.run<Grid[]>((ctx: FakeRequestContext) => office.readWorkbook(ctx as unknown as Excel.RequestContext, ALL));
  return { state: fakeState(host.workbook), grids, applySyncs, readSyncs: host.syncCount - before };
}

/** WPS opens a workbook with one blank sheet of its own: the plans' sheets are compared without it. */
function throughWps(plans: WritePlan[]) {
  const workbook = new FakeWorkbook();
  workbook.addSheet("Sheet1");
  const app = new FakeWps(workbook);
  const applyCalls: number[] = [];
  for (const plan of plans) {
    const before = app.calls;
    wps.applyPlan(app, plan);
    applyCalls.push(app.calls - before);
  }
  const before = app.calls;
  const grids = wps.readWorkbook(app).filter((g) => g.sheet !== "Sheet1");
  return { state: fakeState(workbook).filter((s) => s.name !== "Sheet1"), grids, applyCalls, readCalls: app.calls - before, app };
}

describe("adapter contract: ExcelJS and Office.js leave the same workbook", () => {
  it("template plan: every operation", async () => {
    const x = await throughXlsx([templatePlan]);
    const o = await throughOffice([templatePlan]);
    expect(o.state).toEqual(x.state);
    expect(o.grids).toEqual(x.grids);
    // spot-check the state is what the plan said, so equal-but-empty cannot pass
    const s = o.state[0];
    expect(s.merges).toEqual(["A1:E1"]);
    expect(s.cells.C4.formula).toBe("=SUM(C3:C3)");
    expect(s.cells.D3).toMatchObject({ value: 100.5, numberFormat: "#,##0.00", borders: "t,b,l,r", unlocked: true });
    expect(s.cells.A4.value).toBe("-");
    expect(s.frozen).toEqual({ rows: 2, columns: 2 });
    expect(s.protected).toBe(true);
    expect(s.rowsEditable).toBe(true);
    expect(s.printLayout).toEqual({ centered: true, footer: "第 &P 页，共 &N 页" });
    expect(s.landscape).toBe(true);
    expect(s.validations).toEqual(["D3:decimal", "E3:decimal"]);
  });

  it("marks with a ledger, then restore: the accountant's formats and notes come back exactly", async () => {
    const x1 = await throughXlsx([userSheet]);
    const xMarked = await throughXlsx([userSheet, markPlan]);
    const xRestored = await throughXlsx([userSheet, markPlan, restorePlan]);
    const oMarked = await throughOffice([userSheet, markPlan]);
    const oRestored = await throughOffice([userSheet, markPlan, restorePlan]);

    expect(oMarked.state).toEqual(xMarked.state);
    expect(oRestored.state).toEqual(xRestored.state);
    expect(xRestored.state).toEqual(x1.state);

    const marked = oMarked.state.find((s) => s.name === "公开01表")!;
    expect(marked.cells.C2).toMatchObject({ fill: "#FFC7CE", fontColor: "#9C0006", note: expect.stringContaining("T01.income.total") });
    expect(marked.cells.A1).toMatchObject({ fill: "#FFC7CE", bold: true });
    expect(oMarked.state.find((s) => s.name === ledgerSheet("marks"))!.visibility).toBe("veryHidden");
    expect(oMarked.state.find((s) => s.name === "校验报告")!.cells.B2.link).toBe("'公开01表'!C2");
    const restored = oRestored.state.find((s) => s.name === "公开01表")!;
    expect(restored.cells.A1).toEqual({ value: "项目", fill: "#DDEBF7", bold: true });
    expect(restored.cells.C3.note).toBe("本部门无政府性基金");
    expect(restored.cells.C2.note).toBeUndefined();
  });

  it("the package writer marks and restores the accountant's file as the other two do, and its reader reads what they read", async () => {
    const x1 = await throughXlsx([userSheet]);
    const xMarked = await throughXlsx([userSheet, markPlan]);
    const pMarked = await throughPackage([userSheet, markPlan]);
    const pRestored = await throughPackage([userSheet, markPlan, restorePlan]);
    const oMarked = await throughOffice([userSheet, markPlan]);
    expect(pMarked.state).toEqual(xMarked.state);
    expect(pRestored.state).toEqual(x1.state);
    // ExcelJS writes the template's formula without a result: only the package reader says so (the others read null)
    const c4 = (g: Grid[]) => g.find((x) => x.sheet === "公开01表")!.cells[3][2];
    expect(c4(pMarked.grids)).toEqual({ value: null, formula: "=SUM(C2:C3)", uncalculated: true });
    const known = (g: Grid[]) => JSON.parse(JSON.stringify(g).replace(/,"uncalculated":true/g, "")) as Grid[];
    expect(known(pMarked.grids)).toEqual(pMarked.exceljsGrids);
    // Office links a report cell with range.hyperlink, the files with a HYPERLINK formula: the report's grids differ there only
    const user = (g: Grid[]) => g.filter((x) => x.sheet !== "校验报告");
    expect(user(known(pMarked.grids))).toEqual(user(oMarked.grids));
    expect(known(pRestored.grids)).toEqual(x1.grids);
    const marked = pMarked.state.find((s) => s.name === "公开01表")!;
    expect(marked.cells.C2).toMatchObject({ fill: "#FFC7CE", fontColor: "#9C0006", note: expect.stringContaining("T01.income.total") });
    expect(marked.cells.A1).toMatchObject({ fill: "#FFC7CE", bold: true });
    expect(pMarked.state.find((s) => s.name === ledgerSheet("marks"))!.visibility).toBe("veryHidden");
  });

  it("reads a workbook in one sync (two when it holds notes, as this one does) and applies any plan in one", async () => {
    const noNotes = await throughOffice([userSheet, templatePlan].map((p) => ({ ops: p.ops.filter((op) => op.op !== "note") })));
    expect(noNotes.readSyncs).toBe(1);
    const o = await throughOffice([userSheet, templatePlan, markPlan]);
    expect(o.applySyncs).toEqual([1, 1, 1]);
    expect(o.readSyncs).toBe(2);
    const g = o.grids.find((x) => x.sheet === "公开01表")!;
    expect(g.cells[1][2]).toEqual({ value: "1,131.80", note: "T01.income.total：应为 1,131.80，实为 1,131.81" });
    expect(g.cells[3][2].formula).toBe("=SUM(C2:C3)");
  });

  it("degrades on Office 2019 (ExcelApi 1.7): no multi-area ranges, notes or page layout, still one sync", async () => {
    const host = new FakeExcelHost(new FakeWorkbook(), { apiVersion: "1.7" });
    const caps = office.detectCapabilities((n, v) => host.isSetSupported(n, v));
    await host.run((ctx: FakeRequestContext) => office.applyPlan(ctx as unknown as Excel.RequestContext, userSheet, caps));
    await host.run((ctx: FakeRequestContext) =>
      office.applyPlan(ctx as unknown as Excel.RequestContext, { ops: markPlan.ops.filter((o) => o.op !== "saveFormats") }, caps),
    );
    expect(host.syncCount).toBe(2);
    const s = fakeState(host.workbook).find((x) => x.name === "公开01表")!;
    expect(s.cells.C2.fill).toBe("#FFC7CE");
    expect(s.cells.C2.note).toBeUndefined(); // neither notes nor comments: the report carries it
  });
});

describe("adapter contract: WPS leaves the workbook the others leave", () => {
  const sorted = (gs: Grid[]) => gs.map((g) => ({ ...g, merges: [...g.merges].sort() }));

  it("template plan: every operation (the chart is Excel's alone), the user left on their sheet", async () => {
    const x = await throughXlsx([templatePlan]);
    const w = throughWps([templatePlan]);
    expect(w.state).toEqual(x.state);
    expect(sorted(w.grids)).toEqual(sorted(x.grids));
    const s = w.state[0];
    expect(s.cells.D3).toMatchObject({ value: 100.5, numberFormat: "#,##0.00", borders: "t,b,l,r", unlocked: true });
    expect(s.frozen).toEqual({ rows: 2, columns: 2 });
    expect([s.protected, s.rowsEditable]).toEqual([true, true]);
    // freezing activates the sheet (panes belong to the window); the user is put back where they were
    expect(w.app.workbook.active).toBe("Sheet1");
    // the column width the plan gave in characters is the width Excel shows
    expect(w.app.workbook.sheet("公开05表")!.columnWidths.get(1)).toBe(office.charsToPoints(36));
  });

  it("marks with a ledger, then restore: the accountant's formats and notes come back exactly", async () => {
    const x1 = await throughXlsx([userSheet]);
    const xMarked = await throughXlsx([userSheet, markPlan]);
    const wMarked = throughWps([userSheet, markPlan]);
    const wRestored = throughWps([userSheet, markPlan, restorePlan]);
    expect(wMarked.state).toEqual(xMarked.state);
    expect(wRestored.state).toEqual(x1.state);
    const marked = wMarked.state.find((s) => s.name === "公开01表")!;
    expect(marked.cells.C2).toMatchObject({ fill: "#FFC7CE", fontColor: "#9C0006", note: expect.stringContaining("T01.income.total") });
    expect(marked.cells.C3).toMatchObject({ fill: "#FFEB9C", note: "尾差 0.01" });
    expect(wMarked.state.find((s) => s.name === "校验报告")!.cells.B2.link).toBe("'公开01表'!C2");
    const user = (gs: Grid[]) => sorted(gs.filter((g) => g.sheet === "公开01表"));
    expect(user(wMarked.grids)).toEqual(user((await throughOffice([userSheet, markPlan])).grids));
  });

  it("a workbook marked in Excel is cleared in WPS, and one marked in WPS is cleared in Excel", async () => {
    const x1 = await throughXlsx([userSheet]);
    const inExcel = await throughOffice([userSheet, markPlan]);
    const host = new FakeExcelHost(new FakeWorkbook());
    await host.run((ctx: FakeRequestContext) => office.applyPlan(ctx as unknown as Excel.RequestContext, userSheet, ALL));
    await host.run((ctx: FakeRequestContext) => office.applyPlan(ctx as unknown as Excel.RequestContext, markPlan, ALL));
    // the same file opened in WPS
    wps.applyPlan(new FakeWps(host.workbook), restorePlan);
    expect(fakeState(host.workbook)).toEqual(x1.state);
    expect(inExcel.state).not.toEqual(x1.state);

    const marked = throughWps([userSheet, markPlan]);
    const workbook = marked.app.workbook;
    workbook.sheets = workbook.sheets.filter((s) => s.name !== "Sheet1");
    const opened = new FakeExcelHost(workbook);
    await opened.run((ctx: FakeRequestContext) => office.applyPlan(ctx as unknown as Excel.RequestContext, restorePlan, ALL));
    expect(fakeState(workbook)).toEqual(x1.state);
  });

  it("a fill over many cells is one range a chunk of 255 characters, whatever the cells", () => {
    const many = (n: number): WritePlan => ({
      ops: [
        { op: "addSheet", sheet: "表" },
        { op: "fill", sheet: "表", addresses: Array.from({ length: n }, (_, i) => `C${2 * i + 1}`), color: "#FFC7CE" },
      ],
    });
    const small = throughWps([many(10)]);
    const large = throughWps([many(400)]);
    expect(large.state[0].cells.C799.fill).toBe("#FFC7CE");
    // 400 cells' addresses in ranges of at most 255 characters: calls grow with the chunks, not per cell
    expect(large.applyCalls[0] - small.applyCalls[0]).toBeLessThan(400 / 10);
  });

  it("runs with alerts and repainting off, and gives them back as they were", () => {
    const workbook = new FakeWorkbook();
    workbook.addSheet("Sheet1");
    const app = new FakeWps(workbook);
    wps.applyPlan(app, userSheet);
    // merging cells that hold values, and deleting a sheet, would stop on a dialog with alerts on
    wps.applyPlan(app, {
      ops: [
        { op: "merge", sheet: "公开01表", address: "A2:B2" },
        { op: "deleteSheet", sheet: "Sheet1" },
      ],
    });
    expect([app.DisplayAlerts, app.ScreenUpdating]).toEqual([true, true]);
    expect(workbook.sheets.map((s) => s.name)).toEqual(["公开01表"]);
    expect(() => wps.applyPlan(app, { ops: [{ op: "setValues", sheet: "无此表", address: "A1", values: [[1]] }] })).toThrow(/无此表/);
    expect([app.DisplayAlerts, app.ScreenUpdating]).toEqual([true, true]);
  });
});
