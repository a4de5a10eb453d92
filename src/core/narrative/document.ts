/**
 * A whole 说明 (or a whole published document's text) read as a careful reviewer reads it: the
 * 目录 against the tables found, the department and the year it names, comparison words against
 * their own figures, a total against its 其中 parts, a reason after each change, slips of typing.
 * Each paragraph is one text cell; a finding names the paragraph.
 */
import Decimal from "decimal.js";
import { CellRef, Finding } from "../finding";
import { TableDef } from "../../catalog/tables/types";
import { kind } from "../../catalog/findings";
import {
  BUDGET_COMPARISONS,
  CHANGE,
  COMPARISON_CONTEXT,
  COMPLETE_SPLITS,
  CONTENTS_HEADING,
  DOUBLED_WORDS_ALLOWED,
  NO_CHANGE,
  PLACEHOLDER,
  PLAN_CONTEXT,
  REASON,
  RELATION_WORDS,
  STATED_CHANGE,
  TABLE_COUNT,
  TYPING_SLIPS,
} from "../../catalog/rules/document";
import { formatAmount } from "../money";
import { tailOr } from "../tolerance";
import { N, num } from "./numbers";

export interface Paragraph {
  text: string;
  at: CellRef;
}

const compact = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
const CHINESE_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
function countOf(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CHINESE_NUMBERS[s] ?? 0;
  // 十一, 十三, 二十
  const [a, b] = s.split("十");
  return (a ? CHINESE_NUMBERS[a] : 1) * 10 + (b ? CHINESE_NUMBERS[b] : 0);
}

/** The 目录's lines: after its heading, up to the first line the body repeats (the first part's heading again). */
function contentsLines(paragraphs: Paragraph[]): Paragraph[] {
  const start = paragraphs.findIndex((p) => CONTENTS_HEADING.test(compact(p.text)));
  if (start < 0) return [];
  const entries: Paragraph[] = [];
  const seen = new Set<string>();
  for (const p of paragraphs.slice(start + 1)) {
    // a 目录 line may end in dot leaders and its page number
    const entry = compact(p.text).replace(/[.…·．\-—_]*\d*$/, "");
    if (!entry) continue;
    if (seen.has(entry) || entry.length > 40) break;
    seen.add(entry);
    entries.push({ text: entry, at: p.at });
  }
  return entries;
}

/** The tables the 目录 lists against the tables the document holds, and the count it states. */
export function contentsFindings(
  paragraphs: Paragraph[],
  tables: TableDef[],
  found: TableDef[],
  nameOf: (t: TableDef) => string,
  byTitle: (s: string) => TableDef | undefined,
): Finding[] {
  const out: Finding[] = [];
  const entries = contentsLines(paragraphs);
  const publishedIds = new Set(tables.map((t) => t.id));
  const listed = entries
    .map((e) => ({ e, table: byTitle(e.text) }))
    .filter((x): x is { e: Paragraph; table: TableDef } => !!x.table && publishedIds.has(x.table.id))
    .map((x) => ({ e: x.e, table: tables.find((t) => t.id === x.table.id)! }));
  if (listed.length === 0) return out;
  const foundIds = new Set(found.map((t) => t.id));
  for (const { e, table } of listed)
    if (!foundIds.has(table.id))
      out.push({
        rule: kind("N.contents"),
        severity: "error",
        message: `目录列有“${e.text}”，文件中没有找到这张表（${nameOf(table)}）`,
        cells: [e.at],
      });
  const listedIds = new Set(listed.map((x) => x.table.id));
  for (const t of found)
    if (!listedIds.has(t.id))
      out.push({ rule: kind("N.contents"), severity: "warning", message: `文件中有${nameOf(t)}，目录没有列出`, cells: [listed[0].e.at] });
  for (const p of paragraphs) {
    const m = TABLE_COUNT.exec(compact(p.text));
    if (m && countOf(m[1]) !== found.length)
      out.push({
        rule: kind("N.contents"),
        severity: "error",
        message: `文中说共 ${countOf(m[1])} 张表，文件中找到 ${found.length} 张`,
        cells: [p.at],
        expected: String(found.length),
        actual: m[1],
      });
  }
  return out;
}

