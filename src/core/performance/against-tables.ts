/**
 * Across documents: the 绩效自评表 against the disclosure tables of the same workbook — where
 * published files really go wrong (../shared/spec/rules.md "Across documents").
 */
import Decimal from "decimal.js";
import { Finding } from "../finding";
import { Item, findItem, itemCell } from "../disclosure/instance";
import { LocatedTable } from "../disclosure/locate";
import { formatAmount } from "../money";
import { PerformanceTable, printedNumber } from "./read";
import { ProjectFunds } from "../narrative";
import { cellAddress } from "../address";
import { ItemSelector } from "../../catalog/rules/types";
import { tailOr } from "../tolerance";
import { FindingKind, kind } from "../../catalog/findings";

/** A funds row of the 整体支出 table, the disclosure cell it must equal, and the rule id. */
const WHOLE_TABLE_LINKS: { row: RegExp; table: string; item: ItemSelector; col: string; id: FindingKind; what: string }[] = [
  { row: /^(年度资金总额|资金总额)/, table: "T03", item: { key: "total" }, col: "c1", id: "P~T03.total", what: "公开03表 本年支出合计" },
  { row: /基本支出/, table: "T03", item: { key: "total" }, col: "c2", id: "P~T03.basic", what: "公开03表 基本支出合计" },
  { row: /项目支出/, table: "T03", item: { key: "total" }, col: "c3", id: "P~T03.project", what: "公开03表 项目支出合计" },
  { row: /人员经费/, table: "T06", item: { key: "personnel.total" }, col: "amount", id: "P~T06.personnel", what: "公开06表 人员经费合计" },
  { row: /公用经费/, table: "T06", item: { key: "public.total" }, col: "amount", id: "P~T06.public", what: "公开06表 公用经费合计" },
];

/** The checker's reading of a disclosure cell as an amount (undefined when it holds none). */
export type AmountOf = (inst: LocatedTable, item: Item, col: string) => Decimal | undefined;

export function crossDocumentFindings(perf: PerformanceTable[], byTable: Map<string, LocatedTable[]>, amountOf: AmountOf): Finding[] {
  if (perf.length === 0) return [];
  const first = (id: string) => byTable.get(id)?.[0];
  const out: Finding[] = [];
  for (const t of perf.filter((p) => p.def.id === "P.whole")) {
    for (const link of WHOLE_TABLE_LINKS) {
      const row = t.funds.find((r) => link.row.test(r.label.normalize("NFKC")));
      const inst = first(link.table);
      const item = inst && findItem(inst, link.item);
      const col = row?.cols.actual;
      if (!row || !inst || !item || col === undefined || item.cols[link.col] === undefined) continue;
      const mine = printedNumber(t, row.row, col)?.value;
      const theirs = amountOf(inst, item, link.col);
      if (mine === undefined || theirs === undefined || mine.eq(theirs)) continue;
      const diff = mine.minus(theirs);
      const severity = tailOr(diff, "error");
      out.push({
        rule: link.id,
        severity,
        message: `${t.def.kind}“${row.label}”全年执行数 ${formatAmount(mine)} 应等于${link.what} ${formatAmount(theirs)}${severity === "tail" ? "（尾差）" : ""}，差 ${formatAmount(diff)}`,
        cells: [
          { sheet: t.sheet, address: cellAddress({ row: row.row, col }) },
          { sheet: inst.sheet, address: itemCell(item, link.col)! },
        ],
        expected: theirs.toFixed(),
        actual: mine.toFixed(),
        difference: diff.toFixed(),
      });
    }
  }
  // Σ 全年执行数 of the 项目支出绩效自评表 cannot exceed 05表's 项目支出 (equal when every project was evaluated)
  const projects = perf.filter((p) => p.def.id === "P.project");
  const t05 = first("T05");
  const total05 = t05 && findItem(t05, { key: "total" });
  if (projects.length && t05 && total05 && total05.cols.c3 !== undefined) {
    const spent = projects.map((p) => projectSpent(p)).filter((x): x is Decimal => !!x);
    const sum = spent.reduce((s, x) => s.plus(x), new Decimal(0));
    const cap = amountOf(t05, total05, "c3");
    const tol = new Decimal(spent.length + 1).mul("0.005");
    if (cap !== undefined && sum.minus(cap).gt(tol)) {
      out.push({
        rule: kind("P~T05.projects"),
        severity: "warning",
        message: `${projects.length} 张项目支出绩效自评表的全年执行数之和 ${formatAmount(sum)} 超过公开05表项目支出合计 ${formatAmount(cap)}`,
        cells: [{ sheet: t05.sheet, address: itemCell(total05, "c3")! }],
        expected: cap.toFixed(),
        actual: sum.toFixed(),
        difference: sum.minus(cap).toFixed(),
      });
    }
  }
  return out;
}

function projectSpent(p: PerformanceTable): Decimal | undefined {
  const total = p.funds.find((r) => r.role === "total");
  return total ? printedNumber(p, total.row, total.cols.actual)?.value : undefined;
}

/** A 项目支出绩效自评表's 年度资金总额: 全年预算数 and 全年执行数, when both are printed. */
export function projectFunds(p: PerformanceTable): ProjectFunds | undefined {
  const total = p.funds.find((r) => r.role === "total");
  const budget = total && printedNumber(p, total.row, total.cols.budget)?.value;
  const actual = total && printedNumber(p, total.row, total.cols.actual)?.value;
  const score = p.total && printedNumber(p, p.total.row, p.total.scoreCol)?.value;
  return budget && actual ? { name: p.name, budget, actual, score } : undefined;
}
