/**
 * 一键校验 through the Office.js adapter on the fake host: three syncs whatever the size, the same
 * cells marked as the CLI marks in the file, and 清除标记 giving back the accountant's own fills,
 * fonts and notes cell by cell.
 */
import * as fs from "fs";
import { Grid } from "../../src/core/grid";
import { checkAndMark, clearMarks } from "../../src/core/workflows";
import * as office from "../../src/excel";
import { applyPlan, loadWorkbook, readGrids, saveWorkbook } from "../../src/xlsx";
import { workbookFromGrids } from "../fake-excel/browser-workbook";
import { FakeExcelHost, FakeRequestContext } from "../fake-excel/host";
import { paneHost } from "../fake-excel/pane-host";
import { fakeState, xlsxState } from "../contract/state";
import { SAMPLE } from "../fixtures/sample";

async function accountantsWorkbook(apiVersion = "1.18"): Promise<FakeExcelHost> {
  const host = new FakeExcelHost(workbookFromGrids(readGrids(await loadWorkbook(fs.readFileSync(SAMPLE)))), { apiVersion });
  // the accountant's own formatting on cells the check will mark
  const t5 = host.workbook.sheet("表5")!;
  t5.formatForWrite(9, 2).fill = "#DDEBF7"; // C10
  t5.formatForWrite(8, 4).font.bold = true; // E9
  t5.notes.set("D18", "已与财务科核对");
  return host;
}

const marks = (state: ReturnType<typeof fakeState>) =>
  state
    .flatMap((s) =>
      Object.entries(s.cells)
        .filter(([, c]) => c.fill === "#FFC7CE" || c.fill === "#FCE4EC" || c.fill === "#FFEB9C")
        .map(([a, c]) => `${s.name}!${a}:${c.fill}`),
    )
    .sort();

it("costs three syncs with a note in the workbook (two without), marks what the CLI marks, and 清除标记 restores every touched cell", async () => {
  const host = await accountantsWorkbook();
  const before = fakeState(host.workbook);
  const pane = paneHost(host);

  host.resetCounters();
  const { plan } = checkAndMark(await pane.read());
  await pane.apply(plan);
  expect(host.syncCount).toBe(3);

  const cli = await loadWorkbook(fs.readFileSync(SAMPLE));
  await applyPlan(cli, checkAndMark(readGrids(cli)).plan);
  const inFile = xlsxState(await loadWorkbook(await saveWorkbook(cli)));
  const inExcel = fakeState(host.workbook);
  expect(marks(inExcel)).toEqual(marks(inFile));
  // the typing slip E10 is the one red cell; the totals it throws off are marked affected
  expect(marks(inExcel).filter((m) => m.startsWith("表") && (m.endsWith("#FFC7CE") || m.endsWith("#FCE4EC")))).toEqual([
    "表5!C10:#FCE4EC",
    "表5!E10:#FFC7CE",
    "表5!E9:#FCE4EC",
  ]);
  const d18 = inExcel.find((s) => s.name === "表5")!.cells.D18;
  expect(d18.note).toMatch(/^已与财务科核对\n\n——决算助手——\n【警告】/);

  await pane.apply(clearMarks(await pane.read()));
  expect(fakeState(host.workbook)).toEqual(before);
});

it("on Office 2019 (ExcelApi 1.7) marks in two syncs (one to read, one to write) and clearing takes the marks off", async () => {
  const host = await accountantsWorkbook("1.7");
  const pane = paneHost(host);
  host.resetCounters();
  await pane.apply(checkAndMark(await pane.read()).plan);
  expect(host.syncCount).toBe(2);
  expect(marks(fakeState(host.workbook))).toContain("表5!E10:#FFC7CE");
  await pane.apply(clearMarks(await pane.read()));
  expect(marks(fakeState(host.workbook))).toEqual([]);
  expect(fakeState(host.workbook).map((s) => s.name)).not.toContain("校验报告");
});

it("over the web's payload limit: reads in bands and writes in batches, with the same result", async () => {
  const desktop = await accountantsWorkbook();
  const caps = office.detectCapabilities(() => true);
  const read = (h: FakeExcelHost, budget?: number) =>
    h.run<Grid[]>((c: FakeRequestContext) => office.readWorkbook(c as unknown as Excel.RequestContext, caps, { payloadBudget: budget }));
  const expected = await read(desktop);
  expect(desktop.syncCount).toBe(2);

  // a host that refuses anything over 40 kB, read with a budget to match
  const web = new FakeExcelHost((await accountantsWorkbook()).workbook, { payloadLimit: 40_000 });
  const grids = await read(web, 30_000);
  expect(grids).toEqual(expected);
  expect(web.syncCount).toBeGreaterThan(3); // names, the refused attempt, geometry, then bands
  expect(Math.max(...web.syncs.map((s) => s.responseBytes).filter((b) => b <= 40_000))).toBeLessThanOrEqual(40_000);

  web.resetCounters();
  const { plan } = checkAndMark(grids);
  await web.run((c: FakeRequestContext) => office.applyPlan(c as unknown as Excel.RequestContext, plan, caps, { payloadBudget: 5_000 }));
  expect(web.syncCount).toBeGreaterThan(1);
  expect(web.syncs.every((s) => s.requestBytes <= 5_000 + 2_000)).toBe(true);
  await desktop.run((c: FakeRequestContext) => office.applyPlan(c as unknown as Excel.RequestContext, plan, caps));
  expect(fakeState(web.workbook)).toEqual(fakeState(desktop.workbook));
  expect(marks(fakeState(web.workbook))).toContain("表5!E10:#FFC7CE");
});

it("the ribbon's 直接校验 (function command) checks, marks, shows the report and completes the event; a second click reads in one sync", async () => {
  const host = await accountantsWorkbook();
  const g = globalThis as unknown as Record<string, unknown>;
  g.Office = host.officeNamespace();
  g.Excel = host.excelNamespace();
  const { runCheck } = await import("../../src/commands/commands");
  let completed = false;
  await runCheck({ completed: () => void (completed = true) } as unknown as Office.AddinCommands.Event);
  expect(completed).toBe(true);
  expect(host.workbook.selection).toEqual({ sheet: "校验报告", address: "A2" });
  expect(marks(fakeState(host.workbook))).toContain("表5!E10:#FFC7CE");
  // the next click remembers where the notes are: one sync to read, one to mark, one to show the report
  host.resetCounters();
  await runCheck({ completed: () => undefined } as unknown as Office.AddinCommands.Event);
  expect(host.syncCount).toBe(3);
  delete g.Office;
  delete g.Excel;
});

it("the ribbon's 直接校验 that fails says why in a dialog over the workbook, and still completes the event", async () => {
  const host = await accountantsWorkbook();
  const g = globalThis as unknown as Record<string, unknown>;
  g.Office = host.officeNamespace();
  g.Excel = { ...host.excelNamespace(), run: () => Promise.reject(new Error("工作簿处于受保护的视图")) };
  g.window = { location: { href: "https://localhost:3000/commands.html" } };
  try {
    await jest.isolateModulesAsync(async () => {
      const { runCheck } = await import("../../src/commands/commands");
      let completed = false;
      await runCheck({ completed: () => void (completed = true) } as unknown as Office.AddinCommands.Event);
      expect(completed).toBe(true);
    });
    expect(host.dialogs.map((u) => new URL(u).searchParams.get("error"))).toEqual(["一键校验未完成：工作簿处于受保护的视图"]);
    expect(new URL(host.dialogs[0]).pathname).toBe("/help.html");
  } finally {
    delete g.Office;
    delete g.Excel;
    delete g.window;
  }
});
