/**
 * The published document as a Word file: the sample's nine tables (seed 001, with its typing slip)
 * and the department's real 说明 in one .docx — read whole, checked as the workbook is.
 */
import * as fs from "fs";
import * as path from "path";
import { readWordDocument } from "../../src/documents/docx";
import { checkWorkbook } from "../../src/core/engine";
import { readGrids } from "../../src/xlsx";
import { sampleWorkbook } from "../fixtures/sample";
import { PUBLISHED } from "../fixtures/seed-workbooks";
import { wordDocumentOf } from "../fixtures/word-document";
import { runCli } from "../helpers/cli";

const OUT = path.resolve(__dirname, "../../test-output/word");
const tables = readGrids(sampleWorkbook()).filter((g) => /^表\d$/.test(g.sheet));
const narrative = (JSON.parse(fs.readFileSync(path.join(PUBLISHED, "seed001/narrative.json"), "utf8")) as { passages: { text: string }[] }).passages.map(
  (p) => p.text,
);
let file = "";

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  file = path.join(OUT, "部门决算公开.docx");
  fs.writeFileSync(file, await wordDocumentOf(tables, narrative));
});

it("reads every table, headed by the lines above it, and the 说明 paragraphs", async () => {
  const doc = await readWordDocument(fs.readFileSync(file));
  expect(doc.tables.map((t) => t.sheet)).toEqual(["表格1", "表格2", "表格3", "表格4", "表格5", "表格6", "表格7", "表格8", "表格9"]);
  // headed by the paragraphs above it: the title and the 表号
  expect(doc.tables[4].cells.slice(0, 3).map((r) => r[0].value)).toEqual(["五、一般公共预算财政拨款支出决算表", "公开 05 表", "部门：临夏市人民政府办公室"]);
  expect(doc.paragraphs).toEqual(expect.arrayContaining(narrative.slice(0, 3)));
});

it("is checked as the workbook is: the same findings of the tables, the slip found with its cause, the 说明 against the tables", async () => {
  const json = path.join(OUT, "check.json");
  const r = await runCli("check", file, "--json", json);
  expect(r.code).toBe(0);
  const out = JSON.parse(fs.readFileSync(json, "utf8")) as {
    tables: { id: string }[];
    findings: { rule: string; severity: string; cause?: { sheet: string; note: string } }[];
  };
  expect(out.tables.map((t) => t.id)).toEqual(["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"]);
  const ofTables = (fs: { rule: string; severity: string }[]) =>
    fs
      .filter((f) => /^T\d\d/.test(f.rule))
      .map((f) => `${f.rule} ${f.severity}`)
      .sort();
  expect(ofTables(out.findings)).toEqual(ofTables(checkWorkbook(tables).findings));
  const slip = out.findings.find((f) => f.cause);
  expect(slip?.cause).toMatchObject({ sheet: "表格5", note: expect.stringContaining("可能是数字颠倒 69.42 ↔ 69.24") });
  // the 说明's numbers were read against the tables
  expect(out.findings.some((f) => f.rule.startsWith("N."))).toBe(true);
});

it("its marked copy is a Word document: another kind of name is refused, exit 2", async () => {
  const r = await runCli("check", file, "-o", path.join(OUT, "marked.pdf"));
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/Word 文档的标记副本也是 \.docx 文件，请用 \.docx 文件名/);
});

it("reads merged cells from gridSpan and vMerge as the sheet's merged areas", async () => {
  const cell = (text: string, props = "") => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  const rows = [
    cell("项目", '<w:vMerge w:val="restart"/>') + cell("本年支出", '<w:gridSpan w:val="3"/>'),
    cell("", "<w:vMerge/>") + cell("小计") + cell("基本支出") + cell("项目支出"),
    cell("合计") + cell("1,131.80") + cell("1,000.00") + cell("131.80"),
  ];
  const JSZip = (await import("jszip")).default;
  const zip = new JSZip();
  zip.file(
    "word/document.xml",
    `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>公开05表</w:t></w:r></w:p><w:tbl>${rows.map((r) => `<w:tr>${r}</w:tr>`).join("")}</w:tbl></w:body></w:document>`,
  );
  const doc = await readWordDocument(await zip.generateAsync({ type: "uint8array" }));
  const [t] = doc.tables;
  expect(t.merges.sort()).toEqual(["A2:A3", "B2:D2"]);
  expect(t.cells.map((r) => r.map((c) => c.value))).toEqual([
    ["公开05表", null, null, null],
    ["项目", "本年支出", null, null],
    [null, "小计", "基本支出", "项目支出"],
    ["合计", "1,131.80", "1,000.00", "131.80"],
  ]);
});
