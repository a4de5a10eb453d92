/**
 * A fake Excel host with Office.js semantics, over the in-memory FakeWorkbook:
 * - proxies queue commands; nothing reaches the workbook before `context.sync()`;
 * - reading a property that was not loaded and synced throws PropertyNotLoaded;
 * - every sync is counted, with its request and response payload in bytes;
 * - a request or response over 5 MB fails like Excel on the web (RequestPayloadSizeLimitExceeded);
 * - each API checks the ExcelApi requirement set it belongs to, so fallbacks can be tested.
 * Only the subset of the Excel API that src/excel uses is implemented.
 */
import { Area, areaAddress, areaCells, areaSize, parseArea, parseCell, splitQualified } from "../../src/core/address";
import { CellValue } from "../../src/core/grid";
import { EDGES, storeTyped, FakeCell, FakeFormat, FakeSheet, FakeWorkbook, cloneFormat, defaultFormat } from "./model";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export class FakeOfficeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

const notLoaded = (prop: string) =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export interface SyncRecord {
  commands: number;
  requestBytes: number;
  responseBytes: number;
}

export interface HostOptions {
  /** highest ExcelApi requirement set this host supports, e.g. "1.7" (Office 2019) or "1.18" */
  apiVersion?: string;
  payloadLimit?: number;
  /**
   * What a method called on a null object (…OrNullObject that found nothing) does at sync.
   * "propagate" (default): it yields a null object too, and loads on it yield nothing;
   * "throw": the batch fails with ItemNotFound. The docs do not say which; the adapter must work under both.
   */
  nullObjectMethods?: "propagate" | "throw";
}

function versionAtLeast(have: string, need: string): boolean {
  const [a1, a2] = have.split(".").map(Number);
  const [b1, b2] = need.split(".").map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

interface Command {
  bytes: number;
  /** returns the response bytes it produced */
  run: () => number;
}

/** UTF-8 bytes of the JSON a real request would carry. */
const utf8 = new TextEncoder();
const sizeOf = (v: unknown): number => (v === undefined ? 0 : utf8.encode(JSON.stringify(v) ?? "").length);
const COMMAND_OVERHEAD = 60;

export class FakeExcelHost {
  readonly workbook: FakeWorkbook;
  readonly apiVersion: string;
  readonly payloadLimit: number;
  readonly nullObjectMethods: "propagate" | "throw";
  syncs: SyncRecord[] = [];
  /** Syncs still to leave unanswered, as Excel on the web can when busy: they never settle. */
  hangSyncs = 0;
  /** The pages Office.context.ui.displayDialogAsync was asked to open. */
  readonly dialogs: string[] = [];
  /** Batches that suspended screen updating. */
  screenSuspensions = 0;
  /** The options each Excel.run was given (undefined: none). */
  runOptions: (Record<string, unknown> | undefined)[] = [];

  constructor(workbook = new FakeWorkbook(), options: HostOptions = {}) {
    this.workbook = workbook;
    this.apiVersion = options.apiVersion ?? "1.18";
    this.payloadLimit = options.payloadLimit ?? PAYLOAD_LIMIT;
    this.nullObjectMethods = options.nullObjectMethods ?? "propagate";
  }

  /** A method was called on a null object: undefined (a null result) or, on a strict host, an error. */
  onNull(what: string): undefined {
    if (this.nullObjectMethods === "throw") throw new FakeOfficeError("ItemNotFound", `${what} was called on a null object`);
    return undefined;
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  resetCounters(): void {
    this.syncs = [];
  }

  isSetSupported(name: string, version = "1.1"): boolean {
    return name === "ExcelApi" && versionAtLeast(this.apiVersion, version);
  }

  requires(version: string, api: string): void {
    if (!this.isSetSupported("ExcelApi", version)) {
      throw new FakeOfficeError("ApiNotFound", `${api} needs ExcelApi ${version}; this host has ${this.apiVersion}`);
    }
  }

  /** Excel.run(batch) and Excel.run(options, batch). */
  run = async <T>(a: unknown, b?: unknown): Promise<T> => {
    const batch = (typeof a === "function" ? a : b) as (ctx: FakeRequestContext) => Promise<T>;
    this.runOptions.push(typeof a === "function" ? undefined : (a as Record<string, unknown>));
    const ctx = new FakeRequestContext(this);
    const result = await batch(ctx);
    if (ctx.pendingCount > 0) {
      throw new FakeOfficeError("GeneralException", `${ctx.pendingCount} queued command(s) were never synced`);
    }
    return result;
  };

  /** The `Excel` global the page and the adapter see. */
  excelNamespace(): { run: FakeExcelHost["run"]; RequestContext: unknown } {
    return { run: this.run, RequestContext: FakeRequestContext };
  }

  /** The `Office` global: onReady resolves at once, requirements come from apiVersion. */
  officeNamespace(): Record<string, unknown> {
    return {
      onReady: (cb?: (info: { host: string; platform: string }) => void) => {
        const info = { host: "Excel", platform: "PC" };
        cb?.(info);
        return Promise.resolve(info);
      },
      HostType: { Excel: "Excel" },
      context: {
        requirements: { isSetSupported: (n: string, v?: string) => this.isSetSupported(n, v) },
        displayLanguage: "zh-CN",
        ui: {
          displayDialogAsync: (url: string, _options: unknown, callback?: (r: { status: string }) => void) => {
            this.dialogs.push(url);
            callback?.({ status: "succeeded" });
          },
        },
      },
      actions: { associate: () => undefined },
    };
  }
}

export class FakeRequestContext {
  private pending: Command[] = [];
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(readonly host: FakeExcelHost) {
    this.workbook = new WorkbookProxy(this);
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Queue a command; `run` may return the response bytes it produced. */
  enqueue(bytes: number, run: () => unknown): void {
    this.pending.push({
      bytes: bytes + COMMAND_OVERHEAD,
      run: () => {
        const r = run();
        return typeof r === "number" ? r : 0;
      },
    });
  }

  async sync(): Promise<void> {
    const commands = this.pending;
    this.pending = [];
    const requestBytes = commands.reduce((s, c) => s + c.bytes, 0);
    const record: SyncRecord = { commands: commands.length, requestBytes, responseBytes: 0 };
    this.host.syncs.push(record);
    if (this.host.hangSyncs > 0) {
      this.host.hangSyncs--;
      return new Promise<void>(() => undefined);
    }
    // a real round trip is asynchronous: nothing the batch queued is visible before this point
    await Promise.resolve();
    if (requestBytes > this.host.payloadLimit) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `request of ${requestBytes} bytes exceeds the payload limit`);
    }
    for (const c of commands) record.responseBytes += c.run();
    if (record.responseBytes > this.host.payloadLimit) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `response of ${record.responseBytes} bytes exceeds the payload limit`);
    }
  }
}