/** The year the document is about: its title's "2024年度…决算", else the year it names most. */
export function documentYear(paragraphs: Paragraph[]): number | undefined {
  for (const p of paragraphs.slice(0, 10)) {
    const m = /(20\d{2})\s*年度?(?:部门|单位)?决算/.exec(p.text);
    if (m) return Number(m[1]);
  }
  const count = new Map<number, number>();
  for (const p of paragraphs) for (const m of p.text.matchAll(/(20\d{2})\s*年度/g)) count.set(Number(m[1]), (count.get(Number(m[1])) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The department the document is about: its title's name before "2024年度…决算". */
export function documentDepartment(paragraphs: Paragraph[]): string | undefined {
  for (const p of paragraphs.slice(0, 10)) {
    const m = DEPARTMENT_BEFORE_YEAR.exec(compact(p.text));
    if (m && !PLACEHOLDER.test(m[1])) return m[1];
  }
  return undefined;
}

/** "第三部分上海市普陀区财政局2024年度部门决算…": the name before the year, its part number dropped. */
const DEPARTMENT_BEFORE_YEAR = /^(?:第[一二三四五六七八九十]+部分)?([\u4e00-\u9fff（）()]{4,40}?)20\d{2}年度?(?:部门|单位)?决算/;

/** Another department named where the document's own should be (a text copied from another's). */
export function departmentFindings(paragraphs: Paragraph[]): Finding[] {
  const dept = documentDepartment(paragraphs);
  if (!dept) return [];
  const out: Finding[] = [];
  for (const p of paragraphs) {
    const m = DEPARTMENT_BEFORE_YEAR.exec(compact(p.text));
    if (!m || PLACEHOLDER.test(m[1]) || m[1].endsWith(dept) || dept.endsWith(m[1])) continue;
    out.push({
      rule: kind("N.department"),
      severity: "error",
      message: `此处写的单位是“${m[1]}”，本文件是“${dept}”的决算`,
      cells: [p.at],
      expected: dept,
      actual: m[1],
    });
  }
  return out;
}

/** A placeholder for the department, and a year that is not the document's where nothing compares or plans. */
export function nameAndYearFindings(paragraphs: Paragraph[]): Finding[] {
  const out: Finding[] = [];
  const year = documentYear(paragraphs);
  for (const p of paragraphs) {
    const ph = PLACEHOLDER.exec(p.text);
    if (ph) out.push({ rule: kind("N.placeholder"), severity: "error", message: `“${ph[0]}”是占位字样：请写明单位名称`, cells: [p.at], actual: ph[0] });
    if (year === undefined) continue;
    for (const clause of p.text.split(/[。；;]/)) {
      for (const m of clause.matchAll(/(20\d{2})\s*年(度|\d{1,2}月\d{1,2}日)?/g)) {
        const y = Number(m[1]);
        if (y === year) continue;
        const closing =
          /^截[至止]/.test(
            clause
              .slice(Math.max(0, m.index - 3), m.index)
              .replace(/\s/g, "")
              .slice(-2),
          ) || /12月31日/.test(m[0]);
        const settled =
          !closing &&
          ((y === year - 1 && COMPARISON_CONTEXT.test(clause)) ||
            (y > year && PLAN_CONTEXT.test(clause)) ||
            (y < year - 1 && /以来|起|至今|以前/.test(clause)));
        if (settled) continue;
        out.push({
          rule: kind("N.year"),
          severity: "error",
          message: `“${clause.slice(Math.max(0, m.index - 6), m.index + m[0].length + 8).trim()}”写的是 ${y} 年，本文件是 ${year} 年度${closing ? "：年末时点应为 " + year + " 年 12 月 31 日" : ""}`,
          cells: [p.at],
          expected: String(year),
          actual: String(y),
        });
      }
    }
  }
  return out;
}

/** "决算数大于预算数" against the 预算 and 决算 the same paragraph gives; "持平" beside a change it states. */
export function comparisonFindings(paragraphs: Paragraph[]): Finding[] {
  const out: Finding[] = [];
  const words = BUDGET_COMPARISONS.flatMap((c) => c.words.map((w) => ({ w, relation: c.relation })));
  const wordRe = new RegExp(
    `决算数?(?:与|和)?(?:年初)?预算数?(${words.map((x) => x.w).join("|")})|决算数?(${words.map((x) => x.w).join("|")})(?:年初|全年)?预算数?`,
  );
  for (const p of paragraphs) {
    const t = p.text.normalize("NFKC");
    const said = wordRe.exec(t);
    if (said) {
      const budget = new RegExp(`预算数?为?\\s*${N}\\s*万元`).exec(t);
      const spent = new RegExp(`(?:支出)?决算数?为?\\s*${N}\\s*万元`).exec(t);
      if (budget && spent) {
        const b = num(budget[1]);
        const s = num(spent[1]);
        const is = s.gt(b) ? "gt" : s.lt(b) ? "lt" : "eq";
        const claimed = words.find((x) => x.w === (said[1] ?? said[2]))!.relation;
        if (is !== claimed)
          out.push({
            rule: kind("N.comparison"),
            severity: "error",
            message: `决算说明写“${said[0]}”，而同段决算 ${formatAmount(s)} 万元${RELATION_WORDS[is]}预算 ${formatAmount(b)} 万元`,
            cells: [p.at],
            expected: RELATION_WORDS[is],
            actual: said[1] ?? said[2],
          });
      }
    }
    // "支出 A 万元，比上年 B 万元增加 C 万元": C is A − B, in the direction said
    const stated = new RegExp(
      `${N}\\s*万元\\s*[,，]?\\s*(?:比|较)(?:上年度?|20\\d{2}\\s*年度?)(?:决算数?)?(?:的)?\\s*${N}\\s*万元\\s*(?:相比)?\\s*[,，]?\\s*(增加|减少)了?\\s*${N}\\s*万元`,
      "g",
    );
    for (const m of t.matchAll(stated)) {
      const [now, before, change] = [num(m[1]), num(m[2]), num(m[4])];
      const actual = now.minus(before);
      const direction = actual.gt(0) ? "增加" : actual.lt(0) ? "减少" : "持平";
      const diff = change.minus(actual.abs());
      if (direction !== m[3] && !actual.isZero())
        out.push({
          rule: kind("N.yoy.direction"),
          severity: "error",
          message: `决算说明“${m[0]}”：${formatAmount(now)} 比 ${formatAmount(before)} 是${direction}，写作“${m[3]}”`,
          cells: [p.at],
          expected: direction,
          actual: m[3],
        });
      else if (!diff.isZero())
        out.push({
          rule: kind("N.yoy"),
          severity: tailOr(diff, "error"),
          message: `决算说明“${m[0]}”：${formatAmount(now)} − ${formatAmount(before)} = ${formatAmount(actual.abs())} 万元，写作 ${formatAmount(change)} 万元`,
          cells: [p.at],
          expected: actual.abs().toFixed(),
          actual: change.toFixed(),
          difference: diff.toFixed(),
        });
    }
    for (const sentence of t.split(/[。；;]/)) {
      const change = CHANGE.exec(sentence);
      const none = NO_CHANGE.exec(sentence);
      if (none && change && !num(change[2]).isZero())
        out.push({
          rule: kind("N.comparison"),
          severity: "error",
          message: `决算说明同一句里既说“${none[0]}”，又说“${change[0]}”`,
          cells: [p.at],
        });
    }
  }
  return out;
}

interface Part {
  name: string;
  value: Decimal;
  share?: string;
}

/** "A X万元，其中：B Y万元，占…；C Z万元…": the total, and the parts listed up to the sentence's end. */
function splits(text: string): { whole: Part; parts: Part[]; quote: string }[] {
  const t = text.normalize("NFKC");
  const out: { whole: Part; parts: Part[]; quote: string }[] = [];
  const head = new RegExp(`([\\u4e00-\\u9fff“”"()（）]{2,24}?)(?:为|共|合计)?\\s*${N}\\s*万元\\s*[,，]?\\s*其中\\s*[:：]?`, "g");
  for (const m of t.matchAll(head)) {
    const rest = t.slice(m.index + m[0].length).split("。")[0];
    const parts: Part[] = [];
    const item = new RegExp(`^\\s*[,，、;；]?\\s*([\\u4e00-\\u9fff“”"()（）]{2,24}?)为?\\s*${N}\\s*万元(?:\\s*[,，]?\\s*占[^%]{0,20}?${N}%)?`);
    let r = rest;
    for (let hit = item.exec(r); hit; hit = item.exec(r)) {
      // a change ("比上年增加 5 万元") ends the list of parts
      if (/增加|减少|增长|下降|比|较/.test(hit[1])) break;
      parts.push({ name: hit[1].replace(/^(其中|包括)/, ""), value: num(hit[2]), share: hit[3] });
      r = r.slice(hit[0].length);
    }
    if (parts.length >= 2) out.push({ whole: { name: m[1], value: num(m[2]) }, parts, quote: (m[0] + rest.slice(0, rest.length - r.length)).trim() });
  }
  return out;
}

const named = (name: string, list: string[]) => list.some((x) => compact(name).endsWith(compact(x)));

/** A total and its 其中 parts in one passage, and the shares of one total summing to 100%. */
export function partsFindings(paragraphs: Paragraph[]): Finding[] {
  const out: Finding[] = [];
  for (const p of paragraphs)
    for (const { whole, parts, quote } of splits(p.text)) {
      const sum = parts.reduce((s, x) => s.plus(x.value), new Decimal(0));
      const split = COMPLETE_SPLITS.find((s) => named(whole.name, s.whole));
      const complete = !!split && parts.every((x) => named(x.name, split.parts));
      const diff = sum.minus(whole.value);
      if (!diff.isZero() && (complete || diff.gt(0))) {
        // each figure rounded to the cent: the parts may miss their total by half a cent each
        const tolerance = new Decimal("0.005").mul(parts.length + 1);
        const severity = diff.abs().lte(tolerance) ? "tail" : tailOr(diff, "error");
        out.push({
          rule: kind("N.parts"),
          severity,
          message: `决算说明“${quote.slice(0, 60)}${quote.length > 60 ? "…" : ""}”：${parts.map((x) => x.name).join(" + ")} = ${formatAmount(sum)} 万元，${whole.name} 写作 ${formatAmount(whole.value)} 万元${severity === "tail" ? "（只差舍入）" : ""}`,
          cells: [p.at],
          expected: whole.value.toFixed(),
          actual: sum.toFixed(),
          difference: diff.toFixed(),
        });
      }
      const shares = parts.map((x) => x.share).filter((s): s is string => s !== undefined);
      if (shares.length === parts.length && (complete || diff.abs().lte(0.005 * (parts.length + 1)))) {
        const total = shares.reduce((s, x) => s.plus(num(x)), new Decimal(0));
        const places = Math.max(...shares.map((s) => (s.split(".")[1] ?? "").length));
        const half = new Decimal(10).pow(-places).div(2).mul(shares.length);
        if (total.minus(100).abs().gt(half))
          out.push({
            rule: kind("N.parts"),
            severity: "error",
            message: `决算说明中 ${parts.map((x) => `${x.name}占 ${x.share}%`).join("、")}，合计 ${total.toFixed()}%，应为 100%`,
            cells: [p.at],
            expected: "100",
            actual: total.toFixed(),
          });
      }
    }
  return out;
}

/** A change stated with no reason in its paragraph or the next: a warning. */
export function reasonFindings(paragraphs: Paragraph[]): Finding[] {
  const out: Finding[] = [];
  paragraphs.forEach((p, i) => {
    const m = STATED_CHANGE.exec(p.text.normalize("NFKC"));
    if (!m) return;
    const after = p.text.slice(m.index) + (paragraphs[i + 1]?.text ?? "");
    const reason = REASON.exec(after);
    // "主要原因：" with nothing after it is no reason
    const empty = reason && /原因[:：]?\s*$/.test(p.text) && !(paragraphs[i + 1]?.text ?? "").trim();
    if (!reason || empty) out.push({ rule: kind("N.reason"), severity: "warning", message: `决算说明“${m[0]}”之后没有说明增减原因`, cells: [p.at] });
  });
  return out;
}

/** Words typed twice, doubled or mixed punctuation, an ASCII comma in Chinese text: warnings, one a kind a paragraph. */
export function typingFindings(paragraphs: Paragraph[]): Finding[] {
  const out: Finding[] = [];
  for (const p of paragraphs)
    for (const slip of TYPING_SLIPS) {
      const m = slip.pattern.exec(p.text);
      if (!m || DOUBLED_WORDS_ALLOWED.has(m[0])) continue;
      out.push({
        rule: kind("N.typing"),
        severity: "warning",
        message: `${slip.what}：“${p.text.slice(Math.max(0, m.index - 6), m.index + m[0].length + 6)}”`,
        cells: [p.at],
        actual: m[0],
      });
    }
  return out;
}
