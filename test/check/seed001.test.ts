/**
 * The real 2024 tables of seed 001, typed in three layouts (甘肃's own two, and 上海's form): the checker must report exactly the
 * table relations of test/fixtures/published/seed001-003-expected-relations.json — each rounding tail a
 * tail, each convention (assumption) beyond its tail a warning — and nothing else.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/engine";
import { Finding } from "../../src/core/finding";
import { readGrids } from "../../src/xlsx";
import { PUBLISHED, seedWorkbook } from "../fixtures/seed-workbooks";

interface Expected {
  id: string;
  category: string;
  verdict: "ROUNDING_TAIL" | "ERROR";
  assumption: boolean;
  diff: string;
}
const relations = (JSON.parse(fs.readFileSync(path.join(PUBLISHED, "seed001-003-expected-relations.json"), "utf8")) as (Expected & { seed: string })[]).filter(
  (r) => r.seed.startsWith("001") && r.category.startsWith("table:"),
);

/** expected relation → [rule, its cell in the "sheets", "stacked" and "split" layouts] */
const WHERE: Record<string, [string, string, string, string]> = {
  "S001-0055": ["T02.hierarchy", "表2!C16", "决算公开表!C55", "表2!E15"],
  "S001-0062": ["T02.hierarchy", "表2!D16", "决算公开表!D55", "表2!F15"],
  "S001-0069": ["T03.hierarchy", "表3!C16", "决算公开表!C77", "表3!E15"],
  "S001-0076": ["T03.hierarchy", "表3!D16", "决算公开表!D77", "表3!F15"],
  "S001-0086": ["T05.hierarchy", "表5!C16", "决算公开表!C140", "表5!E15"],
  "S001-0093": ["T05.hierarchy", "表5!D16", "决算公开表!D140", "表5!F15"],
  "S001-0177": ["T05~T06.convention.21011", "表5!D16", "决算公开表!D140", "表5!F15"],
  "S001-0178": ["T05~T06.convention.2101103", "表5!D18", "决算公开表!D142", "表5!F17"],
  "S001-0179": ["T06.hierarchy", "表6!C6", "决算公开表!C152", "表6!D6"],
  "S001-0180": ["T06.hierarchy", "表6!F6", "决算公开表!F152", "表6!H6"],
  "S001-0185": ["T06.personnel", "表6!C34", "决算公开表!C180", "表6!D34"],
  "S001-0186": ["T06.public", "表6!I34", "决算公开表!I180", "表6!L34"],
};

const severityOf = (r: Expected): string => (r.verdict === "ROUNDING_TAIL" ? "tail" : r.assumption ? "warning" : "error");
const at = (f: Finding) => `${f.cells[0].sheet}!${f.cells[0].address}`;

describe.each([
  ["sheets", 1],
  ["stacked", 2],
  ["split", 3],
] as const)("seed 001 in the %s layout", (layout, column) => {
  const result = checkWorkbook(readGrids(seedWorkbook(layout)));
  const real = result.findings.filter((f) => f.severity !== "info");

  it("finds all nine tables", () => {
    expect(result.tables.map((t) => t.id)).toEqual(["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"]);
  });

  it("reports exactly the expected relations, each with its severity, cell and difference", () => {
    expect(relations).toHaveLength(Object.keys(WHERE).length);
    const expected = relations.map((r) => ({
      rule: WHERE[r.id][0],
      at: WHERE[r.id][column],
      severity: severityOf(r),
      difference: Math.abs(Number(r.diff)).toFixed(2),
    }));
    const actual = real.map((f) => ({ rule: f.rule, at: at(f), severity: f.severity, difference: Math.abs(Number(f.difference)).toFixed(2) }));
    const sort = (xs: { rule: string; at: string; severity: string; difference: string }[]) =>
      [...xs].sort((a, b) => (a.rule + a.at).localeCompare(b.rule + b.at));
    expect(sort(actual)).toEqual(sort(expected));
  });

  it("makes no false error: the published tables hold only tails", () => {
    expect(real.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("mutation: one amount changed in a clean workbook", () => {
  it("names the changed cell and every relation it breaks, with the right difference", () => {
    const wb = seedWorkbook("sheets");
    // 公开05表 2010301 行政运行, 项目支出 (栏次3): 69.42 → 79.42
    const cell = wb.getWorksheet("表5")!.getCell("E10");
    expect(cell.value).toBe(69.42);
    cell.value = 79.42;
    const findings = checkWorkbook(readGrids(wb)).findings.filter((f) => f.severity === "error");
    const broken = findings.filter((f) => f.cells.some((c) => c.sheet === "表5" && c.address === "E10"));
    expect(broken.map((f) => f.rule).sort()).toEqual(["T05.hierarchy", "T05.row"]);
    for (const f of broken) expect(Math.abs(Number(f.difference))).toBe(10);
    expect(broken.find((f) => f.rule === "T05.row")!.cells[0]).toEqual({ sheet: "表5", address: "C10" });
    expect(broken.find((f) => f.rule === "T05.hierarchy")!.cells[0]).toEqual({ sheet: "表5", address: "E9" });
    // both relations meet in E10 with the same 差额: it is named the likely cause, with its correction
    expect(broken.map((f) => [f.cause?.address, f.cause?.note])).toEqual([
      ["E10", "最可能录错：本格与 2 处关系都差 10.00，应为 69.42，实为 79.42"],
      ["E10", "最可能录错：本格与 2 处关系都差 10.00，应为 69.42，实为 79.42"],
    ]);
  });

  it("two slips far apart are two causes, each named by its own relations", () => {
    const wb = seedWorkbook("sheets");
    wb.getWorksheet("表5")!.getCell("E10").value = 79.42; // 69.42
    wb.getWorksheet("表3")!.getCell("D17").value = 123.45; // a 基本支出 项
    const found = checkWorkbook(readGrids(wb)).findings.filter((f) => f.severity === "error");
    const causes = new Set(found.map((f) => (f.cause ? `${f.cause.sheet}!${f.cause.address}` : "none")));
    expect([...causes].sort()).toEqual(["表3!D17", "表5!E10"]);
  });
});
