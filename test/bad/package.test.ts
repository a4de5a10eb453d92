/**
 * The marked copy is the accountant's own package plus our marks: every part we did not mean to
 * touch comes back byte for byte (a zip-level diff), macros stay, the default font stays, our
 * notes leave nothing behind; broken or foreign packages get exit 2 naming the file and the part.
 */
import JSZip from "jszip";
import * as fs from "fs";
import * as path from "path";
import { clearMarks } from "../../src/core/workflows";
import { WorkbookFile } from "../../src/xlsx";
import { SAMPLE } from "../fixtures/sample";
import {
  FOREIGN_PARTS,
  MACROS,
  NO_SHARED_STRINGS,
  NO_WORKBOOK_PART,
  SHEET_PART_RENAMED,
  SONGTI_DEFAULT,
  UNCALCULATED,
  VERY_HIDDEN_T9,
  WHOLE_COLUMN_VALIDATION,
  ZipEdit,
  notWorkbooks,
  variant,
  writeFile,
} from "./package-corpus";
import { runCli } from "../helpers/cli";

const DIR = path.resolve(__dirname, "../../test-output/package");
const sample = fs.readFileSync(SAMPLE);

const run = runCli;

interface Checked {
  code: number;
  stderr: string;
  input: string;
  output: string;
  json: { tables: { sheet: string }[]; findings: { rule: string; severity: string; message: string; cells: { sheet: string; address: string }[] }[] };
}

async function check(name: string, edit: ZipEdit, ext = ".xlsx"): Promise<Checked> {
  const input = writeFile(DIR, `${name}${ext}`, await variant(sample, edit));
  const output = path.join(DIR, `${name}-marked${ext}`);
  const json = path.join(DIR, `${name}.json`);
  const r = await run("check", input, "-o", output, "--json", json);
  return { ...r, input, output, json: r.code === 0 ? JSON.parse(fs.readFileSync(json, "utf8")) : { tables: [], findings: [] } };
}

async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async("nodebuffer"));
  return out;
}

/** The parts a check may change: the package's lists, the styles, and the sheets it marks (with their relationships). */
function mayChange(part: string, markedParts: Set<string>): boolean {
  if (["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"].includes(part)) return true;
  const m = /^xl\/worksheets\/(?:_rels\/)?([^/]+?\.xml)(?:\.rels)?$/.exec(part);
  return !!m && markedParts.has(m[1]);
}

describe("a workbook with every part ExcelJS dropped", () => {
  let r: Checked;
  beforeAll(async () => {
    r = await check("foreign-parts", FOREIGN_PARTS);
  }, 60_000);

  it("is checked and marked", () => {
    expect(r.code).toBe(0);
    expect(r.json.tables).toHaveLength(9);
    expect(r.json.findings.some((f) => f.severity === "error" && f.cells.some((c) => c.sheet === "表5"))).toBe(true);
  });

  it("keeps every part it did not mean to touch byte for byte", async () => {
    const before = await parts(r.input);
    const after = await parts(r.output);
    // the sample's sheets are sheet1.xml … in the workbook's order; which of them the check marked
    const names = [
      ...before
        .get("xl/workbook.xml")!
        .toString()
        .matchAll(/<sheet [^>]*name="([^"]+)"/g),
    ].map((m) => m[1]);
    const marked = new Set(r.json.findings.flatMap((f) => f.cells.map((c) => c.sheet)));
    const markedParts = new Set([...marked].map((s) => `sheet${names.indexOf(s) + 1}.xml`));
    const changed = [...before.keys()].filter((p) => !after.has(p) || !after.get(p)!.equals(before.get(p)!));
    expect(changed.filter((p) => !mayChange(p, markedParts))).toEqual([]);
    for (const p of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/threadedComments/threadedComment1.xml", "xl/persons/person.xml"])
      expect(after.get(p)).toEqual(before.get(p));
    for (const p of ["xl/externalLinks/externalLink1.xml", "docProps/custom.xml", "xl/printerSettings/printerSettings1.bin", "xl/future/thing.xml"])
      expect(after.get(p)).toEqual(before.get(p));
  });

  it("keeps the references to them in the parts it changed", async () => {
    const after = await parts(r.output);
    const sheet5 = after.get("xl/worksheets/sheet5.xml")!.toString();
    expect(sheet5).toContain('<drawing r:id="rIdChart"/>');
    expect(sheet5).toContain('r:id="rIdPrinter"');
    expect(sheet5.indexOf("<drawing ")).toBeLessThan(sheet5.indexOf("<legacyDrawing "));
    expect(after.get("xl/worksheets/_rels/sheet5.xml.rels")!.toString()).toContain("../drawings/drawing1.xml");
    const workbook = after.get("xl/workbook.xml")!.toString();
    expect(workbook).toContain('<externalReference r:id="rIdExt"/>');
    const rels = after.get("xl/_rels/workbook.xml.rels")!.toString();
    for (const id of ["rIdExt", "rIdPersons", "rIdFuture"]) expect(rels).toContain(`Id="${id}"`);
    expect(after.get("xl/worksheets/sheet1.xml")!.toString()).toContain("<f>[1]Sheet1!$A$1</f>");
  });

  it("clears back to the accountant's package: the same parts, the sheets as they were", async () => {
    const marked = await WorkbookFile.open(fs.readFileSync(r.output));
    await marked.apply(clearMarks(marked.grids));
    const cleared = writeFile(DIR, "foreign-parts-cleared.xlsx", await marked.save());
    const before = await parts(r.input);
    const after = await parts(cleared);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const differ = [...before.keys()].filter((p) => !after.get(p)!.equals(before.get(p)!));
    // the lists and styles were rewritten; every sheet part is back byte for byte
    expect(differ.filter((p) => !["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"].includes(p))).toEqual([]);
    expect(JSON.parse(JSON.stringify((await WorkbookFile.open(fs.readFileSync(cleared))).grids))).toEqual(
      JSON.parse(JSON.stringify((await WorkbookFile.open(fs.readFileSync(r.input))).grids)),
    );
  });
});

