/**
 * Year on year, from a 上年数 sheet beside the tables: this year's opening balances against last
 * year's closing ones, and every watched figure (三公, each 类 of 一般公共预算财政拨款支出) that moved
 * more than 30% — a warning when the 说明 gives no reason for it.
 */
import Decimal from "decimal.js";
import { Finding } from "../finding";
import { Grid, nonEmptyCells } from "../grid";
import { accountantsSheets } from "../plan";
import { AmountReader, amountAt } from "./evaluate";
import { LocatedTable } from "./locate";
import { codeLevel } from "./instance";
import { draftInputs } from "../narrative/draft";
import { formatAmount } from "../money";
import { tailOr, TWO_FIGURES } from "../tolerance";
import { kind } from "../../catalog/findings";
import { CARRY_OVERS, CHANGE_NEEDING_REASON, WATCHED, WATCHED_CLASSES } from "../../catalog/rules/year-on-year";

const HUNDRED = new Decimal(100);
const bare = (name: string) => name.replace(/[\s“”"]/g, "");

/** Does some paragraph of the 说明 speak of `label` and give a reason? */
function reasonGiven(paragraphs: string[], label: string): boolean {
  const core = bare(label).replace(/支出$/, "");
  return paragraphs.some((p) => bare(p).includes(core) && /原因|主要是|主要用于|由于|因为/.test(p));
}

export function yearOnYearFindings(grids: Grid[], byTable: Map<string, LocatedTable[]>, reader: AmountReader): Finding[] {
  const lastYear = draftInputs(grids).lastYear;
  if (!lastYear?.size) return [];
  const last = (names: string[]) => names.map((n) => lastYear.get(bare(n))).find((v) => v !== undefined);
  const out: Finding[] = [];

  for (const c of CARRY_OVERS) {
    const now = amountAt(byTable, reader, c.table, c.item, c.col);
    const before = last(c.lastYear);
    if (!now || before === undefined) continue;
    const diff = now.value.minus(before);
    if (diff.isZero()) continue;
    out.push({
      rule: kind("Y.carryOver"),
      severity: tailOr(diff, "warning", TWO_FIGURES),
      message: `${now.where}${c.label} ${formatAmount(now.value)} 应等于上年年末数 ${formatAmount(before)}（上年数表），差 ${formatAmount(diff)}；如有以前年度调整，请在说明中写明`,
      cells: [now.cell],
      expected: before.toFixed(),
      actual: now.value.toFixed(),
      difference: diff.toFixed(),
    });
  }

  const paragraphs = accountantsSheets(grids)
    .filter((g) => /说明/.test(g.sheet))
    .flatMap((g) => [...nonEmptyCells(g)].map(([, cell]) => cell.value).filter((v): v is string => typeof v === "string"));
  const classes = byTable.get(WATCHED_CLASSES.table)?.[0];
  const watched = [
    ...WATCHED,
    ...(classes?.items ?? [])
      .filter((it) => it.code && codeLevel(it.code) === 1)
      .map((it) => ({
        table: WATCHED_CLASSES.table,
        item: { code: it.code! },
        col: WATCHED_CLASSES.col,
        label: bare(it.label ?? ""),
        lastYear: [bare(it.label ?? ""), it.code!],
      })),
  ];
  for (const w of watched) {
    const now = amountAt(byTable, reader, w.table, w.item, w.col);
    const before = last(w.lastYear);
    if (!now || before === undefined || before.lte(0)) continue;
    const change = now.value.minus(before).div(before).mul(HUNDRED);
    if (change.abs().lte(CHANGE_NEEDING_REASON) || reasonGiven(paragraphs, w.label)) continue;
    const direction = change.gt(0) ? "增长" : "下降";
    out.push({
      rule: kind("Y.change"),
      severity: paragraphs.length ? "warning" : "info",
      message: `${now.where}${w.label} ${formatAmount(now.value)} 万元，较上年 ${formatAmount(before)} 万元${direction} ${formatAmount(change.abs())}%，${
        paragraphs.length ? "说明中没有写出原因" : "公开时说明中应写明原因"
      }（变动超过 ${CHANGE_NEEDING_REASON}%）`,
      cells: [now.cell],
      expected: before.toFixed(),
      actual: now.value.toFixed(),
    });
  }
  return out;
}
