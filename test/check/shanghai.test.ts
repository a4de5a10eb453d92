/**
 * 上海市普陀区财政局 2024: the nine tables typed as printed (no 行次, no 栏次, 类 | 款 | 项 columns,
 * 06表 in two panels, 三公 under a four-row header, 合计 at the bottom of 05表). Read whole, checked
 * with no false error, its 10 rounding tails as tails (as recomputed in the fixture's relations),
 * every typed-wrong amount found; and what was not read is never judged.
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/core/engine";
import { Finding } from "../../src/core/finding";
import { Grid } from "../../src/core/grid";
import { cellAddress, parseCell } from "../../src/core/address";
import { locateTables } from "../../src/core/disclosure/locate";
import { ALL_TABLES } from "../../src/catalog";
import { loadWorkbook, readGrids } from "../../src/xlsx";
import { PUBLISHED } from "../fixtures/seed-workbooks";
import { textGrid } from "../../src/core/narrative/text";

const DIR = path.join(PUBLISHED, "shanghai");
let grids: Grid[];
beforeAll(async () => {
  grids = readGrids(await loadWorkbook(fs.readFileSync(path.join(DIR, "putuo-czj-2024.xlsx"))));
});
const copy = () => structuredClone(grids);
const sheet = (gs: Grid[], name: string) => gs.find((g) => g.sheet.startsWith(name))!;
/** set a cell of a grid by address */
function set(g: Grid, address: string, value: string | number | null): void {
  const o = parseCell(g.origin);
  const p = parseCell(address);
  g.cells[p.row - o.row][p.col - o.col] = { value };
}
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error");

it("reads the nine tables in 上海's order and names, every column of each", () => {
  const r = checkWorkbook(grids);
  expect(r.profile).toBe("shanghai");
  expect(r.tables.map((t) => `${t.number} ${t.title}`)).toEqual([
    "公开01表 收入支出决算总表",
    "公开02表 收入决算表",
    "公开03表 支出决算表",
    "公开04表 财政拨款收入支出决算总表",
    "公开05表 一般公共预算财政拨款支出决算表",
    "公开06表 一般公共预算财政拨款基本支出决算表",
    "公开07表 财政拨款“三公”经费支出决算表",
    "公开08表 政府性基金预算财政拨款收入支出决算表",
    "公开09表 国有资本经营预算财政拨款收入支出决算表",
  ]);
  const located = locateTables(grids, ALL_TABLES).tables;
  expect(located.map((t) => [t.table.id, t.missingColumns])).toEqual(located.map((t) => [t.table.id, []]));
  // the rows: 02表 合计 and 19 科目 rows with their codes rebuilt from 类 | 款 | 项; 06表 both panels
  const t02 = located.find((t) => t.table.id === "T02")!;
  expect(t02.items.map((i) => i.code ?? i.key)).toEqual([
    "total",
    "201",
    "20106",
    "2010601",
    "2010602",
    "2010607",
    "2010608",
    "208",
    "20805",
    "2080501",
    "2080505",
    "2080506",
    "2080599",
    "210",
    "21011",
    "2101101",
    "221",
    "22102",
    "2210201",
    "2210203",
  ]);
  const t06 = located.find((t) => t.table.id === "T06")!;
  expect(t06.items.filter((i) => i.code).length).toBe(26 + 38);
  expect(t06.items.filter((i) => i.key).map((i) => `${i.key} ${cellAddress({ row: i.row, col: i.cols.amount })}`)).toEqual([
    "personnel.total D43",
    "public.total H43",
  ]);
  // 01表 without 行次: its lines by label, 本年收入合计 is line 27, 总计 line 30 and 60
  const t01 = located.find((t) => t.table.id === "T01")!;
  expect(t01.items.filter((i) => [27, 30, 57, 60].includes(i.line!)).map((i) => `${i.line} ${i.label}`)).toEqual([
    "27 本年收入合计",
    "57 本年支出合计",
    "30 总计",
    "60 总计",
  ]);
});