/** Base of every proxy: load/sync bookkeeping and the PropertyNotLoaded rule. */
abstract class ClientObject {
  readonly loaded = new Map<string, unknown>();
  constructor(readonly context: FakeRequestContext) {}

  get host(): FakeExcelHost {
    return this.context.host;
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  /** A property write: queued, applied at sync. */
  protected write(prop: string, value: unknown, apply: () => void): void {
    this.context.enqueue(prop.length + sizeOf(value), () => {
      apply();
    });
  }

  /** Snapshot of the named scalar properties at sync time (undefined: a null object, nothing loaded). */
  protected abstract snapshot(props: string[]): Record<string, unknown> | undefined;

  /** Navigation properties that load() may traverse ("format/fill/color"). */
  protected navigation(name: string): ClientObject | undefined {
    void name;
    return undefined;
  }

  load(spec?: string | string[] | { select?: string }): this {
    const list = (typeof spec === "string" ? spec.split(",") : Array.isArray(spec) ? spec : (spec?.select ?? "").split(","))
      .map((s) => s.trim())
      .filter(Boolean);
    if (list.length === 0) throw new FakeOfficeError("InvalidArgument", "load() without property names is not supported by this fake");
    const direct: string[] = [];
    const nested = new Map<string, string[]>();
    for (const path of list) {
      const i = path.indexOf("/");
      if (i < 0) direct.push(path);
      else nested.set(path.slice(0, i), [...(nested.get(path.slice(0, i)) ?? []), path.slice(i + 1)]);
    }
    for (const [nav, rest] of nested) {
      const child = this.navigation(nav);
      if (!child) throw new FakeOfficeError("InvalidArgument", `cannot load navigation '${nav}'`);
      child.load(rest);
    }
    if (direct.length > 0) {
      this.context.enqueue(sizeOf(direct), () => {
        const snap = this.snapshot(direct);
        if (!snap) return 0;
        for (const p of direct) this.loaded.set(p, snap[p]);
        return sizeOf(snap);
      });
    }
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** Proxies that may stand for nothing (…OrNullObject); isNullObject is known after the next sync. */
abstract class NullableObject extends ClientObject {
  protected trackNull(resolves: () => boolean): void {
    this.context.enqueue(0, () => {
      this.loaded.set("isNullObject", !resolves());
      return 8;
    });
  }
  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }
}

// ───────────────────────────── workbook and sheets ─────────────────────────────

class WorkbookProxy extends ClientObject {
  readonly worksheets: WorksheetCollectionProxy;
  readonly application: ApplicationProxy;
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.application = new ApplicationProxy(ctx);
  }
  get notes(): NoteCollectionProxy {
    this.host.requires("1.18", "Workbook.notes");
    return new NoteCollectionProxy(this.context, undefined);
  }
  get comments(): CommentCollectionProxy {
    this.host.requires("1.10", "Workbook.comments");
    return new CommentCollectionProxy(this.context, undefined);
  }
  protected snapshot(): Record<string, unknown> {
    return {};
  }
}

class ApplicationProxy extends ClientObject {
  suspendApiCalculationUntilNextSync(): void {
    this.host.requires("1.6", "suspendApiCalculationUntilNextSync");
    this.context.enqueue(10, () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.host.requires("1.9", "suspendScreenUpdatingUntilNextSync");
    this.context.enqueue(10, () => {
      this.host.screenSuspensions++;
    });
  }
  protected snapshot(): Record<string, unknown> {
    return {};
  }
}

class WorksheetCollectionProxy extends ClientObject {
  private itemsLoaded?: WorksheetProxy[];
  private itemProps: string[] = [];

  get items(): WorksheetProxy[] {
    if (!this.itemsLoaded) throw notLoaded("items");
    return this.itemsLoaded;
  }

  protected navigation(name: string): ClientObject | undefined {
    if (name !== "items") return undefined;
    // "items/name": remember the item properties; the items themselves appear at sync
    const self = this;
    return new (class extends ClientObject {
      load(spec?: string | string[]): this {
        const props = typeof spec === "string" ? spec.split(",") : (spec as string[]);
        self.itemProps.push(...props.map((p) => p.trim()));
        self.context.enqueue(sizeOf(props), () => {
          self.itemsLoaded = self.host.workbook.sheets.map((s) => {
            const ws = new WorksheetProxy(self.context, () => self.host.workbook.sheet(s.name));
            ws.preload(s, self.itemProps);
            return ws;
          });
          return sizeOf(self.itemsLoaded.map((w) => w.toJSON()));
        });
        return this;
      }
      protected snapshot(): Record<string, unknown> {
        return {};
      }
    })(this.context);
  }

  protected snapshot(props: string[]): Record<string, unknown> {
    throw new FakeOfficeError("InvalidArgument", `load items/… on a collection, not ${props.join(",")}`);
  }

  getItem(name: string): WorksheetProxy {
    this.context.enqueue(name.length, () => {
      if (!this.host.workbook.sheet(name)) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet '${name}'`);
    });
    return new WorksheetProxy(this.context, () => this.host.workbook.sheet(name));
  }

  /** The first sheet in tab order (ExcelApi 1.5). */
  getFirst(visibleOnly = false): WorksheetProxy {
    this.host.requires("1.5", "WorksheetCollection.getFirst");
    const first = () => this.host.workbook.sheets.find((s) => !visibleOnly || s.visibility === "Visible");
    this.context.enqueue(10, () => {
      if (!first()) throw new FakeOfficeError("ItemNotFound", "the workbook has no worksheet");
    });
    return new WorksheetProxy(this.context, first);
  }

  getActiveWorksheet(): WorksheetProxy {
    const wb = this.host.workbook;
    return new WorksheetProxy(this.context, () => (wb.active ? wb.sheet(wb.active) : wb.sheets[0]));
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.context, () => this.host.workbook.sheet(name));
    ws.trackNullSheet();
    return ws;
  }

  add(name: string): WorksheetProxy {
    this.context.enqueue(name.length, () => {
      if (this.host.workbook.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named '${name}' already exists`);
      if (name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new FakeOfficeError("InvalidArgument", `invalid worksheet name '${name}'`);
      this.host.workbook.addSheet(name);
    });
    return new WorksheetProxy(this.context, () => this.host.workbook.sheet(name));
  }
}

export class WorksheetProxy extends NullableObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolveSheet: () => FakeSheet | undefined,
  ) {
    super(ctx);
  }

