/**
 * The Office.js adapter: translates between a live workbook and the core's plain data.
 * readWorkbook: one sync (the sheets walked in tab order, every used range at once);
 * applyPlan: the whole plan in one sync (more only when the 5 MB request limit forces chunks).
 */
import { areaAddress, areaSize, columnIndex, parseArea, qualified, splitQualified } from "../core/address";
import { Cell, CellValue, Grid, SheetVisibility } from "../core/grid";
import { CellRef } from "../core/finding";
import { PlanOp, WritePlan, ledgerSheet } from "../core/plan";
import { Capabilities } from "./capabilities";

export { detectCapabilities, officeCapabilities } from "./capabilities";
export type { Capabilities } from "./capabilities";

const VISIBILITY: Record<string, SheetVisibility> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };
const TO_OFFICE_VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

/** Office returns "" for an empty cell; the core says null. */
function gridValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return JSON.stringify(v);
}

/** Excel on the web refuses requests and responses over 5 MB; stay well under it. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
/** bytes a cell costs in a read of values, formulas and number formats (CJK text is 3 bytes a character) */
const BYTES_PER_CELL = 120;

/** Options of readWorkbook and applyPlan. */
export interface AdapterOptions {
  payloadBudget?: number;
  /** How long one sync may take before the read or write gives up (SYNC_TIMEOUT_MS). */
  syncTimeoutMs?: number;
  /** What the caller (the pane's host) keeps of this workbook from one read or write to the next. */
  memory?: WorkbookMemory;
}

/** What keeps later reads of a workbook at one sync; readWorkbook and applyPlan keep it up to date. */
export interface WorkbookMemory {
  /**
   * The cells (sheet-qualified) that held notes at the last read or write: a read asks them for
   * their notes in its one batch, and needs no second sync when that accounts for every note.
   */
  notePlaces: Set<string>;
  /** The host refused calls on the null object past the last sheet: list the sheets first. */
  walkRefused: boolean;
  /** Excel would not list this workbook's merged areas (more than 512): read without them. */
  mergesRefused: boolean;
}

export function workbookMemory(): WorkbookMemory {
  return { notePlaces: new Set(), walkRefused: false, mergesRefused: false };
}

interface SheetRead {
  name: string;
  visibility: SheetVisibility;
  area?: { top: number; left: number; bottom: number; right: number };
  values: unknown[][];
  formulas: unknown[][];
  formats: unknown[][];
  merges: string[];
}

/**
 * Excel on the web can leave a sync unanswered for good (no timeout, no error), e.g. while it is
 * busy with a large workbook's first calculation: past this, the step fails with a message.
 */
export const SYNC_TIMEOUT_MS = 120_000;

/** A sync that Excel did not answer in time; the step may be tried again once Excel is idle. */
export class ExcelNotResponding extends Error {
  constructor(readonly seconds: number) {
    super(`Excel did not answer within ${seconds} s`);
    this.name = "ExcelNotResponding";
  }
}

/** context.sync() with the watchdog. */
async function sync(context: Excel.RequestContext, options: AdapterOptions): Promise<void> {
  const ms = options.syncTimeoutMs ?? SYNC_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExcelNotResponding(Math.round(ms / 1000))), ms);
  });
  try {
    await Promise.race([context.sync(), watchdog]);
  } finally {
    clearTimeout(timer);
  }
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? "";
  return /PayloadSizeLimitExceeded/.test(code) || /PayloadSizeLimitExceeded/.test(String((e as Error).message));
}

/** Sheets read in the first batch by walking the tab order; the rest of a longer workbook, by name in a second. */
export const SHEETS_PER_BATCH = 256;

type Notes = { content: string; where: { address: string } }[];
type NoteItems = (Excel.Note | Excel.Comment)[];

/**
 * Every used range with values, formulas, number formats, merged areas and notes. One sync: the
 * batch walks the sheets in tab order (getFirst, then getNextOrNullObject), so it can ask for
 * every used range without knowing the sheet names. A second sync only when the workbook holds
 * notes whose places are not known from options.memory (a note tells its cell only through
 * a call on the note itself), or more than SHEETS_PER_BATCH sheets (the rest are read by the names
 * the first batch listed). Fallbacks: a host that refuses calls on the null object past the last
 * sheet is read the older way (the sheet list, then everything); a response over the web's
 * payload limit is read in bands.
 */