it("finds no error, and exactly the fixture's 10 rounding tails", () => {
  const r = checkWorkbook(grids);
  expect(errors(r.findings)).toEqual([]);
  const reference = (
    JSON.parse(fs.readFileSync(path.join(DIR, "putuo-czj-2024-relations.json"), "utf8")) as { lhs: string; rhs: string; diff: string; class: string }[]
  ).filter((x) => x.class === "ROUNDING_TAIL");
  expect(reference).toHaveLength(10);
  const key = (actual: string, expected: string) => `${Number(actual).toFixed(2)}/${Number(expected).toFixed(2)}`;
  const tails = r.findings.filter((f) => f.severity === "tail" && !f.rule.includes("convention"));
  expect(tails.map((f) => key(f.actual!, f.expected!)).sort()).toEqual(reference.map((x) => key(x.lhs, x.rhs)).sort());
  // columns named as 上海 prints them: by their headers, with no 栏次 it does not print
  expect(tails.find((f) => f.rule === "T02.hierarchy")!.message).toBe(
    "公开02表：（尾差）合计行 本年收入合计应等于其下级科目之和：应为2,946.26，实为2,946.25，差-0.01",
  );
  expect(r.findings.some((f) => f.message.includes("栏次"))).toBe(false);
  expect(r.relations).toEqual({ holds: 387, tails: 10, errors: 0, warnings: 1, unchecked: 0 });
  // the one warning is the 提示性 convention 21011 = 30110 + 30111 + 30112 (30112 holds other insurance here)
  expect(r.findings.filter((f) => f.severity === "warning").map((f) => f.rule)).toEqual(["T05~T06.convention.21011"]);
  // every 科目 code with its name as the dictionary has it: no duplicate, no unknown, no misnamed code
  expect(r.findings.filter((f) => f.rule.startsWith("codes."))).toEqual([]);
});

it("finds a typed-wrong amount in any table: every amount changed by 1.00 is found, and where two relations meet it is the one red cell, named as the cause", () => {
  const missed: string[] = [];
  let tried = 0;
  let localized = 0;
  const gs = copy();
  for (const g of gs) {
    const o = parseCell(g.origin);
    g.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (typeof cell.value !== "number") return;
        const address = cellAddress({ row: o.row + r, col: o.col + c });
        const was = cell.value;
        cell.value = Math.round((was + 1) * 100) / 100;
        tried++;
        const found = errors(checkWorkbook(gs).findings);
        const at = `${g.sheet}!${address}`;
        const red = new Set(found.map((f) => `${(f.cause ?? f.cells[0]).sheet}!${(f.cause ?? f.cells[0]).address}`));
        const failing = found.filter((f) => f.cells.some((x) => `${x.sheet}!${x.address}` === at));
        // one red cell, the changed one, named as every error's cause; else it sits in one relation
        // only, which cannot tell which of its cells is wrong: that relation is reported at its total
        if (red.size === 1 && red.has(at)) localized++;
        else if (failing.length !== 1) missed.push(`${at} → ${[...red].join(" ")}`);
        cell.value = was;
      }),
    );
  }
  expect(tried).toBe(195);
  expect(missed).toEqual([]);
  expect(localized).toBe(169);
});

describe("what was not read is not checked, never an error", () => {
  it("a column whose header says nothing known: its relations are listed once, as not checked", () => {
    const gs = copy();
    set(sheet(gs, "收入支出决算总表"), "B4", "（空）");
    const r = checkWorkbook(gs);
    expect(errors(r.findings)).toEqual([]);
    const unchecked = r.findings.filter((f) => f.rule === "relation.unchecked");
    expect(unchecked.map((f) => f.message)).toEqual(["公开01表（收入支出决算总表）未能读取“收入/金额”列：与之相关的 14 条关系未核对"]);
    expect(r.relations.unchecked).toBe(14);
  });

  it("a line whose label is not the table's: the sums over it are not checked", () => {
    const gs = copy();
    set(sheet(gs, "收入支出决算总表"), "A31", "收入小计");
    const r = checkWorkbook(gs);
    expect(errors(r.findings)).toEqual([]);
    expect(r.findings.filter((f) => f.rule === "relation.unchecked").map((f) => f.message)).toEqual([
      "公开01表（收入支出决算总表）未找到第27行“本年收入合计”：与之相关的 3 条关系未核对",
    ]);
  });

  it("a table missing from the workbook: said once, with the relations it leaves unchecked", () => {
    const gs = copy().filter((g) => g.sheet !== "支出决算表");
    const r = checkWorkbook(gs);
    expect(errors(r.findings)).toEqual([]);
    expect(r.findings.filter((f) => f.rule === "locate.missing").map((f) => f.message)).toEqual(["未找到公开03表（支出决算表）：与之相关的 31 条关系未核对"]);
  });
});

