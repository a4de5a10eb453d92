/**
 * P~N: the 说明's project sentences against the workbook's 项目支出绩效自评表 — matched by a name
 * the accountant retyped ("指挥中心" in the 说明, "智慧中心" in the table), every figure compared.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/engine";
import { nameLikeness } from "../../src/core/narrative";
import { readGrids } from "../../src/xlsx";
import { SEED001 } from "../fixtures/seed-workbooks";
import { sampleWorkbook } from "../fixtures/sample";

const narrative = (JSON.parse(fs.readFileSync(path.join(SEED001, "narrative.json"), "utf8")) as { passages: { id: string; text: string }[] }).passages;
const row = (id: string) => 1 + narrative.findIndex((p) => p.id === id);

function check(edit: (text: string, id: string) => string = (t) => t) {
  const wb = sampleWorkbook();
  const ws = wb.addWorksheet("决算说明");
  narrative.forEach((p, i) => (ws.getCell(i + 1, 1).value = edit(p.text, p.id)));
  return checkWorkbook(readGrids(wb)).findings.filter((f) => f.rule === "P~N.project");
}

it("each of seed 001's four project sentences finds its table and agrees with it", () => {
  expect(check()).toEqual([]);
  // the names as typed: each 说明 name is clearly likest to its own table's
  const told = ["数字政府运营指挥中心建设维护费", "市政府乡镇街道政务信息公开专区建设及运行项目", "政务公开新媒体产品制作", "市政府乡镇街道视频会议建设维护"];
  const tables = [
    "2024 年度数字政府运营智慧中心建设维护费",
    "2024 年度乡镇街道政务信息公开专区建设及运行维护费",
    "2024 年度政务公开新媒体产品制作",
    "2024 年度乡镇街道视频会议建设维护费",
  ];
  told.forEach((name, i) => {
    const ranked = tables.map((t) => nameLikeness(name, t));
    expect(ranked.indexOf(Math.max(...ranked))).toBe(i);
  });
});

it("a score or a budget the 说明 gets wrong is an error naming both documents", () => {
  const found = check((t, id) =>
    id === "001-p16" ? t.replace("87.88分", "88.78分") : id === "001-p18" ? t.replace("项目全年预算数为 5 万元", "项目全年预算数为 6 万元") : t,
  );
  expect(found.map((f) => [f.severity, f.cells.map((c) => `${c.sheet}!${c.address}`).join(" "), f.message])).toEqual([
    [
      "error",
      `决算说明!A${row("001-p16")} 绩效p01!A1`,
      "决算说明中“数字政府运营指挥中心建设维护费”的自评得分 88.78 与项目支出绩效自评表“2024 年度数字政府运营智慧中心建设维护费”（绩效p01）的 87.88 不一致",
    ],
    [
      "error",
      `决算说明!A${row("001-p18")} 绩效p03!A1`,
      "决算说明中“政务公开新媒体产品制作”的全年预算数 6 与项目支出绩效自评表“2024 年度政务公开新媒体产品制作”（绩效p03）的 5 不一致",
    ],
  ]);
});

it("a project no table is clearly about is an info, not a guess", () => {
  const found = check((t, id) => (id === "001-p19" ? t.replace("市政府乡镇街道视频会议建设维护", "城市绿化养护") : t));
  expect(found.map((f) => [f.severity, f.message])).toEqual([["info", "决算说明中的项目“城市绿化养护”对不上工作簿中的项目支出绩效自评表，未核对"]]);
});

it("numbers no check can read are named once per passage, as an info (seed 001 with its tables and 自评表)", () => {
  const wb = sampleWorkbook();
  const ws = wb.addWorksheet("决算说明");
  narrative.forEach((p, i) => (ws.getCell(i + 1, 1).value = p.text));
  const unchecked = checkWorkbook(readGrids(wb)).findings.filter((f) => f.rule === "N.unchecked");
  // 25 万元 "为因公出国境预算数"; 政府采购 (no such table outside Beijing); the attachments' own sentences
  expect(unchecked.map((f) => narrative[Number(f.cells[0].address.slice(1)) - 1].id)).toEqual([
    "001-p09",
    "001-p12",
    "001-p20",
    "001-p24",
    "001-p25",
    "001-p26",
    "001-p27",
    "001-p28",
  ]);
  expect(unchecked[0].message).toBe("决算说明中 1 个数字（25）找不到对应的表中数字或算式，未核对");
  expect(unchecked.every((f) => f.severity === "info")).toBe(true);
});
