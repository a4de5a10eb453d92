/** Every hostile workbook of the corpus gets its exact outcome from the CLI and the pane's path; none crashes. */
import * as fs from "fs";
import * as path from "path";
import { checkAndMark } from "../../src/core/workflows";
import * as office from "../../src/excel";
import { readWorkbook } from "../../src/xlsx";
import { workbookFromGrids } from "../fake-excel/browser-workbook";
import { FakeExcelHost, FakeRequestContext } from "../fake-excel/host";
import { SAMPLE } from "../fixtures/sample";
import { BadInput, buildCorpus } from "./corpus";
import { runCli } from "../helpers/cli";

const DIR = path.resolve(__dirname, "../../test-output/bad");
let corpus: BadInput[] = [];

beforeAll(async () => {
  corpus = await buildCorpus(DIR, SAMPLE);
}, 240_000);

const run = runCli;

const NAMES = [
  "not-an-xlsx.xlsx",
  "zero-bytes.xlsx",
  "truncated.xlsx",
  "password-protected.xlsx",
  "million-rows.xlsx",
  "columns-16384.xlsx",
  "every-cell-merged.xlsx",
  "error-values.xlsx",
  "fullwidth-text-numbers.xlsx",
  "header-no-rows.xlsx",
  "two-copies.xlsx",
  "circular-formulas.xlsx",
  "big-strings.xlsx",
];

it("covers the whole list of the issue", () => {
  expect(corpus.map((c) => c.name)).toEqual(NAMES);
});

it.each(NAMES)(
  "%s: the CLI gives the expected outcome",
  async (name) => {
    const c = corpus.find((x) => x.name === name)!;
    const json = `${c.file}.json`;
    const r = await run("check", c.file, "--json", json);
    expect(r.code).toBe(c.expect.exit);
    if (c.expect.exit === 2) {
      expect(r.stderr).toMatch(c.expect.message);
      expect(r.stderr).toContain(c.file);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      return;
    }
    const out = JSON.parse(fs.readFileSync(json, "utf8")) as { tables: unknown[]; findings: { rule: string; severity: string }[] };
    if (c.expect.tables !== undefined) expect(out.tables).toHaveLength(c.expect.tables);
    for (const f of c.expect.findings) {
      const found = out.findings.filter((x) => x.rule === f.rule && x.severity === f.severity);
      if (f.count !== undefined) expect({ rule: f.rule, count: found.length }).toEqual({ rule: f.rule, count: f.count });
      else expect({ rule: f.rule, found: found.length > 0 }).toEqual({ rule: f.rule, found: true });
    }
  },
  120_000,
);

it.each(NAMES.filter((n) => !["not-an-xlsx.xlsx", "zero-bytes.xlsx", "truncated.xlsx", "password-protected.xlsx", "big-strings.xlsx"].includes(n)))(
  "%s: the task pane's path (Office adapter on the fake host) checks and marks without a crash",
  async (name) => {
    const c = corpus.find((x) => x.name === name)!;
    const host = new FakeExcelHost(workbookFromGrids(await readWorkbook(fs.readFileSync(c.file))));
    const caps = office.detectCapabilities(() => true);
    const ctx = <T>(f: (x: Excel.RequestContext) => Promise<T>) => host.run<T>((x: FakeRequestContext) => f(x as unknown as Excel.RequestContext));
    const grids = await ctx((x) => office.readWorkbook(x, caps));
    await ctx((x) => office.applyPlan(x, checkAndMark(grids).plan, caps));
    expect(host.workbook.sheet("校验报告")).toBeDefined();
  },
  60_000,
);