  trackNullSheet(): void {
    this.trackNull(() => this.resolveSheet() !== undefined);
  }

  /** Set loaded properties directly (collection loads). */
  preload(sheet: FakeSheet, props: string[]): void {
    const snap = this.snapshotOf(sheet, props);
    for (const p of props) this.loaded.set(p, snap[p]);
  }

  sheet(): FakeSheet {
    const s = this.resolveSheet();
    if (!s) throw new FakeOfficeError("ItemNotFound", "The requested worksheet doesn't exist");
    return s;
  }

  private snapshotOf(s: FakeSheet, props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === "name") out.name = s.name;
      else if (p === "visibility") out.visibility = s.visibility;
      else if (p === "position") out.position = this.host.workbook.sheets.indexOf(s);
      else if (p === "id") out.id = `{${s.name}}`;
      else throw new FakeOfficeError("InvalidArgument", `Worksheet has no property '${p}' in this fake`);
    }
    return out;
  }

  protected snapshot(props: string[]): Record<string, unknown> | undefined {
    const s = this.resolveSheet();
    if (!s) return undefined;
    return this.snapshotOf(s, props);
  }

  get name(): string {
    return this.read("name");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(v: string) {
    this.write("visibility", v, () => {
      this.sheet().visibility = v as FakeSheet["visibility"];
    });
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, this, () => (address ? [parseArea(address)] : [{ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }]));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    this.host.requires("1.7", "getRangeByIndexes");
    return new RangeProxy(this.context, this, () => [{ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }]);
  }

  getRanges(address: string): RangeAreasProxy {
    this.host.requires("1.9", "Worksheet.getRanges");
    const areas = address.split(",").map((a) => parseArea(a.trim()));
    return new RangeAreasProxy(this.context, this, () => areas);
  }

  /** The sheet after this one in tab order (ExcelApi 1.5); throws at sync after the last one. */
  getNext(visibleOnly = false): WorksheetProxy {
    this.host.requires("1.5", "Worksheet.getNext");
    const next = this.nextSheet(visibleOnly);
    this.context.enqueue(10, () => {
      if (!next()) throw new FakeOfficeError("ItemNotFound", "there is no worksheet after this one");
    });
    return new WorksheetProxy(this.context, next);
  }

  /** The sheet after this one, or a null object after the last one (ExcelApi 1.5). */
  getNextOrNullObject(visibleOnly = false): WorksheetProxy {
    this.host.requires("1.5", "Worksheet.getNextOrNullObject");
    const ws = new WorksheetProxy(this.context, this.nextSheet(visibleOnly));
    ws.trackNullSheet();
    return ws;
  }

  private nextSheet(visibleOnly: boolean): () => FakeSheet | undefined {
    return () => {
      const s = this.resolveSheet();
      if (!s) return this.host.onNull("Worksheet.getNext…");
      const sheets = this.host.workbook.sheets;
      return sheets.slice(sheets.indexOf(s) + 1).find((x) => !visibleOnly || x.visibility === "Visible");
    };
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, this, () => [this.sheet().usedArea(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 }]);
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    this.host.requires("1.4", "getUsedRangeOrNullObject");
    const r = new RangeProxy(this.context, this, () => {
      const s = this.resolveSheet();
      if (!s) return this.host.onNull("Worksheet.getUsedRangeOrNullObject");
      const a = s.usedArea(valuesOnly);
      return a ? [a] : undefined;
    });
    r.trackRangeNull();
    return r;
  }

  delete(): void {
    this.context.enqueue(10, () => {
      const s = this.sheet();
      this.host.workbook.sheets = this.host.workbook.sheets.filter((x) => x !== s);
    });
  }

  activate(): void {
    this.context.enqueue(10, () => {
      this.host.workbook.active = this.sheet().name;
    });
  }

  get charts(): ChartCollectionProxy {
    this.host.requires("1.1", "Worksheet.charts");
    return new ChartCollectionProxy(this.context, this);
  }

  get freezePanes(): FreezePanesProxy {
    this.host.requires("1.7", "Worksheet.freezePanes");
    return new FreezePanesProxy(this.context, this);
  }

  get protection(): ProtectionProxy {
    this.host.requires("1.2", "Worksheet.protection");
    return new ProtectionProxy(this.context, this);
  }

  get pageLayout(): PageLayoutProxy {
    this.host.requires("1.9", "Worksheet.pageLayout");
    return new PageLayoutProxy(this.context, this);
  }

  get notes(): NoteCollectionProxy {
    this.host.requires("1.18", "Worksheet.notes");
    return new NoteCollectionProxy(this.context, this);
  }

  get comments(): CommentCollectionProxy {
    this.host.requires("1.10", "Worksheet.comments");
    return new CommentCollectionProxy(this.context, this);
  }
}

// ───────────────────────────── ranges ─────────────────────────────

/** Cell values as Office returns them: "" for empty, the formula's cached value for formulas. */
function officeValue(c: FakeCell | undefined): CellValue {
  if (!c || c.value === null) return "";
  return c.value;
}

function uniform<T>(values: T[]): T | null {
  if (values.length === 0) return null;
  return values.every((v) => v === values[0]) ? values[0] : null;
}

function checkDims(area: Area, v: unknown, prop: string): unknown[][] {
  const { rows, columns } = areaSize(area);
  if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== columns)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array for '${prop}' doesn't match the size or dimensions of the range (${rows}×${columns}).`,
    );
  }
  return v as unknown[][];
}

const MAX_READ_CELLS = 5_000_000;

