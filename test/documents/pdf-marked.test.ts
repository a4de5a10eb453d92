/**
 * The marked copy of a published PDF: the original file byte for byte, then the marks appended as
 * an incremental update — a rectangle at each finding's cell or paragraph in its severity's colour,
 * the explanation as its note, the report as a note on the first page. Rendered by poppler, read
 * back by pdf.js and pdf-lib; checking the marked copy finds what the original gave.
 */
import * as fs from "fs";
import * as path from "path";
import { execFileSync } from "child_process";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import { printedDocuments, shanghaiNarrative, shanghaiTables } from "../fixtures/made-documents";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/temp";

const dir = tempDir("pdf-marked-");
let original: string;
const marked = path.join(dir, "marked.pdf");
type Json = { findings: { severity: string; rule: string; message: string; cells: { sheet: string; page?: number }[] }[] };
let before: Json;

beforeAll(async () => {
  [original] = await printedDocuments(dir, [{ name: "普陀区财政局", tables: await shanghaiTables(), narrative: shanghaiNarrative() }]);
  const run = await runCli("check", original, "-o", marked, "--json", path.join(dir, "before.json"));
  expect(run.code).toBe(0);
  before = JSON.parse(fs.readFileSync(path.join(dir, "before.json"), "utf8")) as Json;
}, 120_000);

/** Each page's annotations: subtype, rectangle and text. */
async function annotations(file: string): Promise<{ page: number; subtype: string; rect: number[]; contents: string }[]> {
  const doc = await PDFDocument.load(fs.readFileSync(file));
  return doc.getPages().flatMap((p, i) =>
    (p.node.lookupMaybe(PDFName.of("Annots"), PDFArray)?.asArray() ?? []).map((ref) => {
      const a = doc.context.lookup(ref, PDFDict);
      const contents = a.lookup(PDFName.of("Contents"));
      return {
        page: i + 1,
        subtype: a.lookup(PDFName.of("Subtype"))!.toString(),
        rect: a
          .lookup(PDFName.of("Rect"), PDFArray)
          .asArray()
          .map((x) => Number(x.toString())),
        contents: contents instanceof PDFHexString || contents instanceof PDFString ? contents.decodeText() : "",
      };
    }),
  );
}

it("keeps the original byte for byte, and writes nothing over it", () => {
  const a = fs.readFileSync(original);
  const b = fs.readFileSync(marked);
  expect(b.length).toBeGreaterThan(a.length);
  expect(b.subarray(0, a.length).equals(a)).toBe(true);
});

it("puts each error at its paragraph, on its page, with its explanation; the report on the first page", async () => {
  const notes = await annotations(marked);
  const errors = before.findings.filter((f) => f.severity === "error");
  expect(errors.map((f) => f.rule)).toEqual(["N.amount", "N.share"]);
  for (const e of errors) {
    const note = notes.find((n) => n.subtype === "/Square" && n.contents.includes(e.message));
    expect(note).toMatchObject({ page: e.cells[0].page, subtype: "/Square" });
    expect(note!.contents.startsWith("【错误】")).toBe(true);
  }
  const report = notes.find((n) => n.subtype === "/Text")!;
  expect(report.page).toBe(1);
  expect(report.contents).toMatch(
    /^决算助手校验报告\n文件：普陀区财政局\.pdf，校验时间：.+\n错误 2 项，警告 1 项，尾差 \d+ 项，提示 \d+ 项\n\n【错误】第\d+页：决算说明“财政拨款收入支出总计0\.3万元”/,
  );
  // every tail of the tables at a cell of its table's page, in grey
  const tails = notes.filter((n) => n.contents.startsWith("【尾差】"));
  expect(tails.length).toBeGreaterThanOrEqual(8);
});

it("renders: the error's rectangle is red where poppler draws the page", async () => {
  const notes = await annotations(marked);
  const share = notes.find((n) => n.subtype === "/Square" && n.contents.includes("71.73%"))!;
  const [x1, y1, x2, y2] = share.rect;
  const { height } = (await PDFDocument.load(fs.readFileSync(marked))).getPages()[share.page - 1].getSize();
  // one pixel a point, cropped to the rectangle's middle
  const [w, h] = [Math.round(x2 - x1 - 4), Math.round(y2 - y1 - 4)];
  const root = path.join(dir, "crop");
  const crop = ["-x", String(Math.round(x1 + 2)), "-y", String(Math.round(height - y2 + 2)), "-W", String(w), "-H", String(h)];
  execFileSync("pdftoppm", ["-r", "72", "-f", String(share.page), "-l", String(share.page), ...crop, "-singlefile", marked, root]);
  const ppm = fs.readFileSync(`${root}.ppm`);
  const pixels = ppm.subarray(ppm.length - w * h * 3);
  let reddish = 0;
  for (let i = 0; i < pixels.length; i += 3) if (pixels[i] > 200 && pixels[i + 1] < 215 && pixels[i + 2] < 215) reddish++;
  expect(reddish / (pixels.length / 3)).toBeGreaterThan(0.5);
});

it("checking the marked copy finds what the original gave", async () => {
  const again = path.join(dir, "again.json");
  expect((await runCli("check", marked, "--json", again)).code).toBe(0);
  const after = JSON.parse(fs.readFileSync(again, "utf8")) as Json;
  expect(after.findings.map((f) => f.message)).toEqual(before.findings.map((f) => f.message));
});

it("a marked copy of a PDF is a PDF; the input is never the output", async () => {
  expect((await runCli("check", original, "-o", path.join(dir, "x.xlsx"))).stderr).toMatch(/x\.xlsx：PDF 的标记副本也是 \.pdf 文件，请用 \.pdf 文件名/);
  const same = await runCli("check", original, "-o", original);
  expect(same.code).toBe(2);
});
