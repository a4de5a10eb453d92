/**
 * A published document with problems planted of each kind a reviewer finds between its pages: a
 * table the 目录 lists but the document lacks, a placeholder for the department, a year that is
 * not the document's, a comparison word against its own figures, a 说明 amount against a table.
 * Made as Word, printed to PDF by LibreOffice Writer, checked from the command line: each found,
 * on the page it is printed on; and nothing of the kind where the real text has none.
 */
import * as fs from "fs";
import * as path from "path";
import { Grid } from "../../src/core/grid";
import { printedDocuments, shanghaiNarrative, shanghaiTables } from "../fixtures/made-documents";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/temp";

const dir = tempDir("planted-");
const CONTENTS = [
  "上海市普陀区财政局2024年度部门决算",
  "目录",
  "一、收入支出决算总表",
  "二、收入决算表",
  "三、支出决算表",
  "四、财政拨款收入支出决算总表",
  "五、一般公共预算财政拨款支出决算表",
  "六、一般公共预算财政拨款基本支出决算表",
  "七、财政拨款“三公”经费支出决算表",
  "八、政府性基金预算财政拨款收入支出决算表",
  "九、国有资本经营预算财政拨款收入支出决算表",
];

type Finding = { severity: string; rule: string; message: string; cells: { sheet: string; page?: number }[] };
let planted: Finding[];
let clean: Finding[];

async function checked(name: string, tables: Grid[], narrative: string[]): Promise<Finding[]> {
  const [pdf] = await printedDocuments(dir, [{ name, tables, narrative, front: CONTENTS }]);
  const json = path.join(dir, `${name}.json`);
  const run = await runCli("check", pdf, "--json", json);
  expect(run.code).toBe(0);
  return (JSON.parse(fs.readFileSync(json, "utf8")) as { findings: Finding[] }).findings;
}

beforeAll(async () => {
  const typed = await shanghaiTables();
  const real = shanghaiNarrative();
  clean = await checked("clean", typed, real);
  const text = real.map((line) =>
    line
      .replace("第三部分上海市普陀区财政局2024年度部门决算情况", "第三部分XX局2024年度部门决算情况")
      .replace("本年收入合计2946.25万元", "本年收入合计2964.25万元"),
  );
  text.push(
    "截至2023年12月31日，本部门共有车辆0辆。",
    "一般公共预算财政拨款支出年初预算为3000.00万元，支出决算为2940.05万元，完成年初预算的98.00%。决算数大于预算数的主要原因是年中追加预算。",
  );
  planted = await checked(
    "planted",
    typed.filter((g) => !g.sheet.startsWith("政府性基金")),
    text,
  );
}, 180_000);

const of = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule);

it("the 目录 lists a table the document lacks", () => {
  expect(of(planted, "N.contents").map((f) => [f.severity, f.message])).toEqual([
    ["error", "目录列有“八、政府性基金预算财政拨款收入支出决算表”，文件中没有找到这张表（公开08表（政府性基金预算财政拨款收入支出决算表））"],
  ]);
  expect(of(planted, "N.contents")[0].cells[0]).toEqual({ sheet: "第1页 决算说明", address: expect.any(String), page: 1 });
});

it("a placeholder for the department, a wrong year, a comparison word against its figures, a 说明 amount against a table: each on its page", () => {
  const said = (rule: string) => of(planted, rule).map((f) => ({ severity: f.severity, message: f.message, page: f.cells[0].page, sheet: f.cells[0].sheet }));
  expect(said("N.placeholder")).toEqual([
    { severity: "error", message: "“XX局”是占位字样：请写明单位名称", page: expect.any(Number), sheet: expect.stringMatching(/^第\d+页 决算说明$/) },
  ]);
  expect(said("N.year")).toEqual([
    {
      severity: "error",
      message: "“截至2023年12月31日，本部门共有车辆”写的是 2023 年，本文件是 2024 年度：年末时点应为 2024 年 12 月 31 日",
      page: expect.any(Number),
      sheet: expect.stringMatching(/^第\d+页 决算说明$/),
    },
  ]);
  expect(said("N.comparison").map((f) => f.message)).toEqual(["决算说明写“决算数大于预算数”，而同段决算 2,940.05 万元小于预算 3,000.00 万元"]);
  expect(said("N.amount").map((f) => f.message)).toContainEqual(
    expect.stringMatching(/^决算说明“本年收入合计2964.25万元”与公开01表（第\d+页） 2,946.25 万元不一致$/),
  );
  for (const rule of ["N.placeholder", "N.year", "N.comparison", "N.amount"]) for (const f of of(planted, rule)) expect(f.cells[0].page).toBeGreaterThan(9);
});

it("the same document without them: none of these findings, and the real text's two errors only", () => {
  for (const rule of ["N.contents", "N.placeholder", "N.year", "N.comparison"]) expect(of(clean, rule)).toEqual([]);
  expect(clean.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual(["N.amount", "N.share"]);
});