/** A Range or RangeAreas: a list of areas on one sheet, resolved at sync. */
abstract class AreasObject extends NullableObject {
  constructor(
    ctx: FakeRequestContext,
    readonly worksheetProxy: WorksheetProxy,
    private readonly resolveAreas: () => Area[] | undefined,
  ) {
    super(ctx);
  }

  trackRangeNull(): void {
    this.trackNull(() => this.resolveAreas() !== undefined);
  }

  target(): { sheet: FakeSheet; areas: Area[] } {
    const sheet = this.worksheetProxy.sheet();
    const areas = this.resolveAreas();
    if (!areas) throw new FakeOfficeError("ItemNotFound", "The range is a null object");
    return { sheet, areas };
  }

  *targetCells(): Generator<{ sheet: FakeSheet; row: number; col: number }> {
    const { sheet, areas } = this.target();
    for (const a of areas) for (const p of areaCells(a)) yield { sheet, row: p.row, col: p.col };
  }

  /** Apply a format change to every cell of every area. */
  editFormats(edit: (f: FakeFormat, row: number, col: number, area: Area) => void): void {
    const { sheet, areas } = this.target();
    for (const a of areas) for (const p of areaCells(a)) edit(sheet.formatForWrite(p.row, p.col), p.row, p.col, a);
  }

  readFormats(): FakeFormat[] {
    const { sheet, areas } = this.target();
    const out: FakeFormat[] = [];
    for (const a of areas) for (const p of areaCells(a)) out.push(sheet.format(p.row, p.col));
    return out;
  }

  get format(): FormatProxy {
    return new FormatProxy(this.context, this);
  }

  protected navigation(name: string): ClientObject | undefined {
    if (name === "format") return this.format;
    return undefined;
  }

  get address(): string {
    return this.read("address");
  }

  protected addressOf(): string {
    const { sheet, areas } = this.target();
    return areas.map((a) => sheet.address(a)).join(",");
  }
}

export class RangeProxy extends AreasObject {
  private area(): { sheet: FakeSheet; area: Area } {
    const { sheet, areas } = this.target();
    return { sheet, area: areas[0] };
  }

  /** Set loaded properties at once (collection loads run inside a sync already). */
  preloadNow(props: string[]): void {
    const snap = this.snapshot(props);
    if (snap) for (const p of props) this.loaded.set(p, snap[p]);
  }

  protected snapshot(props: string[]): Record<string, unknown> | undefined {
    if (this.loaded.get("isNullObject") === true) return undefined;
    const { sheet, area } = this.area();
    const { rows, columns } = areaSize(area);
    const grid = <T>(f: (c: FakeCell | undefined, row: number, col: number) => T): T[][] => {
      if (rows * columns > MAX_READ_CELLS) throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "range read over 5,000,000 cells");
      return Array.from({ length: rows }, (_, i) =>
        Array.from({ length: columns }, (_, j) => f(sheet.cell(area.top + i, area.left + j), area.top + i, area.left + j)),
      );
    };
    const out: Record<string, unknown> = {};
    for (const p of props) {
      switch (p) {
        case "address":
          out.address = sheet.address(area);
          break;
        case "values":
          out.values = grid((c) => officeValue(c));
          break;
        case "formulas":
          out.formulas = grid((c) => c?.formula ?? officeValue(c));
          break;
        case "numberFormat":
          out.numberFormat = grid((_c, r, col) => sheet.format(r, col).numberFormat);
          break;
        case "rowCount":
          out.rowCount = rows;
          break;
        case "columnCount":
          out.columnCount = columns;
          break;
        case "rowIndex":
          out.rowIndex = area.top;
          break;
        case "columnIndex":
          out.columnIndex = area.left;
          break;
        case "hyperlink":
          out.hyperlink = sheet.cell(area.top, area.left)?.hyperlink ?? null;
          break;
        default:
          throw new FakeOfficeError("InvalidArgument", `Range has no property '${p}' in this fake`);
      }
    }
    return out;
  }

  get values(): CellValue[][] {
    return this.read("values");
  }
  set values(v: CellValue[][]) {
    this.write("values", v, () => {
      const { sheet, area } = this.area();
      const rows = checkDims(area, v, "values");
      rows.forEach((r, i) => r.forEach((val, j) => storeTyped(sheet.touch(area.top + i, area.left + j), val as CellValue)));
    });
  }

  get formulas(): string[][] {
    return this.read("formulas");
  }
  set formulas(v: string[][]) {
    this.write("formulas", v, () => {
      const { sheet, area } = this.area();
      const rows = checkDims(area, v, "formulas");
      rows.forEach((r, i) =>
        r.forEach((f, j) => {
          const c = sheet.touch(area.top + i, area.left + j);
          if (typeof f === "string" && f.startsWith("=")) {
            c.formula = f;
            c.value = null; // a real host recalculates; the fake keeps no cached result
          } else {
            delete c.formula;
            c.value = f === "" ? null : (f as CellValue);
          }
        }),
      );
    });
  }

  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.write("numberFormat", v, () => {
      const { sheet, area } = this.area();
      const rows = checkDims(area, v, "numberFormat");
      rows.forEach((r, i) => r.forEach((f, j) => (sheet.formatForWrite(area.top + i, area.left + j).numberFormat = String(f))));
    });
  }

  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }

  get hyperlink(): FakeCell["hyperlink"] {
    return this.read("hyperlink");
  }
  set hyperlink(h: FakeCell["hyperlink"]) {
    this.host.requires("1.7", "Range.hyperlink");
    this.write("hyperlink", h, () => {
      const { sheet, area } = this.area();
      for (const p of areaCells(area)) {
        const c = sheet.touch(p.row, p.col);
        c.hyperlink = h ? { ...h } : undefined;
        if (h?.textToDisplay !== undefined) {
          c.value = h.textToDisplay;
          delete c.formula;
        }
      }
    });
  }

  merge(across = false): void {
    this.host.requires("1.2", "Range.merge");
    this.context.enqueue(10, () => {
      const { sheet, area } = this.area();
      if (across) for (let r = area.top; r <= area.bottom; r++) sheet.merge({ ...area, top: r, bottom: r });
      else sheet.merge(area);
    });
  }

  unmerge(): void {
    this.context.enqueue(10, () => {
      const { sheet, area } = this.area();
      sheet.merges = sheet.merges.filter((m) => !(m.top >= area.top && m.bottom <= area.bottom && m.left >= area.left && m.right <= area.right));
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    this.host.requires("1.13", "Range.getMergedAreasOrNullObject");
    const ra = new RangeAreasProxy(this.context, this.worksheetProxy, () => {
      if (this.loaded.get("isNullObject") === true) return this.host.onNull("Range.getMergedAreasOrNullObject");
      const { sheet, area } = this.area();
      // like Excel: only merges whose top-left cell lies inside the range
      const found = sheet.merges.filter((m) => m.top >= area.top && m.top <= area.bottom && m.left >= area.left && m.left <= area.right);
      if (found.length > 512) throw new FakeOfficeError("GeneralException", "more than 512 merged areas");
      return found.length ? found : undefined;
    });
    ra.trackRangeNull();
    return ra;
  }

  get dataValidation(): DataValidationProxy {
    this.host.requires("1.8", "Range.dataValidation");
    return new DataValidationProxy(this.context, this);
  }

  copyFrom(source: RangeProxy | string, copyType = "All"): void {
    this.host.requires("1.9", "Range.copyFrom");
    this.context.enqueue(40, () => {
      let srcSheet: FakeSheet;
      let srcArea: Area;
      if (typeof source === "string") {
        const q = splitQualified(source);
        const s = q.sheet ? this.host.workbook.sheet(q.sheet) : this.worksheetProxy.sheet();
        if (!s) throw new FakeOfficeError("ItemNotFound", `copyFrom: no sheet ${q.sheet}`);
        srcSheet = s;
        srcArea = parseArea(q.address);
      } else {
        const t = source.area();
        srcSheet = t.sheet;
        srcArea = t.area;
      }
      const { sheet, area } = this.area();
      const { rows, columns } = areaSize(srcArea);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < columns; j++) {
          const from = srcSheet.cell(srcArea.top + i, srcArea.left + j);
          const to = sheet.touch(area.top + i, area.left + j);
          if (copyType === "Formats" || copyType === "All") to.format = from?.format ? cloneFormat(from.format) : undefined;
          if (copyType === "Values" || copyType === "All") {
            to.value = from?.value ?? null;
            if (copyType === "All" && from?.formula) to.formula = from.formula;
            else delete to.formula;
          }
        }
      }
    });
  }

  getCellProperties(spec: { format?: { fill?: { color?: boolean }; font?: Record<string, boolean> } }): { value: unknown[][] } {
    this.host.requires("1.9", "Range.getCellProperties");
    const result: { value?: unknown[][] } = {};
    const holder = {
      get value(): unknown[][] {
        if (!result.value) throw notLoaded("value");
        return result.value;
      },
    };
    this.context.enqueue(sizeOf(spec), () => {
      const { sheet, area } = this.area();
      const { rows, columns } = areaSize(area);
      result.value = Array.from({ length: rows }, (_, i) =>
        Array.from({ length: columns }, (_, j) => {
          const f = sheet.format(area.top + i, area.left + j);
          const format: Record<string, unknown> = {};
          if (spec.format?.fill?.color) format.fill = { color: f.fill ?? "#FFFFFF" };
          if (spec.format?.font) {
            format.font = Object.fromEntries(Object.keys(spec.format.font).map((k) => [k, f.font[k as keyof FakeFormat["font"]]]));
          }
          return { format };
        }),
      );
      return sizeOf(result.value);
    });
    return holder;
  }

  select(): void {
    this.context.enqueue(10, () => {
      const { sheet, area } = this.area();
      this.host.workbook.selection = { sheet: sheet.name, address: areaAddress(area) };
      this.host.workbook.active = sheet.name;
    });
  }
}

