/**
 * The drafted 说明 as a Word document in 公文 form: the fonts and sizes an office prints, the 公文
 * margins and 28-point lines, page numbers at the foot, every part an office publishes; what is left
 * to fill said in comments, not in the text. Checking it lists its blanks; LibreOffice opens and
 * renders it.
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import JSZip from "jszip";
import { runCli } from "../helpers/cli";
import { soffice } from "../helpers/libreoffice";

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, "test-output/draft-docx");
const file = path.join(OUT, "决算说明.docx");
let xml = "";
let comments = "";
let text = "";

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  const r = await runCli("draft", path.join(ROOT, "assets/sample.xlsx"), "--docx", file);
  expect(r.code).toBe(0);
  expect(r.stderr).toContain(`Word 稿：${file}`);
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  xml = await zip.file("word/document.xml")!.async("string");
  comments = await zip.file("word/comments.xml")!.async("string");
  text = [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")).join("\n");
}, 60_000);

it("is in 公文 form: 仿宋_GB2312 三号 body, 黑体 and 楷体 headings, the title in 小标宋 二号, 公文 margins and lines", () => {
  expect(xml).toMatch(/<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"\/>/);
  expect(xml).toContain('w:eastAsia="黑体"');
  expect(xml).toContain('w:eastAsia="方正小标宋简体"');
  expect(xml).toMatch(/<w:sz w:val="32"\/>/);
  expect(xml).toMatch(/<w:sz w:val="44"\/>/);
  expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1985" w:left="1588"/);
  expect(xml).toMatch(/<w:spacing w:line="560" w:lineRule="exact"\/>/);
  expect(xml).toMatch(/<w:ind w:firstLine="640"\/>/);
});

it("has every part an office publishes, the 说明 from the tables, numbers set close, no draft mark or instruction in the text", () => {
  const lines = text.split("\n");
  expect(lines[0]).toBe("临夏市人民政府办公室2024年度部门决算");
  for (const part of [
    "第一部分　部门概况",
    "一、主要职能",
    "二、部门决算单位构成",
    "第三部分　临夏市人民政府办公室2024年度部门决算情况说明",
    "第四部分　名词解释",
  ])
    expect(lines).toContain(part);
  expect(text).toContain("收入合计887.29万元");
  expect(text).not.toMatch(/（草稿）|请填写|\d 万元/);
  // what to do is said in comments
  expect(comments).toContain("按部门“三定”方案填写主要职能。");
  expect(comments).toMatch(/本段有 \d+ 处“____”待填写：写明增减变动的主要原因/);
});

it("checked as a 说明, lists its blanks to fill", async () => {
  const json = path.join(OUT, "check.json");
  const r = await runCli("check", "--text", file, "--json", json);
  expect(r.code).toBe(0);
  const found = (JSON.parse(fs.readFileSync(json, "utf8")) as { findings: { rule: string; message: string }[] }).findings.filter(
    (f) => f.rule === "N.unfinished",
  );
  const blanks = text.match(/_{2,}/g)!.length;
  expect(found.map((f) => f.message)).toEqual([expect.stringContaining(`还有 ${blanks} 处待填写的“____”`)]);
});

it("LibreOffice opens and renders it, with its page numbers at the foot", () => {
  const [pdf] = soffice([file], "pdf", path.join(OUT, "pdf"));
  const rendered = execFileSync("pdftotext", ["-layout", pdf, "-"]).toString();
  expect(rendered).toContain("第三部分");
  expect(rendered).toMatch(/—\s*2\s*—/);
  expect(execFileSync("pdffonts", [pdf]).toString().split("\n").length).toBeGreaterThan(3);
});

it("LibreOffice reads the fonts it names: saved again, its font declarations are 仿宋_GB2312, 黑体 and 方正小标宋简体", async () => {
  // (this machine has none of them — they are not free to install — so the pages above are drawn in a substitute)
  const [odt] = soffice([file], "odt", path.join(OUT, "odt"));
  const zip = await JSZip.loadAsync(fs.readFileSync(odt));
  const declared = [
    ...((await zip.file("content.xml")!.async("string")) + (await zip.file("styles.xml")!.async("string"))).matchAll(/<style:font-face style:name="([^"]+)"/g),
  ].map((m) => m[1]);
  expect(declared).toEqual(expect.arrayContaining(["仿宋_GB2312", "黑体", "方正小标宋简体"]));
});
