/**
 * What a read of the workbook costs in Excel: one sync, whatever the number of cells, walking the
 * sheets in tab order; a second only for notes' places or for the sheets past SHEETS_PER_BATCH. A host
 * that will not call methods on the null object past the last sheet still reads the same grids.
 */
import * as fs from "fs";
import { parseCell } from "../../src/core/address";
import { Grid, cellAt } from "../../src/core/grid";
import * as office from "../../src/excel";
import { checkAndMark, clearMarks } from "../../src/core/workflows";
import { officeHost } from "../../src/host";
import { loadWorkbook, readGrids } from "../../src/xlsx";
import { workbookFromGrids } from "../fake-excel/browser-workbook";
import { FakeExcelHost, FakeRequestContext, HostOptions } from "../fake-excel/host";
import { paneHost } from "../fake-excel/pane-host";
import { FakeWorkbook } from "../fake-excel/model";
import { SAMPLE } from "../fixtures/sample";

const caps = office.detectCapabilities(() => true);
const read = (h: FakeExcelHost, c = caps, memory?: office.WorkbookMemory) =>
  h.run<Grid[]>((ctx: FakeRequestContext) => office.readWorkbook(ctx as unknown as Excel.RequestContext, c, { memory }));

async function sample(options: HostOptions = {}): Promise<FakeExcelHost> {
  return new FakeExcelHost(workbookFromGrids(readGrids(await loadWorkbook(fs.readFileSync(SAMPLE)))), options);
}

/** n sheets of a few cells each, one hidden and one very hidden, one left empty. */
function manySheets(n: number, options: HostOptions = {}): FakeExcelHost {
  const wb = new FakeWorkbook();
  for (let i = 0; i < n; i++) {
    const s = wb.addSheet(`表${i + 1}`);
    if (i === 3) continue;
    s.touch(0, 0).value = `表${i + 1}`;
    s.touch(2, 1).value = i * 10;
    s.touch(3, 1).formula = "=B3*2";
    s.touch(3, 1).value = i * 20;
    if (i === 1) s.visibility = "Hidden";
    if (i === 2) s.visibility = "VeryHidden";
  }
  return new FakeExcelHost(wb, options);
}

it("reads the sample workbook in one sync, every sheet in tab order", async () => {
  const host = await sample();
  const grids = await read(host);
  expect(host.syncCount).toBe(1);
  expect(grids.map((g) => g.sheet)).toEqual(host.workbook.sheets.map((s) => s.name));
  expect(grids.reduce((n, g) => n + g.cells.flat().filter((c) => c.value !== null).length, 0)).toBeGreaterThan(1000);
});

it("one sync up to 256 sheets, two for any number past it; hidden and empty sheets included", async () => {
  for (const [n, syncs] of [
    [1, 1],
    [office.SHEETS_PER_BATCH, 1],
    [office.SHEETS_PER_BATCH + 1, 2],
    [700, 2],
  ]) {
    const host = manySheets(n);
    const grids = await read(host);
    expect([n, host.syncCount]).toEqual([n, syncs]);
    expect(grids.map((g) => g.sheet)).toEqual(Array.from({ length: n }, (_, i) => `表${i + 1}`));
    if (n >= 4) {
      expect(grids.slice(1, 3).map((g) => g.visibility)).toEqual(["hidden", "veryHidden"]);
      expect(grids[3].cells).toEqual([]);
      expect(grids[4].origin).toBe("A1");
      expect(grids[4].cells[3][1]).toEqual({ value: 80, formula: "=B3*2" });
    }
  }
});

it("a workbook with notes takes a second sync, for where the notes sit", async () => {
  const host = await sample();
  host.workbook.sheet("表5")!.notes.set("D18", "已与财务科核对");
  const grids = await read(host);
  expect(host.syncCount).toBe(2);
  const t5 = grids.find((g) => g.sheet === "表5")!;
  expect(cellAt(t5, parseCell("D18")).note).toBe("已与财务科核对");
});

it("a host that refuses calls on a null object reads the same grids, and is remembered", async () => {
  const lenient = await sample();
  const expected = await read(lenient);
  const strict = await sample({ nullObjectMethods: "throw" });
  const memory = office.workbookMemory();
  expect(await read(strict, caps, memory)).toEqual(expected);
  expect(strict.syncCount).toBe(3); // the refused walk, the sheet list, the ranges
  expect(memory.walkRefused).toBe(true);
  strict.resetCounters();
  expect(await read(strict, caps, memory)).toEqual(expected);
  expect(strict.syncCount).toBe(2);

  // with remembered note places, the first failure could be theirs: one more walk without them
  const seeded = { ...office.workbookMemory(), notePlaces: new Set(["'已删除'!A1"]) };
  const again = await sample({ nullObjectMethods: "throw" });
  expect(await read(again, caps, seeded)).toEqual(expected);
  expect(again.syncCount).toBe(4);
  expect([seeded.walkRefused, [...seeded.notePlaces]]).toEqual([true, []]);
});

it("over 512 merged areas Excel lists none: read without them, and the next read walks without asking", async () => {
  const host = manySheets(3);
  const s = host.workbook.sheet("表2")!;
  for (let r = 0; r < 600; r++) {
    s.touch(10 + r, 0).value = r;
    s.merge({ top: 10 + r, bottom: 10 + r, left: 0, right: 1 });
  }
  const memory = office.workbookMemory();
  const grids = await read(host, caps, memory);
  expect(grids.map((g) => g.sheet)).toEqual(["表1", "表2", "表3"]);
  expect(grids[1].cells[609][0].value).toBe(599);
  expect(grids.every((g) => g.merges.length === 0)).toBe(true);
  expect([memory.mergesRefused, memory.walkRefused]).toEqual([true, false]);
  host.resetCounters();
  expect(await read(host, caps, memory)).toEqual(grids);
  expect(host.syncCount).toBe(1);
});

