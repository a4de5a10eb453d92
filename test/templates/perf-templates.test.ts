/**
 * 绩效自评 templates: laid out as the layout variant prints, written alike through both adapters,
 * and — filled with a real table's targets, actuals and weights and recalculated by LibreOffice —
 * scoring themselves by the official rules, so the scorer finds nothing to flag.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { DistrictYunnan, PERFORMANCE_LAYOUTS, ProjectGansu, OverallGansu } from "../../src/catalog/tables/performance-layouts";
import { performanceTemplatePlan } from "../../src/core/performance/template";
import { scoreWorkbook } from "../../src/core/performance/score";
import * as office from "../../src/excel";
import * as xlsx from "../../src/xlsx";
import { FakeExcelHost, FakeRequestContext } from "../fake-excel/host";
import { FakeWorkbook } from "../fake-excel/model";
import { fakeState, xlsxState } from "../contract/state";
import { loadPerf, PerfJson } from "../fixtures/perf-workbooks";
import { recalculate, renderPng } from "../helpers/libreoffice";

const OUT = path.resolve(__dirname, "../../test-output/perf-templates");

async function template(layout = ProjectGansu, linesPerGroup = 1): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await xlsx.applyPlan(wb, {
    ops: [{ op: "addSheet", sheet: "自评表" }, ...performanceTemplatePlan(layout, { year: 2024, sheet: "自评表", linesPerGroup }).ops],
  });
  return wb;
}

/** Type a real table's inputs into the template: funds leaves, then each indicator on a skeleton line. */
function fill(ws: ExcelJS.Worksheet, t: PerfJson, layout = ProjectGansu): void {
  const col = (label: string) => {
    for (let r = 1; r <= ws.rowCount; r++) for (let c = 1; c <= 16; c++) if (ws.getCell(r, c).value === label) return { r, c };
    throw new Error(label);
  };
  ws.getCell(3, 2).value = t.header["项目名称"] ?? Object.values(t.header)[0];
  const fundsHeader = col(layout.fundsColumns[0].label).r;
  for (const row of t.funds.rows) {
    let r = fundsHeader + 1;
    while (r < fundsHeader + 10 && String(ws.getCell(r, 2).value ?? "").normalize("NFKC") !== row.label.normalize("NFKC")) r++;
    if (r === fundsHeader + 10) throw new Error(`no funds line ${row.label}`);
    layout.fundsColumns.forEach((fcol, i) => {
      const cell = ws.getCell(r, 3 + i);
      const v = row.cells[fcol.label]?.value;
      if (["initial", "budget", "actual"].includes(fcol.key) && !cell.formula && v !== null && v !== undefined) cell.value = Number(v);
    });
  }
  const header = col("一级指标").r;
  const totalRow = col("总分").r;
  if (header + t.indicators.length >= totalRow) throw new Error(`the template has ${totalRow - header - 1} indicator lines, the table ${t.indicators.length}`);
  const at = (label: string) => layout.indicatorColumns.findIndex((c) => c.label === label) + 1;
  t.indicators.forEach((ind, k) => {
    const r = header + 1 + k;
    const g = (x: unknown) => (x as { printed: string }).printed;
    ws.getCell(r, at("一级指标")).value = ind["一级指标"] as string;
    ws.getCell(r, at("二级指标")).value = ind["二级指标"] as string;
    ws.getCell(r, at("三级指标")).value = ind["三级指标"] as string;
    ws.getCell(r, at("年度指标值")).value = g(ind["年度指标值"]);
    const actual = g(ind["实际完成值"]);
    ws.getCell(r, at("实际完成值")).value = /^-?\d+(\.\d+)?$/.test(actual) ? Number(actual) : actual;
    ws.getCell(r, at("单位")).value = (ind["单位"] as string) ?? null;
    ws.getCell(r, at("分值")).value = Number(g(ind["分值"]));
  });
  for (let r = header + 1 + t.indicators.length; r < totalRow; r++) ws.getCell(r, at("分值")).value = null;
}

beforeAll(() => fs.mkdirSync(OUT, { recursive: true }));

