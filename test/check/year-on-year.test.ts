/**
 * Year on year, with a 上年数 sheet beside the sample's tables (seed 001, 2024): the opening balance
 * against last year's closing one, and changes over 30% in 三公 or in a 类 that the 说明 must explain.
 */
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/engine";
import { readGrids } from "../../src/xlsx";
import { sampleWorkbook } from "../fixtures/sample";

function withLastYear(rows: [string, number][], narrative?: string[]): ExcelJS.Workbook {
  const wb = sampleWorkbook();
  const ws = wb.addWorksheet("上年数");
  ws.addRows([["项目", "金额（万元）"], ...rows]);
  if (narrative) wb.addWorksheet("决算说明").addRows(narrative.map((p) => [p]));
  return wb;
}

const yoy = (wb: ExcelJS.Workbook) =>
  checkWorkbook(readGrids(wb))
    .findings.filter((f) => f.rule.startsWith("Y."))
    .map((f) => ({ rule: f.rule, severity: f.severity, at: `${f.cells[0].sheet}!${f.cells[0].address}`, message: f.message }));

it("without a 上年数 sheet nothing is said", () => {
  expect(yoy(sampleWorkbook())).toEqual([]);
});

it("the opening balance is last year's closing one: equal holds, a difference is a warning at the opening cell", () => {
  // 2024 opens with 0.00 (公开01表 line 29, 公开04表 line 28)
  expect(
    yoy(
      withLastYear([
        ["年末结转和结余", 0],
        ["年末财政拨款结转和结余", 0],
      ]),
    ),
  ).toEqual([]);
  const found = yoy(withLastYear([["年末结转和结余", 12.5]]));
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ rule: "Y.carryOver", severity: "warning", at: "表1!C35" });
  expect(found[0].message).toBe("公开01表（表1）年初结转和结余 0.00 应等于上年年末数 12.50（上年数表），差 -12.50；如有以前年度调整，请在说明中写明");
});

it("a change over 30% needs its reason in the 说明: said as a note with no 说明, a warning when the 说明 is silent, nothing when it explains", () => {
  // 三公 2024: 6.00 against 4.00 (+50%); 一般公共服务支出 793.69 against 500.00 (+58.74%); 卫生健康 32.39 against 30.00 (+7.97%)
  const last: [string, number][] = [
    ["“三公”经费", 4],
    ["一般公共服务支出", 500],
    ["卫生健康支出", 30],
  ];
  expect(yoy(withLastYear(last)).map((f) => `${f.at} ${f.severity}`)).toEqual(["表9!G8 info", "表5!C8 info"]);
  const silent = yoy(withLastYear(last, ["本部门2024年度收支总计887.29万元。"]));
  expect(silent.map((f) => `${f.at} ${f.severity}`)).toEqual(["表9!G8 warning", "表5!C8 warning"]);
  expect(silent[1].message).toBe("公开05表（表5）一般公共服务支出 793.69 万元，较上年 500.00 万元增长 58.74%，说明中没有写出原因（变动超过 30%）");
  const explained = yoy(
    withLastYear(last, ["“三公”经费支出6万元，比上年增加2万元，主要原因是公务用车运行维护费增加。", "一般公共服务支出793.69万元，增长的主要原因是人员增加。"]),
  );
  expect(explained).toEqual([]);
});
