/**
 * The cross-check of a workbook: the tables located and read, every rule evaluated over them
 * (disclosure/evaluate.ts: holds, tail, error or not checked), 科目 codes, the 绩效 tables against
 * the disclosure tables, and the 决算说明's numbers.
 */
import { cellAddress } from "./address";
import { norm } from "./label";
import { Grid } from "./grid";
import { Finding } from "./finding";
import { SEVERITY_ORDER } from "../catalog/findings";
import { AmountReader, Tally, Unchecked, evaluate, groupByTable } from "./disclosure/evaluate";
import { assignCauses } from "./disclosure/cause";
import { formFindings } from "./disclosure/form";
import { codeFindings, duplicateCodes } from "./disclosure/codes";
import { LocatedTable, locateTables, regionalTable, tableByTitle } from "./disclosure/locate";
import { tableWhere } from "./disclosure/instance";
import { locatePerformanceTables } from "./performance/read";
import { crossDocumentFindings } from "./performance/against-tables";
import { narrativeFindings, wholeTextFindings } from "./narrative/sheets";
import { MoneyUnit } from "./money";
import { ALL_TABLES, RULES } from "../catalog";
import { profileName } from "../catalog/profiles";
import { Rule } from "../catalog/rules/types";
import { Profile, TableDef } from "../catalog/tables/types";
import { kind } from "../catalog/findings";
import { uncalculatedFindings } from "./reading";
import { yearOnYearFindings } from "./disclosure/year-on-year";

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
  const tally = new Tally();
  // a rule over a table the region does not publish (and the workbook does not have) is no one's concern
  const relevant = new Set(tables.filter((t) => !t.numbers || t.numbers[profile] !== undefined || byTable.has(t.id)).map((t) => t.id));
  const sides = (r: Rule) => ("table" in r ? [r.table] : [r.left.table, r.right.table]);
  for (const rule of rules) if (sides(rule).every((id) => relevant.has(id))) findings.push(...evaluate(rule, byTable, reader, unchecked, tally));
  assignCauses(tally.failed);
  findings.push(...duplicateCodes(instances));
  findings.push(...formFindings(instances, reader));
  findings.push(...codeFindings(instances));
  const perf = locatePerformanceTables(grids);
  findings.push(...crossDocumentFindings(perf, byTable, (inst, item, col) => reader.read(inst, item, col)?.value));
  findings.push(...narrativeFindings(grids, byTable, reader, perf));
  findings.push(...yearOnYearFindings(grids, byTable, reader));
  const published = tables.filter((t) => !t.numbers || t.numbers[profile] !== undefined).map((t) => regionalTable(t, profile));
  const found = published.filter((t) => byTable.has(t.id));
  findings.push(...wholeTextFindings(grids, found, published, (s) => tableByTitle(norm(s), tables)));
  findings.push(...reader.problems.values());
  findings.push(...uncalculatedFindings(grids));
  for (const t of tables) {
    // a regional addition is missing only from its region's set
    if (!byTable.has(t.id) && (!t.numbers || t.numbers[profile] !== undefined)) {
      const n = unchecked.countFor(t.id);
      const { number, title } = regionalTable(t, profile);
      findings.push({
        rule: kind("locate.missing"),
        severity: "info",
        message: `未找到${number}（${title}）${n ? `：与之相关的 ${n} 条关系未核对` : ""}`,
        cells: [],
      });
    }
  }
  for (const g of grids) {
    if (g.dropped) {
      findings.push({
        rule: kind("locate.stray"),
        severity: "info",
        message: g.dropped.beyondLimit
          ? `工作表“${g.sheet}”超过 ${g.dropped.beyondLimit / 10_000} 万个有内容的单元格：从 ${g.dropped.example} 起的 ${g.dropped.count} 个未读取（公开表不会这么大）`
          : `工作表“${g.sheet}”有 ${g.dropped.count} 个远离表格的单元格（如 ${g.dropped.example}）未读取`,
        cells: [{ sheet: g.sheet, address: g.dropped.example }],
      });
    }
  }
  findings.push(...unchecked.findings());
  const visibility = new Map(grids.map((g) => [g.sheet, g.visibility]));
  for (const inst of instances) {
    const at = [{ sheet: inst.sheet, address: inst.anchor }];
    const hidden = visibility.get(inst.sheet);
    if (hidden && hidden !== "visible")
      findings.push({
        rule: kind("locate.hidden"),
        severity: "info",
        message: `${inst.table.number} 在${hidden === "veryHidden" ? "深度隐藏" : "隐藏"}的工作表“${inst.sheet}”中：已读取并校验，公开前请确认是否应显示`,
        cells: at,
      });
    if (inst.missingColumns.some((k) => inst.table.columns.find((c) => c.key === k)?.kind === "code")) {
      findings.push({
        rule: kind("locate.columns"),
        severity: "warning",
        message: `${tableWhere(inst)}未能读取科目代码列：按科目的关系未核对`,
        cells: at,
      });
    }
    if (inst.unit !== unit) {
      findings.push({
        rule: kind("locate.unit"),
        severity: "info",
        message: `${tableWhere(inst)}金额单位为${inst.unit}，已换算为${unit}与其他表比较`,
        cells: at,
      });
    }
  }
  findings.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
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
      holds: tally.verdicts.get("holds") ?? 0,
      tails: tally.verdicts.get("tail") ?? 0,
      errors: tally.verdicts.get("error") ?? 0,
      warnings: tally.verdicts.get("warning") ?? 0,
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