export async function readWorkbook(context: Excel.RequestContext, caps: Capabilities, options: AdapterOptions = {}): Promise<Grid[]> {
  const memory = options.memory ?? workbookMemory();
  const parts = await readSomeWay(context, memory.mergesRefused ? { ...caps, mergedAreas: false } : caps, options, memory);
  const notesBySheet = new Map<string, Map<string, string>>();
  memory.notePlaces.clear();
  for (const n of parts.notes) {
    const q = splitQualified(n.where.address);
    const sheet = q.sheet ?? "";
    const cell = areaAddress(parseArea(q.address));
    if (!notesBySheet.has(sheet)) notesBySheet.set(sheet, new Map());
    notesBySheet.get(sheet)!.set(cell, n.content);
    memory.notePlaces.add(qualified(sheet, cell));
  }
  return parts.reads.map((r) => toGrid(r, notesBySheet.get(r.name)));
}

/** The walk when it can; else the read that lists the sheets first, learning why for next time. */
async function readSomeWay(
  context: Excel.RequestContext,
  caps: Capabilities,
  options: AdapterOptions,
  memory: WorkbookMemory,
): Promise<{ reads: SheetRead[]; notes: Notes }> {
  if (memory.walkRefused) return readListed(context, caps, options);
  try {
    return await readWalked(context, caps, options, memory);
  } catch (e) {
    if (e instanceof ExcelNotResponding) throw e;
    if (isPayloadError(e)) return readListed(context, caps, options, true);
    if (memory.notePlaces.size) {
      // a remembered note on a sheet since deleted may be what failed: walk again without them
      memory.notePlaces.clear();
      return readSomeWay(context, caps, options, memory);
    }
    // more than 512 merged areas, or a host that will not call methods on the null object past
    // the last sheet: the listed read tells them apart
    const listed = await readListed(context, caps, options);
    if (caps.mergedAreas && !listed.mergesRead) memory.mergesRefused = true;
    else memory.walkRefused = true;
    return listed;
  }
}

/** The notes a plan wrote or took away, and the sheets it deleted, as seen by the next read. */
function rememberNotePlaces(places: Set<string>, ops: PlanOp[]): void {
  for (const op of ops) {
    if (op.op === "note") {
      const where = qualified(op.sheet, areaAddress(parseArea(op.cell)));
      if (op.text === null) places.delete(where);
      else places.add(where);
    } else if (op.op === "deleteSheet") {
      for (const where of places) if (splitQualified(where).sheet === op.sheet) places.delete(where);
    }
  }
}

function noteCollectionOf(context: Excel.RequestContext, caps: Capabilities): Excel.NoteCollection | Excel.CommentCollection | undefined {
  return caps.notes ? context.workbook.notes : caps.comments ? context.workbook.comments : undefined;
}

function loadNoteLocations(items: NoteItems): Notes {
  return items.map((n) => {
    const where = n.getLocation();
    where.load("address");
    return { content: n.content, where };
  });
}

function loadMerges(caps: Capabilities, used: Excel.Range): Excel.RangeAreas | undefined {
  const merges = caps.mergedAreas ? used.getMergedAreasOrNullObject() : undefined;
  merges?.load("areas/items/address");
  return merges;
}

function mergeList(m: Excel.RangeAreas | undefined): string[] {
  return m && !m.isNullObject ? m.areas.items.map((r) => areaAddress(parseArea(splitQualified(r.address).address))) : [];
}

type SheetInfo = { name: string; visibility: SheetVisibility };
type UsedRead = { used: Excel.Range; merges?: Excel.RangeAreas };

/** A loaded worksheet's name and visibility. */
function sheetInfo(ws: Excel.Worksheet): SheetInfo {
  return { name: ws.name, visibility: VISIBILITY[ws.visibility] ?? "visible" };
}

/** Queue the read of a sheet's used range: values, formulas, number formats and merged areas. */
function queueUsed(caps: Capabilities, ws: Excel.Worksheet): UsedRead {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("address,values,formulas,numberFormat");
  return { used, merges: loadMerges(caps, used) };
}

function usedRead(info: SheetInfo, { used, merges }: UsedRead): SheetRead {
  return {
    ...info,
    area: used.isNullObject ? undefined : parseArea(splitQualified(used.address).address),
    values: used.isNullObject ? [] : used.values,
    formulas: used.isNullObject ? [] : used.formulas,
    formats: used.isNullObject ? [] : used.numberFormat,
    merges: mergeList(merges),
  };
}

