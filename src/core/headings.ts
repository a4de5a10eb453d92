/**
 * What a finding is about, in words — the one naming the pane's groups, the report's 类别 column and
 * the CLI share: "公开05表 表内", "公开05表 ↔ 公开06表", "绩效自评表 ↔ 公开03表", or its kind's name
 * ("字典中没有的科目代码"). Rule ids stay in the JSON.
 */
import { Finding } from "./finding";
import { FINDING_KINDS, FINDING_KINDS_EN } from "../catalog/findings";
import { tableById } from "../catalog";

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
