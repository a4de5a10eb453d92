/**
 * The marked copy of a published Word document: the cell the slip is in shaded red with a Word
 * comment giving the explanation, the 说明's paragraphs with theirs, the report as a comment on the
 * first paragraph; every other part of the package byte for byte, document.xml changed only by
 * what was inserted. LibreOffice opens it and keeps the comments; read again, it gives the same.
 */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { readGrids } from "../../src/xlsx";
import { sampleWorkbook } from "../fixtures/sample";
import { PUBLISHED } from "../fixtures/seed-workbooks";
import { wordDocumentOf } from "../fixtures/word-document";
import { runCli } from "../helpers/cli";
import { soffice } from "../helpers/libreoffice";

const OUT = path.resolve(__dirname, "../../test-output/word-marked");
const tables = readGrids(sampleWorkbook()).filter((g) => /^表\d$/.test(g.sheet));
const narrative = (JSON.parse(fs.readFileSync(path.join(PUBLISHED, "seed001/narrative.json"), "utf8")) as { passages: { text: string }[] }).passages.map(
  (p) => p.text,
);
const original = path.join(OUT, "部门决算公开.docx");
const marked = path.join(OUT, "部门决算公开-标记.docx");
type Json = { findings: { rule: string; severity: string; message: string; cause?: { sheet: string; address: string; note: string } }[] };
let before: Json;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(original, await wordDocumentOf(tables, narrative));
  const r = await runCli("check", original, "-o", marked, "--json", path.join(OUT, "before.json"));
  expect(r.code).toBe(0);
  before = JSON.parse(fs.readFileSync(path.join(OUT, "before.json"), "utf8")) as Json;
}, 120_000);

const parts = async (file: string) => {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out.set(name, await zip.files[name].async("string"));
  return out;
};

it("shades the slip's cell and comments it with the explanation; each comment anchored where it belongs", async () => {
  const p = await parts(marked);
  const xml = p.get("word/document.xml")!;
  const comments = p.get("word/comments.xml")!;
  const slip = before.findings.find((f) => f.cause)!;
  const ids = [...comments.matchAll(/<w:comment w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g)].map((m) => ({ id: m[1], text: m[2].replace(/<[^>]+>/g, "") }));
  const explained = ids.find((c) => c.text.includes(slip.cause!.note))!;
  expect(explained.text).toContain("【错误】");
  // the comment spans the shaded cell's paragraph: red fill, then the range start, in the same w:tc
  const cellXml = xml.slice(
    xml.lastIndexOf("<w:tc>", xml.indexOf(`<w:commentRangeStart w:id="${explained.id}"/>`)),
    xml.indexOf(`<w:commentReference w:id="${explained.id}"/>`),
  );
  expect(cellXml).toMatch(/^<w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="FFC7CE"\/><\/w:tcPr><w:p><w:commentRangeStart w:id="\d+"\/>/);
  expect(cellXml).toContain("69.24");
  // every comment is anchored once, every anchor has its comment; the first is the report
  for (const c of ids)
    for (const tag of ["commentRangeStart", "commentRangeEnd", "commentReference"]) expect(xml.split(`<w:${tag} w:id="${c.id}"/>`)).toHaveLength(2);
  const report = ids.find((c) => c.text.startsWith("决算助手校验报告"))!;
  expect(xml.indexOf(`<w:commentRangeStart w:id="${report.id}"/>`)).toBeLessThan(xml.indexOf("<w:tbl>"));
  expect(p.get("[Content_Types].xml")).toContain(
    '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>',
  );
  expect(p.get("word/_rels/document.xml.rels")).toMatch(
    /Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/comments" Target="comments\.xml"/,
  );
});

it("keeps the rest: other parts byte for byte, document.xml changed only by insertions", async () => {
  const a = await parts(original);
  const b = await parts(marked);
  for (const [name, text] of a)
    if (!["word/document.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"].includes(name)) expect(b.get(name)).toBe(text);
  const stripped = b
    .get("word/document.xml")!
    .replace(/<w:commentRange(?:Start|End) w:id="\d+"\/>|<w:r><w:commentReference w:id="\d+"\/><\/w:r>/g, "")
    .replace(/<w:tcPr><w:shd [^>]*\/><\/w:tcPr>/g, "");
  expect(stripped).toBe(a.get("word/document.xml"));
});

it("read again, gives the same findings; LibreOffice opens it and keeps its comments", async () => {
  const again = path.join(OUT, "again.json");
  expect((await runCli("check", marked, "--json", again)).code).toBe(0);
  expect((JSON.parse(fs.readFileSync(again, "utf8")) as Json).findings.map((f) => f.message)).toEqual(before.findings.map((f) => f.message));
  const [resaved] = soffice([marked], "docx:MS Word 2007 XML", path.join(OUT, "lo"));
  const comments = (await parts(resaved)).get("word/comments.xml") ?? "";
  expect(comments).toContain("决算助手校验报告");
  expect(comments).toContain("69.24");
});
