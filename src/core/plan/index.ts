/**
 * The seam's output: a WritePlan is a list of plain operations that both adapters execute in bulk.
 * The core computes plans; adapters never decide anything, they only translate.
 */
import { CellValue, Grid } from "../grid";
import { CellRef } from "../finding";

/** "#RRGGBB". */
export type Color = string;

export interface FontSpec {
  bold?: boolean;
  italic?: boolean;
  color?: Color;
  size?: number;
  name?: string;
}

export type HorizontalAlignment = "left" | "center" | "right";
export type VerticalAlignment = "top" | "middle" | "bottom";

export type ValidationRule = { type: "decimal"; min?: number; max?: number } | { type: "list"; values: string[] };

export type PlanOp =
  | { op: "addSheet"; sheet: string; visibility?: "visible" | "hidden" | "veryHidden" }
  | { op: "deleteSheet"; sheet: string }
  | { op: "setValues"; sheet: string; address: string; values: CellValue[][] }
  | { op: "setFormulas"; sheet: string; address: string; formulas: string[][] }
  | { op: "merge"; sheet: string; address: string }
  | { op: "numberFormat"; sheet: string; address: string; format: string }
  /** color null clears the fill. Addresses are grouped so an adapter can use one multi-area range. */
  | { op: "fill"; sheet: string; addresses: string[]; color: Color | null }
  | { op: "font"; sheet: string; addresses: string[]; font: FontSpec }
  | { op: "borders"; sheet: string; address: string; style: "thin" | "medium" }
  | { op: "alignment"; sheet: string; address: string; horizontal?: HorizontalAlignment; vertical?: VerticalAlignment; wrapText?: boolean }
  /** width in characters of the default font, as Excel shows it */
  | { op: "columnWidth"; sheet: string; columns: { column: string; width: number }[] }
  /** a pie chart of `source` (labels | values), its top-left corner at `anchor`; Excel only (files get none) */
  | { op: "chart"; sheet: string; kind: "pie"; source: string; title: string; anchor: string }
  /** height in points; rows are 1-based as Excel numbers them */
  | { op: "rowHeight"; sheet: string; rows: { row: number; height: number }[] }
  /** text null removes the note; `existing` says the cell has one now (Office edits rather than adds). */
  | { op: "note"; sheet: string; cell: string; text: string | null; existing?: boolean }
  | { op: "hyperlink"; sheet: string; cell: string; target: CellRef; text: string }
  | { op: "dataValidation"; sheet: string; address: string; rule: ValidationRule; message: string }
  | { op: "locked"; sheet: string; address: string; locked: boolean }
  | { op: "protect"; sheet: string }
  | { op: "freeze"; sheet: string; rows: number; columns: number }
  /** `onePage`: the whole sheet on one page; `centered`: horizontally on the page; `pageNumbers`: "第 N 页，共 M 页" in the footer */
  | {
      op: "printSetup";
      sheet: string;
      orientation: "landscape" | "portrait";
      fitToWidth: boolean;
      titleRows?: { first: number; last: number };
      onePage?: boolean;
      centered?: boolean;
      pageNumbers?: boolean;
    }
  /**
   * Copy the formats (fill, font, borders, number format) and note of each cell to a new very hidden
   * ledger sheet named `sheet`, row i ↔ cells[i], so that they can be restored later.
   */
  | { op: "saveFormats"; sheet: string; cells: SavedCell[] }
  /** Copy the ledger's formats back onto its cells (row i ↔ cells[i]), then delete the ledger sheet. */
  | { op: "restoreFormats"; sheet: string; cells: CellRef[] };

export interface SavedCell extends CellRef {
  /** the note the cell had before marking (null: none) */
  note: string | null;
}

/** The footer a printed page carries (Excel's codes: &P the page, &N the pages). */
export const PAGE_FOOTER = "&C第 &P 页，共 &N 页";

export interface WritePlan {
  ops: PlanOp[];
}

const LEDGER_PREFIX = "_juesuan_";

/** The name a ledger of `id` is first given (a name the accountant already uses gets a suffix: ledgerName). */
export function ledgerSheet(id: string): string {
  return `${LEDGER_PREFIX}${id}`.slice(0, 31);
}

