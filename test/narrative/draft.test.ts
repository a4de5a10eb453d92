/**
 * The 说明 draft from seed 001's tables: the published sentences come out again where the published
 * text was right, every number is the tables', and the draft run back through the checker yields
 * no finding at all — with blanks, with last year's figures, with the 绩效自评表 beside the tables.
 */
import { checkWorkbook } from "../../src/core/engine";
import { draftNarrativeFor, DraftError } from "../../src/core/workflows";
import { applyPlan, readGrids } from "../../src/xlsx";
import { seedWorkbook } from "../fixtures/seed-workbooks";
import { sampleWorkbook } from "../fixtures/sample";
import type ExcelJS from "exceljs";

async function draftInto(wb: ExcelJS.Workbook) {
  const draft = draftNarrativeFor(readGrids(wb));
  await applyPlan(wb, draft.plan);
  const grids = readGrids(wb);
  const result = checkWorkbook(grids);
  // nothing wrong in the draft: no narrative finding but the one saying it is still a draft, nothing read as a table on its sheet
  const unfinished = result.findings.filter((f) => f.rule === "N.unfinished");
  expect(unfinished.map((f) => [f.severity, f.cells[0].sheet])).toEqual([["warning", draft.sheet]]);
  const narrative = result.findings.filter(
    (f) => f.rule !== "N.unfinished" && (f.rule.startsWith("N.") || f.rule.startsWith("P~N") || f.cells[0]?.sheet === draft.sheet),
  );
  expect(result.tables.map((t) => t.sheet)).not.toContain(draft.sheet);
  return { draft, narrative, sheet: grids.find((g) => g.sheet === draft.sheet)! };
}

it("drafts every standard section from the tables; checked again, the draft has no finding", async () => {
  const { draft, narrative, sheet } = await draftInto(seedWorkbook("sheets"));
  expect(narrative).toEqual([]);
  expect(draft.sheet).toBe("决算说明（草稿）");
  expect(draft.sections.map((s) => s.heading)).toEqual([
    "一、收入支出决算总体情况说明",
    "二、收入决算情况说明",
    "三、支出决算情况说明",
    "四、财政拨款收入支出决算总体情况说明",
    "五、一般公共预算财政拨款支出决算情况说明",
    "六、一般公共预算财政拨款基本支出决算情况说明",
    "七、政府性基金预算财政拨款支出决算情况说明",
    "八、国有资本经营预算财政拨款支出决算情况说明",
    "九、财政拨款“三公”经费支出决算情况说明",
    "十、会议费、培训费支出情况说明",
    "十一、机关运行经费支出情况说明",
    "十二、政府采购支出情况说明",
    "十三、国有资产占用情况说明",
    "十四、预算绩效情况说明",
  ]);
  const text = draft.text;
  expect(text.split("\n")[0]).toBe("临夏市人民政府办公室2024年度部门决算情况说明（草稿）");
  // the published sentences (001-p02, 001-p03, 001-p06) with the tables' numbers
  expect(text).toContain("2024年度收入合计887.29万元，其中：财政拨款收入887.29万元，占100.00%。");
  // text to publish: numbers set close, and no drafting instruction left in it
  expect(text).not.toMatch(/[\u4e00-\u9fff，：] \d|\d 万元|\d %/);
  expect(text).not.toMatch(/请改写|事业单位请/);
  expect(text).toContain("2024年度支出合计887.29万元，其中：基本支出764.61万元，占86.17%；项目支出122.68万元，占13.83%。");
  expect(text).toContain("主要用于以下方面：一般公共服务支出793.69万元，占89.45%；社会保障和就业支出61.21万元，占6.90%；卫生健康支出32.39万元，占3.65%。");
  expect(text).toContain("“三公”经费财政拨款支出全年预算数为31.00万元，支出决算为6.00万元，完成全年预算的19.35%。");
  // the 款 of 06表 named in code order, 302 before 310
  expect(text).toContain(
    "公用经费187.57万元，主要包括办公费、印刷费、邮电费、差旅费、维修（护）费、劳务费、工会经费、福利费、公务用车运行维护费、其他交通费用、办公设备购置；",
  );
  // no last year's figures: the changes are blanks to fill, and so are the reasons
  expect(text).toContain("与上年相比，收、支总计各增加（减少）____万元，增长（下降）____%，主要原因是：____。");
  // the sheet holds the same text, one paragraph a row
  expect(sheet.cells.map((r) => r[0].value).join("\n")).toBe(text.replace(/\n\n/g, "\n").replace(/\n$/, ""));
});

it("with a 上年数 sheet the changes are computed: the published 7.70% again, and 51.87% where the published text had 51.86%", async () => {
  const wb = seedWorkbook("sheets");
  const ws = wb.addWorksheet("上年数");
  ws.addRows([
    ["项目", "金额（万元）"],
    ["收支总计", 961.31],
    ["财政拨款收支总计", 961.31],
    ["一般公共预算财政拨款支出", 961.31],
    ["人员经费", 530.45],
    ["公用经费", 123.51],
    ["“三公”经费", 5.47],
    ["机关运行经费", 123.51],
  ]);
  const { draft, narrative } = await draftInto(wb);
  expect(narrative).toEqual([]);
  expect(draft.text).toContain("2024年度收、支总计均为887.29万元。与上年相比，收、支总计各减少74.02万元，下降7.70%，主要原因是：____。");
  expect(draft.text).toContain("公用经费187.57万元，主要包括");
  expect(draft.text).toContain("与上年相比，公用经费增加64.06万元，增长51.87%，主要原因是：____。");
  expect(draft.text).toContain("与上年相比，“三公”经费支出增加0.53万元，增长9.69%，主要原因是：____。");
});

