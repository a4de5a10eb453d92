/** Property-based tests (fast-check): the parser, the locator and the evaluator on generated inputs. */
import fc from "fast-check";
import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { parseAmountText } from "../../src/core/money";
import { checkWorkbook } from "../../src/core/engine";
import { readGrids } from "../../src/xlsx";

const cents = fc.integer({ min: -99_999_999_99, max: 99_999_999_99 });

describe("money parser", () => {
  it("reads back any amount however it is typed: grouping, full width, parentheses, unit", () => {
    fc.assert(
      fc.property(cents, fc.boolean(), fc.boolean(), fc.boolean(), fc.constantFrom("", "万元", "元"), (c, group, wide, parens, unit) => {
        const value = new Decimal(c).div(100);
        let text = value.abs().toFixed(2);
        if (group) text = text.replace(/\B(?=(\d{3})+(?!\d))/g, ",").replace(/,(?=\d*\.\d*$)/g, (m, i, s) => (s.indexOf(".") > i ? m : ""));
        if (value.isNeg()) text = parens ? `(${text})` : `-${text}`;
        text += unit;
        if (wide) text = text.replace(/[0-9.,()-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
        const p = parseAmountText(text);
        return p.kind === "amount" && p.value.eq(value) && p.places === 2 && (p.unit ?? "") === unit;
      }),
      { numRuns: 300 },
    );
  });
});

/** A 05表 whose every total is the exact sum of its parts, at a random place on its sheet. */
function consistentT05(leaves: number[][], top: number, left: number, merged: boolean, asText: boolean): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("随机");
  const put = (r: number, c: number, v: string | number | null) => v !== null && (ws.getCell(top + r + 1, left + c + 1).value = v);
  const amount = (d: Decimal) => (asText ? d.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",") : d.toNumber());
  put(0, 0, "一般公共预算财政拨款支出决算表");
  put(1, 4, "公开05表");
  put(2, 0, "项目");
  put(2, 2, "本年支出");
  if (merged) {
    ws.mergeCells(top + 3, left + 1, top + 3, left + 2);
    ws.mergeCells(top + 3, left + 3, top + 3, left + 5);
  } else {
    put(2, 1, "项目");
    put(2, 3, "本年支出");
    put(2, 4, "本年支出");
  }
  ["科目代码", "科目名称", "小计", "基本支出", "项目支出"].forEach((h, i) => put(3, i, h));
  ["栏次", null, 1, 2, 3].forEach((h, i) => put(4, i, h));
  // 201 → 20103 → 2010301.., with the leaves' 基本/项目 as given
  const items = leaves.map((pair, i) => ({
    code: `20103${String(i + 1).padStart(2, "0")}`,
    basic: new Decimal(pair[0]).div(100),
    project: new Decimal(pair[1]).div(100),
  }));
  const sum = (k: "basic" | "project") => items.reduce((s, x) => s.plus(x[k]), new Decimal(0));
  const lines: [string | null, string, Decimal, Decimal][] = [
    [null, "合计", sum("basic"), sum("project")],
    ["201", "一般公共服务支出", sum("basic"), sum("project")],
    ["20103", "政府办公厅（室）及相关机构事务", sum("basic"), sum("project")],
    ...items.map((x): [string, string, Decimal, Decimal] => [x.code, `项目${x.code}`, x.basic, x.project]),
  ];
  lines.forEach(([code, name, b, p], i) => {
    put(5 + i, 0, code);
    put(5 + i, 1, name);
    put(5 + i, 2, amount(b.plus(p)));
    put(5 + i, 3, amount(b));
    put(5 + i, 4, amount(p));
  });
  return wb;
}

describe("locator and evaluator", () => {
  it("find a consistent table wherever it sits, merged or not, typed as numbers or text, and report nothing", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 9_999_999 })), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 10 }),
        fc.boolean(),
        fc.boolean(),
        (leaves, top, left, merged, asText) => {
          const r = checkWorkbook(readGrids(consistentT05(leaves, top, left, merged, asText)));
          const t05 = r.tables.find((t) => t.id === "T05");
          const problems = r.findings.filter((f) => f.severity !== "info" && !f.rule.startsWith("codes."));
          return t05 !== undefined && problems.length === 0;
        },
      ),
      { numRuns: 60 },
    );
  });

  it("name the changed cell whenever one amount of a consistent table is changed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 9_999_999 })), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 5, max: 100_000 }),
        (leaves, delta) => {
          const wb = consistentT05(leaves, 0, 0, false, false);
          const cell = wb.getWorksheet("随机")!.getCell(9, 5); // the first leaf's 项目支出
          cell.value = new Decimal(cell.value as number).plus(new Decimal(delta).div(100)).toNumber();
          const errors = checkWorkbook(readGrids(wb)).findings.filter((f) => f.severity === "error" && !f.rule.startsWith("codes."));
          return (
            errors.length > 0 &&
            errors.every((f) => f.cells.some((c) => c.address === "E9" || c.address === "C9")) &&
            errors.some((f) => f.cells[0].address === "C9")
          );
        },
      ),
      { numRuns: 60 },
    );
  });
});
