/**
 * Write-back of findings: red/amber fills, a note per marked cell, and the 校验报告 sheet — with the
 * accountant's own formats and notes saved first in a ledger so that 清除标记 restores them.
 * Re-running replaces earlier marks instead of piling them up.
 */
import { parseCell, splitQualified } from "../address";
import { CellValue, Grid, cellAt } from "../grid";
import { CellRef, Finding, Severity, isSettled, summarize } from "../finding";
import { EXPLANATION_HEADER, REPORT_FIRST_ROW, reportCell } from "./explanations";
import { findingHeading, ruleFormula } from "../headings";
import { SEVERITY_NAMES } from "../../catalog/findings";
import { OWN_SHEETS, REPORT_SHEET, SCORE_REPORT_SHEET, freeSheetName, ledgerName, ownLedgers, ownReports, ownSheets, registryRows, registrySheet } from ".";
import { PlanOp, SavedCell, WritePlan } from "./index";

export const MARK_LEDGER = "marks";

/** Which marks: the cross-check's, or the scoring's. Each has its own ledger and report sheet. */
export interface MarkKind {
  ledger: string;
  report: string;
  title: string;
}
export const CHECK_MARKS: MarkKind = { ledger: MARK_LEDGER, report: REPORT_SHEET, title: "校验报告" };
export const SCORE_MARKS: MarkKind = { ledger: "score", report: SCORE_REPORT_SHEET, title: "绩效评分报告" };
/** A cell's mark: a finding's severity, or "affected" — a total thrown off by the likely cause elsewhere. */
export type MarkLevel = Severity | "affected";
/** Read at a glance: an error red, a total it throws off pale red, a warning orange, a tail a pale grey, an info no fill. */
export const MARK_COLORS: Record<MarkLevel, string | null> = { error: "#FFC7CE", affected: "#FCE4EC", warning: "#FFD8A8", tail: "#EDEDED", info: null };
const SEVERITY_LABEL: Record<MarkLevel, string> = { ...SEVERITY_NAMES, affected: "受影响" };
const NOTE_RULE = "——决算助手——";

const key = (c: CellRef) => `${c.sheet}!${c.address}`;

/** The cells an earlier run marked, with the notes they had before, from our ledger sheet. */
export function readLedger(grids: Grid[], id = MARK_LEDGER): SavedCell[] {
  const name = ownLedgers(grids).get(id);
  const g = name === undefined ? undefined : grids.find((x) => x.sheet === name);
  if (!g) return [];
  const origin = parseCell(g.origin);
  const out: SavedCell[] = [];
  if (origin.col !== 0 || origin.row !== 0) return [];
  g.cells.forEach((row) => {
    const ref = row[0]?.value;
    if (typeof ref !== "string") return;
    const q = splitQualified(ref);
    if (!q.sheet) return;
    const note = row[2]?.value;
    out.push({ sheet: q.sheet, address: q.address, note: typeof note === "string" && note !== "" ? note : null });
  });
  return out;
}

function noteNow(grids: Grid[], c: CellRef): string | undefined {
  const g = grids.find((x) => x.sheet === c.sheet);
  return g ? cellAt(g, parseCell(c.address)).note : undefined;
}

/** Ops that undo an earlier run: formats back, notes back, report removed. */
function undoOps(grids: Grid[], previous: SavedCell[], keepNotesFor: Set<string>, kind: MarkKind): PlanOp[] {
  const ops: PlanOp[] = [];
  const ledger = ownLedgers(grids).get(kind.ledger);
  if (!ledger || !grids.some((g) => g.sheet === ledger)) return ops;
  ops.push({ op: "restoreFormats", sheet: ledger, cells: previous.map(({ sheet, address }) => ({ sheet, address })) });
  for (const c of previous) {
    if (keepNotesFor.has(key(c))) continue; // rewritten below in one step
    const current = noteNow(grids, c);
    if (current === (c.note ?? undefined)) continue;
    ops.push({ op: "note", sheet: c.sheet, cell: c.address, text: c.note, existing: current !== undefined });
  }
  return ops;
}

