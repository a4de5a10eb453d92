/**
 * The WPS adapter reads the workbooks the other adapters read, into the same Grids: real fixtures
 * (the sample with its 绩效 tables, seed 001 stacked on one sheet, 绩效 tables of two provinces, 上海's nine
 * tables with merged headers)
 * loaded into the fake WPS, read through the ET model, compared with the Office.js adapter's read
 * of the same workbook — and the calls into WPS grow with the sheets, not with the cells.
 */
import * as fs from "fs";
import * as path from "path";
import * as office from "../../src/excel";
import { Grid } from "../../src/core/grid";
import { readWorkbook } from "../../src/wps/read";
import { loadWorkbook, readGrids } from "../../src/xlsx";
import { FakeExcelHost, FakeRequestContext } from "../fake-excel/host";
import { workbookFromGrids } from "../fake-excel/browser-workbook";
import { FakeWps } from "../fake-wps/et";
import { sampleWorkbook } from "../fixtures/sample";
import { PUBLISHED, seedWorkbook } from "../fixtures/seed-workbooks";
import { perfWorkbook } from "../fixtures/perf-workbooks";

const ALL = office.detectCapabilities(() => true);

async function throughOffice(grids: Grid[]): Promise<Grid[]> {
  const host = new FakeExcelHost(workbookFromGrids(grids));
  return host.run<Grid[]>((ctx: FakeRequestContext) => office.readWorkbook(ctx as unknown as Excel.RequestContext, ALL));
}

const fixtures: [string, () => Promise<Grid[]>][] = [
  ["the sample (nine tables and four 绩效 tables)", () => Promise.resolve(readGrids(sampleWorkbook()))],
  ["seed 001's tables stacked on one sheet", () => Promise.resolve(readGrids(seedWorkbook("stacked")))],
  ["北京's and 甘肃's 绩效 tables (seed 003 p08, seed 001 p03)", () => Promise.resolve(readGrids(perfWorkbook(["seed001/p03", "seed003/p08"])))],
  ["上海's nine tables", async () => readGrids(await loadWorkbook(fs.readFileSync(path.join(PUBLISHED, "shanghai", "putuo-czj-2024.xlsx"))))],
];

describe.each(fixtures)("%s", (_name, load) => {
  it("reads the same Grids as the Office.js adapter: values, formulas, number formats, merged areas, notes, hidden sheets", async () => {
    const grids = await load();
    // a hidden and a very hidden sheet, and a note, as accountants' workbooks have them
    const many = grids.length >= 3;
    if (many) {
      grids[1] = { ...grids[1], visibility: "hidden" };
      grids[grids.length - 1] = { ...grids[grids.length - 1], visibility: "veryHidden" };
    }
    grids[0].cells[0][0] = { ...grids[0].cells[0][0], note: "上年数见附表" };
    // amounts printed to the cent, the rest general: formats that differ cell by cell
    for (const g of grids)
      g.cells = g.cells.map((row) => row.map((c) => (typeof c.value === "number" && !Number.isInteger(c.value) ? { ...c, numberFormat: "#,##0.00" } : c)));
    const wps = new FakeWps(workbookFromGrids(grids));
    const read = readWorkbook(wps);
    // merged areas in reading order: the two hosts list them each in its own
    const normal = (gs: Grid[]) => gs.map((g) => ({ ...g, merges: [...g.merges].sort() }));
    expect(normal(read)).toEqual(normal(await throughOffice(grids)));
    if (many) expect([read[1].visibility, read[read.length - 1].visibility]).toEqual(["hidden", "veryHidden"]);
    expect(read[0].cells[0][0].note).toBe("上年数见附表");
    const cents = (gs: Grid[]) => gs.flatMap((g) => g.cells.flat()).filter((c) => c.numberFormat === "#,##0.00").length;
    expect(cents(read)).toBe(cents(grids));
  });
});

it("calls into WPS grow with the sheets and the runs of differing formats, not with the cells", () => {
  const grids = readGrids(sampleWorkbook());
  const once = new FakeWps(workbookFromGrids(grids));
  readWorkbook(once);
  // the same sheets with ten times the rows (each table's body repeated)
  const tall = grids.map((g) => ({ ...g, cells: [...g.cells, ...Array.from({ length: 9 }, () => g.cells.slice(5)).flat()] }));
  const tenfold = new FakeWps(workbookFromGrids(tall));
  readWorkbook(tenfold);
  const cells = (gs: Grid[]) => gs.reduce((n, g) => n + g.cells.length * (g.cells[0]?.length ?? 0), 0);
  expect(cells(tall) / cells(grids)).toBeGreaterThan(5);
  expect(tenfold.calls / once.calls).toBeLessThan(2);
});
