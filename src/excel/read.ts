/** readWorkbook: the sheets walked in tab order, every used range (values, formulas, formats, merges, notes) in one sync. */
import { areaAddress, parseArea, qualified, splitQualified } from "../core/address";
import { Cell, CellValue, Grid, SheetVisibility } from "../core/grid";
import { CellRef } from "../core/finding";
import { Capabilities } from "./capabilities";
import { AdapterOptions, BYTES_PER_CELL, ExcelNotResponding, PAYLOAD_BUDGET, WorkbookMemory, isPayloadError, sync, workbookMemory } from "./sync";

const VISIBILITY: Record<string, SheetVisibility> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/** Office returns "" for an empty cell; the core says null. */
function gridValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  return JSON.stringify(v);
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
