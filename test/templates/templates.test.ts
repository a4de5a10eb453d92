/**
 * Blank templates for every table of the spec: written through the ExcelJS adapter and through the
 * Office adapter (fake host) alike, laid out as the spec says, every total a live formula that —
 * filled with the real 2024 numbers of seed 001 and recalculated by LibreOffice — reproduces the
 * published totals. Rendered pages are kept in test-output/templates/.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import Decimal from "decimal.js";
import { TABLES, rulesFor } from "../../src/catalog";
import { parseArea, parseCell } from "../../src/core/address";
import { Grid, cellAt } from "../../src/core/grid";
import { workbookTemplatePlan, TemplateError, templatePlan } from "../../src/core/disclosure/template";
import { TableInstance, itemCell } from "../../src/core/disclosure/instance";
import * as office from "../../src/excel";
import * as xlsx from "../../src/xlsx";
import { FakeExcelHost, FakeRequestContext } from "../fake-excel/host";
import { FakeWorkbook } from "../fake-excel/model";
import { fakeState, xlsxState } from "../contract/state";
import { SEED001, loadSeedTable } from "../fixtures/seed-workbooks";
import { readSpecTables } from "../helpers/spec";
import { insertRows, recalculate, renderPng } from "../helpers/libreoffice";
import { templatesFor } from "../../src/core/workflows";

const OUT = path.resolve(__dirname, "../../test-output/templates");
const spec = readSpecTables();

/** 科目 rows of the seed's coded tables, so the template pre-fills the same lines. */
function seedSubjects(no: string) {
  const t = loadSeedTable(SEED001, no);
  return t.rows.filter((r) => r.code_restored).map((r) => ({ code: r.code_restored as string, name: r.label as string }));
}

const options = { dept: "临夏市人民政府办公室", year: 2024 };
const built = workbookTemplatePlan(TABLES, (t) => rulesFor(t.id), options);
const withSubjects = TABLES.map((t) => templatePlan(t, rulesFor(t.id), { ...options, subjects: t.openRows ? seedSubjects(t.id.slice(1)) : undefined }));

let wb: ExcelJS.Workbook;
let grids: Grid[];
beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  wb = new ExcelJS.Workbook();
  await xlsx.applyPlan(wb, built.plan);
  const file = path.join(OUT, "all-tables.xlsx");
  fs.writeFileSync(file, await xlsx.saveWorkbook(wb));
  grids = await xlsx.readWorkbook(fs.readFileSync(file));
});

/** Header labels above a column, reading merged blocks as printed. */
function headerPath(grid: Grid, col: number, top: number, bottom: number): string[] {
  const out: string[] = [];
  for (let r = top; r <= bottom; r++) {
    let v = cellAt(grid, { row: r, col }).value;
    for (const m of grid.merges.map(parseArea)) {
      if (r >= m.top && r <= m.bottom && col >= m.left && col <= m.right) v = cellAt(grid, { row: m.top, col: m.left }).value;
    }
    if (v !== null && out[out.length - 1] !== String(v)) out.push(String(v));
  }
  return out;
}

describe.each(spec.map((s) => [s.number, s] as const))("%s template", (number, s) => {
  const inst = built.instances.find((i) => i.table.number === number)!;
  const grid = () => grids.find((g) => g.sheet === number)!;
  const v = (address: string) => cellAt(grid(), parseCell(address)).value;

  it("has the spec's title, 表号 and meta line", () => {
    expect(inst).toBeDefined();
    expect(v("A1")).toBe(s.title);
    const cells = grid()
      .cells.slice(0, 3)
      .flat()
      .map((c) => c.value);
    expect(cells).toContain(number);
    expect(cells).toContain("部门：临夏市人民政府办公室");
    expect(cells).toContain("2024年度");
    expect(cells).toContain("金额单位：万元");
  });

  it("numbers its columns (栏次) with the spec's header paths", () => {
    const g = grid();
    const lanciRow = inst.dataTop - 1;
    const found = new Map<string, string[]>();
    for (let c = 0; c < g.cells[0].length; c++) {
      const lanci = cellAt(g, { row: lanciRow, col: c }).value;
      if (typeof lanci === "string" && /^\d+$/.test(lanci)) found.set(lanci, headerPath(g, c, 3, lanciRow - 1));
    }
    expect(found).toEqual(s.columns);
  });

  if (s.lines.length) {
    it("prints every 行次 with its label", () => {
      const g = grid();
      const printed = new Map<number, string>();
      for (const it of inst.items) {
        if (it.line === undefined) continue;
        const label = it.cols.label === undefined ? null : cellAt(g, { row: it.row, col: it.cols.label }).value;
        expect(cellAt(g, { row: it.row, col: it.cols.line }).value).toBe(it.line);
        printed.set(it.line, label === null ? "" : String(label));
      }
      expect([...printed].sort((a, b) => a[0] - b[0])).toEqual([...s.lines].sort((a, b) => a[0] - b[0]));
    });
  }

  if (s.panels.length) {
    it("prints the 经济分类 lines of each panel", () => {
      const g = grid();
      s.panels.forEach((line, i) =>
        line.forEach(([code, name], p) => {
          if (!code) return;
          expect([cellAt(g, { row: inst.dataTop + i, col: p * 3 }).value, cellAt(g, { row: inst.dataTop + i, col: p * 3 + 1 }).value]).toEqual([code, name]);
        }),
      );
    });
  }

  it("writes the same sheet through the Office adapter (fake host) in one sync", async () => {
    const host = new FakeExcelHost(new FakeWorkbook());
    const one = workbookTemplatePlan([inst.table], (t) => rulesFor(t.id), options);
    await host.run((ctx: FakeRequestContext) =>
      office.applyPlan(
        ctx as unknown as Excel.RequestContext,
        one.plan,
        office.detectCapabilities(() => true),
      ),
    );
    expect(host.syncCount).toBe(1);
    const x = new ExcelJS.Workbook();
    await xlsx.applyPlan(x, one.plan);
    const reread = await xlsx.loadWorkbook(await xlsx.saveWorkbook(x));
    expect(fakeState(host.workbook)).toEqual(xlsxState(reread));
  });
});

