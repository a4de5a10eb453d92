/**
 * The real published PDF of 上海市普陀区财政局 2024 (../shared/fixtures/shanghai, never committed):
 * read whole, its nine tables give every amount the typed workbook gives, the same relations hold
 * (0 errors, the 10 rounding tails as tails), and both known errors of its 说明 are found, on
 * their page. Skipped, saying why, where the shared folder is absent.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/engine";
import { Grid } from "../../src/core/grid";
import { tableAmounts } from "../helpers/amounts";
import { readPdfDocument } from "../../src/documents/pdf";
import { loadWorkbook, readGrids } from "../../src/xlsx";
import { PUBLISHED } from "../fixtures/seed-workbooks";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/temp";

const TMP = tempDir("pdf-published-");

const PDF = path.join(__dirname, "../../../shared/fixtures/shanghai/putuo-czj-2024.pdf");
const present = fs.existsSync(PDF);
const describeWithPdf = present ? describe : describe.skip;
if (!present) console.warn(`跳过：没有 ${PDF}（真实公开 PDF 不入库，只从 ../shared 读取）`);

describeWithPdf("the published PDF of 普陀区财政局 2024, read whole", () => {
  let doc: Awaited<ReturnType<typeof readPdfDocument>>;
  let typed: Grid[];
  beforeAll(async () => {
    doc = await readPdfDocument(fs.readFileSync(PDF));
    typed = readGrids(await loadWorkbook(fs.readFileSync(path.join(PUBLISHED, "shanghai", "putuo-czj-2024.xlsx"))));
  });

  it("finds the nine tables on their pages, a table run over two pages read as one", () => {
    const r = checkWorkbook(doc.tables.map((t) => t.grid));
    expect(r.profile).toBe("shanghai");
    expect(r.tables.map((t) => `${t.number} ${t.sheet}`)).toEqual([
      "公开01表 第6页",
      "公开02表 第8页",
      "公开03表 第10页",
      "公开04表 第12页",
      "公开05表 第15页",
      "公开06表 第16页",
      "公开07表 第18页",
      "公开08表 第19页",
      "公开09表 第20页",
    ]);
    const t02 = doc.tables.find((t) => t.grid.sheet === "第8页")!;
    expect([...new Set(t02.rowPages)]).toEqual([8, 9]);
    expect(doc.pageCount).toBe(25);
    expect(doc.unread).toEqual([]);
  });

  it("reads every amount the typed workbook has, and no other", () => {
    const fromTyped = tableAmounts(typed);
    expect(Object.keys(fromTyped).length).toBeGreaterThan(190);
    expect(tableAmounts(doc.tables.map((t) => t.grid))).toEqual(fromTyped);
  });

  it("checks the same relations as the typed workbook: no error, the 10 tails as tails", () => {
    const fromPdf = checkWorkbook(doc.tables.map((t) => t.grid));
    const fromTyped = checkWorkbook(typed);
    expect(fromPdf.relations).toEqual(fromTyped.relations);
    expect(fromPdf.relations).toEqual({ holds: 387, tails: 10, errors: 0, warnings: 1, unchecked: 0 });
    const tails = (fs: typeof fromPdf.findings) =>
      fs
        .filter((f) => f.severity === "tail")
        .map((f) => `${f.rule} ${f.difference}`)
        .sort();
    expect(tails(fromPdf.findings)).toEqual(tails(fromTyped.findings));
  });

  it("from the command line: both known errors of the 说明, each on its page; the tables' cells named by page and table", async () => {
    const json = path.join(fs.mkdtempSync(path.join(TMP, "cli-")), "check.json");
    const run = await runCli("check", PDF, "--json", json);
    // findings are the answer, not a failure of the command
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("putuo-czj-2024.pdf：25 页，找到 10 张表格");
    const out = JSON.parse(fs.readFileSync(json, "utf8")) as {
      findings: { severity: string; rule: string; message: string; cells: { sheet: string; page?: number }[] }[];
    };
    const errors = out.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.rule, f.cells[0].sheet, f.cells[0].page])).toEqual([
      ["N.amount", "第21页 决算说明", 21],
      ["N.share", "第21页 决算说明", 21],
    ]);
    expect(errors[0].message).toContain("财政拨款收入支出总计0.3万元");
    expect(errors[1].message).toContain("71.65%，写作 71.73%");
    const convention = out.findings.find((f) => f.rule === "T05~T06.convention.21011")!;
    expect(convention.cells.map((c) => c.sheet)).toEqual(["第15页 公开05表", "第16页 公开06表", "第16页 公开06表", "第16页 公开06表"]);
  });
});
