/**
 * npm run bench [-- --quick]: measured speed, printed as a table and kept in bench/results.json
 * (stable shape: { core: { sizes: [{ cells, ms }], exponent }, cli: { ratioToBareRead, readRatio },
 * office: [{ cells, syncs, payloadBytes, ms }], wps: [{ variant, cells, sheets, readCalls, applyCalls, marks, ms }], batch: { files, ms1, ms2, perMinute1, perMinute2 },
 * bigSheets: [{ file, exit, seconds, peakMB }], bad: [...],
 * narrative: { pages, rows: [{ text, chars, findings, ms, withinBound }] },
 * documents: [{ file, pages, tables, errors, ms, withinBound }] }). Medians of several
 * runs; ratios measured in the same run. Workbooks are the bundled sample (real 2024 tables)
 * replicated 1×, 10× and 100×; the big sheets run the compiled CLI in a process of its own, so
 * that its peak memory is its own.
 */
/// <reference types="office-js" />
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/engine";
import { Grid } from "../../src/core/grid";
import { checkAndMark } from "../../src/core/workflows";
import * as office from "../../src/excel";
import { WorkbookFile, loadWorkbook, readGrids, saveWorkbook } from "../../src/xlsx";
import { spawnSync } from "child_process";
import { WHOLE_COLUMN_VALIDATION, addSheetPart, ledgerRows, variant } from "../bad/package-corpus";
import { runBatch } from "../../src/cli/batch";
import { FakeExcelHost, FakeRequestContext } from "../fake-excel/host";
import { workbookFromGrids } from "../fake-excel/browser-workbook";
import { buildCorpus } from "../bad/corpus";
import { main as cli } from "../../src/cli";
import { textGrid } from "../../src/core/narrative/text";
import { wordDocumentOf } from "../fixtures/word-document";
import * as wps from "../../src/wps";
import { FakeWps } from "../fake-wps/et";

