/** 科目代码 checks on seed 001 with one slip each: the finding names the cell and says why. */
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/engine";
import { Finding } from "../../src/core/finding";
import { readGrids } from "../../src/xlsx";
import { seedWorkbook } from "../fixtures/seed-workbooks";

function check(edit: (wb: ExcelJS.Workbook) => void): Finding[] {
  const wb = seedWorkbook("sheets");
  edit(wb);
  return checkWorkbook(readGrids(wb)).findings.filter((f) => f.rule.includes("codes") && f.severity !== "info");
}

const brief = (f: Finding) => ({ rule: f.rule, severity: f.severity, at: `${f.cells[0].sheet}!${f.cells[0].address}`, message: f.message });

it("the clean seed has no code finding beyond info", () => {
  expect(check(() => undefined)).toEqual([]);
});

it("a name that does not match its code is an error; punctuation only, a warning", () => {
  const found = check((wb) => {
    wb.getWorksheet("表5")!.getCell("B17").value = "事业单位医疗"; // 2101101 行政单位医疗
    wb.getWorksheet("表5")!.getCell("B16").value = "行政事业单位医疗。";
  });
  expect(found.map(brief)).toEqual([
    { rule: "codes.name", severity: "error", at: "表5!B17", message: "公开05表：科目 2101101 的名称应为“行政单位医疗”，表中为“事业单位医疗”" },
    {
      rule: "codes.name",
      severity: "warning",
      at: "表5!B16",
      message: "公开05表：科目 21011 名称“行政事业单位医疗。”与标准名称“行政事业单位医疗”仅标点或全半角不同",
    },
  ]);
});

it("a 项 under the wrong 款 is an error", () => {
  // 表5 row 14 is 2080505 under 20805; put 2101103 there instead
  const found = check((wb) => {
    const ws = wb.getWorksheet("表5")!;
    ws.getCell("A14").value = 2101103;
    ws.getCell("B14").value = "公务员医疗补助";
  });
  expect(found.map((f) => [f.rule, f.cells[0].address])).toContainEqual(["codes.parent", "A14"]);
  expect(found.find((f) => f.rule === "codes.parent")!.message).toBe("公开05表：科目 2101103 应列在其上级科目 21011 之下，现列在 20805 之下");
});

it("02表 and 03表 must list the same 科目", () => {
  const found = check((wb) => {
    wb.getWorksheet("表3")!.getCell("A14").value = 2080506;
    wb.getWorksheet("表3")!.getCell("B14").value = "机关事业单位职业年金缴费支出";
  });
  expect(found.filter((f) => f.rule === "T02~T03.codes").map(brief)).toEqual([
    { rule: "T02~T03.codes", severity: "warning", at: "表2!A14", message: "公开02表列有科目 2080505“机关事业单位基本养老保险缴费支出”，公开03表没有" },
    { rule: "T02~T03.codes", severity: "warning", at: "表3!A14", message: "公开03表列有科目 2080506“机关事业单位职业年金缴费支出”，公开02表没有" },
  ]);
});
