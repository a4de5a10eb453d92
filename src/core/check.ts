/**
 * The cross-check of a workbook: the tables located and read, every rule evaluated over them
 * (disclosure/evaluate.ts: holds, tail, error or not checked), 科目 codes, the 绩效 tables against
 * the disclosure tables, and the 决算说明's numbers.
 */
import Decimal from "decimal.js";
import { cellAddress } from "./address";
import { Grid, nonEmptyCells } from "./grid";
import { CellRef, Finding, Severity } from "./finding";
import { Item, codeLevel, itemCell } from "./instance";
import { AmountReader, Unchecked, Verdict, amountAt, evaluate, groupByTable } from "./disclosure/evaluate";
import { formFindings } from "./disclosure/form";
import { codeFindings } from "./codes";
import {
  ProjectFunds,
  ProjectTable,
  Resolved,
  Seen,
  checkCodedAmounts,
  checkNamedAmounts,
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
import { MoneyUnit } from "./money";
import { ALL_TABLES, RULES } from "../catalog";
import { profileName } from "../catalog/profiles";
import { ItemSelector, Rule } from "../catalog/rules/types";
import { Profile, TableDef } from "../catalog/tables/types";

export interface CheckResult {
  /** the regional profile the tables were read in (detected, or as chosen) */
  profile: Profile;
  /** the 部门 the tables name most often */
  dept?: string;
  tables: { id: string; number: string; sheet: string; range: string; title: string }[];
  findings: Finding[];
  /** the unit every amount was compared in (the one most tables are printed in) */
  unit: MoneyUnit;
  /** every relation's verdict, counted: holds, tail, error, warning (a ≤ or convention that fails), not checked */
  relations: { holds: number; tails: number; errors: number; warnings: number; unchecked: number };
}

/** A 功能科目's code by its 类, 款 and 项 names as 05表 (else 03表) prints them. */
function codeByNames(byTable: Map<string, LocatedTable[]>): (names: string[]) => string | undefined {
  const tables = ["T05", "T03"].map((id) => byTable.get(id)?.[0]).filter((t): t is LocatedTable => !!t);
  const labels = tables.map((inst) => new Map(inst.items.filter((it) => it.code).map((it) => [it.code!, norm(it.label ?? "")])));
  return (names) => {
    for (const byCode of labels) {
      const hit = [...byCode.keys()].find(
        (code) => codeLevel(code) === names.length && names.every((n, k) => byCode.get(code.slice(0, 3 + 2 * k)) === norm(n)),
      );
      if (hit) return hit;
    }
    return undefined;
  };
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
  const codeOf = codeByNames(byTable);
  for (const { text, at, read } of texts) {
    out.push(
      ...checkNarrative(text, at, resolve, read),
      ...checkNarrativeAmounts(text, at, names, subject, read),
      ...checkCodedAmounts(text, at, coded, read),
      ...checkNamedAmounts(text, at, codeOf, coded, read),
      ...checkProjectAggregate(text, at, projects, source, projectTotal, read),
    );
    // numbers no check could read: say so, once per text
    const left = [...new Set(numbersIn(text).filter((n) => !read.has(n)))];
    if (left.length) {
      out.push({
        rule: "N.unchecked",
        severity: "info",
        message: `决算说明中 ${left.length} 个数字（${left.slice(0, 3).join("、")}${left.length > 3 ? "…" : ""}）找不到对应的表中数字或算式，未核对`,
        cells: [at],
      });
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
          cells: [
            { sheet: inst.sheet, address: itemCell(it, "code")! },
            { sheet: inst.sheet, address: itemCell(prev, "code")! },
          ],
        });
      } else seen.set(it.code, it);
    }
  }
  return out;
}

