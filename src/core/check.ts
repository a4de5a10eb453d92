/**
 * One small evaluator for every rule kind. Amounts are Decimal; a difference within the rounding
 * tolerance of the displayed places is a tail (尾差), beyond it an error.
 */
import Decimal from "decimal.js";
import { CellPos, cellAddress, parseCell } from "./address";
import { Cell, Grid, nonEmptyCells } from "./grid";
import { CellRef, Finding, Severity, formatMessage } from "./finding";
import { Item, TableInstance, codeLevel, findItem, itemCell } from "./instance";
import { relationsOf } from "./relations";
import { codeFindings } from "./codes";
import {
  ProjectFunds,
  ProjectTable,
  Resolved,
  Seen,
  checkCodedAmounts,
  checkNarrative,
  checkNarrativeAmounts,
  checkProjectAggregate,
  checkProjectClaim,
  narrativeProjects,
  numbersIn,
  unquote,
} from "./narrative";
import { PerformanceTable, locatePerformanceTables } from "./score/locate";
import { NARRATIVE_BASES, NARRATIVE_CODE_PLACES, NARRATIVE_SUBJECTS, NarrativeSubject, TablePlace } from "../catalog/rules/narrative";
import { crossDocumentFindings, projectFunds } from "./documents";
import { LocatedTable, isOwnSheet, locateTables, norm } from "./locate";
import { ParsedAmount, formatAmount, parseAmount, roundingTolerance } from "./money";
import { ALL_TABLES, RULES } from "../catalog";
import { ItemSelector, Rule, Term } from "../catalog/rules/types";
import { Profile, TableDef } from "../catalog/tables/types";

export interface CheckResult {
  /** the regional profile the tables were read in (detected, or as chosen) */
  profile: Profile;
  /** the 部门 the tables name most often */
  dept?: string;
  tables: { id: string; number: string; sheet: string; range: string; title: string }[];
  findings: Finding[];
}

interface Value {
  amount: Decimal;
  places: number;
  cell: CellRef;
}

/** Reads amounts from the grids, reporting cells that are not amounts once each. */
class AmountReader {
  private readonly bySheet = new Map<string, { grid: Grid; origin: CellPos }>();
  /** each cell is parsed once, however many relations it takes part in */
  private readonly parsed = new Map<Cell, ParsedAmount>();
  readonly problems = new Map<string, Finding>();
  constructor(grids: Grid[]) {
    for (const g of grids) this.bySheet.set(g.sheet, { grid: g, origin: parseCell(g.origin) });
  }
  private parse(cell: Cell | undefined): ParsedAmount {
    if (!cell) return { kind: "empty" };
    let p = this.parsed.get(cell);
    if (!p) {
      p = parseAmount(cell.value, cell.numberFormat);
      this.parsed.set(cell, p);
    }
    return p;
  }
  read(inst: TableInstance, item: Item, col: string): Value | undefined | null {
    const c = item.cols[col];
    if (c === undefined) return undefined;
    const address = cellAddress({ row: item.row, col: c });
    const { grid, origin } = this.bySheet.get(inst.sheet)!;
    const cell = grid.cells[item.row - origin.row]?.[c - origin.col];
    const parsed = this.parse(cell);
    const ref = { sheet: inst.sheet, address };
    if (parsed.kind === "amount") return { amount: parsed.value, places: parsed.places, cell: ref };
    if (parsed.kind === "empty" || parsed.kind === "dash") return { amount: new Decimal(0), places: 2, cell: ref };
    const key = `${inst.sheet}!${address}`;
    if (!this.problems.has(key)) {
      this.problems.set(key, {
        rule: parsed.kind === "error" ? "cell.error" : "cell.notAmount",
        // the relation cannot be judged: say so beside it, without claiming an arithmetic error
        severity: "warning",
        message:
          parsed.kind === "error"
            ? `${inst.table.number} ${address} 是错误值 ${parsed.text}，相关勾稽关系无法校验`
            : `${inst.table.number} ${address} 的内容“${parsed.text}”不是金额，相关勾稽关系无法校验`,
        cells: [ref],
      });
    }
    return null;
  }
}

