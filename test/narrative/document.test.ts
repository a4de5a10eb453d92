/**
 * The whole-text checks, each on sentences of the kind published 说明 carry: what they must find,
 * and what they must leave alone (a year compared with, a list of parts that is not all of them).
 */
import { Finding } from "../../src/core/finding";
import {
  Paragraph,
  comparisonFindings,
  contentsFindings,
  nameAndYearFindings,
  partsFindings,
  reasonFindings,
  typingFindings,
} from "../../src/core/narrative/document";
import { ALL_TABLES } from "../../src/catalog";
import { tableByTitle } from "../../src/core/disclosure/locate";
import { norm } from "../../src/core/label";

const paragraphs = (...texts: string[]): Paragraph[] => texts.map((text, i) => ({ text, at: { sheet: "决算说明", address: `A${i + 1}` } }));
const said = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.cells[0].address} ${f.message}`);

describe("目录 against the tables found", () => {
  const byId = (...ids: string[]) => ids.map((id) => ALL_TABLES.find((t) => t.id === id)!);
  const nine = byId("T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09");
  const check = (texts: string[], found: string[]) =>
    contentsFindings(
      paragraphs(...texts),
      nine,
      byId(...found),
      (t) => t.number,
      (s) => tableByTitle(norm(s), ALL_TABLES),
    );
  const contents = ["目 录", "一、收入支出决算总表……………… 3", "二、收入决算表 4", "三、支出决算表", "正文"];

  it("a table listed and not in the document is an error; one in it and not listed a warning", () => {
    expect(said(check(contents, ["T01", "T03", "T05"]))).toEqual([
      "error A3 目录列有“二、收入决算表”，文件中没有找到这张表（公开02表）",
      "warning A2 文件中有公开05表，目录没有列出",
    ]);
  });
  it("the count the text states against the tables found", () => {
    expect(said(check([...contents, "本部门公开共九张表"], ["T01", "T02", "T03"])).filter((s) => s.includes("张"))).toEqual([
      "error A6 文中说共 9 张表，文件中找到 3 张",
    ]);
  });
  it("a text with no 目录 says nothing of it", () => {
    expect(check(["一、收入支出决算总表"], ["T05"])).toEqual([]);
  });
});

describe("the department and the year", () => {
  it("a placeholder for the department is an error", () => {
    expect(said(nameAndYearFindings(paragraphs("XX局2024年度部门决算", "×××单位收入合计10万元")))).toEqual([
      "error A1 “XX局”是占位字样：请写明单位名称",
      "error A2 “×××单位”是占位字样：请写明单位名称",
    ]);
  });
  it("a year compared with, or planned for, is not a slip; a year-end or a title of another year is", () => {
    const found = nameAndYearFindings(
      paragraphs(
        "某局2024年度部门决算",
        "与2023年度相比，收入支出总计减少56.95万元。",
        "2025年将继续加强预算管理。",
        "截至2023年12月31日，共有车辆2辆。",
        "本表为2023年度部门决算表。",
      ),
    );
    expect(found.map((f) => `${f.cells[0].address} ${f.actual}`)).toEqual(["A4 2023", "A5 2023"]);
  });
});

describe("comparison words against their figures", () => {
  it("决算 against 预算 as the paragraph gives them", () => {
    const ok = "年初预算为1560.05万元，支出决算为1511.89万元，完成年初预算的96.91%。决算数小于预算数的主要原因是节约。";
    const wrong = "年初预算为1,560.05万元，支出决算为1,511.89万元，完成年初预算的96.91%。决算数大于预算数的主要原因是追加。";
    expect(said(comparisonFindings(paragraphs(ok, wrong)))).toEqual(["error A2 决算说明写“决算数大于预算数”，而同段决算 1,511.89 万元小于预算 1,560.05 万元"]);
  });
  it("持平 beside a change the same sentence states", () => {
    expect(said(comparisonFindings(paragraphs("与上年相比持平，增加5.00万元。", "与上年相比持平，增加0万元。")))).toEqual([
      "error A1 决算说明同一句里既说“持平”，又说“增加5.00万元”",
    ]);
  });
});

describe("a total and its 其中 parts", () => {
  it("a complete split must add up: exact, a tail, an error", () => {
    const found = partsFindings(
      paragraphs(
        "基本支出2676.50万元，其中：人员经费2661.25万元、公用经费15.25万元。",
        "基本支出2676.50万元，其中：人员经费2661.25万元、公用经费15.24万元。",
        "基本支出2676.50万元，其中：人员经费2661.25万元、公用经费10.00万元。",
      ),
    );
    expect(found.map((f) => `${f.severity} ${f.cells[0].address} ${f.actual}`)).toEqual(["tail A2 2676.49", "error A3 2671.25"]);
  });
  it("a list that may leave parts out is wrong only when the parts exceed the total", () => {
    const found = partsFindings(
      paragraphs("支出2940.05万元，其中：一般公共服务支出2106.66万元、社会保障和就业支出326.72万元。", "支出100万元，其中：办公费80万元、印刷费30万元。"),
    );
    expect(found.map((f) => `${f.severity} ${f.cells[0].address}`)).toEqual(["error A2"]);
  });
  it("the shares of one total sum to 100%, within their rounding", () => {
    const found = partsFindings(
      paragraphs(
        "本年收入合计2946.25万元，其中：财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%。",
        "本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；项目支出603.14万元，占19.51%。",
      ),
    );
    expect(said(found)).toEqual(["error A2 决算说明中 基本支出占 79.49%、项目支出占 19.51%，合计 99%，应为 100%"]);
  });
});

describe("a reader's eye", () => {
  it("a change with no reason after it is a warning", () => {
    const found = reasonFindings(
      paragraphs("较上年增加5.00万元，主要原因是人员增加。", "较上年减少3.00万元。", "其他事项。", "与2023年度相比，支出减少2万元。主要原因：", "人员减少。"),
    );
    expect(said(found)).toEqual(["warning A2 决算说明“较上年减少3”之后没有说明增减原因"]);
  });
  it("words typed twice, punctuation doubled or mixed, an ASCII comma before a figure", () => {
    const found = typingFindings(paragraphs("本年预算预算执行良好。", "支出减少。。", "支出减少，。", "共计0个团组,0人。", "收入2,940.05万元，研究研究。"));
    expect(found.map((f) => `${f.cells[0].address} ${f.actual}`)).toEqual(["A1 预算预算", "A2 。。", "A3 ，。", "A4 组,0"]);
  });
});

it("a rate of completion stated against a 年初预算 of 0 is an error: there is no rate", async () => {
  const { checkNarrative } = await import("../../src/core/narrative");
  const found = checkNarrative("年初预算为0万元，支出决算为12.50万元，完成年初预算的100.00%。", { sheet: "决算说明", address: "A1" });
  expect(found.map((f) => `${f.rule} ${f.severity} ${f.actual}`)).toEqual(["N.execution error 100.00"]);
});

describe("the department, and a change stated with both years' figures", () => {
  it("another department's name where the document's own should be is an error", async () => {
    const { departmentFindings } = await import("../../src/core/narrative/document");
    const found = departmentFindings(
      paragraphs("上海市普陀区财政局2024年度部门决算", "第三部分上海市普陀区财政局2024年度部门决算情况说明", "上海市普陀区民政局2024年度部门决算情况说明"),
    );
    expect(said(found)).toEqual(["error A3 此处写的单位是“上海市普陀区民政局”，本文件是“上海市普陀区财政局”的决算"]);
  });
  it("a change is this year's figure less last year's, in the direction said", () => {
    const found = comparisonFindings(
      paragraphs(
        "支出决算为2940.05万元，比上年3003.19万元减少63.14万元。",
        "支出决算为2940.05万元，比上年3003.19万元减少63.15万元。",
        "支出决算为2940.05万元，比上年3003.19万元减少60.00万元。",
        "支出决算为2940.05万元，比上年3003.19万元增加63.14万元。",
      ),
    );
    expect(found.map((f) => `${f.cells[0].address} ${f.rule} ${f.severity}`)).toEqual(["A2 N.yoy tail", "A3 N.yoy error", "A4 N.yoy.direction error"]);
  });
});
