/**
 * A fake WPS 表格 for tests, as test/fake-excel is for Office.js: the same in-memory workbook
 * behind the VBA-shaped ET model — collections indexed from 1 with Item, Value2 and Formula as 2-D
 * arrays (a single cell's as a scalar), comments with their cell as Parent, sheets hidden and very
 * hidden, Add making the new sheet active, freeze panes on the window of the active sheet. What
 * would stop real WPS on a dialog (deleting a sheet, merging cells that hold values) fails here
 * while DisplayAlerts is on. Every property read or write and every method call is counted.
 */
import { parseArea } from "../../src/core/address";
import { EtApplication, EtComments, EtPageSetup, EtRange, EtWindow, EtWorkbook, EtWorksheet, EtWorksheets, XL, XL_SHEET } from "../../src/wps/et";
import { FakeSheet, FakeWorkbook } from "../fake-excel/model";
import { FakeRange, WpsError, commentsOf, rangeAreas } from "./range";

export { WpsError };

export class FakeWps implements EtApplication {
  calls = 0;
  private alerts = true;
  private screen = true;
  /** replaceable, as when the user opens another workbook */
  constructor(public workbook: FakeWorkbook) {}
  count(): void {
    this.calls++;
  }
  get ActiveWorkbook(): EtWorkbook {
    this.count();
    return new Workbook(this);
  }
  /** the sheet the user is on: the first visible one until another is activated */
  activeSheet(): FakeSheet {
    const wb = this.workbook;
    const s = (wb.active && wb.sheet(wb.active)) || wb.sheets.find((x) => x.visibility === "Visible");
    if (!s) throw new WpsError("no visible sheet");
    return s;
  }
  get ActiveSheet(): EtWorksheet {
    this.count();
    return new Worksheet(this, this.activeSheet());
  }
  get ActiveWindow(): EtWindow {
    this.count();
    return new Window(this);
  }
  get DisplayAlerts(): boolean {
    this.count();
    return this.alerts;
  }
  set DisplayAlerts(v: boolean) {
    this.count();
    this.alerts = v;
  }
  /** a dialog real WPS would show and wait on */
  dialog(what: string): void {
    if (this.alerts) throw new WpsError(`a dialog would stop WPS here: ${what} (DisplayAlerts is on)`);
  }
  get ScreenUpdating(): boolean {
    this.count();
    return this.screen;
  }
  set ScreenUpdating(v: boolean) {
    this.count();
    this.screen = v;
  }
}

class Workbook implements EtWorkbook {
  constructor(private readonly app: FakeWps) {}
  get Worksheets(): EtWorksheets {
    this.app.count();
    return new Worksheets(this.app);
  }
}

class Worksheets implements EtWorksheets {
  constructor(private readonly app: FakeWps) {}
  get Count(): number {
    this.app.count();
    return this.app.workbook.sheets.length;
  }
  Item(index: number | string): EtWorksheet {
    this.app.count();
    const sheet = typeof index === "number" ? this.app.workbook.sheets[index - 1] : this.app.workbook.sheet(index);
    // 1-based, as COM collections are: Item(0) is an error, not the first sheet
    if (!sheet) throw new WpsError(`下标越界：Worksheets.Item(${JSON.stringify(index)})`);
    return new Worksheet(this.app, sheet);
  }
  Add(Before?: EtWorksheet | null, After?: EtWorksheet | null): EtWorksheet {
    this.app.count();
    const wb = this.app.workbook;
    let n = wb.sheets.length + 1;
    while (wb.sheet(`Sheet${n}`)) n++;
    const sheet = new FakeSheet(`Sheet${n}`);
    const anchor = (Before ?? After) as Worksheet | undefined | null;
    const at = anchor ? wb.sheets.indexOf(anchor.sheet) + (After ? 1 : 0) : wb.sheets.indexOf(this.app.activeSheet());
    wb.sheets.splice(at, 0, sheet);
    // the new sheet becomes the active one, as in WPS and Excel
    wb.active = sheet.name;
    return new Worksheet(this.app, sheet);
  }
}