/** The unit most tables are printed in: every amount is compared in it. */
function workbookUnit(instances: LocatedTable[]): MoneyUnit {
  const count = new Map<MoneyUnit, number>();
  for (const i of instances) count.set(i.unit, (count.get(i.unit) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "万元";
}

export function checkWorkbook(grids: Grid[], options: { profile?: Profile; tables?: TableDef[]; rules?: Rule[] } = {}): CheckResult {
  const tables = options.tables ?? ALL_TABLES;
  const rules = options.rules ?? RULES;
  const { profile, tables: instances } = locateTables(grids, tables, options.profile);
  const unit = workbookUnit(instances);
  const reader = new AmountReader(grids, unit);
  const findings: Finding[] = [];
  const byTable = groupByTable(instances);
  const unchecked = new Unchecked();
  const verdicts = new Map<Verdict, number>();
  // a rule over a table the region does not publish (and the workbook does not have) is no one's concern
  const relevant = new Set(tables.filter((t) => !t.numbers || t.numbers[profile] !== undefined || byTable.has(t.id)).map((t) => t.id));
  const sides = (r: Rule) => ("table" in r ? [r.table] : [r.left.table, r.right.table]);
  for (const rule of rules) if (sides(rule).every((id) => relevant.has(id))) findings.push(...evaluate(rule, byTable, reader, unchecked, verdicts));
  findings.push(...duplicateCodes(instances));
  findings.push(...formFindings(instances, reader));
  findings.push(...codeFindings(instances));
  const perf = locatePerformanceTables(grids);
  findings.push(...crossDocumentFindings(perf, byTable, (inst, item, col) => reader.read(inst, item, col)?.amount));
  findings.push(...narrativeFindings(grids, byTable, reader, perf));
  findings.push(...reader.problems.values());
  for (const t of tables) {
    // a regional addition is missing only from its region's set
    if (!byTable.has(t.id) && (!t.numbers || t.numbers[profile] !== undefined)) {
      const n = unchecked.countFor(t.id);
      const title = t.titles?.[profile] ?? t.title;
      findings.push({
        rule: "locate.missing",
        severity: "info",
        message: `未找到${t.numbers?.[profile] ?? t.number}（${title}）${n ? `：与之相关的 ${n} 条关系未核对` : ""}`,
        cells: [],
      });
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
  findings.push(...unchecked.findings());
  for (const inst of instances) {
    const at = [{ sheet: inst.sheet, address: inst.anchor }];
    if (inst.missingColumns.some((k) => inst.table.columns.find((c) => c.key === k)?.kind === "code")) {
      findings.push({
        rule: "locate.columns",
        severity: "warning",
        message: `${inst.table.number}（${inst.sheet}）未能读取科目代码列：按科目的关系未核对`,
        cells: at,
      });
    }
    if (inst.unit !== unit) {
      findings.push({
        rule: "locate.unit",
        severity: "info",
        message: `${inst.table.number}（${inst.sheet}）金额单位为${inst.unit}，已换算为${unit}与其他表比较`,
        cells: at,
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
    unit,
    relations: {
      holds: verdicts.get("holds") ?? 0,
      tails: verdicts.get("tail") ?? 0,
      errors: verdicts.get("error") ?? 0,
      warnings: verdicts.get("warning") ?? 0,
      unchecked: [...unchecked.causes.values()].reduce((s, c) => s + c.count, 0),
    },
  };
}

/** What a check read, in words, for the head of its report: the region, the tables, every relation's verdict. */
export function readingSummary(r: CheckResult): string {
  const v = r.relations;
  const total = v.holds + v.tails + v.errors + v.warnings + v.unchecked;
  const tables = r.tables.map((t) => `${t.number} ${t.title}（${t.sheet}）`).join("、");
  return `按${profileName(r.profile)}口径读取 ${r.tables.length} 张表${tables ? `：${tables}` : ""}；勾稽关系 ${total} 条：成立 ${v.holds}，尾差 ${v.tails}，错误 ${v.errors}，警告 ${v.warnings}，未核对 ${v.unchecked}`;
}