/** The amount at an item of a table's first located instance, with where it is; undefined when the table, item or amount is missing. */
function amountAt(byTable: Map<string, LocatedTable[]>, reader: AmountReader, table: string, sel: ItemSelector, col: string): (Resolved & { cell: CellRef }) | undefined {
  const inst = byTable.get(table)?.[0];
  const item = inst && findItem(inst, sel);
  const v = item ? reader.read(inst!, item, col) : undefined;
  return v ? { value: v.amount, cell: v.cell, where: `${inst!.table.number}（${inst!.sheet}）` } : undefined;
}

/** Located tables by catalog id, in sheet order. */
function groupByTable(instances: LocatedTable[]): Map<string, LocatedTable[]> {
  const byTable = new Map<string, LocatedTable[]>();
  for (const i of instances) byTable.set(i.table.id, [...(byTable.get(i.table.id) ?? []), i]);
  return byTable;
}

function describeItem(table: TableDef, item: Item): string {
  if (item.line !== undefined) return `第${item.line}行${item.label ? `“${item.label}”` : ""}`;
  if (item.code) return `科目${item.code}${item.label ? `“${item.label}”` : ""}`;
  if (item.key === "total") return "合计行";
  if (item.label) return `“${item.label}”`;
  return table.layout === "single_row" ? "" : "该行";
}

function describeColumn(table: TableDef, item: Item, col: string): string {
  const key = item.defs?.[col] ?? col;
  const def = table.columns.find((c) => c.key === key);
  if (!def) return col;
  const label = def.header.filter((h) => h !== "项目").join("/");
  return def.lanci ? `${label}（栏次${def.lanci}）` : label;
}

function describeCell(inst: TableInstance, item: Item, col: string): string {
  const where = describeItem(inst.table, item);
  return `${where}${where ? " " : ""}${describeColumn(inst.table, item, col)}`;
}

interface Relation {
  rule: Rule;
  op?: "=" | "<=";
  table: TableDef;
  total: Value;
  terms: (Value & { sign: 1 | -1 })[];
  /** message parts, built only when the relation fails */
  totalText: () => string;
  termsText: () => string;
  /** rounded terms counted for the tolerance */
  n: number;
}

function judge(rel: Relation): Finding | undefined {
  const expected = rel.terms.reduce((s, t) => (t.sign === 1 ? s.plus(t.amount) : s.minus(t.amount)), new Decimal(0));
  const diff = rel.total.amount.minus(expected);
  if (diff.isZero() || (rel.op === "<=" && diff.isNeg())) return undefined;
  const places = Math.max(rel.total.places, ...rel.terms.map((t) => t.places), 0);
  const shown = Math.min(Math.max(places, 2), 6);
  const tol = roundingTolerance(rel.n, Math.max(...[rel.total, ...rel.terms].map((v) => v.places), 0) || 2);
  // within the rounding tolerance any relation is a tail; beyond it the rule's own severity
  const severity: Severity = diff.abs().lte(tol) ? "tail" : rel.rule.severity;
  const params = {
    total: rel.totalText(),
    terms: rel.termsText(),
    expected: formatAmount(expected, shown),
    actual: formatAmount(rel.total.amount, shown),
    difference: formatAmount(diff, shown),
    left: formatAmount(rel.total.amount, shown),
    right: formatAmount(expected, shown),
  };
  const prefix = severity === "tail" ? "（尾差）" : "";
  return {
    rule: rel.rule.id,
    severity,
    message: `${rel.table.number}：${prefix}${formatMessage(rel.rule.message, params)}`,
    cells: [rel.total.cell, ...rel.terms.map((t) => t.cell)],
    expected: expected.toFixed(),
    actual: rel.total.amount.toFixed(),
    difference: diff.toFixed(),
  };
}

