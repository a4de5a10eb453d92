/**
 * PDFs the project makes itself, by real producers: the 普陀区财政局 tables and 说明 as a Word
 * document turned into PDF by LibreOffice Writer (rows broken across pages, wrapped labels), and
 * the typed workbook printed by LibreOffice Calc (fitted small, so pdf.js joins neighbouring
 * cells' text). Each read back gives every amount the workbook has and the same findings; the
 * 说明's two known errors are found on their page. Needs no ../shared.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/engine";
import { Grid } from "../../src/core/grid";
import { readPdfDocument } from "../../src/documents/pdf";
import { SHANGHAI, shanghaiNarrative, shanghaiTables } from "../fixtures/made-documents";
import { wordDocumentOf } from "../fixtures/word-document";
import { printedWorkbook } from "../fixtures/printed-workbook";
import { soffice } from "../helpers/libreoffice";
import { tableAmounts } from "../helpers/amounts";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/temp";

const dir = tempDir("pdf-made-");
let typed: Grid[];
let fromWriter: string;
let fromCalc: string;

beforeAll(async () => {
  const bytes = fs.readFileSync(path.join(SHANGHAI, "putuo-czj-2024.xlsx"));
  typed = await shanghaiTables();
  const narrative = shanghaiNarrative();
  fs.writeFileSync(path.join(dir, "普陀区财政局.docx"), await wordDocumentOf(typed, narrative));
  fs.writeFileSync(path.join(dir, "普陀区财政局表.xlsx"), await printedWorkbook(bytes));
  [fromWriter, fromCalc] = soffice([path.join(dir, "普陀区财政局.docx"), path.join(dir, "普陀区财政局表.xlsx")], "pdf", dir);
});

describe.each([
  ["LibreOffice Writer, from a Word document", () => fromWriter],
  ["LibreOffice Calc, from the workbook", () => fromCalc],
])("a PDF printed by %s", (_, file) => {
  it("gives every amount of the nine tables, and the same relations as the workbook", async () => {
    const doc = await readPdfDocument(fs.readFileSync(file()));
    const grids = doc.tables.map((t) => t.grid);
    expect(tableAmounts(grids)).toEqual(tableAmounts(typed));
    expect(checkWorkbook(grids).relations).toEqual({ holds: 387, tails: 10, errors: 0, warnings: 1, unchecked: 0 });
    expect(checkWorkbook(grids).tables.map((t) => t.number)).toEqual(checkWorkbook(typed).tables.map((t) => t.number));
    expect(doc.unread).toEqual([]);
  });
});

it("a table row Writer broke over two pages is one row: its label whole", async () => {
  const doc = await readPdfDocument(fs.readFileSync(fromWriter));
  const t03 = doc.tables.find((t) => t.grid.cells.some((r) => r.some((c) => c.value === "一般行政管理事务")) && new Set(t.rowPages).size > 1);
  expect(t03).toBeDefined();
  expect(doc.tables.flatMap((t) => t.grid.cells.flat()).some((c) => c.value === "理事务" || c.value === "一般行政管")).toBe(false);
});

it("the 说明 inside the document: both known errors, each on the page it is printed on", async () => {
  const json = path.join(dir, "check.json");
  const run = await runCli("check", fromWriter, "--json", json);
  expect(run.code).toBe(0);
  const out = JSON.parse(fs.readFileSync(json, "utf8")) as { findings: { severity: string; rule: string; cells: { sheet: string; page?: number }[] }[] };
  const errors = out.findings.filter((f) => f.severity === "error");
  expect(errors.map((f) => f.rule)).toEqual(["N.amount", "N.share"]);
  for (const e of errors) {
    expect(e.cells[0].page).toBeGreaterThan(9);
    expect(e.cells[0].sheet).toBe(`第${e.cells[0].page}页 决算说明`);
  }
});
