/**
 * Hand-made tables for the variants the seeds do not carry: a reverse indicator scored backwards
 * (甘肃 layout), the 新疆 layout with 指标赋分规则 and scores printed with 分, and the 云南 区级部门
 * 评价表 with its weight tree and 评价等次 tick boxes.
 */
import ExcelJS from "exceljs";
import { scoreWorkbook } from "../../src/core/performance/score";
import { readGrids } from "../../src/xlsx";

type Row = (string | number | null)[];

function sheet(wb: ExcelJS.Workbook, name: string, rows: Row[], merges: [number, number, number, number][] = []): void {
  const ws = wb.addWorksheet(name);
  rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
  for (const [a, b, c, d] of merges) ws.mergeCells(a, b, c, d);
}

const brief = (wb: ExcelJS.Workbook) =>
  scoreWorkbook(readGrids(wb)).findings.map((f) => ({
    at: `${f.cells[0].sheet}!${f.cells[0].address}`,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
  }));

it("a met reverse target scored as 实际÷目标 is an error that says so, on its 得分 and its 完成率", () => {
  const wb = new ExcelJS.Workbook();
  sheet(wb, "甘肃", [
    ["项目支出绩效自评表（2024年度）"],
    ["项目名称", "社区老年食堂运营补助"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 40, 40, 40, 10, 100, 10],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "单位", "完成率", "得分", "未完成原因分析"],
    ["产出指标", "时效指标", "完成时限", "≤4个月", 1, 8, "个月", "25%", 2, null],
    ["成本指标", "经济成本指标", "运营补助成本", "≤40万元", 40, 12, "万元", "100%", 12, null],
    ["效益指标", "社会效益指标", "就餐老人数", "≥300人", 330, 40, "人", "110%", 40, null],
    ["满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", 96, 30, "%", "106.67%", 30, null],
    ["总分", null, null, null, null, 100, null, null, 92],
  ]);
  expect(brief(wb)).toEqual([
    {
      at: "甘肃!I6",
      rule: "P.indicator.score",
      severity: "error",
      message:
        "项目支出绩效自评表“社区老年食堂运营补助”指标“完成时限”：反向指标：达到目标得满分，否则 目标÷实际×分值，实际 1个月，目标 ≤4个月，应得 8.00，表中为 2.00（按“实际÷目标”计分，把反向指标当作正向指标）",
    },
    // the 完成率 printed the same backwards way: marked with the score
    {
      at: "甘肃!H6",
      rule: "P.indicator.completion",
      severity: "error",
      message: "项目支出绩效自评表“社区老年食堂运营补助”指标“完成时限”：反向指标已达到目标（实际 1个月，目标 ≤4个月），完成率应为 100%，表中为 25%",
    },
    { at: "甘肃!I10", rule: "P.total.sum", severity: "error", message: "项目支出绩效自评表“社区老年食堂运营补助”：总分应为各项得分之和 94.00，表中为 92.00" },
  ]);
});

it("新疆: 资金来源 rows, 分值权重, 指标赋分规则, scores printed with 分 and actuals with =", () => {
  const wb = new ExcelJS.Workbook();
  sheet(wb, "新疆", [
    ["项目支出绩效自评表"],
    ["项目名称", "乡村道路养护"],
    ["资金来源", "年初预算数", "全年预算数", "全年执行数", "分值权重", "执行率", "得分"],
    ["年度资金总额", 100, 100, 99.8, 10, "99.80%", "9.98分"],
    ["其中：当年财政拨款", 100, 100, 99.8, "—", "99.80%", "—"],
    ["其他资金", 0, 0, 0, "—", "—", "—"],
    [
      "一级指标",
      "二级指标",
      "三级指标",
      "指标值",
      "指标值设置依据",
      "上年完成值",
      "指标分值权重",
      "指标赋分规则",
      "佐证资料",
      "指标实际完成值",
      "完成率",
      "指标得分",
      "偏差原因分析及改进措施",
    ],
    ["产出指标", "数量指标", "养护里程", ">=120公里", "计划", "118", 30, "按照完成比例赋分", "台账", "=126公里", "105%", "30分", null],
    ["产出指标", "成本指标", "养护成本", "<=80.61万元", "预算", null, 20, "按照完成比例赋分", "决算", "=80.45万元", "100%", "20分", null],
    ["效益指标", "社会效益指标", "道路通行条件", "有效改善", "规划", null, 20, "按评判等级赋分", "照片", "完全达到预期", "100%", "15分", null],
    ["满意度指标", "服务对象满意度指标", "群众满意度", ">=90%", "调查", "92", 20, "满意度赋分", "问卷", "=85%", "94.44%", "20分", null],
    ["总分", null, null, null, null, null, 100, null, null, null, null, "94.98分", null],
  ]);
  expect(brief(wb)).toEqual([
    {
      at: "新疆!L10",
      rule: "P.indicator.score",
      severity: "error",
      message: "项目支出绩效自评表“乡村道路养护”指标“道路通行条件”：定性指标“完全达到预期”属达成（100%–80%），得分应在 16.00–20.00 之间，表中为 15.00",
    },
    {
      at: "新疆!L11",
      rule: "P.indicator.score",
      severity: "error",
      message: "项目支出绩效自评表“乡村道路养护”指标“群众满意度”：正向指标：min(实际÷目标, 1)×分值，实际 85%，目标 >=90%，应得 18.89，表中为 20.00",
    },
  ]);
});