/** Our list of our sheets rewritten: reports and ledgers (by id) as they will be. */
function ownSheetsOps(grids: Grid[], reports: Map<string, string>, ledgers: Map<string, string>): PlanOp[] {
  const ops: PlanOp[] = [];
  const old = registrySheet(grids);
  if (old) ops.push({ op: "deleteSheet", sheet: old.sheet });
  const rows = registryRows(reports, ledgers);
  if (rows.length === 0) return ops;
  // our list keeps its name; an accountant's sheet of that name stays theirs, ours takes the next free one
  const sheet = old?.sheet ?? freeSheetName(grids, OWN_SHEETS);
  ops.push({ op: "addSheet", sheet, visibility: "veryHidden" });
  ops.push({ op: "setValues", sheet, address: `A1:B${rows.length}`, values: rows });
  return ops;
}

/** Where this kind's report goes: the sheet we wrote before, else its name, else the next free one (校验报告(2)). */
function reportSheetName(grids: Grid[], kind: MarkKind, reports: Map<string, string>): string {
  return reports.get(kind.ledger) ?? freeSheetName(grids, kind.report);
}

export function clearMarksPlan(grids: Grid[], kinds: MarkKind[] = [CHECK_MARKS, SCORE_MARKS]): WritePlan {
  const ops: PlanOp[] = [];
  const reports = ownReports(grids);
  const ledgers = ownLedgers(grids);
  for (const kind of kinds) {
    ops.push(...undoOps(grids, readLedger(grids, kind.ledger), new Set(), kind));
    // only the report we wrote: a sheet of the accountant's that bears its name stays
    const ours = reports.get(kind.ledger);
    if (ours && grids.some((g) => g.sheet === ours)) ops.push({ op: "deleteSheet", sheet: ours });
    reports.delete(kind.ledger);
    ledgers.delete(kind.ledger);
  }
  ops.push(...ownSheetsOps(grids, reports, ledgers));
  return { ops };
}

/**
 * `reading`: what the check read (region, tables, verdicts), printed at the head of the report.
 * `report`: the sheet the report was written to (校验报告, or 校验报告(2) beside an accountant's own).
 */
export interface ReportContext {
  /** what the check read (region, tables, verdicts), under the counts */
  reading?: string;
  /** the 表号 each table was read under, for the report's words */
  numberOf?: (id: string) => string;
  /** the 单位, the file and the time, beside the title (the faces know them; the core reads no clock) */
  stamp?: { dept?: string; file?: string; at?: string };
}

