/**
 * Every printed 绩效 figure judged at the places it shows, through every step (amounts → 执行率 →
 * 执行率得分 → 总分): a difference rounding can explain is a tail, never an error; one it cannot is an
 * error. Layouts built with rates printed to 0, 1 and 2 places, as text and as number formats.
 */
import ExcelJS from "exceljs";
import { scoreWorkbook } from "../../src/core/performance/score";
import { readGrids } from "../../src/xlsx";

type Cell = string | number | null | { value: number; format: string };

/** A 甘肃 项目支出绩效自评表 whose indicators are all met and scored right: only the funds row varies. */
function workbook(funds: { budget: Cell; actual: Cell; rate: Cell; score: Cell; total: Cell }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("自评");
  const rows: Cell[][] = [
    ["项目支出绩效自评表（2024年度）"],
    ["项目名称", "村级道路养护"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", funds.budget, funds.budget, funds.actual, 10, funds.rate, funds.score],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "单位", "完成率", "得分", "未完成原因分析"],
    ["产出指标", "数量指标", "养护里程", "≥20公里", 20, 50, "公里", "100%", 50, null],
    ["效益指标", "社会效益指标", "通行条件改善", "≥95%", 96, 30, "%", "100%", 30, null],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", 92, 10, "%", "100%", 10, null],
    ["总分", null, null, null, null, 100, null, null, funds.total],
  ];
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null) return;
      const c = ws.getCell(i + 1, j + 1);
      if (typeof v === "object") {
        c.value = v.value;
        c.numFmt = v.format;
      } else c.value = v;
    }),
  );
  return wb;
}

const findings = (wb: ExcelJS.Workbook) => scoreWorkbook(readGrids(wb)).findings.map((f) => `${f.cells[0].address} ${f.rule} ${f.severity}`);

it.each([
  ["0 places, as text: 75.15% printed 75%", { budget: 100, actual: 75.15, rate: "75%", score: 7.52, total: 97.52 }],
  ["1 place, as text: 79.27% printed 79.3%", { budget: 100, actual: 79.27, rate: "79.3%", score: "7.9", total: "97.9" }],
  ["1 place, by number format: 0.7927 shown as 79.3%", { budget: 100, actual: 79.27, rate: { value: 0.7927, format: "0.0%" }, score: 7.93, total: 97.93 }],
  ["2 places: 97.19% of 100 → 9.72", { budget: 100, actual: 97.19, rate: "97.19%", score: 9.72, total: 99.72 }],
])("%s is right: no finding", (_, funds) => {
  expect(findings(workbook(funds))).toEqual([]);
});

it("a score worked out from a printed rate that is itself right to its places is a tail", () => {
  // 1.04 ÷ 1.07 is 97.20%, and the rounded amounts reach 96.73%–97.66%: 97.19% is a tail, and 9.71 (from 97.19%) too
  expect(findings(workbook({ budget: 1.07, actual: 1.04, rate: "97.19%", score: 9.71, total: 99.71 }))).toEqual([
    "G4 P.funds.rate tail",
    "H4 P.funds.score tail",
  ]);
});

it("a score worked out from a wrong rate is wrong too, and says where it came from", () => {
  // 97.00 ÷ 100.00 is 97.00%: no rounding gives 97.19%, and 9.71 follows that wrong rate
  const wb = workbook({ budget: 100, actual: 97, rate: "97.19%", score: 9.71, total: 99.71 });
  expect(findings(wb)).toEqual(["G4 P.funds.rate error", "H4 P.funds.score error"]);
  expect(scoreWorkbook(readGrids(wb)).findings[1].message).toContain("是按表中有误的执行率 97.19% 算的，两处都要改");
});

it("a rate rounding reaches from the rounded amounts is a tail at its printed places", () => {
  // 0.05 ÷ 0.07 can be anything from 64.29% to 83.33%: 75% is within reach, 71.43% is what the figures give
  expect(findings(workbook({ budget: 0.07, actual: 0.05, rate: "75%", score: 7.5, total: 97.5 }))).toEqual(["G4 P.funds.rate tail", "H4 P.funds.score tail"]);
});

it.each([
  ["a rate no rounding explains", { budget: 100, actual: 72, rate: "75%", score: 7.5, total: 97.5 }, ["G4 P.funds.rate error", "H4 P.funds.score error"]],
  ["a score no rate explains", { budget: 100, actual: 75.15, rate: "75%", score: 9, total: 99 }, ["H4 P.funds.score error"]],
  ["a 总分 that is not the sum of the printed scores", { budget: 100, actual: 75.15, rate: "75%", score: 7.52, total: 97.6 }, ["I9 P.total.sum error"]],
])("%s is an error", (_, funds, want) => {
  expect(findings(workbook(funds))).toEqual(want);
});
