/**
 * 科目编码 printed in 类 | 款 | 项 columns with the parent codes left blank: each row's code is its
 * parents' and its own, and a new 类 never lends a later row the 款 of the one before.
 */
import { locateTables } from "../../src/core/disclosure/locate";
import { Grid } from "../../src/core/grid";
import { ALL_TABLES } from "../../src/catalog";

const grid = (rows: (string | number | null)[][]): Grid => ({
  sheet: "支出决算表",
  origin: "A1",
  cells: rows.map((r) => Array.from({ length: 10 }, (_, i) => ({ value: r[i] ?? null }))),
  merges: [],
  visibility: "visible",
});

it("reads each row's code from its own part and the parents printed above", () => {
  const g = grid([
    ["支出决算表"],
    ["部门：某局", null, null, null, "2024年度", null, null, null, null, "单位：万元"],
    ["项目", null, null, null, "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
    ["支出功能分类科目编码", null, null, "科目名称"],
    ["类", "款", "项"],
    [null, null, null, "合计", 30, 30],
    ["201", null, null, "一般公共服务支出", 10, 10],
    [null, "03", null, "政府办公厅（室）及相关机构事务", 10, 10],
    [null, null, 1, "行政运行", 10, 10],
    [208, null, null, "社会保障和就业支出", 20, 20],
    // a 项 whose 款 line is missing: it does not borrow 201's 03
    [null, null, "05", "机关事业单位基本养老保险缴费支出", 20, 20],
  ]);
  const t03 = locateTables([g], ALL_TABLES).tables.find((t) => t.table.id === "T03")!;
  expect(t03.items.map((i) => i.code ?? i.key)).toEqual(["total", "201", "20103", "2010301", "208", "208"]);
});