const VISIBLE = { Visible: XL_SHEET.visible, Hidden: XL_SHEET.hidden, VeryHidden: XL_SHEET.veryHidden } as const;
const FROM_VISIBLE = new Map<number, FakeSheet["visibility"]>(Object.entries(VISIBLE).map(([k, v]) => [v, k as FakeSheet["visibility"]]));
const INVALID_NAME = /[\\/?*[\]:]/;

class Worksheet implements EtWorksheet {
  constructor(
    private readonly app: FakeWps,
    readonly sheet: FakeSheet,
  ) {}
  get Name(): string {
    this.app.count();
    return this.sheet.name;
  }
  set Name(name: string) {
    this.app.count();
    const other = this.app.workbook.sheet(name);
    if (other && other !== this.sheet) throw new WpsError(`工作表名称已存在：${name}`);
    if (!name || name.length > 31 || INVALID_NAME.test(name)) throw new WpsError(`工作表名称无效：${name}`);
    if (this.app.workbook.active === this.sheet.name) this.app.workbook.active = name;
    this.sheet.name = name;
  }
  get Visible(): number {
    this.app.count();
    return VISIBLE[this.sheet.visibility];
  }
  set Visible(v: number) {
    this.app.count();
    const to = FROM_VISIBLE.get(v);
    if (!to) throw new WpsError(`Visible: ${v}`);
    if (to !== "Visible" && this.app.workbook.sheets.filter((s) => s.visibility === "Visible" && s !== this.sheet).length === 0) {
      throw new WpsError("the last visible sheet cannot be hidden");
    }
    this.sheet.visibility = to;
    if (to !== "Visible" && this.app.workbook.active === this.sheet.name) this.app.workbook.active = undefined;
  }
  get UsedRange(): EtRange {
    this.app.count();
    // formatted cells count, as in Excel's and WPS's UsedRange
    return new FakeRange(this.app, this.sheet, [this.sheet.usedArea(false) ?? { top: 0, left: 0, bottom: 0, right: 0 }]);
  }
  Range(address: string): EtRange {
    this.app.count();
    return new FakeRange(this.app, this.sheet, rangeAreas(address));
  }
  get Comments(): EtComments {
    this.app.count();
    return commentsOf(this.app, this.sheet);
  }
  get Hyperlinks(): EtWorksheet["Hyperlinks"] {
    this.app.count();
    return {
      Add: (anchor: EtRange, _address: string, subAddress?: string, screenTip?: string, text?: string) => {
        this.app.count();
        const r = anchor as FakeRange;
        for (const p of r.cellsWithin()) {
          const c = r.sheet.touch(p.row, p.col);
          c.hyperlink = { documentReference: subAddress, screenTip, textToDisplay: text };
          if (text !== undefined) {
            c.value = text;
            delete c.formula;
          }
        }
      },
    };
  }
  get PageSetup(): EtPageSetup {
    this.app.count();
    return pageSetup(this.app, this.sheet);
  }
  Delete(): void {
    this.app.count();
    this.app.dialog(`delete sheet ${this.sheet.name}`);
    const wb = this.app.workbook;
    if (this.sheet.visibility === "Visible" && wb.sheets.filter((s) => s.visibility === "Visible").length === 1) {
      throw new WpsError("工作簿内至少含有一张可视工作表");
    }
    wb.sheets = wb.sheets.filter((s) => s !== this.sheet);
    if (wb.active === this.sheet.name) wb.active = undefined;
  }
  Activate(): void {
    this.app.count();
    if (this.sheet.visibility !== "Visible") throw new WpsError(`a hidden sheet cannot be activated: ${this.sheet.name}`);
    this.app.workbook.active = this.sheet.name;
  }
  Protect(...args: (string | boolean | undefined)[]): void {
    this.app.count();
    const [, drawingObjects, , , , formatCells, formatColumns, formatRows, insertColumns, insertRows, insertHyperlinks, deleteColumns, deleteRows] = args;
    this.sheet.protected = true;
    // kept in Office.js's words, so the two fakes' states compare
    this.sheet.protectionOptions = Object.fromEntries(
      Object.entries({
        allowEditObjects: drawingObjects === false,
        allowFormatCells: formatCells,
        allowFormatColumns: formatColumns,
        allowFormatRows: formatRows,
        allowInsertColumns: insertColumns,
        allowInsertRows: insertRows,
        allowInsertHyperlinks: insertHyperlinks,
        allowDeleteColumns: deleteColumns,
        allowDeleteRows: deleteRows,
      }).filter(([, v]) => v === true),
    ) as Record<string, boolean>;
  }
}