function termsText(inst: TableInstance, items: { item: Item; col: string; sign: 1 | -1 }[]): string {
  const lines = items.map((x) => x.item.line).filter((l): l is number => l !== undefined);
  const sameCol = items.every((x) => x.col === items[0].col);
  if (lines.length === items.length && lines.length > 2 && sameCol && lines.every((l, i) => l === lines[0] + i) && items.every((x) => x.sign === 1)) {
    return `第${lines[0]}–${lines[lines.length - 1]}行之和`;
  }
  // terms on the total's own row need only their column names
  const sameItem = items.every((x) => x.item === items[0].item);
  const parts = items.map((x, i) => `${x.sign === -1 ? "减" : i === 0 ? "" : "加"}${sameItem ? describeColumn(inst.table, x.item, x.col) : describeCell(inst, x.item, x.col)}`);
  return items.length === 1 ? parts[0] : parts.join("");
}

function evaluate(rule: Rule, byTable: Map<string, LocatedTable[]>, reader: AmountReader): Finding[] {
  const first = (id: string) => byTable.get(id)?.[0];
  const out: Finding[] = [];
  const push = (f: Finding | undefined) => f && out.push(f);
  if (rule.kind === "compare") {
    const side = (def: { table: string; terms: Term[] }) => {
      const main = first(def.table);
      if (!main) return undefined;
      const values: (Value & { sign: 1 | -1 })[] = [];
      const texts: (() => string)[] = [];
      for (const t of def.terms) {
        const inst = t.table ? first(t.table) : main;
        if (!inst) continue; // an optional table the workbook does not have
        const item = findItem(inst, t);
        if (!item || item.cols[t.col] === undefined) {
          if (rule.missingAsZero || t.table) continue;
          return undefined;
        }
        const v = reader.read(inst, item, t.col);
        if (!v) return undefined;
        values.push({ ...v, sign: t.sign ?? 1 });
        texts.push(() => `${inst === main ? "" : inst.table.number}${describeCell(inst, item, t.col)}`);
      }
      return { main, values, texts };
    };
    const left = side(rule.left);
    const right = side(rule.right);
    if (!left || !right || (left.values.length === 0 && right.values.length === 0)) return out;
    const sumOf = (vs: (Value & { sign: 1 | -1 })[]) => vs.reduce((s, v) => (v.sign === 1 ? s.plus(v.amount) : s.minus(v.amount)), new Decimal(0));
    const anchor = left.values[0] ?? right.values[0];
    push(
      judge({
        rule,
        op: rule.op,
        table: left.main.table,
        total: { ...anchor, amount: sumOf(left.values), places: Math.max(0, ...left.values.map((v) => v.places)) || 2 },
        terms: right.values,
        totalText: () => `${left.main.table.number}${left.texts.map((t) => t()).join("加") || "（无数据）"}`,
        termsText: () => `${right.main.table.number}${right.texts.map((t) => t()).join("加") || "（无数据）"}`,
        // both sides are totals of their own terms: the larger count sets the tolerance
        n: Math.max(left.values.length, right.values.length, 1),
      }),
    );
    return out;
  }

  for (const inst of byTable.get(rule.table) ?? []) {
    for (const rel of relationsOf(inst, rule)) {
      const tv = reader.read(inst, rel.total.item, rel.total.col);
      const vs = rel.terms.map((t) => reader.read(inst, t.item, t.col));
      if (!tv || vs.some((v) => !v)) continue;
      // an empty 合计 over no 类 rows has nothing to say
      if (rel.terms.length === 0 && tv.amount.isZero()) continue;
      push(
        judge({
          rule,
          table: inst.table,
          total: tv,
          terms: vs.map((v, k) => ({ ...(v as Value), sign: rel.terms[k].sign })),
          totalText: () => describeCell(inst, rel.total.item, rel.total.col),
          termsText: () => rel.termsLabel ?? termsText(inst, rel.terms),
          n: Math.max(rel.terms.length, 1),
        }),
      );
    }
  }
  return out;
}