async function readWalked(
  context: Excel.RequestContext,
  caps: Capabilities,
  options: AdapterOptions,
  memory: WorkbookMemory,
): Promise<{ reads: SheetRead[]; notes: Notes }> {
  // getFirst has no …OrNullObject form: it is there (a workbook keeps one sheet) and not nullable
  const first = context.workbook.worksheets.getFirst();
  const walk: { ws: Excel.Worksheet; used: UsedRead }[] = [];
  let ws = first;
  for (let i = 0; i < SHEETS_PER_BATCH; i++, ws = ws.getNextOrNullObject()) {
    ws.load("name,visibility");
    walk.push({ ws, used: queueUsed(caps, ws) });
  }
  const beyond = ws; // the sheet after the walk, if any
  // the names too, so that a longer workbook needs one more batch, not one per SHEETS_PER_BATCH
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const noteCollection = noteCollectionOf(context, caps);
  noteCollection?.load("items/content");
  // the cells that held notes at the last read or write: if they hold them all, their places are known
  const probes = caps.notes
    ? [...memory.notePlaces].map((address) => {
        const note = context.workbook.notes.getItemOrNullObject(address);
        note.load("content");
        return { address, note };
      })
    : [];
  await sync(context, options);
  const reads: SheetRead[] = [];
  for (const w of walk) {
    if (w.ws !== first && w.ws.isNullObject) break;
    reads.push(usedRead(sheetInfo(w.ws), w.used));
  }
  // the second batch, only if needed: the sheets past the walk, and where the notes sit
  const rest = beyond.isNullObject ? [] : sheets.items.slice(reads.length).map((s) => ({ info: sheetInfo(s), used: queueUsed(caps, sheets.getItem(s.name)) }));
  const noteItems: NoteItems = noteCollection?.items ?? [];
  const found = probes.filter((p) => !p.note.isNullObject);
  const placed = found.length === noteItems.length;
  const notes = placed ? found.map((p) => ({ content: p.note.content, where: { address: p.address } })) : loadNoteLocations(noteItems);
  if (rest.length || (!placed && notes.length)) await sync(context, options);
  for (const r of rest) reads.push(usedRead(r.info, r.used));
  return { reads, notes };
}

/**
 * The read that lists the sheets first: two syncs. With `inBands`, straight to the band read.
 * mergesRead: whether merged areas could be read (Excel lists at most 512 at once).
 */
async function readListed(
  context: Excel.RequestContext,
  caps: Capabilities,
  options: AdapterOptions,
  inBands = false,
): Promise<{ reads: SheetRead[]; notes: Notes; mergesRead: boolean }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const noteCollection = noteCollectionOf(context, caps);
  noteCollection?.load("items/content");
  await sync(context, options);
  const infos = sheets.items.map(sheetInfo);
  const noteItems: NoteItems = noteCollection?.items ?? [];
  if (inBands) return { ...(await readInBands(context, caps, infos, noteItems, options)), mergesRead: caps.mergedAreas };
  try {
    const perSheet = infos.map((info) => ({ info, used: queueUsed(caps, sheets.getItem(info.name)) }));
    const notes = loadNoteLocations(noteItems);
    await sync(context, options);
    return { reads: perSheet.map(({ info, used }) => usedRead(info, used)), notes, mergesRead: caps.mergedAreas };
  } catch (e) {
    if (e instanceof ExcelNotResponding) throw e;
    if (isPayloadError(e)) return { ...(await readInBands(context, caps, infos, noteItems, options)), mergesRead: caps.mergedAreas };
    // Excel will not list more than 512 merged areas at once: read on without merges (the
    // locator then matches headers without them), rather than not at all
    if (caps.mergedAreas) return { ...(await readListed(context, { ...caps, mergedAreas: false }, options)), mergesRead: false };
    throw e;
  }
}

