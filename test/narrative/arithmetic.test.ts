/**
 * 决算说明 arithmetic on seed 001's real narrative, pasted into a 决算说明 sheet beside the tables:
 * the year-on-year and share claims of test/fixtures/published/seed001-003-expected-relations.json are
 * reported with their verdicts (rounding tails as tails, the 18.7% share as an error), the
 * sentences that hold are not.
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/engine";
import { checkNarrative } from "../../src/core/narrative";
import { readGrids } from "../../src/xlsx";
import { SEED001, PUBLISHED, seedWorkbook } from "../fixtures/seed-workbooks";

interface Narrative {
  passages: { id: string; text: string; claims: { key: string }[] }[];
  relations: { id: string; kind: string; total?: string }[];
}
const narrative = JSON.parse(fs.readFileSync(path.join(SEED001, "narrative.json"), "utf8")) as Narrative;
const expected = (
  JSON.parse(fs.readFileSync(path.join(PUBLISHED, "seed001-003-expected-relations.json"), "utf8")) as {
    id: string;
    seed: string;
    category: string;
    relation: string;
    verdict: string;
  }[]
).filter((r) => r.category.startsWith("narrative:") && r.seed.startsWith("001"));

function withNarrative() {
  const wb = seedWorkbook("sheets");
  const ws = wb.addWorksheet("决算说明");
  narrative.passages.forEach((p, i) => (ws.getCell(i + 1, 1).value = p.text));
  return wb;
}

const expected003 = (
  JSON.parse(fs.readFileSync(path.join(PUBLISHED, "seed001-003-expected-relations.json"), "utf8")) as { seed: string; category: string }[]
).filter((r) => r.seed.startsWith("003") && r.category === "narrative:share");

const RULE: Record<string, string> = {
  "narrative:share": "N.share",
  "narrative:yoy_change": "N.yoy",
  "narrative:execution_rate": "N.execution",
  // "001-r27 …": 涉及资金 = Σ the projects' 全年预算数; "001-r26 …": under 全面开展, Σ 执行数 = 05表 项目支出
  "narrative:cross_claim": "N.projects.funds",
  "narrative:vs_table": "N.projects.all",
};

/** The passage a relation speaks of: "001-p08-c05 …" by its claim, "001-r27 …" by the claim its total is, "001-r26" (a sum against a table) where the 说明 says 全面开展. */
function passageOf(relation: string): number {
  const id = relation.split(" ")[0];
  const r = narrative.relations.find((x) => x.id === id);
  const at = r
    ? narrative.passages.findIndex((p) => (r.total ? p.claims.some((c) => `@${c.key}` === r.total) : r.kind === "sum_vs_table" && p.text.includes("全面开展")))
    : narrative.passages.findIndex((p) => id.startsWith(p.id));
  if (at < 0) throw new Error(`no passage for ${relation}`);
  return at + 1;
}

it("reports exactly the narrative relations that do not hold (yoy, shares, 执行率, the projects' sums), with their verdicts", () => {
  const all = checkWorkbook(readGrids(withNarrative())).findings;
  // the reader's slip of typing is not a relation: the one there is, "个团组,0 人", is said apart
  expect(all.filter((f) => f.rule === "N.typing").map((f) => `${f.cells[0].address} ${f.message}`)).toEqual([
    "A10 中文里用了英文逗号：“计 0 个团组,0 人；公务用”",
  ]);
  const found = all.filter((f) => f.rule.startsWith("N.") && f.rule !== "N.typing" && f.severity !== "info");
  const want = expected.map((e) => ({
    at: `决算说明!A${passageOf(e.relation)}`,
    rule: RULE[e.category],
    severity: e.verdict === "ROUNDING_TAIL" ? "tail" : "error",
  }));
  const got = found.map((f) => ({ at: `${f.cells[0].sheet}!${f.cells[0].address}`, rule: f.rule, severity: f.severity }));
  const key = (x: { at: string; rule: string; severity: string }) => `${x.at} ${x.rule} ${x.severity}`;
  expect(want).toHaveLength(9);
  expect(got.map(key).sort()).toEqual(want.map(key).sort());
  expect(found.find((f) => f.rule === "N.share")!.message).toBe(
    "决算说明“163万元,占一般公共预算项目支出总额的 18.7%”：163.00 ÷ 一般公共预算项目支出总额 122.68 = 132.87%，写作 18.7%",
  );
});