it.each(PERFORMANCE_LAYOUTS.map((l) => [l.id, l] as const))("%s: same sheet through ExcelJS and Office.js, found by the scorer", async (_id, layout) => {
  const plan = performanceTemplatePlan(layout, { year: 2024, sheet: "自评表" });
  const host = new FakeExcelHost(new FakeWorkbook());
  await host.run((c: FakeRequestContext) =>
    office.applyPlan(
      c as unknown as Excel.RequestContext,
      { ops: [{ op: "addSheet", sheet: "自评表" }, ...plan.ops] },
      office.detectCapabilities(() => true),
    ),
  );
  const wb = await template(layout);
  const reread = await xlsx.loadWorkbook(await xlsx.saveWorkbook(wb));
  expect(fakeState(host.workbook)).toEqual(xlsxState(reread));
  const found = scoreWorkbook(xlsx.readGrids(reread));
  expect(found.projects.map((p) => p.kind)).toEqual([layout.table.kind]);
});

it("filled with seed 001's 政务公开新媒体产品制作 and recalculated, it scores itself by the rules", async () => {
  const wb = await template();
  const t = loadPerf("seed001/p03");
  fill(wb.getWorksheet("自评表")!, t);
  const file = path.join(OUT, "p03-filled.xlsx");
  fs.writeFileSync(file, await xlsx.saveWorkbook(wb));
  const computed = await xlsx.loadWorkbook(fs.readFileSync(recalculate(file, path.join(OUT, "recalculated"))));
  const ws = computed.getWorksheet("自评表")!;
  const result = (addr: string) => (ws.getCell(addr).value as ExcelJS.CellFormulaValue).result;
  // 合格率 97% against ≥98% on 20 points: 19.80, not the printed 20; reverse ≤5万元 met: full
  const scores = [13, 14, 15, 16, 17].map((r) => result(`I${r}`));
  expect(scores).toEqual([20, 20, 19.8, 20, 10]);
  expect(result("H13")).toBe(100);
  const scored = scoreWorkbook(xlsx.readGrids(computed));
  expect(scored.findings.filter((f) => f.severity === "error" || f.severity === "tail")).toEqual([]);
  expect(scored.projects[0]).toMatchObject({ printedTotal: "99.7", computedTotal: "99.7", grade: "优", printedGrade: "优" });
  expect(renderPng(file, path.join(OUT, "png")).length).toBeGreaterThan(0);
}, 180_000);

it("the 整体 template sums its funds tree and scores 执行率 on every line", async () => {
  const wb = await template(OverallGansu, 3);
  const t = loadPerf("seed001/z01");
  fill(wb.getWorksheet("自评表")!, t, OverallGansu);
  const file = path.join(OUT, "z01-filled.xlsx");
  fs.writeFileSync(file, await xlsx.saveWorkbook(wb));
  const computed = await xlsx.loadWorkbook(fs.readFileSync(recalculate(file, path.join(OUT, "recalculated"))));
  const scored = scoreWorkbook(xlsx.readGrids(computed));
  const fundsRows = computed.getWorksheet("自评表")!;
  const v = (a: string) => (fundsRows.getCell(a).value as ExcelJS.CellFormulaValue).result;
  expect([v("E5"), v("F5"), v("G5")]).toEqual([887.27, 92.19, 9.22]); // Σ of the typed parts; rounded, not truncated
  expect(scored.findings.filter((f) => f.rule.startsWith("P.funds") && f.severity !== "info")).toEqual([]);
}, 180_000);