/** The fallback for very large workbooks on the web: geometry first, then row bands per sync. */
async function readInBands(
  context: Excel.RequestContext,
  caps: Capabilities,
  infos: SheetInfo[],
  noteItems: NoteItems,
  options: AdapterOptions,
): Promise<{ reads: SheetRead[]; notes: Notes }> {
  const budget = options.payloadBudget ?? PAYLOAD_BUDGET;
  const sheets = context.workbook.worksheets;
  const geometry = infos.map((info) => {
    const used = sheets.getItem(info.name).getUsedRangeOrNullObject(true);
    used.load("address");
    return { info, used, merges: loadMerges(caps, used) };
  });
  const notes = loadNoteLocations(noteItems);
  await sync(context, options);
  const reads: SheetRead[] = geometry.map(({ info, used, merges }) => ({
    ...info,
    area: used.isNullObject ? undefined : parseArea(splitQualified(used.address).address),
    values: [],
    formulas: [],
    formats: [],
    merges: mergeList(merges),
  }));
  // bands of rows, several to a sync, each sync under the budget
  type Band = { read: SheetRead; range: Excel.Range };
  let batch: Band[] = [];
  let bytes = 0;
  const flush = async () => {
    if (!batch.length) return;
    await sync(context, options);
    for (const b of batch) {
      b.read.values.push(...b.range.values);
      b.read.formulas.push(...b.range.formulas);
      b.read.formats.push(...b.range.numberFormat);
    }
    batch = [];
    bytes = 0;
  };
  for (const read of reads) {
    const a = read.area;
    if (!a) continue;
    const width = a.right - a.left + 1;
    const rowsPerBand = Math.max(1, Math.floor(budget / (width * BYTES_PER_CELL)));
    for (let top = a.top; top <= a.bottom; top += rowsPerBand) {
      const bottom = Math.min(a.bottom, top + rowsPerBand - 1);
      const cost = (bottom - top + 1) * width * BYTES_PER_CELL;
      if (bytes + cost > budget) await flush();
      const range = sheets.getItem(read.name).getRange(areaAddress({ top, bottom, left: a.left, right: a.right }));
      range.load("values,formulas,numberFormat");
      batch.push({ read, range });
      bytes += cost;
    }
  }
  await flush();
  return { reads, notes };
}

function toGrid(r: SheetRead, notes: Map<string, string> | undefined): Grid {
  const grid: Grid = { sheet: r.name, origin: "A1", cells: [], merges: r.merges, visibility: r.visibility };
  const area = r.area;
  if (!area) return grid;
  grid.origin = areaAddress({ ...area, bottom: area.top, right: area.left });
  grid.cells = r.values.map((row, i) =>
    row.map((v, j) => {
      const cell: Cell = { value: gridValue(v) };
      const f = r.formulas[i][j];
      if (typeof f === "string" && f.startsWith("=")) cell.formula = f;
      const nf = r.formats[i][j];
      if (typeof nf === "string" && nf && nf !== "General") cell.numberFormat = nf;
      return cell;
    }),
  );
  for (const [address, text] of notes ?? []) {
    const p = parseArea(address);
    const cell = grid.cells[p.top - area.top]?.[p.left - area.left];
    if (cell) cell.note = text;
  }
  return grid;
}

/** Go to a cell (the findings list's click), under the same watchdog as reads and writes. */
export async function selectCell(context: Excel.RequestContext, cell: CellRef, options: AdapterOptions = {}): Promise<void> {
  const ws = context.workbook.worksheets.getItem(cell.sheet);
  ws.activate();
  ws.getRange(cell.address).select();
  await sync(context, options);
}

/** The name of the sheet the user is on. */
export async function activeSheetName(context: Excel.RequestContext, options: AdapterOptions = {}): Promise<string> {
  const ws = context.workbook.worksheets.getActiveWorksheet();
  ws.load("name");
  await sync(context, options);
  return ws.name;
}

/** Excel's column width in points for a width in characters of the default font. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Text that Excel would take for a formula ("-", "+1", "=x") or whose leading apostrophe it would
 * swallow ("'Sheet'!A1") gets Excel's text prefix, so the cell holds exactly the text.
 */