export class RangeAreasProxy extends AreasObject {
  protected snapshot(props: string[]): Record<string, unknown> | undefined {
    if (this.loaded.get("isNullObject") === true) return undefined;
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === "address") out.address = this.addressOf();
      else if (p === "areaCount") out.areaCount = this.target().areas.length;
      else throw new FakeOfficeError("InvalidArgument", `RangeAreas has no property '${p}' in this fake`);
    }
    return out;
  }

  get areaCount(): number {
    return this.read("areaCount");
  }

  private areasLoaded?: { items: RangeProxy[] };

  get areas(): { items: RangeProxy[] } {
    if (!this.areasLoaded) throw notLoaded("areas");
    return this.areasLoaded;
  }

  protected navigation(name: string): ClientObject | undefined {
    if (name === "format") return this.format;
    if (name !== "areas") return undefined;
    const self = this;
    // "areas/items/address"
    return new (class extends ClientObject {
      load(spec?: string | string[]): this {
        const props = (typeof spec === "string" ? spec.split(",") : (spec as string[])).map((p) => p.trim().replace(/^items\//, ""));
        self.context.enqueue(sizeOf(props), () => {
          if (self.loaded.get("isNullObject") === true) return 0;
          const { areas } = self.target();
          self.areasLoaded = {
            items: areas.map((a) => {
              const r = new RangeProxy(self.context, self.worksheetProxy, () => [a]);
              r.preloadNow(props);
              return r;
            }),
          };
          return sizeOf(self.areasLoaded.items.map((r) => r.toJSON()));
        });
        return this;
      }
      protected snapshot(): Record<string, unknown> {
        return {};
      }
    })(this.context);
  }
}

// ───────────────────────────── formats ─────────────────────────────

class FormatProxy extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: AreasObject,
  ) {
    super(ctx);
  }
  get fill(): FillProxy {
    return new FillProxy(this.context, this.range);
  }
  get font(): FontProxy {
    return new FontProxy(this.context, this.range);
  }
  get borders(): BordersProxy {
    return new BordersProxy(this.context, this.range);
  }
  get protection(): CellProtectionProxy {
    this.host.requires("1.2", "RangeFormat.protection");
    return new CellProtectionProxy(this.context, this.range);
  }
  protected navigation(name: string): ClientObject | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    if (name === "protection") return this.protection;
    return undefined;
  }
  protected snapshot(props: string[]): Record<string, unknown> {
    const fs = this.range.readFormats();
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === "wrapText") out.wrapText = uniform(fs.map((f) => f.wrapText));
      else if (p === "horizontalAlignment") out.horizontalAlignment = uniform(fs.map((f) => f.horizontal));
      else if (p === "verticalAlignment") out.verticalAlignment = uniform(fs.map((f) => f.vertical));
      else if (p === "rowHeight") {
        const { sheet, areas } = this.range.target();
        out.rowHeight = sheet.rowHeights.get(areas[0].top) ?? 15;
      } else if (p === "columnWidth") {
        const { sheet, areas } = this.range.target();
        out.columnWidth = sheet.columnWidths.get(areas[0].left) ?? 48;
      } else throw new FakeOfficeError("InvalidArgument", `RangeFormat has no property '${p}' in this fake`);
    }
    return out;
  }
  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(v: boolean) {
    this.write("wrapText", v, () => this.range.editFormats((f) => (f.wrapText = v)));
  }
  get horizontalAlignment(): string {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this.write("horizontalAlignment", v, () => this.range.editFormats((f) => (f.horizontal = v)));
  }
  get verticalAlignment(): string {
    return this.read("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this.write("verticalAlignment", v, () => this.range.editFormats((f) => (f.vertical = v)));
  }
  get rowHeight(): number {
    return this.read("rowHeight");
  }
  set rowHeight(points: number) {
    this.write("rowHeight", points, () => {
      const { sheet, areas } = this.range.target();
      for (const a of areas) for (let r = a.top; r <= a.bottom; r++) sheet.rowHeights.set(r, points);
    });
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(points: number) {
    this.host.requires("1.2", "RangeFormat.columnWidth");
    this.write("columnWidth", points, () => {
      const { sheet, areas } = this.range.target();
      for (const a of areas) for (let c = a.left; c <= a.right; c++) sheet.columnWidths.set(c, points);
    });
  }
}

class FillProxy extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: AreasObject,
  ) {
    super(ctx);
  }
  protected snapshot(props: string[]): Record<string, unknown> {
    const fs = this.range.readFormats();
    return Object.fromEntries(props.map((p) => [p, p === "color" ? uniform(fs.map((f) => f.fill ?? "#FFFFFF")) : undefined]));
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    if (!/^#[0-9A-Fa-f]{6}$/.test(v)) throw new FakeOfficeError("InvalidArgument", `fill color must be #RRGGBB, got '${v}'`);
    this.write("color", v, () => this.range.editFormats((f) => (f.fill = v.toUpperCase())));
  }
  clear(): void {
    this.context.enqueue(8, () => this.range.editFormats((f) => (f.fill = null)));
  }
}