it("covers every table of the spec", () => {
  expect(spec.map((s) => s.number)).toEqual(TABLES.map((t) => t.number));
});

describe("filled with seed 001 and recalculated by LibreOffice", () => {
  let computed: ExcelJS.Workbook;
  const filledInstances: TableInstance[] = [];

  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    for (const { plan, instance } of withSubjects) {
      await xlsx.applyPlan(book, { ops: [{ op: "addSheet", sheet: instance.sheet }, ...plan.ops] });
      filledInstances.push(instance);
      fill(book.getWorksheet(instance.sheet)!, instance);
    }
    const file = path.join(OUT, "seed001-filled.xlsx");
    fs.writeFileSync(file, await xlsx.saveWorkbook(book));
    computed = await xlsx.loadWorkbook(fs.readFileSync(recalculate(file, path.join(OUT, "recalculated"))));
  }, 180_000);

  it("reproduces every published total within its rounding tail", () => {
    let compared = 0;
    const tails: string[] = [];
    for (const inst of filledInstances) {
      const ws = computed.getWorksheet(inst.sheet)!;
      for (const [address, published] of publishedValues(inst)) {
        const cell = ws.getCell(address);
        if (!cell.formula) continue;
        // LibreOffice sums in binary floating point: read the result as displayed, to 2 places
        const value = new Decimal(String((cell.value as ExcelJS.CellFormulaValue).result ?? 0)).toDecimalPlaces(2);
        const diff = value.minus(published).abs();
        expect({ address: `${inst.sheet}!${address}`, ok: diff.lte("0.05") }).toEqual({ address: `${inst.sheet}!${address}`, ok: true });
        compared++;
        if (!diff.isZero()) tails.push(`${inst.sheet}!${address} ${value.toFixed()} vs ${published.toFixed()}`);
      }
    }
    expect(compared).toBeGreaterThan(60);
    // recomputed from the leaves, only the published 0.01 tails show: 21011 and what sums it
    // (210, 合计), and 06表's 301 and 302 — the same places the checker reports
    expect(tails).toEqual([
      "公开02表!C7 887.28 vs 887.29",
      "公开02表!D7 887.28 vs 887.29",
      "公开02表!C15 32.38 vs 32.39",
      "公开02表!D15 32.38 vs 32.39",
      "公开02表!C16 32.38 vs 32.39",
      "公开02表!D16 32.38 vs 32.39",
      "公开03表!C7 887.28 vs 887.29",
      "公开03表!D7 764.6 vs 764.61",
      "公开03表!C15 32.38 vs 32.39",
      "公开03表!D15 32.38 vs 32.39",
      "公开03表!C16 32.38 vs 32.39",
      "公开03表!D16 32.38 vs 32.39",
      "公开05表!C7 887.28 vs 887.29",
      "公开05表!D7 764.6 vs 764.61",
      "公开05表!C15 32.38 vs 32.39",
      "公开05表!D15 32.38 vs 32.39",
      "公开05表!C16 32.38 vs 32.39",
      "公开05表!D16 32.38 vs 32.39",
      "公开06表!C6 568.62 vs 568.63",
      "公开06表!F6 175.89 vs 175.88",
    ]);
  });
});

