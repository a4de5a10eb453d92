/**
 * Beijing's three local tables (公开08表 政府性基金基本支出, 公开11表 政府采购情况表, 公开12表 政府购买
 * 服务决算公开情况表): in the Beijing set in its 表号 order, laid out with live totals that
 * LibreOffice recalculates, found and checked in a filled workbook, named by the 说明.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli";
import { tablesOf } from "../../src/catalog";
import { checkWorkbook } from "../../src/core/engine";
import { readGrids, loadWorkbook } from "../../src/xlsx";
import { recalculate, renderPng } from "../helpers/libreoffice";
import { seedWorkbook } from "../fixtures/seed-workbooks";
import { beijingAdditions } from "../helpers/spec";
import { rulesFor } from "../../src/catalog";
import { workbookTemplatePlan } from "../../src/core/disclosure/template";
import * as office from "../../src/excel";
import * as xlsx from "../../src/xlsx";
import { FakeExcelHost, FakeRequestContext } from "../fake-excel/host";
import { FakeWorkbook } from "../fake-excel/model";
import { fakeState, xlsxState } from "../contract/state";
import { tempDir } from "../helpers/temp";

const OUT = path.resolve(__dirname, "../../test-output/templates/beijing");
const tmp = tempDir("juesuan-bj-");

async function run(...argv: string[]): Promise<number> {
  const e = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    return await main(argv);
  } finally {
    e.mockRestore();
  }
}

it("the three tables 北京 publishes beyond the nine are the catalog's, by title", () => {
  expect(beijingAdditions()).toEqual(
    tablesOf("beijing")
      .filter((t) => !t.numbers?.gansu)
      .map((t) => t.title),
  );
});

it("the Beijing set is twelve tables in its own 表号 order; the other regions keep their nine", () => {
  expect(tablesOf("beijing").map((t) => `${t.numbers!.beijing} ${t.title}`)).toEqual([
    "公开01表 收入支出决算总表",
    "公开02表 收入决算表",
    "公开03表 支出决算表",
    "公开04表 财政拨款收入支出决算总表",
    "公开05表 一般公共预算财政拨款支出决算表",
    "公开06表 一般公共预算财政拨款基本支出决算明细表",
    "公开07表 政府性基金预算财政拨款收入支出决算表",
    "公开08表 政府性基金预算财政拨款基本支出决算表",
    "公开09表 国有资本经营预算财政拨款支出决算表",
    "公开10表 财政拨款“三公”经费支出决算表",
    "公开11表 政府采购情况表",
    "公开12表 政府购买服务决算公开情况表",
  ]);
  for (const p of ["mof", "gansu", "yunnan"] as const) expect(tablesOf(p)).toHaveLength(9);
});

it.each(["T10", "T11", "T12"])("%s: the Office adapter (fake host) writes the same sheet as the file adapter, in one sync", async (id) => {
  const plan = workbookTemplatePlan(
    tablesOf("beijing").filter((t) => t.id === id),
    (t) => rulesFor(t.id),
    { dept: "北京市某街道办事处", year: 2024, profile: "beijing" },
  ).plan;
  const host = new FakeExcelHost(new FakeWorkbook());
  await host.run((ctx: FakeRequestContext) =>
    office.applyPlan(
      ctx as unknown as Excel.RequestContext,
      plan,
      office.detectCapabilities(() => true),
    ),
  );
  expect(host.syncCount).toBe(1);
  const x = new ExcelJS.Workbook();
  await xlsx.applyPlan(x, plan);
  const state = fakeState(host.workbook);
  expect(state).toEqual(xlsxState(await xlsx.loadWorkbook(await xlsx.saveWorkbook(x))));
  expect(state[0].protected).toBe(true);
  // the listed rows are open for typing: names, the 目录 code and name, 承接主体, amounts
  if (id === "T12") expect(["A8", "B8", "C8", "D8", "E8"].map((a) => state[0].cells[a]?.unlocked)).toEqual([true, true, true, true, true]);
});

describe("juesuan template --profile beijing", () => {
  let wb: ExcelJS.Workbook;
  let recalculated: ExcelJS.Workbook;
  const file = path.join(tmp, "beijing.xlsx");

  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    expect(await run("template", "--profile", "beijing", "--dept", "北京市某街道办事处", "--year", "2024", "-o", file)).toBe(0);
    wb = await loadWorkbook(fs.readFileSync(file));
    // two 单位 of 政府采购 and two 服务项目 typed in, then LibreOffice computes the totals
    const p = wb.getWorksheet("公开11表")!;
    // 单位名称 | 货物 工程 服务 | 中小企业 小微企业 (the 合计 column is a formula)
    const pRows: [string, number, number, number, number, number][] = [
      ["本级", 10, 0, 30, 30, 25],
      ["下属事业单位", 0, 0, 12.5, 12.5, 10],
    ];
    pRows.forEach(([name, ...v], i) => {
      p.getCell(8 + i, 1).value = name;
      v.forEach((x, k) => (p.getCell(8 + i, k + 3).value = x));
    });
    const s = wb.getWorksheet("公开12表")!;
    s.getCell("A8").value = "社区工作者招录考试服务";
    s.getCell("E8").value = 12.3;
    s.getCell("A9").value = "街道工作公众满意度调查";
    s.getCell("E9").value = 9.37;
    fs.writeFileSync(path.join(OUT, "beijing-filled.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
    recalculated = await loadWorkbook(fs.readFileSync(recalculate(path.join(OUT, "beijing-filled.xlsx"), path.join(OUT, "recalculated"))));
  }, 180_000);

  it("writes the twelve sheets in the Beijing numbering", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(tablesOf("beijing").map((t) => t.numbers!.beijing));
  });

  it("公开11表 政府采购情况表: title, meta line, two-level headers, 栏次, a live 合计 row and row totals", () => {
    const ws = wb.getWorksheet("公开11表")!;
    expect(ws.getCell("A1").value).toBe("政府采购情况表");
    expect(ws.getCell("A2").value).toBe("部门：北京市某街道办事处");
    expect(ws.getCell("G2").value).toBe("公开11表");
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getCell(4, c).value)).toEqual([
      "单位名称",
      "政府采购支出金额",
      "政府采购支出金额",
      "政府采购支出金额",
      "政府采购支出金额",
      "授予中小企业合同金额",
      "授予中小企业合同金额",
    ]);
    expect([2, 3, 4, 5, 6, 7].map((c) => ws.getCell(5, c).value)).toEqual(["合计", "货物", "工程", "服务", "合计", "其中：授予小微企业合同金额"]);
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getCell(6, c).value)).toEqual(["栏次", "1", "2", "3", "4", "5", "6"]);
    expect(ws.getCell("A7").value).toBe("合计");
    expect(ws.getCell("C7").formula).toBe("SUM(C8:C17)");
    expect(ws.getCell("B9").formula).toBe("SUM(C9:E9)");
  });

  it("the totals recalculate: 合计 = Σ 单位, each row 合计 = 货物 + 工程 + 服务", () => {
    const p = recalculated.getWorksheet("公开11表")!;
    // a formula whose result is 0 comes back from LibreOffice without a cached result
    const value = (a: string) => {
      const v = p.getCell(a).value;
      return v !== null && typeof v === "object" && "formula" in v ? Number(v.result ?? 0) : Number(v);
    };
    expect(["B7", "C7", "D7", "E7", "F7", "G7"].map(value)).toEqual([52.5, 10, 0, 42.5, 42.5, 35]);
    expect([value("B8"), value("B9")]).toEqual([40, 12.5]);
    const s = recalculated.getWorksheet("公开12表")!;
    expect(Number((s.getCell("E7").value as { result?: number }).result)).toBeCloseTo(21.67, 10);
  });

  it("公开08表 is the 06表 layout for 政府性基金: the same panels and 人员经费/公用经费 合计", () => {
    const ws = wb.getWorksheet("公开08表")!;
    expect(ws.getCell("A1").value).toBe("政府性基金预算财政拨款基本支出决算表");
    const six = wb.getWorksheet("公开06表")!;
    for (let r = 4; r <= 34; r++) for (const c of ["A", "B", "D", "E", "G", "H"]) expect(ws.getCell(`${c}${r}`).value).toEqual(six.getCell(`${c}${r}`).value);
  });

  it("is found and checked: a typed 合计 that is not Σ 单位 is an error, the 说明's 政府采购 sentence is checked against it", async () => {
    const book = await loadWorkbook(fs.readFileSync(path.join(OUT, "recalculated", "beijing-filled.xlsx")));
    const p = book.getWorksheet("公开11表")!;
    // the accountant overtypes two formulas: 货物 合计 by hand (wrong), 授予中小企业 合计 (right)
    p.getCell("C7").value = 11;
    p.getCell("F7").value = 42.5;
    book.addWorksheet("决算说明").getCell("A1").value =
      "2024年度本部门政府采购支出合计 52.50 万元，其中：政府采购货物支出 10.00 万元、政府采购工程支出 0.00 万元、政府采购服务支出 42.50 万元。授予中小企业合同金额 42.50万元，占政府采购支出总额的 80.95%。2024年度政府购买服务决算21.76万元。";
    const result = checkWorkbook(readGrids(book), { profile: "beijing" });
    expect(result.tables.filter((t) => ["T10", "T11", "T12"].includes(t.id)).map((t) => `${t.id} ${t.sheet}`)).toEqual([
      "T10 公开08表",
      "T11 公开11表",
      "T12 公开12表",
    ]);
    const relevant = result.findings.filter((f) => f.rule.startsWith("T11") || f.rule.startsWith("T12") || f.rule.startsWith("N."));
    expect(relevant.map((f) => [f.rule, f.severity, `${f.cells[0].sheet}!${f.cells[0].address}`, f.message])).toEqual([
      // the row's own 合计 (its cached 52.50) no longer adds up either
      [
        "T11.row",
        "error",
        "公开11表!B7",
        "公开11表：合计行 政府采购支出金额/合计（栏次1）应等于政府采购支出金额/货物（栏次2）加政府采购支出金额/工程（栏次3）加政府采购支出金额/服务（栏次4）：应为53.50，实为52.50，差-1.00",
      ],
      ["T11.list", "error", "公开11表!C7", "公开11表：合计行 政府采购支出金额/货物（栏次2）应等于各行之和：应为10.00，实为11.00，差1.00"],
      ["N.amount", "error", "决算说明!A1", "决算说明“政府采购货物支出 10.00 万元”与公开11表 11.00 万元不一致"],
      ["N.amount", "error", "决算说明!A1", "决算说明“政府购买服务决算21.76万元”与公开12表 21.67 万元不一致"],
    ]);
  });

  it("renders with LibreOffice", () => {
    const pages = renderPng(file, path.join(OUT, "png"));
    expect(pages.length).toBeGreaterThanOrEqual(12);
  }, 180_000);
});

it.each([
  ["表9", "T09"],
  // 05表 prints no label of its own (08表 differs by 小计/合计 only): found as the likeliest table of its block
  ["表5", "T05"],
])(
  "untitled %s and 06表 pasted on one sheet are both found (06表's labels are its own in 甘肃's set; Beijing's 政府性基金 08表 prints them too)",
  (sheet, id) => {
    const wb = seedWorkbook("sheets");
    const untitle = (name: string) =>
      wb.getWorksheet(name)!.eachRow((row) =>
        row.eachCell((cell) => {
          if (/公开\s*0\d\s*表|决算(明细)?表$|部门：|金额单位|年度$/.test(String(cell.value ?? ""))) cell.value = null;
        }),
      );
    untitle(sheet);
    untitle("表6");
    // the accountant pastes 06表 under the other table, two rows below
    const host = wb.getWorksheet(sheet)!;
    const below = host.rowCount + 3;
    wb.getWorksheet("表6")!.eachRow((row, r) => row.eachCell((cell, c) => (host.getCell(below + r, c).value = cell.value)));
    wb.removeWorksheet(wb.getWorksheet("表6")!.id);
    const result = checkWorkbook(readGrids(wb), { profile: "gansu" });
    expect(
      result.tables
        .filter((t) => t.sheet === sheet)
        .map((t) => t.id)
        .sort(),
    ).toEqual([id, "T06"].sort());
    expect(result.findings.filter((f) => f.rule.startsWith("T10"))).toEqual([]);
  },
);