class FontProxy extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: AreasObject,
  ) {
    super(ctx);
  }
  protected snapshot(props: string[]): Record<string, unknown> {
    const fs = this.range.readFormats();
    return Object.fromEntries(props.map((p) => [p, uniform(fs.map((f) => f.font[p as keyof FakeFormat["font"]]))]));
  }
  private set<K extends keyof FakeFormat["font"]>(k: K, v: FakeFormat["font"][K]): void {
    if (k === "name" && String(v).length > 31) throw new FakeOfficeError("InvalidArgument", "font name over 31 characters");
    this.write(k, v, () => this.range.editFormats((f) => (f.font[k] = v)));
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(v: boolean) {
    this.set("bold", v);
  }
  get italic(): boolean {
    return this.read("italic");
  }
  set italic(v: boolean) {
    this.set("italic", v);
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.set("color", v.toUpperCase());
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.set("name", v);
  }
  get size(): number {
    return this.read("size");
  }
  set size(v: number) {
    this.set("size", v);
  }
}

class BordersProxy extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: AreasObject,
  ) {
    super(ctx);
  }
  protected snapshot(): Record<string, unknown> {
    return {};
  }
  getItem(index: string): BorderProxy {
    if (!EDGES[index]) throw new FakeOfficeError("InvalidArgument", `unknown border index ${index}`);
    return new BorderProxy(this.context, this.range, index);
  }
}

class BorderProxy extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: AreasObject,
    private readonly index: string,
  ) {
    super(ctx);
  }
  protected snapshot(): Record<string, unknown> {
    return {};
  }
  private apply(style: "thin" | "medium" | null, onlyIfSet: boolean): void {
    const pick = EDGES[this.index];
    this.range.editFormats((f, r, c, a) => {
      for (const e of pick(a, r, c)) {
        if (onlyIfSet && f.borders[e] === null) continue;
        f.borders[e] = style;
      }
    });
  }
  set style(v: string) {
    this.write("style", v, () => this.apply(v === "None" ? null : "thin", false));
  }
  set weight(v: string) {
    this.write("weight", v, () => this.apply(v === "Medium" || v === "Thick" ? "medium" : "thin", true));
  }
}

class CellProtectionProxy extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: AreasObject,
  ) {
    super(ctx);
  }
  protected snapshot(props: string[]): Record<string, unknown> {
    const fs = this.range.readFormats();
    return Object.fromEntries(props.map((p) => [p, uniform(fs.map((f) => f.locked))]));
  }
  get locked(): boolean {
    return this.read("locked");
  }
  set locked(v: boolean) {
    this.write("locked", v, () => this.range.editFormats((f) => (f.locked = v)));
  }
}

class DataValidationProxy extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }
  protected snapshot(props: string[]): Record<string, unknown> {
    const { sheet, areas } = this.range.target();
    const v = sheet.validations.find((x) => x.area.top === areas[0].top && x.area.left === areas[0].left);
    return Object.fromEntries(props.map((p) => [p, p === "rule" ? (v?.rule ?? {}) : p === "errorAlert" ? v?.errorAlert : undefined]));
  }
  get rule(): unknown {
    return this.read("rule");
  }
  set rule(rule: unknown) {
    this.write("rule", rule, () => {
      const { sheet, areas } = this.range.target();
      for (const a of areas) {
        if (sheet.validations.some((v) => v.area.top <= a.bottom && a.top <= v.area.bottom && v.area.left <= a.right && a.left <= v.area.right)) {
          // Excel refuses a rule over cells that already carry one until it is cleared
          throw new FakeOfficeError("InvalidOperation", `data validation overlaps an existing rule at ${areaAddress(a)}`);
        }
        sheet.validations.push({ area: a, rule });
      }
    });
  }
  set errorAlert(alert: unknown) {
    this.write("errorAlert", alert, () => {
      const { sheet, areas } = this.range.target();
      for (const v of sheet.validations) if (v.area.top === areas[0].top && v.area.left === areas[0].left) v.errorAlert = alert;
    });
  }
  clear(): void {
    this.context.enqueue(8, () => {
      const { sheet, areas } = this.range.target();
      const a = areas[0];
      sheet.validations = sheet.validations.filter(
        (v) => !(v.area.top <= a.bottom && a.top <= v.area.bottom && v.area.left <= a.right && a.left <= v.area.right),
      );
    });
  }
}