it("seed 003's narrative alone, without its tables: the shares of 支出合计 against the passage's own total", () => {
  const n003 = JSON.parse(fs.readFileSync(path.join(PUBLISHED, "seed003/narrative.json"), "utf8")) as { passages: { id: string; text: string }[] };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("决算说明");
  n003.passages.forEach((p, i) => (ws.getCell(i + 1, 1).value = p.text));
  const found = checkWorkbook(readGrids(wb)).findings.filter((f) => f.rule.startsWith("N.") && f.severity !== "info");
  const row = 1 + n003.passages.findIndex((p) => p.id === "003-p09");
  const want = expected003.map(() => ({ at: `决算说明!A${row}`, rule: "N.share", severity: "tail" }));
  expect(want).toHaveLength(2);
  expect(found.map((f) => ({ at: `${f.cells[0].sheet}!${f.cells[0].address}`, rule: f.rule, severity: f.severity }))).toEqual(want);
});

it("an amount the narrative names by a table's words must equal the table: a slip in the text is an error", () => {
  const wb = withNarrative();
  const ws = wb.getWorksheet("决算说明")!;
  const row = 1 + narrative.passages.findIndex((p) => p.id === "001-p03");
  ws.getCell(row, 1).value = String(ws.getCell(row, 1).value).replace("基本支出 764.61万元", "基本支出 746.61万元");
  const found = checkWorkbook(readGrids(wb)).findings.filter((f) => f.rule === "N.amount");
  expect(found.map((f) => [f.severity, `${f.cells[0].sheet}!${f.cells[0].address}`, f.message])).toEqual([
    ["error", `决算说明!A${row}`, "决算说明“基本支出 746.61万元”与公开03表（表3） 764.61 万元不一致"],
  ]);
});

it("amounts named in other words: a 类 by its name, the 三公 items (预算数 and 决算数), 机关运行经费, 会议费", () => {
  const wb = withNarrative();
  const ws = wb.getWorksheet("决算说明")!;
  const slips: [string, string, string][] = [
    ["001-p06", "一般公共服务支出 793.69 万元", "一般公共服务支出 739.69 万元"],
    ["001-p09", "支出决算为 6.00 万元,决算数小于", "支出决算为 6.50 万元,决算数小于"],
    ["001-p09", "公务接待费全年预算数为 0 万元", "公务接待费全年预算数为 1 万元"],
    ["001-p09", "1.因公出国(境)费用全年预算数为 25.00", "1.因公出国(境)费用全年预算数为 25.01"],
    ["001-p11", "机关运行经费支出187.57万元", "机关运行经费支出187.75万元"],
    ["001-p11", "本年度会议费支出 0 万元", "本年度会议费支出 2 万元"],
  ];
  const rowOf = (id: string) => 1 + narrative.passages.findIndex((p) => p.id === id);
  for (const [id, from, to] of slips) {
    const cell = ws.getCell(rowOf(id), 1);
    expect(String(cell.value)).toContain(from);
    cell.value = String(cell.value).replace(from, to);
  }
  const found = checkWorkbook(readGrids(wb)).findings.filter((f) => f.rule === "N.amount");
  expect(found.map((f) => [f.severity, f.cells[0].address, f.message]).sort()).toEqual(
    [
      ["error", `A${rowOf("001-p06")}`, "决算说明“一般公共服务支出 739.69 万元”与公开05表（表5） 793.69 万元不一致"],
      [
        "error",
        `A${rowOf("001-p09")}`,
        "决算说明“三公经费支出全年预算数为 31.00 万元,支出决算为 6.50 万元”中的决算数 6.50 万元与公开09表（表9） 6.00 万元不一致",
      ],
      ["error", `A${rowOf("001-p09")}`, "决算说明“公务接待费全年预算数为 1 万元,支出决算为 0万元”中的预算数 1.00 万元与公开09表（表9） 0.00 万元不一致"],
      [
        "tail",
        `A${rowOf("001-p09")}`,
        "决算说明“因公出国(境)费用全年预算数为 25.01 万元,支出决算为 0 万元”中的预算数 25.01 万元与公开09表（表9） 25.00 万元不一致（尾差）",
      ],
      [
        "warning",
        `A${rowOf("001-p11")}`,
        "决算说明“机关运行经费支出187.75万元”与公开06表（表6） 187.57 万元不一致：行政单位（含参公事业单位）的机关运行经费即一般公共预算财政拨款基本支出中的公用经费",
      ],
      ["error", `A${rowOf("001-p11")}`, "决算说明“会议费支出 2 万元”与公开06表（表6） 0.00 万元不一致"],
    ].sort(),
  );
});