export const REPORT_SHEET = "校验报告";
export const SCORE_REPORT_SHEET = "评分报告";

/** The very hidden sheet that lists the sheets we wrote (kind | name): ours by identity, not by name. */
export const OWN_SHEETS = ledgerSheet("sheets");
const LEDGER_ENTRY = "ledger:";

/** `base`, else base(2), base(3) … — the first name no sheet has (Excel compares names without case). */
export function freeSheetName(grids: Grid[], base: string): string {
  const taken = new Set(grids.map((g) => g.sheet.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}(${n})`;
  return name;
}

/** Our list of our sheets: a very hidden sheet under its name (or a suffixed one, where the accountant took the name). */
export function registrySheet(grids: Grid[]): Grid | undefined {
  return grids.find((g) => g.visibility === "veryHidden" && (g.sheet === OWN_SHEETS || g.sheet.startsWith(`${OWN_SHEETS}(`)));
}

/** Every entry of the list as written: report entries ("marks" → "校验报告(2)") and ledger entries ("ledger:marks" → "_juesuan_marks"). */
function registryEntries(grids: Grid[]): Map<string, string> | undefined {
  const registry = registrySheet(grids);
  if (!registry) return undefined;
  const out = new Map<string, string>();
  for (const row of registry.cells) if (typeof row[0]?.value === "string" && typeof row[1]?.value === "string") out.set(row[0].value, row[1].value);
  return out;
}

/** The report sheets we wrote, by the ledger id of their marks ("marks" → "校验报告(2)"). */
export function ownReports(grids: Grid[]): Map<string, string> {
  const out = new Map<string, string>();
  const entries = registryEntries(grids);
  if (entries) {
    for (const [k, v] of entries) if (!k.startsWith(LEDGER_ENTRY)) out.set(k, v);
    return out;
  }
  // a workbook marked before the list existed: its report is ours where our ledger sits beside it
  const names = new Set(grids.map((g) => g.sheet));
  for (const [id, report] of [
    ["marks", REPORT_SHEET],
    ["score", SCORE_REPORT_SHEET],
  ])
    if (names.has(ledgerSheet(id)) && names.has(report)) out.set(id, report);
  return out;
}

/**
 * Our ledgers by id: listed in our list, or — written before ledgers were listed — a very hidden
 * sheet under the ledger's own name. A visible or hidden sheet the accountant named so is theirs.
 */
export function ownLedgers(grids: Grid[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of registryEntries(grids) ?? []) if (k.startsWith(LEDGER_ENTRY)) out.set(k.slice(LEDGER_ENTRY.length), v);
  for (const g of grids)
    if (g.visibility === "veryHidden" && g.sheet.startsWith(LEDGER_PREFIX) && g !== registrySheet(grids)) {
      const id = g.sheet.slice(LEDGER_PREFIX.length);
      if (!out.has(id) && ![...out.values()].includes(g.sheet)) out.set(id, g.sheet);
    }
  return out;
}

/** The ledger of `id`: ours where it is, else a name no sheet has. */
export function ledgerName(grids: Grid[], id: string): string {
  return ownLedgers(grids).get(id) ?? freeSheetName(grids, ledgerSheet(id));
}

/** Our list written as it will be: reports and ledgers by id. */
export function registryRows(reports: Map<string, string>, ledgers: Map<string, string>): string[][] {
  return [...[...reports].map(([id, name]) => [id, name]), ...[...ledgers].map(([id, name]) => [`${LEDGER_ENTRY}${id}`, name])];
}

/** The sheets the add-in wrote itself (never read as the accountant's tables); a user's own 校验报告 or _juesuan_marks is not one of them. */
export function ownSheets(grids: Grid[]): Set<string> {
  const own = new Set([...ownReports(grids).values(), ...ownLedgers(grids).values()]);
  const registry = registrySheet(grids);
  if (registry) own.add(registry.sheet);
  return new Set(grids.filter((g) => own.has(g.sheet)).map((g) => g.sheet));
}

/** The workbook without the sheets the add-in wrote. */
export function accountantsSheets(grids: Grid[]): Grid[] {
  const own = ownSheets(grids);
  return grids.filter((g) => !own.has(g.sheet));
}