it("with a 年初预算 sheet the 项 lines carry 年初预算 and 完成率", async () => {
  const wb = seedWorkbook("sheets");
  wb.addWorksheet("年初预算").addRows([
    ["科目代码", "科目名称", "年初预算"],
    ["2010301", "行政运行", 700],
    ["2080505", "机关事业单位基本养老保险缴费支出", "40.00"],
  ]);
  const { draft, narrative } = await draftInto(wb);
  expect(narrative).toEqual([]);
  const line = draft.text.split("\n").find((l) => l.includes("行政运行（项）"))!;
  expect(line).toMatch(
    /^1\.一般公共服务支出（类）.*（款）行政运行（项）（科目编码2010301）：年初预算为700\.00万元，支出决算为740\.43万元，完成年初预算的105\.78%。/,
  );
});

it("with the 绩效自评表 beside the tables: the projects, their money and their scores, and still no finding", async () => {
  const { draft, narrative } = await draftInto(sampleWorkbook());
  expect(narrative).toEqual([]);
  const perf = draft.sections.find((s) => s.heading.endsWith("预算绩效情况说明"))!.paragraphs;
  // Σ 执行数 122.67 ≠ 05表 122.68 (a tail): the draft does not claim 全面开展
  // the projects' 执行数 over all project spending (a 全年预算数 over it gave 105.97%, which no share can be)
  expect(perf[0]).toBe("本部门对2024年度一般公共预算项目支出开展绩效自评，一级项目4个，涉及资金122.67万元，占一般公共预算项目支出总额的99.99%。");
  expect(perf[2]).toMatch(
    /^2\.“2024 年度乡镇街道政务信息公开专区建设及运行维护费”项目绩效自评情况：项目绩效自评得分为98\.88分。项目全年预算数为60\.00万元，执行数为53\.25万元，完成预算的88\.75%。/,
  );
});

it("a workbook without the tables says so instead of drafting from nothing", () => {
  expect(() => draftNarrativeFor([])).toThrow(new DraftError("工作簿中没有找到公开01/03/05表，无法起草决算说明"));
});

it("the year comes from the caller or the tables, never from a clock inside the core", () => {
  const grids = readGrids(seedWorkbook("sheets"));
  for (const g of grids) for (const row of g.cells) for (const c of row) if (typeof c.value === "string" && c.value.includes("年度")) c.value = null;
  expect(() => draftNarrativeFor(grids)).toThrow(new DraftError("表中没有写明年度，无法起草决算说明"));
  expect(draftNarrativeFor(grids, { fallbackYear: 2031 }).text).toContain("2031年度");
});

it("a 项 line's 决算数 is checked through its 科目编码: a slip in the drafted text is an error", async () => {
  const wb = seedWorkbook("sheets");
  const draft = draftNarrativeFor(readGrids(wb));
  await applyPlan(wb, draft.plan);
  const ws = wb.getWorksheet(draft.sheet)!;
  let at = "";
  ws.eachRow((row, n) => {
    const v = String(row.getCell(1).value ?? "");
    if (v.includes("（科目编码2010301）")) {
      row.getCell(1).value = v.replace("支出决算为740.43万元", "支出决算为704.43万元");
      at = `A${n}`;
    }
  });
  const found = checkWorkbook(readGrids(wb)).findings.filter((f) => f.cells[0]?.sheet === draft.sheet && f.rule !== "N.unfinished");
  expect(found.map((f) => [f.rule, f.severity, f.cells[0].address, f.message])).toEqual([
    ["N.amount", "error", at, "决算说明中科目 2010301 的决算数 704.43 万元与公开05表（表5） 740.43 万元不一致"],
  ]);
});

it("a score the rules reject is not stated as fact: a blank with both figures, to settle before publishing", async () => {
  const { draft } = await draftInto(sampleWorkbook());
  const perf = draft.sections.find((s) => s.heading.endsWith("预算绩效情况说明"))!.paragraphs;
  // 99.9 printed, 99.7 by the rules (the 97% 合格率 against ≥98%)
  expect(perf.find((p) => p.includes("政务公开新媒体产品制作"))).toContain("项目绩效自评得分为____（待核：表中总分99.9分，按评分规则为99.7分）分。");
  // the 部门整体 self-evaluation has its paragraph too
  expect(perf.find((p) => p.startsWith("部门整体支出绩效自评情况"))).toContain("自评得分为____（待核：表中总分97.23分，按评分规则为96.46分）分。");
  // 会议费 and 培训费 from 06表's 30215 and 30216
  expect(draft.sections.find((s) => s.heading.endsWith("会议费、培训费支出情况说明"))!.paragraphs[0]).toMatch(
    /^2024年度本部门会议费支出\d+\.\d\d万元，培训费支出\d+\.\d\d万元。/,
  );
});