export function markPlan(findings: Finding[], grids: Grid[], kind: MarkKind = CHECK_MARKS, context: ReportContext = {}): WritePlan & { report: string } {
  const { numberOf } = context;
  const previous = readLedger(grids, kind.ledger);
  const ours = ownSheets(grids);
  const originalNote = new Map(previous.map((c) => [key(c), c.note]));
  const sheets = new Set(grids.map((g) => g.sheet));

  // one mark per cell: its worst finding's colour, all its findings in the note
  const marked = new Map<string, { ref: CellRef; severity: MarkLevel; lines: string[] }>();
  const rank: Record<MarkLevel, number> = { error: 0, affected: 1, warning: 2, tail: 3, info: 4 };
  const mark = (ref: CellRef | undefined, level: MarkLevel, line: string) => {
    if (!ref || !MARK_COLORS[level] || !sheets.has(ref.sheet) || ours.has(ref.sheet)) return;
    const m = marked.get(key(ref)) ?? { ref: { sheet: ref.sheet, address: ref.address }, severity: level, lines: [] };
    if (rank[level] < rank[m.severity]) m.severity = level;
    if (!m.lines.includes(line)) m.lines.push(line);
    marked.set(key(ref), m);
  };
  for (const f of findings) {
    // words only: the rule's id is the JSON's, not the accountant's
    const formula = ruleFormula(f.rule, numberOf);
    const line = `【${SEVERITY_LABEL[f.severity]}】${f.message}${formula ? `\n关系：${formula}` : ""}${f.explained ? `（已说明：${f.explained}）` : ""}`;
    if (!f.cause) {
      mark(f.cells[0], f.severity, line);
      continue;
    }
    // the cell most likely typed wrong carries the error; the totals it throws off are only affected
    mark(f.cause, "error", `【错误】${f.cause.note}`);
    mark(f.cause, "error", line);
    if (key(f.cells[0]) !== key(f.cause)) mark(f.cells[0], "affected", `【受影响】${f.message}——最可能是 ${f.cause.sheet}!${f.cause.address} 录错`);
  }

  const ops: PlanOp[] = undoOps(grids, previous, new Set(marked.keys()), kind);
  const reports = ownReports(grids);
  const report = reportSheetName(grids, kind, reports);
  if (sheets.has(report)) ops.push({ op: "deleteSheet", sheet: report });

  const cells = [...marked.values()];
  const saved: SavedCell[] = cells.map((m) => {
    const k = key(m.ref);
    const before = originalNote.has(k) ? originalNote.get(k)! : (noteNow(grids, m.ref) ?? null);
    return { sheet: m.ref.sheet, address: m.ref.address, note: before };
  });
  const ledgers = ownLedgers(grids);
  const ledger = ledgerName(grids, kind.ledger);
  if (cells.length) {
    ops.push({ op: "saveFormats", sheet: ledger, cells: saved });
    ledgers.set(kind.ledger, ledger);
  } else ledgers.delete(kind.ledger);

  const bySheetColor = new Map<string, string[]>();
  for (const m of cells) {
    const k = `${m.ref.sheet}\u0000${MARK_COLORS[m.severity]}`;
    if (!bySheetColor.has(k)) bySheetColor.set(k, []);
    bySheetColor.get(k)!.push(m.ref.address);
  }
  for (const [k, addresses] of bySheetColor) {
    const [sheet, color] = k.split("\u0000");
    ops.push({ op: "fill", sheet, addresses, color });
  }
  cells.forEach((m, i) => {
    const original = saved[i].note;
    const ours = `${NOTE_RULE}\n${m.lines.join("\n")}`;
    const text = original ? `${original}\n\n${ours}` : ours;
    // marked cells keep their current note through the undo step, so "existing" is what is there now
    ops.push({ op: "note", sheet: m.ref.sheet, cell: m.ref.address, text, existing: noteNow(grids, m.ref) !== undefined });
  });

  ops.push(...reportOps(findings, kind, report, sheets, context));
  ops.push(...ownSheetsOps(grids, new Map([...reports, [kind.ledger, report]]), ledgers));
  return { ops, report };
}

/** A decimal string from the core as the number it is (Excel shows it in #,##0.00); other text stays text. */
function reportNumber(v: string | undefined): CellValue {
  if (v === undefined) return null;
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

/** Points for a row whose texts wrap in columns of the given widths (characters; a Chinese character is two). */
function rowHeight(cells: [CellValue, number][]): number {
  const lines = Math.max(
    1,
    ...cells.map(([v, width]) =>
      typeof v === "string"
        ? v.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil([...line].reduce((w, ch) => w + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0) / width)), 0)
        : 1,
    ),
  );
  return Math.min(409, 15 * lines);
}