it("Office 2019 (ExcelApi 1.7): no merges or notes to ask for, still one sync", async () => {
  const host = await sample({ apiVersion: "1.7" });
  const grids = await read(
    host,
    office.detectCapabilities((n, v) => host.isSetSupported(n, v)),
  );
  expect(host.syncCount).toBe(1);
  expect(grids.every((g) => g.merges.length === 0)).toBe(true);
});

describe("the pane remembers where the notes are", () => {
  const notesOf = (grids: Grid[]) =>
    grids.flatMap((g) => g.cells.flatMap((row, i) => row.flatMap((c, j) => (c.note ? [`${g.sheet}!${i},${j}:${c.note}`] : [])))).sort();

  it("the first read finds the notes in two syncs; after marking and clearing, each read takes one, with the notes a fresh read sees", async () => {
    const host = await sample();
    host.workbook.sheet("表5")!.notes.set("D18", "已与财务科核对");
    const pane = paneHost(host);
    const fresh = async () => {
      const other = paneHost(host);
      const before = host.syncCount;
      const g = await other.read();
      host.syncs.length = before; // a look from outside the pane, not counted
      return g;
    };

    let grids = await pane.read();
    expect(host.syncCount).toBe(2);
    await pane.apply(checkAndMark(grids).plan);
    host.resetCounters();
    grids = await pane.read();
    expect(host.syncCount).toBe(1);
    expect(notesOf(grids)).toEqual(notesOf(await fresh()));
    expect(notesOf(grids).length).toBeGreaterThan(10); // the accountant's note and the marks' notes

    await pane.apply(clearMarks(grids));
    host.resetCounters();
    grids = await pane.read();
    expect(host.syncCount).toBe(1);
    expect(notesOf(grids)).toEqual(["表5!17,3:已与财务科核对"]);
  });

  it("a note added or moved behind the pane's back costs the second sync again, and is found", async () => {
    const host = await sample();
    const pane = paneHost(host);
    await pane.apply(checkAndMark(await pane.read()).plan);
    host.workbook.sheet("表3")!.notes.set("B2", "手工加的");
    host.resetCounters();
    const grids = await pane.read();
    expect(host.syncCount).toBe(2);
    expect(notesOf(grids)).toContain("表3!1,1:手工加的");
    // a sheet with remembered notes deleted by hand: still read right
    const marked = [...new Set(notesOf(grids).map((n) => n.split("!")[0]))].find((s) => s !== "表3")!;
    host.workbook.sheets = host.workbook.sheets.filter((s) => s.name !== marked);
    host.resetCounters();
    const after = await pane.read();
    expect(after.map((g) => g.sheet)).not.toContain(marked);
    expect(notesOf(after)).toContain("表3!1,1:手工加的");
    expect(host.syncCount).toBe(1);
  });
});

describe("when Excel does not answer", () => {
  it("a sync left unanswered fails the read after the timeout with ExcelNotResponding, and the next read works", async () => {
    const host = await sample();
    const expected = await read(host);
    host.hangSyncs = 1;
    const memory = office.workbookMemory();
    const hung = host.run((ctx: FakeRequestContext) => office.readWorkbook(ctx as unknown as Excel.RequestContext, caps, { memory, syncTimeoutMs: 50 }));
    await expect(hung).rejects.toBeInstanceOf(office.ExcelNotResponding);
    // not taken for a host that refuses the walk
    expect(memory.walkRefused).toBe(false);
    host.resetCounters();
    expect(await read(host, caps, memory)).toEqual(expected);
    expect(host.syncCount).toBe(1);
  });

  it("going to a cell or asking for the active sheet fails the same way, not spinning forever", async () => {
    const host = await sample();
    const ctx = (f: (c: Excel.RequestContext) => Promise<unknown>) => host.run((c: FakeRequestContext) => f(c as unknown as Excel.RequestContext));
    host.hangSyncs = 2;
    await expect(ctx((c) => office.selectCell(c, { sheet: "表5", address: "C10" }, { syncTimeoutMs: 50 }))).rejects.toBeInstanceOf(office.ExcelNotResponding);
    await expect(ctx((c) => office.activeSheetName(c, { syncTimeoutMs: 50 }))).rejects.toBeInstanceOf(office.ExcelNotResponding);
    await ctx((c) => office.selectCell(c, { sheet: "表5", address: "C10" }));
    expect(host.workbook.selection).toEqual({ sheet: "表5", address: "C10" });
    expect(await ctx((c) => office.activeSheetName(c))).toBe("表5");
  });

  it("a write left unanswered fails the same way", async () => {
    const host = await sample();
    host.hangSyncs = 1;
    const plan = { ops: [{ op: "addSheet" as const, sheet: "新表" }] };
    await expect(
      host.run((ctx: FakeRequestContext) => office.applyPlan(ctx as unknown as Excel.RequestContext, plan, caps, { syncTimeoutMs: 50 })),
    ).rejects.toThrow("Excel did not answer within 0 s");
  });
});

it("the pane's host waits out a cell edit (delayForCellEdit) and writes with screen updating suspended where Excel can (1.9)", async () => {
  const g = globalThis as unknown as Record<string, unknown>;
  for (const [api, suspended] of [
    ["1.18", 1],
    ["1.7", 0],
  ] as const) {
    const host = await sample({ apiVersion: api });
    g.Excel = host.excelNamespace();
    const pane = officeHost(office.detectCapabilities((n, v) => host.isSetSupported(n, v)));
    await pane.apply(checkAndMark(await pane.read()).plan);
    expect(host.runOptions).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true }]);
    expect(host.screenSuspensions).toBe(suspended);
  }
  delete g.Excel;
});
