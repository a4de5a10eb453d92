/**
 * The 绩效自评表 of seeds 001 and 003, typed into a workbook: the scorer reports exactly the table
 * findings of test/fixtures/published/perf/expected-seed001-003.json — the 990 total, 合格率 97 against
 * ≥98% given full marks, 执行率 claimed 100% against the funds block, the 自评报告's sentences
 * against the table, every rounding-only difference as a tail — cell by cell, and nothing else.
 */
import * as fs from "fs";
import * as path from "path";
import { scoreWorkbook } from "../../src/core/performance/score";
import { readGrids } from "../../src/xlsx";
import { PERF, perfIds, perfWorkbook } from "../fixtures/perf-workbooks";

interface Expected {
  id: string;
  check: string;
  subject: string;
  verdict: "ROUNDING" | "MISMATCH";
  printed: string;
}

const RULE: Record<string, string> = {
  "funds.执行率": "P.funds.rate",
  "funds.得分": "P.funds.score",
  "funds.sum": "P.funds.sum",
  "sum.得分": "P.total.sum",
  cap: "P.cap",
  "indicator.score": "P.indicator.score",
  "link.actual": "P.link.actual",
  "link.unit": "P.link.unit",
  "link.rate": "P.link.rate",
};
/** the report's sentences, by the table figure they state */
const TEXT_RULE: Record<string, string> = { "funds.全年预算数": "P.text.budget", "funds.全年执行数": "P.text.actual", "funds.执行率": "P.text.rate" };
const ruleOf = (e: Expected) => (e.check === "text" ? TEXT_RULE[e.subject.split(": ").pop()!] : RULE[e.check]);

// the cross-table sum of the 决算说明 (_seed_text) is the narrative's to check, not a table's
const expected = (JSON.parse(fs.readFileSync(path.join(PERF, "expected-seed001-003.json"), "utf8")) as Expected[]).filter(
  (e) => ruleOf(e) && !e.id.includes("_seed_text"),
);

/** where each expected finding sits in the typed workbook */
const CELL: Record<string, string> = {
  "seed001/p02#1": "G5",
  "seed001/p02#2": "H5",
  "seed001/p02#3": "G6",
  "seed001/p02#4": "H6",
  "seed001/p02#13": "I17",
  "seed001/p02#27": "E12",
  "seed001/p03#20": "I14",
  "seed001/p03#27": "A4",
  "seed001/p04#27": "A4",
  "seed001/z01#1": "F4",
  "seed001/z01#2": "G4",
  "seed001/z01#3": "F5",
  "seed001/z01#6": "G6",
  "seed001/z01#8": "G7",
  "seed001/z01#10": "G8",
  "seed001/z01#14": "G10",
  "seed001/z01#17": "E4",
  "seed001/z01#25": "I32",
  "seed001/z01#47": "I26",
  "seed001/z01#49": "I27",
  "seed001/z01#56": "E14",
  "seed001/z01#57": "E15",
  "seed003/p08#6": "G19",
  "seed003/p08#7": "G19",
  "seed001/p02#33": "A21",
  "seed001/p02#36": "A24",
  "seed001/z01#58": "A35",
  "seed001/z01#59": "A35",
  "seed001/z01#60": "A35",
};

const result = scoreWorkbook(readGrids(perfWorkbook(perfIds())));

it("finds every table of both seeds", () => {
  expect(result.projects.map((p) => p.sheet)).toEqual(perfIds().map((id) => id.replace("/", "-")));
  expect(result.projects.find((p) => p.sheet === "seed003-p08")).toMatchObject({ printedTotal: "990", computedTotal: "99", grade: "优" });
});

it("reports exactly the expected findings, each at its cell, rounding as tails", () => {
  expect(Object.keys(CELL).sort()).toEqual(expected.map((e) => e.id).sort());
  const want = expected.map((e) => ({
    at: `${e.id.split("#")[0].replace("/", "-")}!${CELL[e.id]}`,
    rule: ruleOf(e),
    // an inferred link is a warning; a 执行率 indicator against the table's own funds rows is the table contradicting itself
    severity: e.verdict === "ROUNDING" ? "tail" : e.check.startsWith("link.") && e.check !== "link.rate" ? "warning" : "error",
  }));
  const got = result.findings.map((f) => ({ at: `${f.cells[0].sheet}!${f.cells[0].address}`, rule: f.rule, severity: f.severity }));
  const key = (x: { at: string; rule: string }) => `${x.at} ${x.rule}`;
  expect([...got].sort((a, b) => key(a).localeCompare(key(b)))).toEqual([...want].sort((a, b) => key(a).localeCompare(key(b))));
});

it("explains the commonest mistakes in words", () => {
  const msg = (at: string, rule: string) => result.findings.find((f) => `${f.cells[0].sheet}!${f.cells[0].address}` === at && f.rule === rule)!.message;
  expect(msg("seed001-p03!I14", "P.indicator.score")).toBe(
    "项目支出绩效自评表“2024 年度政务公开新媒体产品制作”指标“合格率”：正向指标：min(实际÷目标, 1)×分值，实际 97%，目标 >=98%，应得 19.80，表中为 20.00",
  );
  expect(msg("seed003-p08!G19", "P.total.sum")).toBe("项目支出绩效自评表“西城区社会心理服务指导中心运营服务经费”：总分应为各项得分之和 99.00，表中为 990.00");
});