it("云南: the weight tree sums itself, 总分 and 评价等次 ticks follow the evaluator's scores", async () => {
  const wb = await template(DistrictYunnan);
  const ws = wb.getWorksheet("自评表")!;
  const header = [...Array(40).keys()].map((i) => i + 1).find((r) => ws.getCell(r, 1).value === "一级指标")!;
  const scores = [5, 4, 5, 4, 5, 4, 9, 10, 9, 5, 4, 17, 9];
  scores.forEach((s, i) => (ws.getCell(header + 1 + i, 7).value = s));
  const file = path.join(OUT, "yunnan-filled.xlsx");
  fs.writeFileSync(file, await xlsx.saveWorkbook(wb));
  const computed = await xlsx.loadWorkbook(fs.readFileSync(recalculate(file, path.join(OUT, "recalculated"))));
  const c = computed.getWorksheet("自评表")!;
  const v = (r: number, col: number) => (c.getCell(r, col).value as ExcelJS.CellFormulaValue).result;
  expect([v(header + 1, 2), v(header + 5, 2), v(header + 8, 2), v(header + 12, 2)]).toEqual([20, 20, 30, 30]); // 决策 过程 产出 效益
  const totalRow = header + 1 + scores.length;
  expect([v(totalRow, 6), v(totalRow, 7)]).toEqual([100, 90]);
  expect(v(totalRow + 1, 2)).toBe("优√ 良□ 中□ 差□");
  const scored = scoreWorkbook(xlsx.readGrids(computed));
  expect(scored.projects[0]).toMatchObject({ kind: "区级预算支出部门评价表", computedTotal: "90", grade: "优", printedGrade: "优" });
  expect(scored.findings.filter((f) => f.severity !== "info")).toEqual([]);
}, 180_000);

describe("as an office prints it", () => {
  // the 项目 self-evaluations that score (the 转移支付 one scores nothing)
  const project = PERFORMANCE_LAYOUTS.filter((l) => l.table.kind === ProjectGansu.table.kind && l.indicatorColumns.some((c) => c.key === "weight"));

  it.each(project.map((l) => [l.id, l] as const))(
    "%s: the usual weights, 产出 50 · 效益 30 · 满意度 10 · 执行率 10, each 一级指标 printed once over its lines",
    async (_id, layout) => {
      const ws = (await template(layout)).getWorksheet("自评表")!;
      const labels = layout.indicatorColumns.map((c) => c.label);
      const col = (label: string) => labels.indexOf(label) + 1;
      let header = 1;
      while (ws.getCell(header, 1).value !== "一级指标") header++;
      const weights = new Map<string, number>();
      let level1 = "";
      for (let r = header + 1; ws.getCell(r, 1).value !== "总分"; r++) {
        const cell = ws.getCell(r, col("一级指标"));
        if (!cell.isMerged || cell.master === cell) level1 = String(cell.value);
        // a merged 一级指标 reads only at its first line
        else expect(cell.master.address).not.toBe(cell.address);
        const w = ws.getCell(r, col(labels.find((l) => /分值/.test(l) && l !== "分值权重")!)).value;
        weights.set(level1, (weights.get(level1) ?? 0) + Number(w ?? 0));
      }
      expect(Object.fromEntries(weights)).toEqual({ 产出指标: 50, 效益指标: 30, 满意度指标: 10 });
      expect(layout.fundsWeight).toBe(10);
      expect(ws.getCell(header + 1, col("一级指标")).isMerged).toBe(true);
    },
  );

  it("the year's goal has room for a paragraph; the 新疆 form, the widest, prints in readable type on A4", async () => {
    const layout = PERFORMANCE_LAYOUTS.find((l) => l.id === "D-xinjiang-project")!;
    const wb = await template(layout);
    const ws = wb.getWorksheet("自评表")!;
    let goal = 1;
    while (ws.getCell(goal, 1).value !== "年度总体目标") goal++;
    expect(ws.getRow(goal + 1).height).toBeGreaterThanOrEqual(60);
    const file = path.join(OUT, "xinjiang.xlsx");
    fs.writeFileSync(file, await xlsx.saveWorkbook(wb));
    renderPng(file, path.join(OUT, "xinjiang"));
    // the height of a header word's box on the printed page, in points: the type's size after fitting
    const bbox = execFileSync("pdftotext", ["-bbox", path.join(OUT, "xinjiang", "xinjiang.pdf"), "-"]).toString();
    const word = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">指标赋分规则<\/word>/.exec(bbox)!;
    expect(Number(word[2]) - Number(word[1])).toBeGreaterThanOrEqual(8);
  }, 120_000);
});
