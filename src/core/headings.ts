/**
 * What a finding is about, in words — the one naming the pane's groups, the report's 类别 column and
 * the CLI share: "公开05表 表内", "公开05表 ↔ 公开06表", "绩效自评表 ↔ 公开03表", or its kind's name
 * ("字典中没有的科目代码"). Rule ids stay in the JSON.
 */
import { Finding } from "./finding";
import { FINDING_KINDS, FINDING_KINDS_EN } from "../catalog/findings";
import { RULES, tableById } from "../catalog";
import { ItemSelector, TableCell, Term } from "../catalog/rules/types";

export type Locale = "zh-CN" | "en-US";

const WORDS: Record<Locale, { within: string; P: string; N: string }> = {
  "zh-CN": { within: "表内", P: "绩效自评表", N: "决算说明" },
  "en-US": { within: "within", P: "self-evaluation", N: "explanation" },
};

/** `numberOf`: the 表号 a table carries in the region it was read in (default: the catalog's). */
export function findingHeading(f: Finding, numberOf: (id: string) => string = (id) => tableById(id)?.number ?? id, locale: Locale = "zh-CN"): string {
  const kinds: Record<string, string> = locale === "en-US" ? FINDING_KINDS_EN : FINDING_KINDS;
  if (kinds[f.rule]) return kinds[f.rule];
  const head = f.rule.split(".")[0];
  if (!/^(T\d\d|P|N)([+~](T\d\d|P|N))*$/.test(head)) return f.rule;
  const w = WORDS[locale];
  const sides = head.split("~").map((side) =>
    side
      .split("+")
      .map((id) => (id === "P" || id === "N" ? w[id] : numberOf(id)))
      .join("+"),
  );
  return sides.length === 1 ? `${sides[0]} ${w.within}` : sides.join(" ↔ ");
}

/** Table ids → the 表号 they were read under (a check's `tables`). */
export function tableNumbers(tables: { id: string; number: string }[]): (id: string) => string {
  const numbers = new Map(tables.map((t) => [t.id, t.number]));
  return (id) => numbers.get(id) ?? tableById(id)?.number ?? id;
}

/**
 * A relation as the accountant writes it: "[公开05表] 栏1 = 栏2 + 栏3", "[公开01表] 第27行 = 第1行 + …",
 * "[公开01表] 第57行 = [公开03表] 合计·栏1". Undefined for findings that are no rule of the tables.
 */
export function ruleFormula(ruleId: string, numberOf: (id: string) => string = (id) => tableById(id)?.number ?? id): string | undefined {
  const rule = RULES.find((r) => r.id === ruleId);
  if (!rule) return undefined;
  const col = (table: string, key: string) => {
    const c = tableById(table)?.columns.find((x) => x.key === key || x.key.endsWith(`.${key}`));
    return c?.lanci ? `栏${c.lanci}` : (c?.header[c.header.length - 1] ?? key);
  };
  const item = (sel: ItemSelector) => ("line" in sel ? `第${sel.line}行` : "code" in sel ? `科目${sel.code}` : sel.key === "total" ? "合计" : sel.key);
  const tableOf = (table: string, t: Term | TableCell) => ("table" in t && t.table) || table;
  const cell = (table: string, t: Term | TableCell, withTable = false) =>
    `${withTable ? `[${numberOf(tableOf(table, t))}] ` : ""}${item(t)}·${col(tableOf(table, t), t.col)}`;
  const signed = (parts: string[], signs: (1 | -1 | undefined)[]) =>
    parts.map((p, i) => (i === 0 ? (signs[i] === -1 ? `−${p}` : p) : `${signs[i] === -1 ? "−" : "+"} ${p}`)).join(" ");
  switch (rule.kind) {
    case "rowSum":
      return `[${numberOf(rule.table)}] ${col(rule.table, rule.total)} = ${signed(
        rule.terms.map((t) => col(rule.table, t.col)),
        rule.terms.map((t) => t.sign),
      )}`;
    case "sum": {
      // a run of consecutive lines in one column reads as their sum: 第31–56行·栏1 之和
      const lines = rule.terms.map((t) => ("line" in t && !t.table && t.sign !== -1 ? t.line : undefined));
      const run =
        rule.terms.length >= 4 &&
        lines.every((l, i) => l !== undefined && (i === 0 || l === lines[i - 1]! + 1)) &&
        rule.terms.every((t) => t.col === rule.terms[0].col);
      const terms = run
        ? `第${lines[0]}–${lines[lines.length - 1]}行·${col(rule.table, rule.terms[0].col)} 之和`
        : signed(
            rule.terms.map((t) => cell(rule.table, t, tableOf(rule.table, t) !== rule.table)),
            rule.terms.map((t) => t.sign),
          );
      return `[${numberOf(rule.table)}] ${cell(rule.table, rule.total)} = ${terms}`;
    }
    case "hierarchy":
      return `[${numberOf(rule.table)}] 合计 = Σ类，类 = Σ款，款 = Σ项（${rule.cols.map((c) => col(rule.table, c)).join("、")}）`;
    case "listSum":
      return `[${numberOf(rule.table)}] 合计 = Σ各行（${rule.cols.map((c) => col(rule.table, c)).join("、")}）`;
    case "compare": {
      const side = (s: { table: string; terms: Term[] }) =>
        `[${numberOf(s.table)}] ${signed(
          s.terms.map((t) => cell(s.table, t, tableOf(s.table, t) !== s.table)),
          s.terms.map((t) => t.sign),
        )}`;
      return `${side(rule.left)} ${rule.op === "<=" ? "≤" : "="} ${side(rule.right)}`;
    }
  }
}