it("an .xlsm keeps its macros and its macro content type; an .xlsx name for its copy is refused", async () => {
  const r = await check("macros", MACROS, ".xlsm");
  expect(r.code).toBe(0);
  const before = await parts(r.input);
  const after = await parts(r.output);
  expect(after.get("xl/vbaProject.bin")).toEqual(before.get("xl/vbaProject.bin"));
  expect(after.get("[Content_Types].xml")!.toString()).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  const refused = await run("check", r.input, "-o", path.join(DIR, "macros-as.xlsx"));
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/macros-as\.xlsx：输入是含宏（VBA）的工作簿.*\.xlsm/);
  expect(fs.existsSync(path.join(DIR, "macros-as.xlsx"))).toBe(false);
});

it("the workbook's default type (宋体 12) stays, and cells we did not mark keep their format", async () => {
  const r = await check("songti", SONGTI_DEFAULT);
  expect(r.code).toBe(0);
  const before = (await parts(r.input)).get("xl/styles.xml")!.toString();
  const after = (await parts(r.output)).get("xl/styles.xml")!.toString();
  const firstFont = (s: string) => /<font>[\s\S]*?<\/font>/.exec(s)![0];
  expect(firstFont(after)).toBe(firstFont(before));
  expect(firstFont(after)).toContain('<name val="宋体"/>');
  // the styles part only grew: what was there is there, in place
  const xfs = (s: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(s)![1];
  expect(xfs(after).startsWith(xfs(before))).toBe(true);
});

it("a formula without a cached value is 未计算, never 0: one warning for its sheet, no red error from it", async () => {
  const r = await check("uncalculated", UNCALCULATED);
  expect(r.code).toBe(0);
  const un = r.json.findings.filter((f) => f.rule === "cell.uncalculated");
  expect(un).toHaveLength(1);
  expect(un[0]).toMatchObject({ severity: "warning", cells: [{ sheet: "表5", address: "C10" }] });
  expect(un[0].message).toContain("请在 Excel 中重算并保存后再校验");
  expect(r.json.findings.filter((f) => /实为0\.00|实为 0\.00/.test(f.message))).toEqual([]);
  expect(r.json.findings.some((f) => f.severity === "error" && f.cells.some((c) => c.sheet === "表5" && c.address === "C10"))).toBe(false);
});

it("a sheet whose part is not named sheetN.xml is read and kept", async () => {
  const r = await check("renamed-part", SHEET_PART_RENAMED);
  expect(r.code).toBe(0);
  expect(r.json.tables.map((t) => t.sheet)).toContain("表5");
  const after = await parts(r.output);
  expect(after.has("xl/worksheets/公开05.xml")).toBe(true);
  expect(after.get("xl/worksheets/公开05.xml")!.toString()).toContain("<legacyDrawing");
});

it("a very hidden table is read, and said to be hidden", async () => {
  const r = await check("very-hidden", VERY_HIDDEN_T9);
  expect(r.code).toBe(0);
  expect(r.json.tables.map((t) => t.sheet)).toContain("表9");
  expect(r.json.findings.filter((f) => f.rule === "locate.missing")).toEqual([]);
  expect(r.json.findings.find((f) => f.rule === "locate.hidden")?.message).toMatch(/公开09表 在深度隐藏的工作表“表9”中/);
});

it("a validation over whole columns is left alone: checked and marked at once", async () => {
  const started = process.hrtime.bigint();
  const r = await check("whole-columns", WHOLE_COLUMN_VALIDATION);
  expect(r.code).toBe(0);
  expect(r.json.tables).toHaveLength(9);
  expect((await parts(r.output)).get("xl/worksheets/sheet2.xml")!.toString()).toContain('sqref="A:Z"');
  // not a timing test: a guard against the old hang (300 s) only
  expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(60);
});

describe("broken and foreign packages: exit 2, one line naming the file and what is wrong", () => {
  it.each([
    ["no-shared-strings.xlsx", NO_SHARED_STRINGS, /缺少共享字符串部件.*无法读取/],
    ["no-workbook-part.xlsx", NO_WORKBOOK_PART, /不是 Excel 工作簿（zip 中没有工作簿部件）/],
  ] as const)("%s", async (name, edit, message) => {
    const file = writeFile(DIR, name, await variant(sample, edit));
    for (const argv of [
      ["check", file, "--json", `${file}.json`],
      ["check", file, "-o", `${file}.out.xlsx`],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain(file);
      expect(r.stderr).toMatch(message);
    }
    expect(fs.existsSync(`${file}.out.xlsx`)).toBe(false);
  });

  it("a zip that is no workbook, an .ods under an .xlsx name, a .docx zip bomb as --text", async () => {
    const { plainZip, ods, docxBomb } = await notWorkbooks();
    const zipFile = writeFile(DIR, "plain-zip.xlsx", plainZip);
    const odsFile = writeFile(DIR, "spreadsheet.xlsx", ods);
    const bomb = writeFile(DIR, "bomb.docx", docxBomb);
    expect(docxBomb.length).toBeLessThan(4 * 2 ** 20);
    const cases: [string[], RegExp, string][] = [
      [["check", zipFile, "--json", `${zipFile}.json`], /不是 Excel 工作簿/, zipFile],
      [["check", odsFile], /是 OpenDocument 表格（\.ods）/, odsFile],
      [["check", "--text", bomb], /正文解压后超过 64 MB/, bomb],
      // the same bomb as the published document to check whole
      [["check", bomb, "--json", `${bomb}.json`], /正文解压后超过 64 MB，不像决算公开文件/, bomb],
    ];
    for (const [argv, message, file] of cases) {
      const r = await run(...argv);
      expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain(file);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  }, 60_000);
});

it("a re-check after the slip is corrected leaves no note behind on the cells it no longer marks", async () => {
  const first = await check("renote", () => undefined);
  const marked = await parts(first.output);
  const fix = (xml: string) => xml.replace(/(<c r="E10"[^>]*><v>)69\.24(<\/v>)/, "$169.42$2");
  const notesOf = (p: Map<string, Buffer>) =>
    [...p]
      .filter(([name]) => /comments\d*\.xml$/.test(name))
      .map(([, bytes]) => bytes.toString())
      .join("");
  expect(notesOf(marked)).toMatch(/<comment ref="E10"/);
  // the accountant corrects 表5!E10 (69.24 → 69.42) in the marked copy and checks it again
  const corrected = await variant(
    fs.readFileSync(first.output),
    (zip) => void zip.file("xl/worksheets/sheet5.xml", fix(marked.get("xl/worksheets/sheet5.xml")!.toString())),
  );
  const input = writeFile(DIR, "renote-corrected.xlsx", corrected);
  const output = path.join(DIR, "renote-rechecked.xlsx");
  const r = await run("check", input, "-o", output, "--json", `${output}.json`);
  expect(r.code).toBe(0);
  const findings = (JSON.parse(fs.readFileSync(`${output}.json`, "utf8")) as Checked["json"]).findings;
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  const after = await parts(output);
  const notes = notesOf(after);
  for (const cell of ["E10", "C10", "E9"]) expect(notes).not.toContain(`<comment ref="${cell}"`);
  expect(notes).not.toMatch(/<text\/>|<text><\/text>|<t[^>]*><\/t>/);
  // and those cells are back in the format they had before any check
  const cellTag = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*>`).exec(xml)?.[0];
  const original = (await parts(first.input)).get("xl/worksheets/sheet5.xml")!.toString();
  for (const cell of ["E10", "C10", "E9"]) expect(cellTag(after.get("xl/worksheets/sheet5.xml")!.toString(), cell)).toBe(cellTag(original, cell));
});