// ───────────────────────────── sheet-level features ─────────────────────────────

type FakeChart = FakeSheet["charts"][number];

/** Worksheet.charts: add(type, sourceData, seriesBy) queues a chart; nothing exists before sync. */
class ChartCollectionProxy extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected snapshot(props: string[]): Record<string, unknown> {
    return Object.fromEntries(props.map((p) => [p, p === "count" ? this.ws.sheet().charts.length : undefined]));
  }
  get count(): number {
    return this.read("count");
  }
  add(type: string, source: RangeProxy, seriesBy = "Auto"): ChartProxy {
    let chart: FakeChart | undefined;
    this.context.enqueue(64, () => {
      const { sheet, areas } = source.target();
      chart = { type, source: sheet.address(areas[0]), seriesBy, title: "", position: "" };
      this.ws.sheet().charts.push(chart);
    });
    return new ChartProxy(this.context, () => chart);
  }
}

class ChartProxy extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly chart: () => FakeChart | undefined,
  ) {
    super(ctx);
  }
  private target(): FakeChart {
    const c = this.chart();
    if (!c) throw new FakeOfficeError("ItemNotFound", "The chart was not added");
    return c;
  }
  protected snapshot(): Record<string, unknown> {
    return {};
  }
  get title(): { text: string } {
    const write = (text: string) => this.context.enqueue(text.length, () => (this.target().title = text));
    return {
      get text(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "chart.title.text is not loaded in this fake");
      },
      set text(v: string) {
        write(v);
      },
    };
  }
  setPosition(start: string, end?: string): void {
    this.context.enqueue(start.length, () => (this.target().position = end ? `${start}:${end}` : start));
  }
}

class FreezePanesProxy extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected snapshot(): Record<string, unknown> {
    return {};
  }
  freezeRows(count: number): void {
    this.context.enqueue(8, () => (this.ws.sheet().frozen = { rows: count, columns: 0 }));
  }
  freezeColumns(count: number): void {
    this.context.enqueue(8, () => (this.ws.sheet().frozen = { rows: 0, columns: count }));
  }
  freezeAt(range: string): void {
    this.context.enqueue(range.length, () => {
      const a = parseArea(range);
      this.ws.sheet().frozen = { rows: a.bottom + 1, columns: a.right + 1 };
    });
  }
  unfreeze(): void {
    this.context.enqueue(8, () => (this.ws.sheet().frozen = { rows: 0, columns: 0 }));
  }
  getLocationOrNullObject(): RangeProxy {
    const r = new RangeProxy(this.context, this.ws, () => {
      const f = this.ws.sheet().frozen;
      if (f.rows === 0 && f.columns === 0) return undefined;
      return [{ top: 0, left: 0, bottom: Math.max(0, f.rows - 1), right: Math.max(0, f.columns - 1) }];
    });
    r.trackRangeNull();
    return r;
  }
}

class ProtectionProxy extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected snapshot(props: string[]): Record<string, unknown> {
    return Object.fromEntries(props.map((p) => [p, p === "protected" ? this.ws.sheet().protected : undefined]));
  }
  get protected(): boolean {
    return this.read("protected");
  }
  protect(options?: unknown, password?: string): void {
    if (password !== undefined) this.host.requires("1.7", "protect(password)");
    this.context.enqueue(sizeOf(options), () => {
      const s = this.ws.sheet();
      if (s.protected) throw new FakeOfficeError("InvalidOperation", `worksheet '${s.name}' is already protected`);
      s.protected = true;
      s.protectionOptions = { ...((options as Record<string, boolean> | undefined) ?? {}) };
    });
  }
  unprotect(): void {
    this.context.enqueue(8, () => (this.ws.sheet().protected = false));
  }
}

class PageLayoutProxy extends ClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: WorksheetProxy,
  ) {
    super(ctx);
  }
  protected snapshot(props: string[]): Record<string, unknown> {
    const pl = this.ws.sheet().pageLayout;
    return Object.fromEntries(props.map((p) => [p, (pl as Record<string, unknown>)[p]]));
  }
  get orientation(): string {
    return this.read("orientation");
  }
  set orientation(v: string) {
    this.write("orientation", v, () => (this.ws.sheet().pageLayout.orientation = v));
  }
  get paperSize(): string {
    return this.read("paperSize");
  }
  set paperSize(v: string) {
    this.write("paperSize", v, () => (this.ws.sheet().pageLayout.paperSize = v));
  }
  get zoom(): Record<string, unknown> {
    return this.read("zoom");
  }
  set zoom(v: Record<string, unknown>) {
    this.write("zoom", v, () => (this.ws.sheet().pageLayout.zoom = { ...v }));
  }
  get centerHorizontally(): boolean {
    return this.read("centerHorizontally");
  }
  set centerHorizontally(v: boolean) {
    this.write("centerHorizontally", v, () => (this.ws.sheet().pageLayout.centerHorizontally = v));
  }
  setPrintTitleRows(rows: string): void {
    this.context.enqueue(rows.length, () => (this.ws.sheet().pageLayout.printTitleRows = rows));
  }
  /** headersFooters.defaultForAllPages.centerFooter: the one footer the add-in writes */
  get headersFooters(): { defaultForAllPages: { centerFooter: string } } {
    const enqueue = (text: string) => this.context.enqueue(text.length, () => (this.ws.sheet().pageLayout.centerFooter = text));
    const read = () => this.ws.sheet().pageLayout.centerFooter;
    return {
      defaultForAllPages: {
        get centerFooter(): string {
          return read();
        },
        set centerFooter(v: string) {
          enqueue(v);
        },
      },
    };
  }
}

