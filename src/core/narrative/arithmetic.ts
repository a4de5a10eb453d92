/**
 * The 说明's arithmetic: year-on-year changes, shares of a named or opening total, 执行率 and
 * 完成年初预算的, 预决算差异率 — each recomputed from the amounts the sentence itself gives.
 */
import Decimal from "decimal.js";
import { CellRef, Finding } from "../finding";
import { formatAmount } from "../money";
import { N, Seen, YEAR, amounts, lastBefore, mark, num, percentFinding, ratioRange } from "./numbers";
import { kind } from "../../catalog/findings";

/** The named bases of shares that the tables hold, resolved by the caller. */
export type BaseResolver = (name: string) => Decimal | undefined;

export function checkNarrative(text: string, cell: CellRef, resolveBase: BaseResolver = () => undefined, seen?: Seen): Finding[] {
  const t = text.normalize("NFKC");
  const out: Finding[] = [];
  const all = amounts(t);

  // year-on-year: the figure before the change is this year's
  const yoy = new RegExp(`(增加|减少)\\s*${N}\\s*万元\\s*[,，]\\s*(增长|上升|提高|下降|降低)\\s*${N}%`, "g");
  for (const m of t.matchAll(yoy)) {
    const current = lastBefore(all, m.index);
    if (!current) continue;
    const change = num(m[2]);
    const previous = m[1] === "增加" ? current.value.minus(change) : current.value.plus(change);
    if (previous.lte(0)) continue;
    mark(seen, current.printed, m[2], m[4]);
    // "增加 … 下降 W%": the two words contradict each other whatever the numbers
    if ((m[1] === "增加") !== /增长|上升|提高/.test(m[3]) && !change.isZero()) {
      out.push({
        rule: kind("N.yoy.direction"),
        severity: "error",
        message: `决算说明“${m[0]}”：金额${m[1]}，百分比却写“${m[3]}”`,
        cells: [cell],
        actual: m[3],
      });
      continue;
    }
    const exact = change.div(previous).mul(100);
    // the previous year is derived from two rounded figures: its rounding counts twice
    const f = percentFinding(
      "N.yoy",
      m[0],
      m[4],
      exact,
      ratioRange(change, previous, 2),
      `本年 ${formatAmount(current.value)} 万元${m[1]} ${formatAmount(change)} 万元，上年应为 ${formatAmount(previous)} 万元，${m[3]}率应为 ${formatAmount(exact)}%`,
      cell,
    );
    if (f) out.push(f);
  }

  // shares: "X 万元，占[base的] W%"; the base is the one named, else the passage's opening total
  const share = new RegExp(`${N}\\s*万元\\s*[,，]?\\s*占([^0-9%，,。；]*?)的?\\s*${N}%`, "g");
  for (const m of t.matchAll(share)) {
    const part = num(m[1]);
    // "占比为 86.17%", "所占比重 86.17%": no base named
    const baseName = m[2]
      .trim()
      .replace(/^(比重|比例|比)/, "")
      .replace(/为$/, "")
      .trim();
    // a base the tables hold, by its name; else the total the passage opens with
    const opening = all.find((a) => a.at < m.index);
    const named = baseName ? resolveBase(baseName) : undefined;
    const base = named ?? opening?.value;
    // the part and the share are read either way: checked here, or reported as not checkable
    mark(seen, m[1], m[3], baseName ? undefined : opening?.printed);
    // a part is never more than its whole, whatever the base
    if (num(m[3]).gt(100)) {
      out.push({
        rule: kind("N.share"),
        severity: "error",
        message: `决算说明“${m[0]}”：占比 ${m[3]}% 超过 100%，部分不可能大于总额（常见于用预算数除以执行数，或基数取错）`,
        cells: [cell],
        actual: m[3],
      });
      continue;
    }
    if (base === undefined || base.isZero()) {
      if (!part.isZero() && baseName) {
        out.push({ rule: kind("N.share.base"), severity: "info", message: `决算说明“${m[0]}”：找不到“${baseName}”的金额，占比未核对`, cells: [cell] });
      }
      continue;
    }
    const exact = part.div(base).mul(100);
    const f = percentFinding(
      "N.share",
      m[0],
      m[3],
      exact,
      ratioRange(part, base),
      `${formatAmount(part)} ÷ ${baseName || "总额"} ${formatAmount(base)} = ${formatAmount(exact)}%，写作 ${m[3]}%`,
      cell,
    );
    if (f) out.push(f);
  }

  // execution: "全年预算数为 60 万元,执行数为 53.25 万元,完成预算的 88.76%"
  // …and "年初预算为 887.29万元,支出决算为887.29万元,完成年初预算的100.00%"
  const spentWord = `(?:实际)?(?:执行数?|(?:支出)?决算数?)为?`;
  const execution = new RegExp(
    `预算数?为?\\s*${N}\\s*万元\\s*[,，]\\s*${YEAR}\\s*${spentWord}\\s*${N}\\s*万元\\s*[,，]\\s*(?:完成(?:全年|年初)?预算的|执行率为?)\\s*${N}%`,
    "g",
  );
  for (const m of t.matchAll(execution)) {
    const budget = num(m[1]);
    const spent = num(m[2]);
    mark(seen, m[1], m[2], m[3]);
    if (budget.isZero()) {
      // "年初预算为 0 万元……完成年初预算的 X%": there is no rate to state
      if (!num(m[3]).isZero() || !spent.isZero())
        out.push({
          rule: kind("N.execution"),
          severity: "error",
          message: `决算说明“${m[0]}”：预算数为 0，完成预算的百分比无从计算，应写明“年初未安排预算”及支出原因`,
          cells: [cell],
          actual: m[3],
        });
      continue;
    }
    const exact = spent.div(budget).mul(100);
    const f = percentFinding(
      "N.execution",
      m[0],
      m[3],
      exact,
      ratioRange(spent, budget),
      `${formatAmount(spent)} ÷ ${formatAmount(budget)} = ${formatAmount(exact)}%，写作 ${m[3]}%`,
      cell,
    );
    if (f) out.push(f);
  }

  // 预决算差异率: "年初预算为 A 万元，决算为 B 万元，预决算差异率为 W%" — W = (B − A) ÷ A, sign as written or not
  const gap = new RegExp(`预算数?为?\\s*${N}\\s*万元\\s*[,，]\\s*${YEAR}\\s*${spentWord}\\s*${N}\\s*万元\\s*[,，]?\\s*(?:预决算)?差异率为?\\s*(-?)${N}%`, "g");
  for (const m of t.matchAll(gap)) {
    const budget = num(m[1]);
    const spent = num(m[2]);
    mark(seen, m[1], m[2], m[4]);
    if (budget.isZero()) continue;
    const signed = spent.minus(budget).div(budget).mul(100);
    // the size is checked; whether a shortfall is written with a minus sign varies by region
    const exact = signed.abs();
    const range = ratioRange(spent.minus(budget).abs(), budget, 2);
    const f = percentFinding(
      "N.gap",
      m[0],
      m[4],
      exact,
      range,
      `(${formatAmount(spent)} − ${formatAmount(budget)}) ÷ ${formatAmount(budget)} = ${formatAmount(signed)}%，写作 ${m[3]}${m[4]}%`,
      cell,
    );
    if (f) out.push(f);
  }
  return out;
}