/** The 决算说明 sheets (named like 决算说明 / 情况说明): each text cell's arithmetic. */
function narrativeFindings(grids: Grid[], byTable: Map<string, LocatedTable[]>, reader: AmountReader, perf: PerformanceTable[]): Finding[] {
  /** the amount the tables hold at a place (cells summed), if they hold every cell */
  const valueAt = (place: TablePlace): Resolved | undefined => {
    let sum: Resolved | undefined;
    for (const c of place.cells) {
      const v = amountAt(byTable, reader, place.table, c, c.col);
      if (!v) return undefined;
      sum = { value: (sum?.value ?? new Decimal(0)).plus(v.value), where: v.where };
    }
    return sum;
  };
  const resolved = (places: TablePlace[] | undefined) => (places ?? []).map(valueAt).filter((x): x is Resolved => !!x);
  const byName = (list: NarrativeSubject[]) => {
    const m = new Map<string, NarrativeSubject>();
    for (const s of list) for (const n of s.names) m.set(unquote(n), s);
    return m;
  };
  const bases = byName(NARRATIVE_BASES);
  const resolve = (name: string) => resolved(bases.get(unquote(name))?.at)[0]?.value;
  const subjects = byName(NARRATIVE_SUBJECTS);
  const subject = (name: string) => {
    const s = subjects.get(name);
    return s && { actual: resolved(s.at), budget: resolved(s.budget), severity: s.severity, why: s.why };
  };
  const names = [...subjects.keys()];
  // each text with the numbers its checks read (what is left is reported as not checked)
  const texts: { text: string; at: CellRef; read: Seen }[] = [];
  for (const g of grids.filter((x) => /说明/.test(x.sheet) && !isOwnSheet(x))) {
    for (const [address, cell] of nonEmptyCells(g)) {
      if (typeof cell.value === "string" && /[%％]|万元/.test(cell.value)) texts.push({ text: cell.value, at: { sheet: g.sheet, address }, read: new Set() });
    }
  }
  const out: Finding[] = [];
  if (texts.length === 0) return out;
  // the projects: the workbook's 项目支出绩效自评表, else the ones the 说明 itself reports on
  const tables: ProjectTable[] = perf
    .filter((p) => p.def.id === "P.project")
    .flatMap((p) => {
      const funds = projectFunds(p);
      return funds ? [{ ...funds, where: p.sheet, cell: { sheet: p.sheet, address: p.titleCell } }] : [];
    });
  const claims = texts.flatMap((x) => narrativeProjects(x.text).map((claim) => ({ claim, at: x.at, read: x.read })));
  for (const { claim, at, read } of claims) out.push(...checkProjectClaim(claim, at, tables, read));
  const told = new Map(claims.map(({ claim }) => [claim.name, claim]));
  const [projects, source]: [ProjectFunds[], string] = tables.length ? [tables, "工作簿中的项目支出绩效自评表共 "] : [[...told.values()], "说明所列 "];
  const projectTotal = amountAt(byTable, reader, "T05", { key: "total" }, "c3");
  const coded = (code: string) => resolved(NARRATIVE_CODE_PLACES(code));
  for (const { text, at, read } of texts) {
    out.push(
      ...checkNarrative(text, at, resolve, read),
      ...checkNarrativeAmounts(text, at, names, subject, read),
      ...checkCodedAmounts(text, at, coded, read),
      ...checkProjectAggregate(text, at, projects, source, projectTotal, read),
    );
    // numbers no check could read: say so, once per text
    const left = [...new Set(numbersIn(text).filter((n) => !read.has(n)))];
    if (left.length) {
      out.push({ rule: "N.unchecked", severity: "info", message: `决算说明中 ${left.length} 个数字（${left.slice(0, 3).join("、")}${left.length > 3 ? "…" : ""}）找不到对应的表中数字或算式，未核对`, cells: [at] });
    }
  }
  return out;
}

/** The tables' figures as the checker reads them, for what is written from them (the 说明 draft). */
export interface Figures {
  profile: Profile;
  dept?: string;
  year?: number;
  has(table: string): boolean;
  /** the amount at an item of the table's first instance (an empty cell is 0); undefined when absent */
  at(table: string, item: ItemSelector, col: string): Decimal | undefined;
  /** the table's 科目 rows in printed order */
  coded(table: string): { code: string; label: string; amount(col: string): Decimal | undefined }[];
  perf: PerformanceTable[];
}