/** The report sheet: every finding, linked to its cell when that cell is in the workbook. */
function reportOps(findings: Finding[], kind: MarkKind, sheet: string, sheets: Set<string>, { reading, numberOf, stamp }: ReportContext): PlanOp[] {
  const stampLine = [
    stamp?.dept && `单位：${stamp.dept}`,
    stamp?.file && `文件：${stamp.file}`,
    stamp?.at && `${kind.title.includes("评分") ? "评分" : "校验"}时间：${stamp.at}`,
  ]
    .filter(Boolean)
    .join("　");
  const s = summarize(findings);
  const ops: PlanOp[] = [{ op: "addSheet", sheet }];
  const header = ["严重程度", "类别", "单元格", "说明", "应为", "实为", "差额", EXPLANATION_HEADER];
  // a finding with a likely cause is listed at that cell, the one to correct
  const at = (f: Finding) => f.cause ?? f.cells[0];
  const rows = findings.map((f) => [
    isSettled(f) ? `${SEVERITY_LABEL[f.severity]}（已说明）` : SEVERITY_LABEL[f.severity],
    findingHeading(f, numberOf),
    reportCell(f),
    f.cause ? `${f.message}。${f.cause.note.replace("本格", `${f.cause.sheet}!${f.cause.address} `)}` : f.message,
    reportNumber(f.expected),
    reportNumber(f.actual),
    reportNumber(f.difference),
    f.explained ?? null,
  ]);
  ops.push({
    op: "setValues",
    sheet,
    address: `A1:H${3 + rows.length}`,
    values: [
      [kind.title, null, null, stampLine || null, null, null, null, null],
      [
        `错误 ${s.errors} 项，警告 ${s.warnings} 项，提示 ${s.infos} 项，尾差 ${s.tails} 项${s.explained ? `，已说明 ${s.explained} 项` : ""}`,
        null,
        null,
        reading ?? null,
        null,
        null,
        null,
        null,
      ],
      header,
      ...rows,
    ],
  });
  ops.push({ op: "font", sheet, addresses: ["A1", "A3:H3"], font: { bold: true } });
  ops.push({ op: "fill", sheet, addresses: ["A3:H3"], color: "#F2F2F2" });
  const colored = new Map<string, string[]>();
  findings.forEach((f, i) => {
    const color = MARK_COLORS[f.severity];
    if (!color) return;
    if (!colored.has(color)) colored.set(color, []);
    colored.get(color)!.push(`A${REPORT_FIRST_ROW + i}`);
  });
  for (const [color, addresses] of colored) ops.push({ op: "fill", sheet, addresses, color });
  findings.forEach((f, i) => {
    const c = at(f);
    if (c && sheets.has(c.sheet))
      ops.push({
        op: "hyperlink",
        sheet,
        cell: `C${REPORT_FIRST_ROW + i}`,
        target: { sheet: c.sheet, address: c.address },
        text: reportCell(f),
      });
  });
  const last = Math.max(REPORT_FIRST_ROW, 3 + findings.length);
  ops.push({ op: "numberFormat", sheet, address: `E${REPORT_FIRST_ROW}:G${last}`, format: "#,##0.00" });
  // wrapped 说明 and 核实说明 get the height their lines need, so printed lines never overlap
  const heights = [
    { row: 2, height: rowHeight([[reading ?? null, 80]]) },
    ...rows.map((r, i) => ({
      row: REPORT_FIRST_ROW + i,
      height: rowHeight([
        [r[3], 80],
        [r[7], 36],
      ]),
    })),
  ].filter((h) => h.height > 15);
  if (heights.length) ops.push({ op: "rowHeight", sheet, rows: heights });
  ops.push({ op: "printSetup", sheet, orientation: "landscape", fitToWidth: true, titleRows: { first: 3, last: 3 } });
  ops.push({
    op: "columnWidth",
    sheet,
    columns: [
      { column: "A", width: 9 },
      { column: "B", width: 20 },
      { column: "C", width: 16 },
      { column: "D", width: 80 },
      { column: "E", width: 14 },
      { column: "F", width: 14 },
      { column: "G", width: 12 },
      { column: "H", width: 36 },
    ],
  });
  ops.push({ op: "alignment", sheet, address: `D2:D${Math.max(4, 3 + findings.length)}`, wrapText: true });
  ops.push({ op: "alignment", sheet, address: `H4:H${Math.max(4, 3 + findings.length)}`, wrapText: true });
  ops.push({ op: "freeze", sheet, rows: 3, columns: 0 });
  return ops;
}