function officeValue(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "string" && /^[=+\-']/.test(v)) return `'${v}`;
  return v;
}

function filled<T>(address: string, value: T): T[][] {
  const { rows, columns } = areaSize(parseArea(address));
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => value));
}

/** Multi-area address strings short enough for getRanges (Excel fails near 8,200 characters). */
export function chunkAddresses(addresses: string[], maxChars = 4000, maxAreas = 400): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let len = 0;
  for (const a of addresses) {
    if (cur.length > 0 && (len + a.length + 1 > maxChars || cur.length >= maxAreas)) {
      out.push(cur.join(","));
      cur = [];
      len = 0;
    }
    cur.push(a);
    len += a.length + 1;
  }
  if (cur.length) out.push(cur.join(","));
  return out;
}

const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** Ops in batches whose requests stay under the payload budget (one batch for any usual plan). */
export function batchOps(ops: PlanOp[], budget = PAYLOAD_BUDGET): PlanOp[][] {
  const encoder = new TextEncoder();
  const batches: PlanOp[][] = [[]];
  let bytes = 0;
  for (const op of ops) {
    // the request carries each op's data plus object paths for every range it touches
    const cost = encoder.encode(JSON.stringify(op)).length * 1.5 + 200;
    if (bytes + cost > budget && batches[batches.length - 1].length) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1].push(op);
    bytes += cost;
  }
  return batches;
}

export async function applyPlan(context: Excel.RequestContext, plan: WritePlan, caps: Capabilities, options: AdapterOptions = {}): Promise<void> {
  const sheets = context.workbook.worksheets;
  const ws = (name: string) => sheets.getItem(name);
  // multi-area ranges where available, one range per address otherwise
  const eachRanges = (sheet: string, addresses: string[], f: (r: Excel.Range | Excel.RangeAreas) => void) => {
    if (caps.rangeAreas) for (const chunk of chunkAddresses(addresses)) f(ws(sheet).getRanges(chunk));
    else for (const a of addresses) f(ws(sheet).getRange(a));
  };

  for (const batch of batchOps(plan.ops, options.payloadBudget)) {
    // no repainting while thousands of cells change; calculation is left alone (formulas written
    // here must show their results)
    if (caps.suspendScreen) context.workbook.application.suspendScreenUpdatingUntilNextSync();
    for (const op of batch) applyOp(op);
    await sync(context, options);
  }
  if (options.memory) rememberNotePlaces(options.memory.notePlaces, plan.ops);

  function applyOp(op: PlanOp): void {
    switch (op.op) {
      case "addSheet": {
        const s = sheets.add(op.sheet);
        if (op.visibility && op.visibility !== "visible") s.visibility = TO_OFFICE_VISIBILITY[op.visibility];
        return;
      }
      case "deleteSheet":
        ws(op.sheet).delete();
        return;
      case "setValues":
        ws(op.sheet).getRange(op.address).values = op.values.map((r) => r.map(officeValue));
        return;
      case "setFormulas":
        ws(op.sheet).getRange(op.address).formulas = op.formulas;
        return;
      case "merge":
        ws(op.sheet).getRange(op.address).merge(false);
        return;
      case "numberFormat":
        ws(op.sheet).getRange(op.address).numberFormat = filled(op.address, op.format);
        return;
      case "fill":
        eachRanges(op.sheet, op.addresses, (r) => {
          if (op.color === null) r.format.fill.clear();
          else r.format.fill.color = op.color;
        });
        return;
      case "font":
        eachRanges(op.sheet, op.addresses, (r) => {
          const f = r.format.font;
          if (op.font.bold !== undefined) f.bold = op.font.bold;
          if (op.font.italic !== undefined) f.italic = op.font.italic;
          if (op.font.color !== undefined) f.color = op.font.color;
          if (op.font.size !== undefined) f.size = op.font.size;
          if (op.font.name !== undefined) f.name = op.font.name;
        });
        return;
      case "borders": {
        const borders = ws(op.sheet).getRange(op.address).format.borders;
        for (const edge of BORDER_EDGES) {
          const b = borders.getItem(edge);
          b.style = "Continuous";
          b.weight = op.style === "medium" ? "Medium" : "Thin";
        }
        return;
      }
      case "alignment": {
        const f = ws(op.sheet).getRange(op.address).format;
        if (op.horizontal) f.horizontalAlignment = H_ALIGN[op.horizontal];
        if (op.vertical) f.verticalAlignment = V_ALIGN[op.vertical];
        if (op.wrapText !== undefined) f.wrapText = op.wrapText;
        return;
      }
      case "columnWidth":
        for (const c of op.columns) {
          columnIndex(c.column); // rejects a bad column letter before Excel does
          ws(op.sheet).getRange(`${c.column}1`).format.columnWidth = charsToPoints(c.width);
        }
        return;
      case "rowHeight":
        for (const r of op.rows) ws(op.sheet).getRange(`A${r.row}`).format.rowHeight = r.height;
        return;
      case "note": {
        const where = qualified(op.sheet, op.cell);
        if (caps.notes) {
          const notes = context.workbook.notes;
          if (op.text === null) notes.getItem(where).delete();
          else if (op.existing) notes.getItem(where).content = op.text;
          else notes.add(where, op.text);
        } else if (caps.comments) {
          const comments = context.workbook.comments;
          if (op.text === null) comments.getItemByCell(where).delete();
          else if (op.existing) comments.getItemByCell(where).content = op.text;
          else comments.add(where, op.text);
        }
        // with neither, the 校验报告 sheet carries the explanation alone
        return;
      }
      case "hyperlink":
        ws(op.sheet).getRange(op.cell).hyperlink = {
          documentReference: qualified(op.target.sheet, op.target.address),
          textToDisplay: op.text,
        };
        return;
      case "dataValidation": {
        if (!caps.dataValidation) return;
        const dv = ws(op.sheet).getRange(op.address).dataValidation;
        dv.clear();
        if (op.rule.type === "list") {
          dv.rule = { list: { inCellDropDown: true, source: op.rule.values.join(",") } };
        } else {
          const { min, max } = op.rule;
          dv.rule = {
            decimal:
              min !== undefined && max !== undefined
                ? { formula1: min, formula2: max, operator: "Between" }
                : min !== undefined
                  ? { formula1: min, operator: "GreaterThanOrEqualTo" }
                  : max !== undefined
                    ? { formula1: max, operator: "LessThanOrEqualTo" }
                    : { formula1: -1e15, formula2: 1e15, operator: "Between" },
          };
        }
        dv.errorAlert = { message: op.message, showAlert: true, style: "Stop", title: "输入无效" };
        return;
      }
      case "locked":
        ws(op.sheet).getRange(op.address).format.protection.locked = op.locked;
        return;
      case "protect":
        // formatting cells and notes stay allowed so that 一键校验 can still mark a protected template
        ws(op.sheet).protection.protect({ allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true, allowEditObjects: true });
        return;
      case "chart": {
        const chart = ws(op.sheet).charts.add("Pie" as Excel.ChartType, ws(op.sheet).getRange(op.source), "Columns" as Excel.ChartSeriesBy);
        chart.title.text = op.title;
        chart.setPosition(op.anchor);
        return;
      }
      case "freeze": {
        const fp = ws(op.sheet).freezePanes;
        if (op.rows > 0 && op.columns > 0) fp.freezeAt(areaAddress({ top: 0, left: 0, bottom: op.rows - 1, right: op.columns - 1 }));
        else if (op.rows > 0) fp.freezeRows(op.rows);
        else if (op.columns > 0) fp.freezeColumns(op.columns);
        return;
      }
      case "printSetup": {
        if (!caps.pageLayout) return;
        const pl = ws(op.sheet).pageLayout;
        pl.orientation = op.orientation === "landscape" ? "Landscape" : "Portrait";
        pl.paperSize = "A4";
        if (op.fitToWidth) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (op.titleRows) pl.setPrintTitleRows(`$${op.titleRows.first}:$${op.titleRows.last}`);
        return;
      }
      case "saveFormats": {
        const ledger = sheets.add(ledgerSheet(op.id));
        ledger.visibility = "VeryHidden";
        if (op.cells.length === 0) return;
        ledger.getRange(`A1:C${op.cells.length}`).values = op.cells.map((c) => [officeValue(qualified(c.sheet, c.address)), "", officeValue(c.note)]);
        if (caps.copyFormats) {
          op.cells.forEach((c, i) => ledger.getRange(`B${i + 1}`).copyFrom(qualified(c.sheet, c.address), "Formats"));
        }
        return;
      }
      case "restoreFormats": {
        const name = ledgerSheet(op.id);
        if (caps.copyFormats) {
          op.cells.forEach((c, i) =>
            ws(c.sheet)
              .getRange(c.address)
              .copyFrom(qualified(name, `B${i + 1}`), "Formats"),
          );
        } else {
          // before ExcelApi 1.9 formats cannot be copied: take the marks off (no fill, automatic colour)
          const bySheet = new Map<string, string[]>();
          for (const c of op.cells) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c.address]);
          for (const [sheet, addresses] of bySheet) {
            eachRanges(sheet, addresses, (r) => {
              r.format.fill.clear();
              r.format.font.color = "#000000";
            });
          }
        }
        ws(name).delete();
        return;
      }
    }
  }
}
