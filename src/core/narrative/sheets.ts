/**
 * The 决算说明 in the workbook (sheets named like 决算说明 / 情况说明, and texts given from outside)
 * against the located tables and the 项目支出绩效自评表: each text cell's arithmetic, amounts named
 * by the tables' words, by a 科目编码 or by 类/款/项 names, and the project sentences.
 */
import Decimal from "decimal.js";
import { Grid, nonEmptyCells } from "../grid";
import { CellRef, Finding } from "../finding";
import { codeLevel } from "../disclosure/instance";
import { AmountReader, amountAt } from "../disclosure/evaluate";
import { LocatedTable } from "../disclosure/locate";
import { PerformanceTable } from "../performance/read";
import { projectFunds } from "../performance/against-tables";
import { accountantsSheets } from "../plan";
import { norm } from "../label";
import { NARRATIVE_BASES, NARRATIVE_CODE_PLACES, NARRATIVE_SUBJECTS, NarrativeSubject, TablePlace } from "../../catalog/rules/narrative";
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
} from ".";
import { kind } from "../../catalog/findings";
import { TableDef } from "../../catalog/tables/types";
import {
  Paragraph,
  comparisonFindings,
  contentsFindings,
  departmentFindings,
  nameAndYearFindings,
  partsFindings,
  reasonFindings,
  typingFindings,
} from "./document";

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
export function narrativeFindings(grids: Grid[], byTable: Map<string, LocatedTable[]>, reader: AmountReader, perf: PerformanceTable[]): Finding[] {
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
  for (const g of accountantsSheets(grids).filter((x) => /说明/.test(x.sheet))) {
    for (const [address, cell] of nonEmptyCells(g)) {
      if (typeof cell.value === "string" && /[%％]|万元/.test(cell.value)) texts.push({ text: cell.value, at: { sheet: g.sheet, address }, read: new Set() });
    }
  }
  const out: Finding[] = unfinishedFindings(grids);
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
        rule: kind("N.unchecked"),
        severity: "info",
        message: `决算说明中 ${left.length} 个数字（${left.slice(0, 3).join("、")}${left.length > 3 ? "…" : ""}）找不到对应的表中数字或算式，未核对`,
        cells: [at],
      });
    }
  }
  return out;
}

/**
 * A 说明 not ready to publish: blanks left to fill ("____", as the draft leaves them) and a title
 * still marked （草稿）. One warning a sheet, at its first such cell.
 */
function unfinishedFindings(grids: Grid[]): Finding[] {
  const out: Finding[] = [];
  for (const g of accountantsSheets(grids).filter((x) => /说明/.test(x.sheet))) {
    let blanks = 0;
    let first: string | undefined;
    let draft: string | undefined;
    for (const [address, cell] of nonEmptyCells(g)) {
      if (typeof cell.value !== "string") continue;
      const n = cell.value.match(/[_＿]{2,}/g)?.length ?? 0;
      if (n) {
        blanks += n;
        first ??= address;
      }
      if (!draft && /（草稿）|\(草稿\)/.test(cell.value)) draft = address;
    }
    if (!blanks && !draft) continue;
    const parts = [blanks ? `${blanks} 处待填写的“____”（第一处在 ${first}）` : "", draft ? `“（草稿）”字样（${draft}）` : ""].filter(Boolean);
    out.push({
      rule: kind("N.unfinished"),
      severity: "warning",
      message: `${g.sheet} 还有 ${parts.join("，以及")}：公开前请补齐、删去`,
      cells: [{ sheet: g.sheet, address: first ?? draft! }],
    });
  }
  return out;
}

/**
 * The whole text of each 说明 (a sheet, a text given from outside, a document's body): its 目录
 * against the tables found, names and years, comparison words, totals and parts, reasons, typing.
 */
export function wholeTextFindings(grids: Grid[], found: TableDef[], published: TableDef[], byTitle: (s: string) => TableDef | undefined): Finding[] {
  const out: Finding[] = [];
  for (const g of accountantsSheets(grids).filter((x) => /说明/.test(x.sheet))) {
    const paragraphs: Paragraph[] = [];
    for (const [address, cell] of nonEmptyCells(g))
      if (typeof cell.value === "string" && cell.value.trim()) paragraphs.push({ text: cell.value, at: { sheet: g.sheet, address } });
    out.push(
      ...contentsFindings(paragraphs, published, found, (t) => `${t.number}（${t.title}）`, byTitle),
      ...nameAndYearFindings(paragraphs),
      ...departmentFindings(paragraphs),
      ...comparisonFindings(paragraphs),
      ...partsFindings(paragraphs),
      ...reasonFindings(paragraphs),
      ...typingFindings(paragraphs),
    );
  }
  return out;
}