it("a 类 named in the text agrees with 05表 or with 03表: the one that fits holds; one that fits neither is an error", () => {
  const check = (text: string) => {
    const w = withNarrative();
    w.getWorksheet("决算说明")!.getCell(40, 1).value = text;
    return checkWorkbook(readGrids(w))
      .findings.filter((f) => f.rule === "N.amount" && f.cells[0].address === "A40")
      .map((f) => f.severity);
  };
  expect(check("“一般公共服务支出”（类）2024年度年初预算793.69万元，2024年度决算793.69万元，完成年初预算的100%。")).toEqual([]);
  expect(check("“一般公共服务支出”（类）2024年度年初预算793.69万元，2024年度决算793.60万元。")).toEqual(["error"]);
  // a 类 the tables do not hold is left alone (no row, no claim to check)
  expect(check("国防支出 12.00 万元。")).toEqual([]);
});

it("“一级项目4个,涉及资金163万元”: not the 4 projects' money (S001-0297, error), and their 执行数 against 05表 under 全面开展 (S001-0296, tail)", () => {
  const found = checkWorkbook(readGrids(withNarrative())).findings.filter((f) => f.rule.startsWith("N.projects"));
  const row = 1 + narrative.passages.findIndex((p) => p.id === "001-p14");
  expect(found.map((f) => [f.rule, f.severity, f.cells.map((c) => `${c.sheet}!${c.address}`).join(" "), f.message])).toEqual([
    [
      "N.projects.funds",
      "error",
      `决算说明!A${row}`,
      "决算说明“一级项目4个,涉及资金163万元”：说明所列 4 个项目全年预算数之和 130.00 万元、执行数之和 122.67 万元，写作 163.00 万元",
    ],
    [
      "N.projects.all",
      "tail",
      `决算说明!A${row} 表5!E7`,
      "决算说明称全面开展绩效自评，说明所列 4 个项目执行数之和 122.67 万元应等于公开05表（表5） 项目支出 122.68 万元（尾差）",
    ],
  ]);
});

it("amounts written with thousands separators are read whole (“1,131.80 万元”, also with a full-width comma)", () => {
  const check = (text: string) => checkNarrative(text, { sheet: "说明", address: "A1" }).map((f) => [f.rule, f.severity, f.expected]);
  expect(check("本年支出合计 1,131.80 万元，其中：基本支出 1,000.00 万元，占 88.35%。")).toEqual([]);
  expect(check("本年支出合计 1，131.80 万元，其中：基本支出 1，000.00 万元，占 88.53%。")).toEqual([["N.share", "error", "88.354833"]]);
});

