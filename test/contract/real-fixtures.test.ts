/**
 * The contract on real fixtures, every adapter: seed 001's nine tables, 上海's nine and two
 * provinces' 绩效 tables, checked (or scored) and marked through Office.js (fake Excel), WPS (fake
 * ET model) and the package writer (the accountant's own .xlsx); then cleared. The two live hosts
 * read the same Grids and leave the same workbook; all three mark the same cells with the same
 * colours and notes; clearing gives each its workbook back exactly.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import * as wps from "../../src/wps";
import { Grid } from "../../src/core/grid";
import { WritePlan } from "../../src/core/plan";
import { checkAndMark, clearMarks, scoreAndMark } from "../../src/core/workflows";
import { WorkbookFile, loadWorkbook, readGrids, saveWorkbook } from "../../src/xlsx";
import { FakeExcelHost } from "../fake-excel/host";
import { paneHost } from "../fake-excel/pane-host";
import { workbookFromGrids } from "../fake-excel/browser-workbook";
import { SheetState, fakeState, xlsxState } from "./state";
import { FakeWps } from "../fake-wps/et";
import { PUBLISHED, seedWorkbook } from "../fixtures/seed-workbooks";
import { perfWorkbook } from "../fixtures/perf-workbooks";

const AT = { file: "fixture.xlsx", at: "2026-11-30 12:00" };

type Mark = (grids: Grid[]) => WritePlan;
const check: Mark = (grids) => checkAndMark(grids, undefined, [], AT).plan;
const score: Mark = (grids) => scoreAndMark(grids, AT).plan;

const fixtures: [string, () => Promise<ExcelJS.Workbook>, Mark][] = [
  ["seed 001, one table a sheet", () => Promise.resolve(seedWorkbook("sheets")), check],
  ["上海's nine tables", () => loadWorkbook(fs.readFileSync(path.join(PUBLISHED, "shanghai", "putuo-czj-2024.xlsx"))), check],
  ["北京's and 甘肃's 绩效 tables, scored", () => Promise.resolve(perfWorkbook(["seed001/p03", "seed003/p08"])), score],
];

/** The marks as every adapter can say them: cell → fill and note, on the accountant's sheets. */
function marks(states: SheetState[], sheets: string[]): Record<string, { fill?: string; note?: string }> {
  const out: Record<string, { fill?: string; note?: string }> = {};
  for (const s of states.filter((x) => sheets.includes(x.name)))
    for (const [address, c] of Object.entries(s.cells)) if (c.fill || c.note) out[`${s.name}!${address}`] = { fill: c.fill, note: c.note };
  return out;
}

async function throughOffice(grids: Grid[], mark: Mark) {
  const fake = new FakeExcelHost(workbookFromGrids(grids));
  const host = paneHost(fake);
  const before = fakeState(fake.workbook);
  const read = await host.read();
  await host.apply(mark(read));
  const marked = fakeState(fake.workbook);
  await host.apply(clearMarks(await host.read()));
  return { read, before, marked, cleared: fakeState(fake.workbook) };
}

function throughWps(grids: Grid[], mark: Mark) {
  const app = new FakeWps(workbookFromGrids(grids));
  const before = fakeState(app.workbook);
  const read = wps.readWorkbook(app);
  wps.applyPlan(app, mark(read));
  const marked = fakeState(app.workbook);
  wps.applyPlan(app, clearMarks(wps.readWorkbook(app)));
  return { read, before, marked, cleared: fakeState(app.workbook) };
}

async function throughPackage(bytes: Buffer, mark: Mark) {
  const state = async (b: Buffer) => xlsxState(await loadWorkbook(b));
  const file = await WorkbookFile.open(bytes);
  await file.apply(mark(file.grids));
  const markedBytes = await file.save();
  const again = await WorkbookFile.open(markedBytes);
  await again.apply(clearMarks(again.grids));
  return { before: await state(bytes), marked: await state(markedBytes), cleared: await state(await again.save()) };
}

describe.each(fixtures)("%s", (_name, load, mark) => {
  it("the same Grids read, the same marks written, and clearing restores exactly — Office.js, WPS and the package writer", async () => {
    const bytes = await saveWorkbook(await load());
    const grids = readGrids(await loadWorkbook(bytes));
    const sheets = grids.map((g) => g.sheet);
    const o = await throughOffice(grids, mark);
    const w = throughWps(grids, mark);
    const p = await throughPackage(bytes, mark);

    const sorted = (gs: Grid[]) => gs.map((g) => ({ ...g, merges: [...g.merges].sort() }));
    expect(sorted(w.read)).toEqual(sorted(o.read));
    // the two live hosts: the whole workbook, our report and ledger included
    expect(w.marked).toEqual(o.marked);
    const found = marks(w.marked, sheets);
    expect(Object.keys(found).length).toBeGreaterThan(0);
    expect(marks(p.marked, sheets)).toEqual(found);
    expect(marks(o.marked, sheets)).toEqual(found);
    for (const x of [o, w, p]) expect(x.cleared).toEqual(x.before);
  });
});