describe("units: a table in 元 among tables in 万元", () => {
  /**
   * 05表 retyped in 元, as the software prints it to the 元: every amount × 10,000, and the 208 lines
   * and 合计 given the 元 figures the 万元 tables round from (20805 = 3,267,150 元 prints 326.72 万元
   * in 03表 and 326.71 in 04表; the sums in 元 hold exactly).
   */
  function inYuan(): Grid[] {
    const gs = copy();
    const g = sheet(gs, "一般公共预算财政拨款支出决算表");
    for (const row of g.cells) for (const c of row) if (typeof c.value === "number") c.value = Math.round(c.value * 10000);
    for (const a of ["E12", "F12", "E13", "F13"]) set(g, a, 3267150);
    for (const a of ["E14", "F14"]) set(g, a, 846450);
    set(g, "E25", 29400550);
    set(g, "F25", 23369150);
    set(g, "G2", "单位：元");
    return gs;
  }

  it("is converted before any comparison, and the check says so", () => {
    const r = checkWorkbook(inYuan());
    expect(r.unit).toBe("万元");
    expect(errors(r.findings)).toEqual([]);
    // the 万元 tables against the 元 one: within half a 万元 unit, tails
    expect(r.findings.filter((f) => f.severity === "tail" && f.rule.startsWith("T04~T05")).map((f) => `${f.rule} ${f.difference}`)).toEqual([
      "T04~T05.208 -0.005",
      "T04~T05.total -0.005",
    ]);
    expect(r.findings.filter((f) => f.rule === "locate.unit").map((f) => f.message)).toEqual([
      "公开05表（一般公共预算财政拨款支出决算表）金额单位为元，已换算为万元与其他表比较",
    ]);
  });

  it("a slip of 100 元 in it is an error against the other tables", () => {
    const gs = inYuan();
    set(sheet(gs, "一般公共预算财政拨款支出决算表"), "E14", 846550); // 846,450 元 typed 846,550
    const found = errors(checkWorkbook(gs).findings).filter((f) => f.cells.some((c) => c.address === "E14"));
    expect(found.map((f) => f.rule).sort()).toEqual(["T05.hierarchy", "T05.row"]);
  });
});

it("reads the codes inside the names when there are no code columns (201 一般公共服务支出)", () => {
  const gs = copy();
  for (const name of ["收入决算表", "支出决算表", "一般公共预算财政拨款支出决算表"]) {
    const g = sheet(gs, name);
    g.cells = g.cells.map((row, r) => {
      const code = row
        .slice(0, 3)
        .map((c) => String(c.value ?? ""))
        .join("");
      const rest = row.slice(3);
      if (r < 2) rest[0] = row[0]; // the title and the 部门 line
      if (r >= 5 && code) rest[0] = { value: `${code} ${String(rest[0].value)}` };
      return rest;
    });
    g.merges = [];
  }
  const r = checkWorkbook(gs);
  expect(errors(r.findings)).toEqual([]);
  expect(r.relations).toEqual({ holds: 387, tails: 10, errors: 0, warnings: 1, unchecked: 0 });
});

describe("the printed form", () => {
  it("an empty 政府性基金 table carries its 本表无数据 note; without it, a warning", () => {
    expect(checkWorkbook(grids).findings.filter((f) => f.rule === "form.emptyNote")).toEqual([]);
    const gs = copy();
    set(sheet(gs, "政府性基金"), "A7", "注：本表反映部门本年度政府性基金预算财政拨款收入支出情况。");
    expect(
      checkWorkbook(gs)
        .findings.filter((f) => f.rule === "form.emptyNote")
        .map((f) => f.message),
    ).toEqual(["公开08表（政府性基金预算财政拨款收入支出决算表）没有数据，表下应注明“本表无数据”及原因"]);
  });

  it("a negative amount where none can be is a warning at its cell", () => {
    const gs = copy();
    set(sheet(gs, "支出决算表"), "G10", -10);
    const negative = checkWorkbook(gs).findings.filter((f) => f.rule === "form.negative");
    expect(negative.map((f) => `${f.cells[0].address} ${f.severity}`)).toEqual(["G10 warning"]);
  });

  it("the 三公 table's blank amounts are one hint: 0 belongs there", () => {
    const blank = checkWorkbook(grids).findings.filter((f) => f.rule === "form.blank");
    expect(blank.map((f) => [f.severity, f.cells.length])).toEqual([["info", 10]]);
  });
});

describe("the 说明 against the tables", () => {
  const narrative = () => fs.readFileSync(path.join(DIR, "putuo-czj-2024-说明.txt"), "utf8");
  const check = (text: string) =>
    checkWorkbook([...grids, textGrid("说明.txt", text)]).findings.filter((f) => f.cells.some((c) => c.sheet.startsWith("决算说明")));

  it("finds its two hand-checked errors and nothing else wrong (its own parts' rounding tail as a tail)", () => {
    const found = check(narrative()).filter((f) => f.severity !== "info");
    // and one rounding tail of its own: 政府采购 4.79 + 0 + 246.47 = 251.26 against 251.25 written
    expect(found.map((f) => `${f.rule} ${f.actual}/${f.expected} ${f.severity}`)).toEqual([
      "N.amount 0.3/2961.68 error",
      "N.share 71.73/71.653883 error",
      "N.parts 251.26/251.25 tail",
    ]);
  });

  it("reads each 项 named by its 类, 款 and 项 names: a 决算数 retyped wrong is an error", () => {
    expect(check(narrative()).filter((f) => f.rule === "N.amount" && f.message.includes("2010601"))).toEqual([]);
    const wrong = check(narrative().replace("支出决算为1511.89万元", "支出决算为1511.98万元")).filter((f) => f.message.includes("2010601"));
    expect(wrong.map((f) => `${f.severity} ${f.actual}/${f.expected}`)).toEqual(["error 1511.98/1511.89"]);
  });
});