it("云南 区级部门评价表: weight tree sums, 评价等次 from the 总分", () => {
  const wb = new ExcelJS.Workbook();
  sheet(
    wb,
    "云南",
    [
      ["2024年度区级预算支出部门评价表"],
      ["项目名称", "社区综合服务"],
      ["项目资金（万元）", null, "年初预算数", "实际到位数", "实际支出数", "执行率"],
      [null, "年度资金总额", 50, 50, 45, "90%"],
      ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
      ["决策", 20, "项目立项", 10, "立项依据充分性", 10, 10],
      [null, null, "绩效目标", 10, "绩效目标合理性", 10, 9],
      ["过程", 20, "资金管理", 20, "预算执行率", 20, 18],
      ["产出", 30, "产出数量", 30, "服务人次", 30, 30],
      ["效益", 35, "满意度", 30, "群众满意度", 30, 28],
      ["总分", null, null, null, null, 100, 95],
      ["评价等次", "优□ 良√ 中□ 差□", null, null, null, null, null],
    ],
    [
      [6, 1, 7, 1],
      [6, 2, 7, 2],
    ],
  );
  expect(brief(wb)).toEqual([
    { at: "云南!B10", rule: "P.weights.tree", severity: "error", message: "区级预算支出部门评价表“社区综合服务”：“效益”的分值 35 应等于其下各指标分值之和 30" },
    { at: "云南!B12", rule: "P.grade", severity: "error", message: "区级预算支出部门评价表“社区综合服务”：按总分 95.00 等级应为“优”，表中为“良”" },
  ]);
});

it("reads the 自评报告's sentences: amounts, 执行率 only beside its amounts, 得分, 等级", async () => {
  const { claimsOf } = await import("../../src/core/performance/statements");
  const brief = (text: string) => claimsOf(text).map((c) => [c.field, String(c.value)]);
  expect(brief("项目全年预算数为 45 万元,执行数为 44.47 万元,完成预算的 98.82%。")).toEqual([
    ["budget", "45"],
    ["actual", "44.47"],
    ["rate", "98.82"],
  ]);
  expect(brief("年度网络正常比例 98％；使用单位满意度 95％；年度预算执行率 94.1%。")).toEqual([]);
  expect(brief("资金金额 57.18 万元，支付资金 100%。")).toEqual([["actual", "57.18"]]);
  expect(brief("项目预算总金额 315 万元，每年资金投入 45 资金，2024 年资金到位 45 万元和支出 44.47 万元。")).toEqual([["actual", "44.47"]]);
  expect(brief("2024 年部门整体绩效得分 97.23 分（满分 100 分），评价等级为“优”。")).toEqual([
    ["score", "97.23"],
    ["grade", "优"],
  ]);
});

it("a 二级 分值 printed once over its merged block is checked per block, even where two blocks share a name", () => {
  const wb = new ExcelJS.Workbook();
  sheet(
    wb,
    "云南",
    [
      ["2024年度区级预算支出部门评价表"],
      ["项目名称", "社区综合服务"],
      ["项目资金（万元）", null, "年初预算数", "实际到位数", "实际支出数", "执行率"],
      [null, "年度资金总额", 50, 50, 50, "100%"],
      ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
      ["产出", 60, "产出数量", 20, "服务人次", 10, 10],
      [null, null, null, null, "服务场次", 10, 10],
      [null, null, "产出数量", 40, "覆盖社区", 15, 15],
      [null, null, null, null, "入户走访", 15, 15],
      [null, null, null, null, "志愿者人数", 10, 10],
      ["效益", 40, "满意度", 40, "群众满意度", 40, 40],
      ["总分", null, null, null, null, 100, 100],
    ],
    [
      [6, 1, 10, 1],
      [6, 2, 10, 2],
      [6, 3, 7, 3],
      [6, 4, 7, 4],
      [8, 3, 10, 3],
      [8, 4, 10, 4],
    ],
  );
  // 20 = 10 + 10 and 40 = 15 + 15 + 10: both blocks right, though both are called 产出数量
  expect(brief(wb)).toEqual([]);
});