/** Every amount the seed prints, by sheet address in the template instance. */
function publishedValues(inst: TableInstance): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  const t = loadSeedTable(SEED001, inst.table.id.slice(1));
  const put = (address: string | undefined, p: { value: string } | null | undefined) => {
    if (address && p) out.set(address, new Decimal(p.value));
  };
  for (const r of t.rows) {
    if (inst.table.layout === "two_sided") {
      for (const side of ["income", "expense"] as const) {
        const part = r[side] as { 行次: string; cells: Record<string, { value: string } | null> } | null;
        const item = part && inst.items.find((it) => it.line === Number(part.行次));
        if (!item || !part) continue;
        for (const [lanci, p] of Object.entries(part.cells)) {
          const col = inst.table.columns.find((c) => c.lanci === lanci)!;
          put(itemCell(item, col.key.split(".")[1]), p);
        }
      }
    } else if (inst.table.layout === "coded_rows") {
      const item = r.level === "合计" ? inst.items.find((it) => it.key === "total") : inst.items.find((it) => it.code === r.code_restored);
      for (const [lanci, p] of Object.entries(r.cells as Record<string, { value: string } | null>)) put(item && itemCell(item, `c${lanci}`), p);
    } else if (inst.table.layout === "panels") {
      for (const p of Object.values(r.panels as Record<string, { code_restored: string; cells: Record<string, { value: string }> } | null>)) {
        const item = p && inst.items.find((it) => it.code === p.code_restored);
        put(item ? itemCell(item, "amount") : undefined, p?.cells["决算数"]);
      }
    } else if (inst.table.layout === "single_row") {
      const item = inst.items.find((it) => it.key === "values")!;
      for (const [lanci, p] of Object.entries(r.cells as Record<string, { value: string } | null>)) put(itemCell(item, `c${lanci}`), p);
    }
  }
  if (inst.table.id === "T06") {
    const s = t.summary_row as Record<string, { value: string }>;
    put(
      itemCell(
        inst.items.find((it) => it.key === "personnel.total")!,
        "amount",
      ),
      s["人员经费合计"],
    );
    put(
      itemCell(
        inst.items.find((it) => it.key === "public.total")!,
        "amount",
      ),
      s["公用经费合计"],
    );
  }
  return out;
}

/** Type the published amounts into the template's input cells only; totals stay formulas. */
function fill(ws: ExcelJS.Worksheet, inst: TableInstance): void {
  for (const [address, value] of publishedValues(inst)) {
    const cell = ws.getCell(address);
    if (!cell.formula) cell.value = value.toNumber();
  }
}

it("renders every template with LibreOffice to pictures a person can check", () => {
  // pages of an earlier run would be counted with these
  fs.rmSync(path.join(OUT, "png"), { recursive: true, force: true });
  const pages = renderPng(path.join(OUT, "all-tables.xlsx"), path.join(OUT, "png"));
  // each standard table on one A4 page of its own (公开01表 no longer spills 本年收入合计 and 总计 onto a second)
  expect(pages).toHaveLength(9);
  for (const p of pages) expect(fs.statSync(p).size).toBeGreaterThan(5_000);
  // and every page carries its number
  const text = execFileSync("pdftotext", ["-layout", path.join(OUT, "png", "all-tables.pdf"), "-"]).toString();
  expect(text.match(/第 \d 页，共 9 页/g)).toHaveLength(9);
}, 180_000);

describe("bad options give a clear message", () => {
  it.each([
    [{ ...options, sheet: "公开01表:草稿" }, /不允许的字符/],
    [{ ...options, sheet: "x".repeat(40) }, /超过 31 个字符/],
    [{ ...options, year: 1850 }, /年度“1850”无效/],
  ])("%j", (opts, message) => {
    expect(() => templatePlan(TABLES[0], [], opts)).toThrow(TemplateError);
    expect(() => templatePlan(TABLES[0], [], opts)).toThrow(message);
  });

  it("never overwrites a sheet that exists: a new name instead", () => {
    const { instances } = workbookTemplatePlan([TABLES[0]], () => [], options, ["公开01表", "公开01表(2)"]);
    expect(instances[0].sheet).toBe("公开01表(3)");
  });
});

it("公开05表 with 25 rows inserted by the accountant (LibreOffice inserting them, the sheet protected as delivered) still totals them", async () => {
  const dir = path.join(OUT, "grown");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "05.xlsx");
  const wb = xlsx.newWorkbook();
  await xlsx.applyPlan(wb, templatesFor(["T05"], "测试单位", 2024).plan);
  fs.writeFileSync(file, await xlsx.saveWorkbook(wb));
  // 25 类 lines typed into rows inserted in the middle of the 科目 block: 1.00 基本, 2.00 项目 each
  const rows = Array.from({ length: 25 }, (_, i) => [String(210 + i), `类${i + 1}`, null, 1, 2]);
  const grown = await xlsx.loadWorkbook(fs.readFileSync(insertRows(file, "公开05表", 15, rows, dir)));
  const ws = grown.worksheets[0];
  const total = (a: string) => (ws.getCell(a).value as ExcelJS.CellFormulaValue).result;
  expect([total("C7"), total("D7"), total("E7")]).toEqual([75, 25, 50]);
  // the note moved down with the block, nothing lost under it
  expect(String(ws.getCell(`A${28 + 25}`).value)).toMatch(/^注：/);
}, 180_000);
