/**
 * What the 自评报告 says of a table, checked against the table: 全年预算数, 全年执行数, 执行率,
 * 总分 and 等级 as the sentences state them ("项目全年预算数为 45 万元,执行数为 44.47 万元,完成预算的
 * 98.82%", "实际执行887.29万元，执行率 100%", "评价得分：87.88", "评价等级为“优”").
 */
import Decimal from "decimal.js";
import { Finding, Severity } from "../finding";
import { formatAmount } from "../money";
import { PerformanceTable, printedNumber } from "./read";
import { tailOr } from "../tolerance";
import { kind } from "../../catalog/findings";

type Field = "budget" | "actual" | "rate" | "score" | "grade";

interface Claim {
  field: Field;
  value: Decimal | string;
  /** the figure as printed, before reading it in the table's unit */
  printed?: Decimal;
  /** as the sentence prints it */
  quote: string;
  note?: string;
}

const N = "(\\d+(?:\\.\\d+)?)";
const PATTERNS: { field: Field; re: RegExp }[] = [
  { field: "budget", re: new RegExp(`(?:全年预算数为|预算总额|预算金额|全年预算数)\\s*${N}\\s*(万元|元)`, "g") },
  { field: "actual", re: new RegExp(`(?:执行数为|实际执行|支出|执行数)\\s*${N}\\s*(万元|元)`, "g") },
];

/** Sentences split at 。；; so that an indicator list does not lend its 执行率 to the funds. */
function sentences(text: string): string[] {
  return text
    .normalize("NFKC")
    .split(/[。；;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function claimsOf(text: string, tableUnit: "万元" | "元" = "万元"): Claim[] {
  const out: Claim[] = [];
  for (const s of sentences(text)) {
    const amounts: Claim[] = [];
    for (const { field, re } of PATTERNS) {
      for (const m of s.matchAll(re)) {
        const printed = new Decimal(m[1]);
        let value = printed;
        let note: string | undefined;
        if (m[2] !== tableUnit) {
          // "支出 57.18 元" beside "到位 57.18 万元": a slip of the unit, read as the table's unit
          if (m[2] === "元" && tableUnit === "万元" && value.lt(10_000)) note = `句中单位为“元”，按“万元”读`;
          else value = m[2] === "元" ? value.div(10_000) : value.mul(10_000);
        }
        amounts.push({ field, value, printed, quote: m[0], note });
      }
    }
    // "资金金额 57.18 万元，支付资金 100%": what was paid
    const paid = new RegExp(`资金金额\\s*${N}\\s*万元,\\s*支付资金\\s*${N}%`).exec(s);
    if (paid) amounts.push({ field: "actual", value: new Decimal(paid[1]).mul(paid[2]).div(100), quote: paid[0] });
    out.push(...amounts);
    // a 执行率 belongs to the funds only beside the amounts it is the ratio of
    const rate = new RegExp(`(?:执行率|完成预算的)\\s*${N}%`).exec(s);
    if (rate && amounts.length) out.push({ field: "rate", value: new Decimal(rate[1]), quote: rate[0] });
    const score = new RegExp(`得分(?:为|:)?\\s*${N}`).exec(s);
    if (score) out.push({ field: "score", value: new Decimal(score[1]), quote: score[0] });
    const grade = /评价等级为["“]?(优|良|中|差)/.exec(s);
    if (grade) out.push({ field: "grade", value: grade[1], quote: grade[0] });
  }
  return out;
}

const LABEL: Record<Field, string> = { budget: "全年预算数", actual: "全年执行数", rate: "执行率", score: "总分", grade: "等级" };

export function statementFindings(t: PerformanceTable, computedGrade: string): Finding[] {
  const total = t.funds.find((r) => r.role === "total");
  const num = (row: number | undefined, col: number | undefined) => printedNumber(t, row, col)?.value;
  const table: Record<Field, Decimal | string | undefined> = {
    budget: num(total?.row, total?.cols.budget),
    actual: num(total?.row, total?.cols.actual),
    rate: num(total?.row, total?.cols.rate),
    score: num(t.total?.row, t.total?.scoreCol),
    grade: t.grade?.text ?? computedGrade,
  };
  const out: Finding[] = [];
  for (const st of t.statements) {
    for (const c of claimsOf(st.text, t.fundsUnit ?? "万元")) {
      const mine = table[c.field];
      if (mine === undefined) continue;
      let severity: Severity | undefined;
      let difference: string | undefined;
      if (typeof mine === "string" || typeof c.value === "string") {
        if (String(mine) !== String(c.value)) severity = "error";
      } else if (!mine.eq(c.value) && !(c.printed && mine.eq(c.printed))) {
        // (a table labelled 元 that holds 万元 figures agrees with a sentence in 万元: its label is the slip)
        const diff = c.value.minus(mine);
        difference = diff.toFixed();
        severity = tailOr(diff, "error");
      }
      if (!severity) continue;
      const shown = (v: Decimal | string) => (typeof v === "string" ? v : c.field === "rate" ? `${formatAmount(v)}%` : formatAmount(v));
      out.push({
        rule: kind(`P.text.${c.field}`),
        severity,
        message: `${t.def.kind}“${t.name}”：文字说明“${c.quote}”${c.note ? `（${c.note}）` : ""}与表中${LABEL[c.field]} ${shown(mine)} 不一致${severity === "tail" ? "（尾差）" : ""}`,
        cells: [{ sheet: t.sheet, address: st.cell }],
        expected: typeof mine === "string" ? mine : mine.toFixed(),
        actual: typeof c.value === "string" ? c.value : c.value.toFixed(),
        difference,
      });
    }
  }
  return out;
}