// ───────────────────────────── notes and comments ─────────────────────────────

type NoteStore = "notes" | "comments";

/** Notes (1.18) and threaded comments (1.10) share a shape: one text per cell, keyed by address. */
abstract class CellTextCollection extends ClientObject {
  protected abstract store: NoteStore;
  private itemsLoaded?: CellTextItem[];

  constructor(
    ctx: FakeRequestContext,
    private readonly ws: WorksheetProxy | undefined,
  ) {
    super(ctx);
  }

  protected locate(cellAddress: string): { sheet: FakeSheet; address: string } {
    const q = splitQualified(cellAddress);
    const sheet = q.sheet ? this.host.workbook.sheet(q.sheet) : this.ws?.sheet();
    if (!sheet) throw new FakeOfficeError("InvalidArgument", `InvalidCellAddress: ${cellAddress}`);
    const a = parseArea(q.address);
    if (a.top !== a.bottom || a.left !== a.right) throw new FakeOfficeError("InvalidArgument", "a note must be on a single cell");
    return { sheet, address: areaAddress(a) };
  }

  private sheets(): FakeSheet[] {
    return this.ws ? [this.ws.sheet()] : this.host.workbook.sheets;
  }

  get items(): CellTextItem[] {
    if (!this.itemsLoaded) throw notLoaded("items");
    return this.itemsLoaded;
  }

  protected navigation(name: string): ClientObject | undefined {
    if (name !== "items") return undefined;
    const self = this;
    return new (class extends ClientObject {
      load(spec?: string | string[]): this {
        const props = (typeof spec === "string" ? spec.split(",") : (spec as string[])).map((p) => p.trim());
        self.context.enqueue(sizeOf(props), () => {
          self.itemsLoaded = [];
          for (const s of self.sheets()) {
            for (const [address, text] of s[self.store]) {
              const item = self.makeItem(s.name, address);
              if (props.includes("content")) item.preloadContent(text);
              self.itemsLoaded.push(item);
            }
          }
          return sizeOf(self.itemsLoaded.map((i) => i.toJSON()));
        });
        return this;
      }
      protected snapshot(): Record<string, unknown> {
        return {};
      }
    })(this.context);
  }

  protected snapshot(): Record<string, unknown> {
    throw new FakeOfficeError("InvalidArgument", "load items/content on a note collection");
  }

  protected makeItem(sheet: string, address: string): CellTextItem {
    return new CellTextItem(this.context, this.store, sheet, address);
  }

  add(cellAddress: string | RangeProxy, content: string): CellTextItem {
    const addr = typeof cellAddress === "string" ? cellAddress : undefined;
    if (!addr) throw new FakeOfficeError("InvalidArgument", "this fake takes the cell address as a string");
    this.context.enqueue(addr.length + content.length, () => {
      const { sheet, address } = this.locate(addr);
      if (sheet[this.store].has(address)) throw new FakeOfficeError("InvalidArgument", `cell ${address} already has a ${this.store.slice(0, -1)}`);
      sheet[this.store].set(address, content);
    });
    const q = splitQualified(addr);
    return new CellTextItem(this.context, this.store, q.sheet ?? "", q.address);
  }

  /** The note at a cell, or a null object where there is none (or no such sheet). */
  getItemOrNullObject(cellAddress: string): CellTextItem {
    const q = splitQualified(cellAddress);
    const sheetName = q.sheet ?? this.ws?.sheet().name ?? "";
    const item = new CellTextItem(this.context, this.store, sheetName, q.address);
    item.trackNullItem(() => {
      const sheet = this.host.workbook.sheet(sheetName);
      return !!sheet && sheet[this.store].has(areaAddress(parseArea(q.address)));
    });
    return item;
  }

  getItem(cellAddress: string): CellTextItem {
    this.context.enqueue(cellAddress.length, () => {
      const { sheet, address } = this.locate(cellAddress);
      if (!sheet[this.store].has(address)) throw new FakeOfficeError("ItemNotFound", `no ${this.store.slice(0, -1)} at ${address}`);
    });
    const q = splitQualified(cellAddress);
    return new CellTextItem(this.context, this.store, q.sheet ?? this.ws?.sheet().name ?? "", q.address, () => this.locate(cellAddress));
  }
}

class NoteCollectionProxy extends CellTextCollection {
  protected store: NoteStore = "notes";
}

class CommentCollectionProxy extends CellTextCollection {
  protected store: NoteStore = "comments";
  getItemByCell(cellAddress: string): CellTextItem {
    return this.getItem(cellAddress);
  }
}

class CellTextItem extends NullableObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly store: NoteStore,
    private readonly sheetName: string,
    private readonly address: string,
    private readonly resolveLocation?: () => { sheet: FakeSheet; address: string },
  ) {
    super(ctx);
  }
  private where(): { sheet: FakeSheet; address: string } {
    if (this.resolveLocation) return this.resolveLocation();
    const sheet = this.host.workbook.sheet(this.sheetName);
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `no sheet ${this.sheetName}`);
    return { sheet, address: areaAddress(parseArea(this.address)) };
  }
  preloadContent(text: string): void {
    this.loaded.set("content", text);
  }
  trackNullItem(resolves: () => boolean): void {
    this.trackNull(resolves);
  }
  protected snapshot(props: string[]): Record<string, unknown> | undefined {
    if (this.loaded.get("isNullObject") === true) return undefined;
    const { sheet, address } = this.where();
    return Object.fromEntries(props.map((p) => [p, p === "content" ? sheet[this.store].get(address) : undefined]));
  }
  get content(): string {
    return this.read("content");
  }
  set content(v: string) {
    this.write("content", v, () => {
      const { sheet, address } = this.where();
      sheet[this.store].set(address, v);
    });
  }
  delete(): void {
    this.context.enqueue(8, () => {
      const { sheet, address } = this.where();
      sheet[this.store].delete(address);
    });
  }
  getLocation(): RangeProxy {
    const ws = new WorksheetProxy(this.context, () => this.where().sheet);
    return new RangeProxy(this.context, ws, () => [parseCell(this.where().address)].map((p) => ({ top: p.row, left: p.col, bottom: p.row, right: p.col })));
  }
}

export { defaultFormat };
