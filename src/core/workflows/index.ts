/**
 * What the three faces do, as pure steps over plain data: the task pane, the ribbon command and
 * the CLI call these and only move Grids and WritePlans in and out.
 */
import { rulesFor, tableById, tablesOf } from "../../catalog";
import { Profile, TableDef } from "../../catalog/tables/types";
import { CheckResult, checkWorkbook, readingSummary } from "../engine";
import { readFigures } from "../disclosure/figures";
import { DraftSection, draftCharts, draftInputs, draftNarrative, draftPlan, draftText } from "../narrative/draft";
import { Grid } from "../grid";
import { Finding } from "../finding";
import { columnLetters, parseCell } from "../address";
import { ownSheets } from "../plan";
import { textGrid } from "../narrative/text";
import { WritePlan } from "../plan";
import { CHECK_MARKS, SCORE_MARKS, clearMarksPlan, markPlan } from "../plan/marks";
import { tableNumbers } from "../headings";
import { readExplanations, withExplanations } from "../plan/explanations";
import { ScoreResult, scoreWorkbook } from "../performance/score";
import { subjectLines, workbookTemplatePlan } from "../disclosure/template";
import { performanceTemplatePlan } from "../performance/template";
import { PerformanceLayout } from "../../catalog/tables/performance-layouts";
import { FUNCTION_CLASSIFICATION } from "../../catalog/classification/function";
import { PagedSheet, UnreadPage, onPages, unreadPages } from "../pages";

export type { PagedSheet, UnreadPage };

export function templatesFor(
  ids: string[] | "all",
  dept: string,
  year: number,
  existingSheets: string[] = [],
  profile?: Profile,
  subjectCodes: string[] = [],
): { plan: WritePlan; sheets: string[] } {
  const tables: TableDef[] = ids === "all" ? tablesOf(profile ?? "gansu") : ids.map((id) => tableById(id)).filter((t): t is TableDef => !!t);
  const subjects = subjectCodes.length ? subjectLines(subjectCodes, year, FUNCTION_CLASSIFICATION) : undefined;
  const { plan, instances } = workbookTemplatePlan(tables, (t) => rulesFor(t.id), { dept, year, profile, subjects }, existingSheets);
  return { plan, sheets: instances.map((i) => i.sheet) };
}

/** 绩效自评 templates, each on a new sheet named after its layout (never over a taken name). */
export function performanceTemplatesFor(layouts: PerformanceLayout[], year: number, existingSheets: string[] = []): { plan: WritePlan; sheets: string[] } {
  const taken = new Set(existingSheets.map((s) => s.toLowerCase()));
  const ops: WritePlan["ops"] = [];
  const sheets: string[] = [];
  for (const layout of layouts) {
    const base = `${layout.title.replace(/绩效自评表$/, "自评")}-${layout.id.split("-")[1]}`;
    let sheet = base;
    for (let n = 2; taken.has(sheet.toLowerCase()); n++) sheet = `${base}(${n})`;
    taken.add(sheet.toLowerCase());
    sheets.push(sheet);
    ops.push({ op: "addSheet", sheet }, ...performanceTemplatePlan(layout, { year, sheet, linesPerGroup: 2 }).ops, { op: "protect", sheet });
  }
  return { plan: { ops }, sheets };
}

/** The workbook as seen when only one sheet is checked: that sheet, and our own (the marks still undo). */
export function onlySheet(grids: Grid[], sheet: string): Grid[] {
  const own = ownSheets(grids);
  return grids.filter((g) => g.sheet === sheet || own.has(g.sheet));
}