const ROOT = path.resolve(__dirname, "../../..");
const SAMPLE = path.join(ROOT, "assets/sample.xlsx");
const quick = process.argv.includes("--quick");
const SIZES = [1, 10, 100];
const reps = (size: number) => (quick ? 1 : size >= 100 ? 3 : 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function time<T>(f: () => Promise<T> | T): Promise<[number, T]> {
  const t = process.hrtime.bigint();
  const r = await f();
  return [Number(process.hrtime.bigint() - t) / 1e6, r];
}

/**
 * The cross-check fixture (the sample's nine disclosure tables, seed 001) copied k times, as one
 * workbook; with `all`, the sample's 绩效自评表 (long texts) too.
 */
async function replicated(k: number, all = false): Promise<Buffer> {
  const src = await loadWorkbook(fs.readFileSync(SAMPLE));
  const wb = new ExcelJS.Workbook();
  for (let i = 0; i < k; i++) {
    for (const ws of src.worksheets.filter((w) => all || w.name.startsWith("表"))) {
      const t = wb.addWorksheet(k === 1 ? ws.name : `${ws.name}-${i + 1}`);
      ws.eachRow((row, r) => row.eachCell((c, col) => (t.getCell(r, col).value = c.value)));
      for (const m of (ws.model as unknown as { merges?: string[] }).merges ?? []) t.mergeCells(m);
    }
  }
  return saveWorkbook(wb);
}

const cellsOf = (grids: Grid[]) => grids.reduce((n, g) => n + g.cells.length * (g.cells[0]?.length ?? 0), 0);

async function officeCheck(grids: Grid[], payloadLimit: number) {
  const host = new FakeExcelHost(workbookFromGrids(grids), { payloadLimit });
  const caps = office.detectCapabilities(() => true);
  const ctx = <T>(f: (c: Excel.RequestContext) => Promise<T>) => host.run<T>((c: FakeRequestContext) => f(c as unknown as Excel.RequestContext));
  let readSyncs = 0;
  const [ms] = await time(async () => {
    const read = await ctx((c) => office.readWorkbook(c, caps));
    readSyncs = host.syncCount;
    await ctx((c) => office.applyPlan(c, checkAndMark(read).plan, caps));
  });
  return { syncs: host.syncCount, readSyncs, payloadBytes: host.syncs.reduce((n, s) => n + s.requestBytes + s.responseBytes, 0), ms };
}

/** A check in WPS: the calls into the ET model (every property and method), for the read and for the marks. */
async function wpsCheck(grids: Grid[]) {
  const app = new FakeWps(workbookFromGrids(grids));
  let readCalls = 0;
  let marks = 0;
  const [ms] = await time(() => {
    const read = wps.readWorkbook(app);
    readCalls = app.calls;
    const { plan } = checkAndMark(read);
    marks = plan.ops.filter((op) => op.op === "note").length;
    wps.applyPlan(app, plan);
  });
  return { sheets: grids.length, cells: cellsOf(grids), readCalls, applyCalls: app.calls - readCalls, marks, ms };
}

/** The same tables with k times the cells: each sheet's last row repeated below it as text, nothing to check. */
function taller(grids: Grid[], k: number): Grid[] {
  return grids.map((g) => {
    const width = g.cells[0]?.length ?? 1;
    const extra = Array.from({ length: g.cells.length * (k - 1) }, () => Array.from({ length: width }, () => ({ value: "（空白）" })));
    return { ...g, cells: [...g.cells, ...extra] };
  });
}

async function main(): Promise<void> {
  const core: { cells: number; ms: number }[] = [];
  const officeRows: { cells: number; syncs: number; readSyncs: number; payloadBytes: number; ms: number; desktopSyncs: number; desktopReadSyncs: number }[] =
    [];
  const files = new Map<number, Buffer>();
  for (const size of SIZES) {
    const bytes = await replicated(size);
    files.set(size, bytes);
    const grids = readGrids(await loadWorkbook(bytes));
    const runs: number[] = [];
    for (let i = 0; i < reps(size); i++) runs.push((await time(() => checkWorkbook(grids)))[0]);
    core.push({ cells: cellsOf(grids), ms: median(runs) });
    const web = await officeCheck(grids, 5 * 1024 * 1024);
    const desktop = await officeCheck(grids, Number.POSITIVE_INFINITY);
    officeRows.push({
      cells: cellsOf(grids),
      syncs: web.syncs,
      readSyncs: web.readSyncs,
      payloadBytes: web.payloadBytes,
      ms: web.ms,
      desktopSyncs: desktop.syncs,
      desktopReadSyncs: desktop.readSyncs,
    });
  }
  // WPS: calls grow with the sheets and the marks, not with the cells
  const tables = readGrids(await loadWorkbook(files.get(1)!));
  const wpsRows = [];
  for (const size of SIZES) wpsRows.push({ variant: `${size}× sheets`, ...(await wpsCheck(readGrids(await loadWorkbook(files.get(size)!)))) });
  for (const k of [10, 100]) wpsRows.push({ variant: `${k}× rows`, ...(await wpsCheck(taller(tables, k))) });
  const exponent = Math.log(core[core.length - 1].ms / core[0].ms) / Math.log(core[core.length - 1].cells / core[0].cells);
  // the whole sample at 100×, 绩效 texts included: past 5 MB the web read goes in bands
  const wholeGrids = readGrids(await loadWorkbook(await replicated(SIZES[SIZES.length - 1], true)));
  const wholeWeb = await officeCheck(wholeGrids, 5 * 1024 * 1024);
  const officeWholeSample = {
    cells: cellsOf(wholeGrids),
    syncs: wholeWeb.syncs,
    readSyncs: wholeWeb.readSyncs,
    payloadBytes: wholeWeb.payloadBytes,
    ms: wholeWeb.ms,
  };

  // the CLI's check (package reader + core) against ExcelJS reading the same file, interleaved, largest size
  const big = files.get(SIZES[SIZES.length - 1])!;
  const bare: number[] = [];
  const full: number[] = [];
  const readOnly: number[] = [];
  for (let i = 0; i < reps(100); i++) {
    bare.push((await time(() => loadWorkbook(big)))[0]);
    readOnly.push((await time(() => WorkbookFile.open(big)))[0]);
    full.push((await time(async () => checkWorkbook((await WorkbookFile.open(big)).grids)))[0]);
  }
  const ratioToBareRead = median(full) / median(bare);
  const readRatio = median(readOnly) / median(bare);

  // batch review, the finance bureau's case: copies of the sample, one and two worker threads
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-bench-"));
  const nFiles = quick ? 20 : 200;
  for (let i = 0; i < nFiles; i++) fs.writeFileSync(path.join(dir, `dept-${i + 1}.xlsx`), fs.readFileSync(SAMPLE));
  const quiet = process.stderr.write.bind(process.stderr);
  process.stderr.write = () => true;
  const [ms1] = await time(() => runBatch(dir, { workers: 1 }));
  const [ms2] = await time(() => runBatch(dir, { workers: 2 }));
  process.stderr.write = quiet;
  const perMinute = (ms: number) => Math.round((nFiles / ms) * 60_000);

  // sheets that hung the ExcelJS reader: the compiled CLI in its own process, time and peak memory
  const bigDir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-big-"));
  const sample = fs.readFileSync(SAMPLE);
  const rows = quick ? 100_000 : 1_000_000;
  const bigInputs: [string, Buffer][] = [
    [`ledger-${rows}-rows.xlsx`, await variant(sample, (zip) => addSheetPart(zip, "明细账", ledgerRows(rows)))],
    ["whole-column-validation.xlsx", await variant(sample, WHOLE_COLUMN_VALIDATION)],
  ];
  const cliJs = path.join(ROOT, "dist-bench/src/cli/index.js");
  const bigSheets: { file: string; exit: number; seconds: number; peakMB: number }[] = [];
  for (const [name, bytes] of bigInputs) {
    const file = path.join(bigDir, name);
    fs.writeFileSync(file, bytes);
    const run = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, cliJs, "check", file, "-o", `${file}.marked.xlsx`, "--json", `${file}.json`], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    const exit = run.status ?? 1;
    const report = run.stderr.toString();
    const [seconds, kb] = report.trim().split("\n").pop()!.split(" ").map(Number);
    bigSheets.push({ file: name, exit, seconds, peakMB: Math.round(kb / 1024) });
  }

  // the bad-input corpus: each file's outcome within a time bound (the tests check outcomes only)
  const badDir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-bad-"));
  const corpus = await buildCorpus(badDir, SAMPLE, { bigStringsMB: quick ? 5 : 50 });
  const bad: { file: string; exit: number; ms: number; withinBound: boolean }[] = [];
  const BOUND_MS = 30_000;
  process.stderr.write = () => true;
  for (const c of corpus) {
    const [ms, exit] = await time(() => cli(["check", c.file, "--json", path.join(badDir, `${c.name}.json`)]));
    bad.push({ file: c.name, exit, ms, withinBound: ms <= BOUND_MS });
  }
  process.stderr.write = quiet;

  // 决算说明 text: 2,000 pages (about 900 characters each) of real 说明 sentences, as lines and as one
  // pasted cell, against the sample's tables; and as many characters with no number at all
  const pages = quick ? 200 : 2000;
  const passages = (
    JSON.parse(fs.readFileSync(path.join(ROOT, "test/fixtures/published/seed001/narrative.json"), "utf8")) as { passages: { text: string }[] }
  ).passages.map((p) => p.text);
  const lines: string[] = [];
  for (let n = 0, i = 0; n < pages * 900; i++) {
    lines.push(passages[i % passages.length]);
    n += passages[i % passages.length].length;
  }
  const sampleGrids = readGrids(await loadWorkbook(fs.readFileSync(SAMPLE)));
  const text = lines.join("\n");
  const words = "本部门严格执行预算，加强财务管理，主要原因是人员变动。".repeat(Math.ceil(text.length / 27)).slice(0, text.length);
  const NARRATIVE_BOUND_MS = 60_000;
  const narrative = [];
  for (const [name, grids] of [
    ["lines, with the tables", [...sampleGrids, textGrid("2000页.txt", text)]],
    ["one cell, with the tables", [...sampleGrids, textGrid("一段.txt", text.replace(/\n/g, ""))]],
    ["no numbers", [textGrid("无数字.txt", words)]],
  ] as const) {
    const [ms, r] = await time(() => checkWorkbook([...grids]));
    const found = r.findings.filter((x) => x.rule.startsWith("N.")).length;
    narrative.push({ text: name, chars: text.length, findings: found, ms, withinBound: ms <= NARRATIVE_BOUND_MS });
  }

  // published documents: the real 25-page PDF (where ../shared is at hand) and a 200-page one
  // printed by LibreOffice Writer from the 普陀区 tables repeated, each checked whole in-process
  const docDir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-doc-"));
  const shanghai = path.join(ROOT, "test/fixtures/published/shanghai");
  const typed = readGrids(await loadWorkbook(fs.readFileSync(path.join(shanghai, "putuo-czj-2024.xlsx"))));
  const said = fs.readFileSync(path.join(shanghai, "putuo-czj-2024-说明.txt"), "utf8").split(/\r?\n/);
  const copies = quick ? 2 : 20;
  const longDocx = path.join(docDir, `普陀区×${copies}.docx`);
  fs.writeFileSync(longDocx, await wordDocumentOf(Array.from({ length: copies }, () => typed).flat(), Array.from({ length: copies }, () => said).flat()));
  spawnSync("soffice", [`-env:UserInstallation=file://${docDir}/lo`, "--headless", "--convert-to", "pdf", "--outdir", docDir, longDocx], { stdio: "ignore" });
  const DOCUMENT_BOUND_MS = 60_000;
  const documents: { file: string; pages: number; tables: number; errors: number; ms: number; withinBound: boolean }[] = [];
  const realPdf = path.join(ROOT, "../shared/fixtures/shanghai/putuo-czj-2024.pdf");
  for (const file of [realPdf, longDocx.replace(/\.docx$/, ".pdf")].filter((f) => fs.existsSync(f))) {
    const json = path.join(docDir, `${path.basename(file)}.json`);
    const runs: number[] = [];
    process.stderr.write = () => true;
    for (let i = 0; i < (quick ? 1 : 3); i++) runs.push((await time(() => cli(["check", file, "--json", json])))[0]);
    process.stderr.write = quiet;
    const out = JSON.parse(fs.readFileSync(json, "utf8")) as { pages: number; tables: unknown[]; summary: { errors: number } };
    documents.push({
      file: path.basename(file),
      pages: out.pages,
      tables: out.tables.length,
      errors: out.summary.errors,
      ms: median(runs),
      withinBound: median(runs) <= DOCUMENT_BOUND_MS,
    });
  }

  const results = {
    core: { sizes: core, exponent },
    cli: { ratioToBareRead, readRatio },
    office: officeRows,
    officeWholeSample,
    wps: wpsRows,
    batch: { files: nFiles, ms1, ms2, perMinute1: perMinute(ms1), perMinute2: perMinute(ms2) },
    bigSheets,
    bad,
    narrative: { pages, rows: narrative },
    documents,
  };
  fs.mkdirSync(path.join(ROOT, "bench"), { recursive: true });
  fs.writeFileSync(path.join(ROOT, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");

  const f = (n: number) => n.toFixed(n < 10 ? 2 : 0);
  console.log(`决算助手 bench${quick ? " (quick)" : ""} — ${os.cpus().length} cores, Node ${process.version}`);
  console.log("\ncore check        cells        ms     cells/s");
  for (const r of core)
    console.log(`                ${String(r.cells).padStart(7)} ${f(r.ms).padStart(9)} ${String(Math.round((r.cells / r.ms) * 1000)).padStart(11)}`);
  console.log(`growth exponent  ${exponent.toFixed(2)}`);
  console.log(
    `\nCLI check ÷ bare ExcelJS read (${SIZES[SIZES.length - 1]}×): ${ratioToBareRead.toFixed(2)}  (goal ≤ 1.2); the package read alone ${readRatio.toFixed(2)}`,
  );
  console.log("\nOffice path       cells   syncs read+write (web 5MB)  (desktop)  payload bytes       ms");
  const rw = (read: number, all: number) => `${read}+${all - read}`;
  for (const r of officeRows)
    console.log(
      `                ${String(r.cells).padStart(7)} ${rw(r.readSyncs, r.syncs).padStart(27)} ${rw(r.desktopReadSyncs, r.desktopSyncs).padStart(10)} ${String(r.payloadBytes).padStart(14)} ${f(r.ms).padStart(8)}`,
    );
  console.log(
    `whole sample 100× (绩效 texts too) ${String(officeWholeSample.cells).padStart(7)} cells: ${officeWholeSample.syncs} syncs on the web, ${officeWholeSample.payloadBytes} bytes`,
  );
  console.log("\nWPS path          variant        cells  sheets  marks  calls read+write       ms");
  for (const r of wpsRows)
    console.log(
      `                ${r.variant.padEnd(12)} ${String(r.cells).padStart(7)} ${String(r.sheets).padStart(7)} ${String(r.marks).padStart(6)} ${`${r.readCalls}+${r.applyCalls}`.padStart(17)} ${f(r.ms).padStart(8)}`,
    );
  console.log(
    `\nbatch of ${nFiles} workbooks (the sample each): 1 worker ${f(ms1)} ms (${perMinute(ms1)}/min), 2 workers ${f(ms2)} ms (${perMinute(ms2)}/min)`,
  );
  console.log("\nbig sheets (compiled CLI, own process)   exit   seconds   peak MB");
  for (const b of bigSheets)
    console.log(`  ${b.file.padEnd(36)} ${String(b.exit).padStart(4)} ${b.seconds.toFixed(1).padStart(9)} ${String(b.peakMB).padStart(9)}`);
  console.log(`\nbad-input corpus (bound ${BOUND_MS / 1000} s each):`);
  for (const b of bad) console.log(`  ${b.file.padEnd(30)} exit ${b.exit}  ${f(b.ms).padStart(8)} ms  ${b.withinBound ? "ok" : "OVER BOUND"}`);
  console.log(`\n决算说明 text, ${pages} pages (bound ${NARRATIVE_BOUND_MS / 1000} s each):`);
  for (const r of narrative)
    console.log(
      `  ${r.text.padEnd(28)} ${String(r.chars).padStart(9)} chars  ${String(r.findings).padStart(6)} findings  ${f(r.ms).padStart(8)} ms  ${r.withinBound ? "ok" : "OVER BOUND"}`,
    );
  console.log(`\npublished documents, checked whole (bound ${DOCUMENT_BOUND_MS / 1000} s each; the public checker: about 1.2 s for the 25 pages):`);
  for (const d of documents)
    console.log(
      `  ${d.file.padEnd(28)} ${String(d.pages).padStart(4)} pages ${String(d.tables).padStart(4)} tables ${String(d.errors).padStart(4)} errors ${f(d.ms).padStart(8)} ms  ${d.withinBound ? "ok" : "OVER BOUND"}`,
    );
  console.log(`\nwritten to bench/results.json`);
  for (const d of [dir, bigDir, badDir, docDir]) fs.rmSync(d, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
