/**
 * 部门预算支出经济分类科目 (类 3 digits / 款 5), by year. Source: 财政部《2024年政府收支分类科目》
 * (部门预算支出经济分类科目), as laid out in 公开06表 (../shared/spec/tables.md). The 人员经费 / 公用经费
 * split of 06表 follows it: 301 and 303 are 人员经费; 302, 307, 310 and 399 公用经费.
 * 2025: no change to these codes is known; the 2025 dictionary is the 2024 one until one is recorded.
 */
import { GeneralBudgetBasicExpenditure } from "../tables/disclosure";

const entries: [string, string][] = [];
for (const row of GeneralBudgetBasicExpenditure.fixedRows) {
  for (const p of ["p1", "p2", "p3"]) {
    const code = row.cells[`${p}.code`];
    const name = row.cells[`${p}.name`];
    if (typeof code === "string" && /^\d+$/.test(code) && typeof name === "string") entries.push([code, name]);
  }
}

const ECONOMIC_2024: ReadonlyMap<string, string> = new Map(entries);

export const ECONOMIC_CLASSIFICATION: Record<number, ReadonlyMap<string, string>> = { 2024: ECONOMIC_2024, 2025: ECONOMIC_2024 };

/** 人员经费 or 公用经费, by the 类 of an economic code. */
export function basicExpenditurePart(code: string): "personnel" | "public" | undefined {
  const cls = code.slice(0, 3);
  if (cls === "301" || cls === "303") return "personnel";
  if (["302", "307", "310", "399"].includes(cls)) return "public";
  return undefined;
}