/** A 说明 pasted or opened in the pane, checked against the workbook's tables, paragraph by paragraph. */
export function checkNarrativeText(
  grids: Grid[],
  text: string,
  source: string,
): { paragraphs: { line: number; text: string; findings: Finding[] }[]; findings: Finding[] } {
  const grid = textGrid(source, text);
  const findings = checkWorkbook([...grids, grid]).findings.filter((f) => f.cells[0]?.sheet === grid.sheet);
  const paragraphs = grid.cells
    .map((row, i) => ({ line: i + 1, text: String(row[0].value ?? ""), findings: findings.filter((f) => parseCell(f.cells[0].address).row === i) }))
    .filter((p) => p.text.trim() !== "");
  return { paragraphs, findings };
}

/** `texts`: 说明 read from outside the workbook (a .txt, pasted text); checked, listed, never marked. */
/** `plan.report`: the sheet the 校验报告 goes to (a name of the accountant's own is left alone). */
/** A moment the face read off its clock, as the report prints it: "2026-11-30 16:45". */
export function stampTime(d: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** `stamp`: the file and the time the face checks it at, for the report's head (the core reads no clock). */
export function checkAndMark(
  grids: Grid[],
  profile?: Profile,
  texts: Grid[] = [],
  stamp: { file?: string; at?: string } = {},
): { result: CheckResult; plan: WritePlan & { report: string } } {
  const checked = checkWorkbook([...grids, ...texts], { profile });
  const numberOf = tableNumbers(checked.tables);
  // what the accountant explained in the last report stays with its finding
  const result = { ...checked, findings: withExplanations(checked.findings, readExplanations(grids, CHECK_MARKS.ledger), numberOf) };
  return { result, plan: markPlan(result.findings, grids, CHECK_MARKS, { reading: readingSummary(result), numberOf, stamp: { dept: result.dept, ...stamp } }) };
}

export function scoreAndMark(grids: Grid[], stamp: { file?: string; at?: string } = {}): { result: ScoreResult; plan: WritePlan & { report: string } } {
  const scored = scoreWorkbook(grids);
  const result = { ...scored, findings: withExplanations(scored.findings, readExplanations(grids, SCORE_MARKS.ledger)) };
  return { result, plan: markPlan(result.findings, grids, SCORE_MARKS, { stamp }) };
}

/**
 * 决算说明 draft from the workbook's tables (with its 上年数 / 年初预算 sheets, and the 绩效自评表
 * scores when there are any), on a new sheet that never replaces one of the user's.
 */
export function draftNarrativeFor(
  grids: Grid[],
  /** `fallbackYear`: the year when neither the caller nor the tables say (the faces pass last year; the core reads no clock) */
  options: { year?: number; dept?: string; profile?: Profile; fallbackYear?: number } = {},
): { sheet: string; text: string; plan: WritePlan; sections: DraftSection[]; dept: string; year: number } {
  const figures = readFigures(grids, options.profile);
  if (!["T01", "T03", "T05"].some((t) => figures.has(t))) throw new DraftError("工作簿中没有找到公开01/03/05表，无法起草决算说明");
  const year = options.year ?? figures.year ?? options.fallbackYear;
  if (year === undefined) throw new DraftError("表中没有写明年度，无法起草决算说明");
  const dept = options.dept ?? figures.dept ?? "";
  const scores = figures.perf.length ? scoreWorkbook(grids, figures.perf).projects : [];
  const sections = draftNarrative(figures, { year, dept, scores, ...draftInputs(grids) });
  const title = `${dept}${year}年度部门决算情况说明（草稿）`;
  const taken = new Set(grids.map((g) => g.sheet.toLowerCase()));
  let sheet = "决算说明（草稿）";
  for (let n = 2; taken.has(sheet.toLowerCase()); n++) sheet = `决算说明（草稿${n}）`;
  return { sheet, text: draftText(title, sections), plan: draftPlan(sheet, title, sections, draftCharts(figures)), sections, dept, year };
}

export class DraftError extends Error {}

export function clearMarks(grids: Grid[]): WritePlan {
  return clearMarksPlan(grids);
}

// what the faces read of the core's results, so that workflows stay their only door
export type { CheckResult } from "../engine";
export type { ScoreResult } from "../performance/score";
export type { CellRef, Finding, Severity } from "../finding";
export type { Grid } from "../grid";
export type { DraftSection } from "../narrative/draft";
export type { WritePlan } from "../plan";
export { summarize } from "../finding";
export { findingHeading, ruleFormula } from "../headings";
export { explanationPlan } from "../plan/explanations";
export type { Locale } from "../headings";
export { TemplateError } from "../disclosure/template";
export { textGrid, textStats } from "../narrative/text";
export { columnLetters } from "../address";

/** A published document as an adapter read it: its tables, its text, and (a PDF's) the page of every row. */
export interface ReadDocument {
  tables: Grid[];
  narrative: Grid;
  paged?: PagedSheet[];
  unread: UnreadPage[];
}

/**
 * A published document checked whole: its tables and its 说明 together. Where it has pages, every
 * finding names its page and the table on it ("第15页 公开05表"); `onSheets` keeps the findings as
 * the sheets name them (for marking the document itself).
 */
export function checkDocument(doc: ReadDocument, profile?: Profile): { result: CheckResult; onSheets: Finding[] } {
  const result = checkWorkbook([...doc.tables, doc.narrative], { profile });
  const onSheets = result.findings;
  if (doc.paged) {
    const labelled = doc.paged.map((p) => ({ ...p, label: p.label ?? result.tables.find((t) => t.sheet === p.sheet)?.number }));
    result.findings = [...unreadPages(doc.unread), ...onPages(onSheets, labelled)];
  }
  return { result, onSheets };
}

/** Findings grouped by the page they name, in page order (those without a page last). */
export function findingsByPage(findings: Finding[]): { page?: number; findings: Finding[] }[] {
  const groups = new Map<number | undefined, Finding[]>();
  for (const f of findings) {
    const page = f.cells[0]?.page;
    groups.set(page, [...(groups.get(page) ?? []), f]);
  }
  return [...groups].sort((a, b) => (a[0] ?? Infinity) - (b[0] ?? Infinity)).map(([page, list]) => ({ page, findings: list }));
}

/**
 * The tables read from a document written into new sheets of the workbook, one a table, named by
 * its page and number ("第8页 公开02表"), so the accountant corrects them where they work.
 */
export function documentTablesPlan(tables: Grid[], numbers: Map<string, string>, existingSheets: string[]): { plan: WritePlan; sheets: string[] } {
  const taken = new Set(existingSheets.map((s) => s.toLowerCase()));
  const ops: WritePlan["ops"] = [];
  const sheets: string[] = [];
  for (const g of tables) {
    const base = `${g.sheet}${numbers.get(g.sheet) ? ` ${numbers.get(g.sheet)}` : ""}`.replace(/[\\/?*:[\]]/g, "").slice(0, 28);
    let sheet = base;
    for (let n = 2; taken.has(sheet.toLowerCase()); n++) sheet = `${base}(${n})`;
    taken.add(sheet.toLowerCase());
    sheets.push(sheet);
    const width = Math.max(1, ...g.cells.map((r) => r.length));
    const values = g.cells.map((r) => Array.from({ length: width }, (_, i) => amountOrText(r[i]?.value ?? null)));
    ops.push({ op: "addSheet", sheet });
    if (values.length) ops.push({ op: "setValues", sheet, address: `A1:${columnLetters(width - 1)}${values.length}`, values });
    for (const m of g.merges) ops.push({ op: "merge", sheet, address: m });
  }
  return { plan: { ops }, sheets };
}

/** A printed amount ("1,131.80") back to a number, as the accountant would type it; anything else as printed. */
function amountOrText(v: string | number | boolean | null): string | number | boolean | null {
  if (typeof v !== "string") return v;
  const t = v.trim();
  return /^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+\.\d+$/.test(t) ? Number(t.replace(/,/g, "")) : v;
}