it("完成年初预算的 and 预决算差异率 sentences: recomputed from the two amounts they give", () => {
  const check = (text: string) => checkNarrative(text, { sheet: "说明", address: "A1" }).map((f) => [f.rule, f.severity, f.actual]);
  // seed 001 §五（三）, as published: right
  expect(check(narrative.passages.find((p) => p.id === "001-p07")!.text)).toEqual([]);
  expect(check("社会保障和就业支出年初预算数为 61.21 万元,支出决算为 60.00 万元,完成年初预算的 98.02%。")).toEqual([]);
  expect(check("社会保障和就业支出年初预算数为 61.21 万元,支出决算为 60.00 万元,完成年初预算的 98.20%。")).toEqual([["N.execution", "error", "98.20"]]);
  expect(check("“一般公共服务支出”（类）2024年度年初预算100.00万元，2024年度决算90.00万元，预决算差异率为-10.00%。")).toEqual([]);
  expect(check("年初预算为 100.00 万元，决算为 90.00 万元，预决算差异率 11.11%。")).toEqual([["N.gap", "error", "11.11"]]);
});

it("an amount after a list of names (“会议费、培训费 2.00 万元”) is the list's: no claim about the last name alone", () => {
  const w = withNarrative();
  w.getWorksheet("决算说明")!.getCell(40, 1).value = "本年度会议费、培训费支出 2.00 万元。本年度培训费支出 2.00 万元。";
  const found = checkWorkbook(readGrids(w)).findings.filter((f) => f.rule === "N.amount" && f.cells[0].address === "A40");
  expect(found.map((f) => f.message)).toEqual(["决算说明“培训费支出 2.00 万元”与公开06表（表6） 0.00 万元不一致"]);
});

it("common variants: 降低/提高 for the change, 占比为 for a share of the passage's total", () => {
  const check = (text: string) => checkNarrative(text, { sheet: "说明", address: "A1" }).map((f) => [f.rule, f.severity, f.actual]);
  expect(check("公用经费 187.57 万元，比上年减少 64.06 万元，降低 25.46%。")).toEqual([]);
  expect(check("公用经费 187.57 万元，比上年减少 64.06 万元，降低 25.64%。")).toEqual([["N.yoy", "error", "25.64"]]);
  expect(check("支出合计 887.29 万元，其中：基本支出 764.61 万元，占比为 86.17%；项目支出 122.68 万元，占比 13.38%。")).toEqual([
    ["N.share", "error", "13.38"],
  ]);
});

it("a change whose two words contradict (增加 … 下降) is an error", () => {
  const found = checkNarrative("人员经费 577.04 万元，较上年决算数增加 46.59 万元，下降 8.78%。", { sheet: "说明", address: "A1" });
  expect(found.map((f) => [f.rule, f.severity, f.message])).toEqual([
    ["N.yoy.direction", "error", "决算说明“增加 46.59 万元,下降 8.78%”：金额增加，百分比却写“下降”"],
  ]);
});

it("a 项 named by its 类, 款 and 项 names without its code (names with brackets of their own): its 决算数 against 05表", () => {
  const check = (amount: string) => {
    const wb = seedWorkbook("sheets");
    wb.addWorksheet("决算说明").getCell("A1").value =
      `1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。主要用于机关运转。年初预算为 700.00 万元，支出决算为${amount}万元。`;
    return checkWorkbook(readGrids(wb)).findings.filter((f) => f.rule === "N.amount");
  };
  expect(check("740.43")).toEqual([]);
  expect(check("704.43").map((f) => [f.severity, f.message])).toEqual([
    ["error", "决算说明中科目 2010301（一般公共服务支出/政府办公厅(室)及相关机构事务/行政运行） 的决算数 704.43 万元与公开05表（表5） 740.43 万元不一致"],
  ]);
});

it("a share over 100% is an error whatever its base: a part is never more than its whole", () => {
  const check = (text: string) => checkNarrative(text, { sheet: "说明", address: "A1" }).map((f) => [f.rule, f.severity, f.actual]);
  expect(check("一级项目4个，涉及资金130.00万元，占一般公共预算项目支出总额的 105.97%。")).toEqual([["N.share", "error", "105.97"]]);
  // a share within 100% whose base the text alone cannot give is only not checked
  expect(check("一级项目4个，涉及资金122.67万元，占一般公共预算项目支出总额的 99.99%。")).toEqual([["N.share.base", "info", undefined]]);
});