class Window implements EtWindow {
  private split = { rows: 0, columns: 0 };
  constructor(private readonly app: FakeWps) {
    const f = app.activeSheet().frozen;
    this.split = { ...f };
  }
  private prop<T>(v: T): T {
    this.app.count();
    return v;
  }
  get ScrollRow(): number {
    return this.prop(1);
  }
  set ScrollRow(_v: number) {
    this.app.count();
  }
  get ScrollColumn(): number {
    return this.prop(1);
  }
  set ScrollColumn(_v: number) {
    this.app.count();
  }
  get SplitRow(): number {
    return this.prop(this.split.rows);
  }
  set SplitRow(v: number) {
    this.app.count();
    this.split.rows = v;
  }
  get SplitColumn(): number {
    return this.prop(this.split.columns);
  }
  set SplitColumn(v: number) {
    this.app.count();
    this.split.columns = v;
  }
  get FreezePanes(): boolean {
    const f = this.app.activeSheet().frozen;
    return this.prop(f.rows > 0 || f.columns > 0);
  }
  set FreezePanes(v: boolean) {
    this.app.count();
    this.app.activeSheet().frozen = v ? { ...this.split } : { rows: 0, columns: 0 };
  }
}

const ORIENTATION = new Map<number, string>([
  [XL.orientation.portrait, "Portrait"],
  [XL.orientation.landscape, "Landscape"],
]);

/** PageSetup over the sheet's page layout, kept in Office.js's words so the two fakes compare. */
function pageSetup(app: FakeWps, sheet: FakeSheet): EtPageSetup {
  const pl = sheet.pageLayout;
  const at = <T>(get: () => T, set: (v: T) => void) => ({
    get: () => {
      app.count();
      return get();
    },
    set: (v: T) => {
      app.count();
      set(v);
    },
    enumerable: true,
  });
  const ps = {} as EtPageSetup;
  Object.defineProperties(ps, {
    Orientation: at(
      () => (pl.orientation === "Landscape" ? XL.orientation.landscape : XL.orientation.portrait),
      (v: number) => {
        const o = ORIENTATION.get(v);
        if (!o) throw new WpsError(`Orientation: ${v}`);
        pl.orientation = o;
      },
    ),
    PaperSize: at(
      () => (pl.paperSize === "A4" ? XL.paperA4 : 1),
      (v: number) => (pl.paperSize = v === XL.paperA4 ? "A4" : String(v)),
    ),
    Zoom: at(
      () => (pl.zoom.scale as number | undefined) ?? false,
      (v: number | false) => (pl.zoom = v === false ? {} : { scale: v }),
    ),
    FitToPagesWide: at(
      () => (pl.zoom.horizontalFitToPages as number | undefined) ?? false,
      (v: number | false) => (pl.zoom = { ...pl.zoom, horizontalFitToPages: v === false ? 0 : v }),
    ),
    FitToPagesTall: at(
      () => (pl.zoom.verticalFitToPages as number | undefined) ?? false,
      (v: number | false) => (pl.zoom = { ...pl.zoom, verticalFitToPages: v === false ? 0 : v }),
    ),
    CenterHorizontally: at(
      () => pl.centerHorizontally,
      (v: boolean) => (pl.centerHorizontally = v),
    ),
    CenterFooter: at(
      () => pl.centerFooter,
      (v: string) => (pl.centerFooter = v),
    ),
    PrintTitleRows: at(
      () => pl.printTitleRows,
      (v: string) => {
        parseArea(v.replace(/\$/g, "").replace(/^(\d+):(\d+)$/, "A$1:A$2"));
        pl.printTitleRows = v;
      },
    ),
  });
  return ps;
}
