/**
 * Documents that cannot be read, or not all of them: one line naming the file and the reason, exit 2,
 * no verdict — or, where some pages can be read, those pages checked and the others named once.
 * Never a stack trace, never a hang.
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { runCli } from "../helpers/cli";
import { scannedPdf, unmappedFontPdf } from "../fixtures/tiny-pdfs";
import { readPdfPages } from "../../src/documents/pdf/node";
import { layoutDocument } from "../../src/documents/pdf/layout";
import { UnreadableDocumentError } from "../../src/documents/pdf";
import { soffice } from "../helpers/libreoffice";
import { tempDir } from "../helpers/temp";

const dir = tempDir("bad-doc-");
const write = (name: string, bytes: Buffer | string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

async function refused(file: string): Promise<string> {
  const run = await runCli("check", file, "--json", path.join(dir, "out.json"));
  expect(run.code).toBe(2);
  const lines = run.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).not.toMatch(/\bat .*:\d+:\d+|Error:/);
  expect(fs.existsSync(path.join(dir, "out.json"))).toBe(false);
  return lines[0];
}

it("a PDF with a password: refused, saying so", async () => {
  const txt = write("密码.txt", "部门决算\n");
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir}/lo`,
      "--headless",
      "--convert-to",
      'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"x"}}',
      "--outdir",
      dir,
      txt,
    ],
    { stdio: "pipe", timeout: 120_000 },
  );
  expect(await refused(path.join(dir, "密码.pdf"))).toMatch(/密码\.pdf：PDF 有密码保护，请先去掉密码再校验$/);
});

it("a scan (pages of images only), and a PDF whose font maps to no characters: refused with the reason, no verdict", async () => {
  expect(await refused(write("扫描件.pdf", scannedPdf(3)))).toMatch(/扫描件\.pdf：全部 3 页都是图像（扫描件），没有可读取的文字/);
  expect(await refused(write("无映射.pdf", unmappedFontPdf()))).toMatch(/无映射\.pdf：文字无法识别（字体没有字符映射）/);
});

it("some pages scanned among pages of text: those named once each, the rest read", async () => {
  const { pages: text } = await readPdfPages(fs.readFileSync(soffice([write("正文.txt", "第一部分 概况\n本部门收入合计10.00万元。\n")], "pdf", dir)[0]));
  const { pages: scans } = await readPdfPages(scannedPdf(2));
  const layout = layoutDocument([text[0], { ...scans[0], number: 2 }, { ...text[0], number: 3 }, { ...scans[1], number: 4 }]);
  expect(layout.unread).toEqual([
    { page: 2, reason: "image" },
    { page: 4, reason: "image" },
  ]);
  expect(layout.paragraphs.map((p) => p.page)).toContain(3);
});

it("not a PDF, an old Word .doc, a PDF cut short: one line each", async () => {
  expect(await refused(write("假的.pdf", "这不是 PDF"))).toMatch(/假的\.pdf：不是 PDF 文件$/);
  expect(await refused(write("旧版.doc", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])))).toMatch(
    /旧版\.doc：旧版 Word 文档（\.doc）无法读取，请另存为 \.docx 或导出 PDF$/,
  );
  const whole = scannedPdf(2);
  expect(await refused(write("截断.pdf", whole.subarray(0, 200)))).toMatch(/截断\.pdf：/);
});

it("a document that does not finish reading in time is stopped, with its reason", async () => {
  await expect(readPdfPages(scannedPdf(50), { maxPages: 1000, timeoutMs: 1, heapMb: 256 })).rejects.toThrow(
    new UnreadableDocumentError("读取 PDF 超过 0.001 秒，已停止"),
  );
});

it("past the page limit, the first pages are read and how many there were is kept (the command line says how many were left)", async () => {
  const { pages, pageCount } = await readPdfPages(scannedPdf(5), { maxPages: 2, timeoutMs: 60_000, heapMb: 256 });
  expect([pages.length, pageCount]).toEqual([2, 5]);
});