export function readFigures(grids: Grid[], profile?: Profile): Figures {
  const located = locateTables(grids, ALL_TABLES, profile);
  const reader = new AmountReader(grids);
  const byTable = groupByTable(located.tables);
  return {
    profile: located.profile,
    dept: located.tables.find((t) => t.dept)?.dept,
    year: located.tables.find((t) => t.year)?.year,
    has: (id) => byTable.has(id),
    at: (id, sel, col) => amountAt(byTable, reader, id, sel, col)?.value,
    coded(id) {
      const inst = byTable.get(id)?.[0];
      if (!inst) return [];
      return inst.items
        .filter((it) => it.code && codeLevel(it.code))
        .map((it) => ({ code: it.code!, label: (it.label ?? "").trim(), amount: (col: string) => reader.read(inst, it, col)?.amount }));
    },
    perf: locatePerformanceTables(grids),
  };
}

/** Duplicate 科目代码 within a table. */
function duplicateCodes(instances: LocatedTable[]): Finding[] {
  const out: Finding[] = [];
  for (const inst of instances) {
    const seen = new Map<string, Item>();
    for (const it of inst.items) {
      if (!it.code || !codeLevel(it.code)) continue;
      const prev = seen.get(it.code);
      if (prev && norm(prev.label ?? "") === norm(it.label ?? "") && prev.row === it.row) continue;
      if (prev) {
        out.push({
          rule: "codes.duplicate",
          severity: "error",
          message: `${inst.table.number}：科目代码 ${it.code} 出现了两次`,
          cells: [{ sheet: inst.sheet, address: itemCell(it, "code")! }, { sheet: inst.sheet, address: itemCell(prev, "code")! }],
        });
      } else seen.set(it.code, it);
    }
  }
  return out;
}

export function checkWorkbook(grids: Grid[], options: { profile?: Profile; tables?: TableDef[]; rules?: Rule[] } = {}): CheckResult {
  const tables = options.tables ?? ALL_TABLES;
  const rules = options.rules ?? RULES;
  const { profile, tables: instances } = locateTables(grids, tables, options.profile);
  const reader = new AmountReader(grids);
  const findings: Finding[] = [];
  const byTable = groupByTable(instances);
  for (const rule of rules) findings.push(...evaluate(rule, byTable, reader));
  findings.push(...duplicateCodes(instances));
  findings.push(...codeFindings(instances));
  const perf = locatePerformanceTables(grids);
  findings.push(...crossDocumentFindings(perf, byTable, (inst, item, col) => reader.read(inst, item, col)?.amount));
  findings.push(...narrativeFindings(grids, byTable, reader, perf));
  findings.push(...reader.problems.values());
  for (const t of tables) {
    // a regional addition is missing only from its region's set
    if (!byTable.has(t.id) && (!t.numbers || t.numbers[profile] !== undefined)) {
      findings.push({ rule: "locate.missing", severity: "info", message: `未找到${t.numbers?.[profile] ?? t.number}（${t.title}）`, cells: [] });
    }
  }
  for (const g of grids) {
    if (g.dropped) {
      findings.push({
        rule: "locate.stray",
        severity: "info",
        message: `工作表“${g.sheet}”有 ${g.dropped.count} 个远离表格的单元格（如 ${g.dropped.example}）未读取`,
        cells: [{ sheet: g.sheet, address: g.dropped.example }],
      });
    }
  }
  for (const inst of instances) {
    if (inst.missingColumns.length) {
      findings.push({
        rule: "locate.columns",
        severity: "warning",
        message: `${inst.table.number}（${inst.sheet}!${inst.anchor}）缺少列：${inst.missingColumns.join("、")}，相关关系未校验`,
        cells: [{ sheet: inst.sheet, address: inst.anchor }],
      });
    }
  }
  const rank: Record<Severity, number> = { error: 0, tail: 1, warning: 2, info: 3 };
  findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
  const deptCounts = new Map<string, number>();
  for (const i of instances) if (i.dept) deptCounts.set(i.dept, (deptCounts.get(i.dept) ?? 0) + 1);
  const dept = [...deptCounts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return {
    profile,
    dept,
    tables: instances.map((i) => ({
      id: i.table.id,
      number: i.table.number,
      sheet: i.sheet,
      range: `${cellAddress({ row: i.area.top, col: i.area.left })}:${cellAddress({ row: i.area.bottom, col: i.area.right })}`,
      title: i.table.title,
    })),
    findings,
  };
}
