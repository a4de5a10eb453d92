/**
 * The fake ET Range: one or more areas of a sheet ("A1,C3:C9"), read as VBA reads them (the first
 * area's values; NumberFormat and MergeCells null where cells differ) and written as WPS writes
 * them, including its refusals: an address over 255 characters, a comment on a cell that has one,
 * a rule over cells that carry one, part of a merged area cleared, a protected sheet's locked cells.
 */
import { Area, areaAddress, areaCells, areasOverlap, cellAddress, parseArea, parseCell } from "../../src/core/address";
import { charsToPoints } from "../../src/excel/write";
import { EtComment, EtComments, EtFont, EtInterior, EtRange, EtValidation, EtValue, XL } from "../../src/wps/et";
import { EDGES, FakeFormat, FakeSheet, cloneFormat, storeTyped } from "../fake-excel/model";
import { CellValue } from "../../src/core/grid";

export class WpsError extends Error {}

interface App {
  count(): void;
  dialog(what: string): void;
  workbook: { selection?: { sheet: string; address: string }; active?: string };
  activeSheet(): FakeSheet;
}

export function rangeAreas(address: string): Area[] {
  if (address.length > 255) throw new WpsError(`Range() takes at most 255 characters, got ${address.length}`);
  return address.split(",").map((a) => parseArea(a.trim().replace(/\$/g, "")));
}

const toHex = (bgr: number) => {
  if (!Number.isInteger(bgr) || bgr < 0 || bgr > 0xffffff) throw new WpsError(`colour must be a BGR integer, got ${bgr}`);
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return `#${rgb.toString(16).padStart(6, "0").toUpperCase()}`;
};
const toBgr = (hex: string) => {
  const n = parseInt(hex.slice(1), 16);
  return ((n >> 16) & 0xff) | (n & 0xff00) | ((n & 0xff) << 16);
};

const H_ALIGN = new Map<number, string>([
  [1, "General"],
  [XL.horizontal.left, "Left"],
  [XL.horizontal.center, "Center"],
  [XL.horizontal.right, "Right"],
]);
const V_ALIGN = new Map<number, string>([
  [XL.vertical.top, "Top"],
  [XL.vertical.middle, "Center"],
  [XL.vertical.bottom, "Bottom"],
]);
const BORDER_INDEX = new Map<number, string>([
  [8, "EdgeTop"],
  [9, "EdgeBottom"],
  [7, "EdgeLeft"],
  [10, "EdgeRight"],
  [12, "InsideHorizontal"],
  [11, "InsideVertical"],
]);

export class FakeRange implements EtRange {
  constructor(
    private readonly app: App,
    readonly sheet: FakeSheet,
    private readonly areas: Area[],
  ) {}
  private get area(): Area {
    return this.areas[0];
  }
  *cellsWithin(): Generator<{ row: number; col: number }> {
    for (const a of this.areas) yield* areaCells(a);
  }
  private cells<T>(f: (row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = this.area.top; r <= this.area.bottom; r++) {
      const row: T[] = [];
      for (let c = this.area.left; c <= this.area.right; c++) row.push(f(r, c));
      out.push(row);
    }
    return out;
  }
  private single(): boolean {
    return this.areas.length === 1 && this.area.top === this.area.bottom && this.area.left === this.area.right;
  }
  /** one value when all cells agree, else null */
  private common<T>(f: (row: number, col: number) => T): T | null {
    const all = [...this.cellsWithin()].map((p) => f(p.row, p.col));
    return all.every((v) => v === all[0]) ? all[0] : null;
  }
  private mergeOf(row: number, col: number): Area | undefined {
    return this.sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }
  /** a protected sheet refuses what its protection does not allow */
  private allowed(what: string, option?: string): void {
    if (!this.sheet.protected) return;
    if (option && this.sheet.protectionOptions[option]) return;
    throw new WpsError(`正在试图更改被保护的工作表：${what} on ${this.sheet.name}`);
  }
  private unlockedOnly(what: string): void {
    if (!this.sheet.protected) return;
    for (const p of this.cellsWithin()) if (this.sheet.format(p.row, p.col).locked) throw new WpsError(`正在试图更改被保护的单元格：${what} ${cellAddress(p)}`);
  }
  private editFormats(what: string, option: string, edit: (f: FakeFormat, row: number, col: number, area: Area) => void): void {
    this.app.count();
    this.allowed(what, option);
    for (const a of this.areas) for (const p of areaCells(a)) edit(this.sheet.formatForWrite(p.row, p.col), p.row, p.col, a);
  }
  private oneArea(what: string): Area {
    if (this.areas.length > 1) throw new WpsError(`${what} works on one area`);
    return this.area;
  }

  get Address(): string {
    this.app.count();
    const abs = (a: string) => a.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    return this.areas.map((a) => abs(areaAddress(a))).join(",");
  }
  get Row(): number {
    this.app.count();
    return this.area.top + 1;
  }
  get Column(): number {
    this.app.count();
    return this.area.left + 1;
  }
  get Rows(): { Count: number } {
    this.app.count();
    return { Count: this.area.bottom - this.area.top + 1 };
  }
  get Columns(): { Count: number; Item(index: number): EtRange } {
    this.app.count();
    const { app, sheet, area } = this;
    return {
      Count: area.right - area.left + 1,
      Item: (index: number) => {
        app.count();
        return new FakeRange(app, sheet, [{ ...area, left: area.left + index - 1, right: area.left + index - 1 }]);
      },
    };
  }
  get Value2(): EtValue | EtValue[][] {
    this.app.count();
    const value = (r: number, c: number): EtValue => {
      const v = this.sheet.cell(r, c)?.value;
      return v === null || v === undefined || v === "" ? undefined : v;
    };
    return this.single() ? value(this.area.top, this.area.left) : this.cells(value);
  }
  set Value2(v: EtValue | EtValue[][]) {
    this.write("Value2", v);
  }
  get Formula(): string | string[][] {
    this.app.count();
    const formula = (r: number, c: number): string => {
      const cell = this.sheet.cell(r, c);
      if (cell?.formula) return cell.formula;
      return cell?.value === null || cell?.value === undefined ? "" : String(cell.value);
    };
    return this.single() ? formula(this.area.top, this.area.left) : this.cells(formula);
  }
  set Formula(v: string | string[][]) {
    this.write("Formula", v);
  }
  private write(what: string, v: unknown): void {
    this.app.count();
    const a = this.oneArea(what);
    this.unlockedOnly(what);
    const rows = a.bottom - a.top + 1;
    const cols = a.right - a.left + 1;
    if (Array.isArray(v)) {
      if (v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols)) {
        throw new WpsError(`${what}: a ${v.length}-row array for ${rows}×${cols} cells at ${areaAddress(a)}`);
      }
      v.forEach((r: unknown[], i) => r.forEach((x, j) => storeTyped(this.sheet.touch(a.top + i, a.left + j), x as CellValue)));
    } else for (const p of areaCells(a)) storeTyped(this.sheet.touch(p.row, p.col), v as CellValue);
  }
  get NumberFormat(): string | null {
    this.app.count();
    return this.common((r, c) => this.sheet.format(r, c).numberFormat);
  }
  set NumberFormat(v: string | null) {
    this.editFormats("NumberFormat", "allowFormatCells", (f) => (f.numberFormat = String(v)));
  }
  get MergeCells(): boolean | null {
    this.app.count();
    return this.common((r, c) => this.mergeOf(r, c) !== undefined);
  }
  get MergeArea(): EtRange {
    this.app.count();
    const { top, left } = this.area;
    return new FakeRange(this.app, this.sheet, [this.mergeOf(top, left) ?? { top, left, bottom: top, right: left }]);
  }
  Item(row: number, column: number): EtRange {
    this.app.count();
    const r = this.area.top + row - 1;
    const c = this.area.left + column - 1;
    return new FakeRange(this.app, this.sheet, [{ top: r, left: c, bottom: r, right: c }]);
  }
  /** a property of the range as WPS answers it: counted, and set through the sheet's protection */
  private accessor<T>(get: () => T | null, set: (v: T) => void): PropertyDescriptor {
    return {
      get: () => {
        this.app.count();
        return get();
      },
      set,
      enumerable: true,
    };
  }
  get Interior(): EtInterior {
    this.app.count();
    const fill = () => this.common((r, c) => this.sheet.format(r, c).fill);
    const interior = {} as EtInterior;
    return Object.defineProperties(interior, {
      Color: this.accessor(
        () => {
          const f = fill();
          return f === null ? 0xffffff : toBgr(f);
        },
        (v: number) => {
          const hex = toHex(v);
          this.editFormats("Interior.Color", "allowFormatCells", (f) => (f.fill = hex));
        },
      ),
      Pattern: this.accessor(
        () => (fill() === null ? XL.none : XL.solid),
        (v: number) =>
          this.editFormats("Interior.Pattern", "allowFormatCells", (f) => {
            if (v === XL.none) f.fill = null;
            else if (v === XL.solid) f.fill ??= "#FFFFFF";
            else throw new WpsError(`only solid fills in this fake, got pattern ${v}`);
          }),
      ),
    });
  }
  get Font(): EtFont {
    this.app.count();
    const font = <K extends keyof FakeFormat["font"]>(k: K) => this.common((r, c) => this.sheet.format(r, c).font[k]);
    const prop = <K extends keyof FakeFormat["font"]>(k: K) =>
      this.accessor(
        () => font(k),
        (v: FakeFormat["font"][K]) => this.editFormats(`Font.${k}`, "allowFormatCells", (f) => (f.font[k] = v)),
      );
    return Object.defineProperties({} as EtFont, {
      Bold: prop("bold"),
      Italic: prop("italic"),
      Size: prop("size"),
      Name: prop("name"),
      Color: this.accessor(
        () => {
          const v = font("color");
          return v === null ? null : toBgr(v);
        },
        (v: number) => {
          const hex = toHex(v);
          this.editFormats("Font.Color", "allowFormatCells", (f) => (f.font.color = hex));
        },
      ),
    });
  }
  get Borders(): EtRange["Borders"] {
    this.app.count();
    return {
      Item: (index: number) => {
        this.app.count();
        const name = BORDER_INDEX.get(index);
        if (!name) throw new WpsError(`Borders.Item(${index})`);
        const pick = EDGES[name];
        const apply = (style: "thin" | "medium" | null, onlyIfSet: boolean) =>
          this.editFormats(`Borders(${index})`, "allowFormatCells", (f, r, c, a) => {
            for (const e of pick(a, r, c)) if (!onlyIfSet || f.borders[e] !== null) f.borders[e] = style;
          });
        return {
          get LineStyle() {
            return XL.continuous;
          },
          set LineStyle(v: number) {
            apply(v === XL.none ? null : "thin", false);
          },
          get Weight() {
            return XL.thin;
          },
          set Weight(v: number) {
            apply(v === XL.medium ? "medium" : "thin", true);
          },
        };
      },
    };
  }
  get HorizontalAlignment(): number {
    this.app.count();
    return [...H_ALIGN].find(([, s]) => s === this.sheet.format(this.area.top, this.area.left).horizontal)?.[0] ?? 1;
  }
  set HorizontalAlignment(v: number) {
    const s = H_ALIGN.get(v);
    if (!s) throw new WpsError(`HorizontalAlignment: ${v}`);
    this.editFormats("HorizontalAlignment", "allowFormatCells", (f) => (f.horizontal = s));
  }
  get VerticalAlignment(): number {
    this.app.count();
    return [...V_ALIGN].find(([, s]) => s === this.sheet.format(this.area.top, this.area.left).vertical)?.[0] ?? XL.vertical.bottom;
  }
  set VerticalAlignment(v: number) {
    const s = V_ALIGN.get(v);
    if (!s) throw new WpsError(`VerticalAlignment: ${v}`);
    this.editFormats("VerticalAlignment", "allowFormatCells", (f) => (f.vertical = s));
  }
  get WrapText(): boolean {
    this.app.count();
    return this.sheet.format(this.area.top, this.area.left).wrapText;
  }
  set WrapText(v: boolean) {
    this.editFormats("WrapText", "allowFormatCells", (f) => (f.wrapText = v));
  }
  /** characters; the sheet keeps points, converted as Excel converts them */
  get ColumnWidth(): number {
    this.app.count();
    const points = this.sheet.columnWidths.get(this.area.left);
    return points === undefined ? 8.43 : Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
  }
  set ColumnWidth(chars: number) {
    this.app.count();
    this.allowed("ColumnWidth", "allowFormatColumns");
    if (!(chars >= 0 && chars <= 255)) throw new WpsError(`ColumnWidth: ${chars}`);
    for (const a of this.areas) for (let c = a.left; c <= a.right; c++) this.sheet.columnWidths.set(c, charsToPoints(chars));
  }
  get RowHeight(): number {
    this.app.count();
    return this.sheet.rowHeights.get(this.area.top) ?? 15;
  }
  set RowHeight(points: number) {
    this.app.count();
    this.allowed("RowHeight", "allowFormatRows");
    if (!(points >= 0 && points <= 409)) throw new WpsError(`RowHeight: ${points}`);
    for (const a of this.areas) for (let r = a.top; r <= a.bottom; r++) this.sheet.rowHeights.set(r, points);
  }
  get Locked(): boolean {
    this.app.count();
    return this.sheet.format(this.area.top, this.area.left).locked;
  }
  set Locked(v: boolean) {
    this.editFormats("Locked", "", (f) => (f.locked = v));
  }
  get Validation(): EtValidation {
    this.app.count();
    return validationOf(this.app, this.sheet, this.areas, (what) => this.allowed(what));
  }
  Merge(across = false): void {
    this.app.count();
    this.allowed("Merge");
    for (const a of this.areas) {
      const parts = across ? Array.from({ length: a.bottom - a.top + 1 }, (_, i) => ({ ...a, top: a.top + i, bottom: a.top + i })) : [a];
      for (const part of parts) {
        const filled = [...areaCells(part)].filter((p) => {
          const c = this.sheet.cell(p.row, p.col);
          return c?.formula !== undefined || (c?.value !== null && c?.value !== undefined && c?.value !== "");
        });
        if (filled.length > 1) this.app.dialog(`merge ${areaAddress(part)} keeps only the top-left value`);
        this.sheet.merge(part);
      }
    }
  }
  UnMerge(): void {
    this.app.count();
    this.allowed("UnMerge");
    this.sheet.merges = this.sheet.merges.filter((m) => !this.areas.some((a) => areasOverlap(a, m)));
  }
  AddComment(text: string): unknown {
    this.app.count();
    this.allowed("AddComment", "allowEditObjects");
    if (!this.single()) throw new WpsError("AddComment works on one cell");
    const at = areaAddress(this.area);
    if (this.sheet.notes.has(at)) throw new WpsError(`${at} already has a comment`);
    this.sheet.notes.set(at, text);
    return {};
  }
  ClearComments(): void {
    this.app.count();
    this.allowed("ClearComments", "allowEditObjects");
    for (const p of this.cellsWithin()) this.sheet.notes.delete(cellAddress(p));
  }
  ClearContents(): void {
    this.app.count();
    this.unlockedOnly("ClearContents");
    for (const m of this.sheet.merges)
      for (const a of this.areas)
        if (areasOverlap(a, m) && !(a.top <= m.top && a.bottom >= m.bottom && a.left <= m.left && a.right >= m.right)) {
          throw new WpsError(`不能对合并单元格作部分更改：${areaAddress(m)}`);
        }
    for (const p of this.cellsWithin()) {
      const c = this.sheet.cell(p.row, p.col);
      if (c) {
        c.value = null;
        delete c.formula;
      }
    }
  }
  Copy(destination: EtRange): void {
    this.app.count();
    const from = this.oneArea("Copy");
    // a cell inside a merged area copies the whole area, merged
    const merged = this.sheet.merges.filter((m) => areasOverlap(m, from));
    const src = merged.reduce(
      (a, m) => ({ top: Math.min(a.top, m.top), left: Math.min(a.left, m.left), bottom: Math.max(a.bottom, m.bottom), right: Math.max(a.right, m.right) }),
      from,
    );
    const dest = destination as FakeRange;
    const to = dest.area;
    dest.unlockedOnly("Copy");
    for (let i = 0; i <= src.bottom - src.top; i++)
      for (let j = 0; j <= src.right - src.left; j++) {
        const s = this.sheet.cell(src.top + i, src.left + j);
        const d = dest.sheet.touch(to.top + i, to.left + j);
        d.value = s?.value ?? null;
        if (s?.formula) d.formula = s.formula;
        else delete d.formula;
        d.format = s?.format ? cloneFormat(s.format) : undefined;
        const note = this.sheet.notes.get(cellAddress({ row: src.top + i, col: src.left + j }));
        const at = cellAddress({ row: to.top + i, col: to.left + j });
        if (note !== undefined) dest.sheet.notes.set(at, note);
        else dest.sheet.notes.delete(at);
      }
    for (const m of merged)
      dest.sheet.merge({
        top: to.top + m.top - src.top,
        left: to.left + m.left - src.left,
        bottom: to.top + m.bottom - src.top,
        right: to.left + m.right - src.left,
      });
  }
  Select(): void {
    this.app.count();
    if (this.app.activeSheet() !== this.sheet) throw new WpsError("Select: the range's sheet is not the active one");
    this.app.workbook.selection = { sheet: this.sheet.name, address: areaAddress(this.area) };
  }
}

function validationOf(app: App, sheet: FakeSheet, areas: Area[], allowed: (what: string) => void): EtValidation {
  const mine = () => sheet.validations.filter((v) => areas.some((a) => areasOverlap(a, v.area)));
  const alert = (key: string, value: unknown) => {
    app.count();
    for (const v of mine()) v.errorAlert = { ...(v.errorAlert as object), [key]: value };
  };
  return {
    Add(type: number, alertStyle?: number, operator?: number, formula1?: string, formula2?: string) {
      app.count();
      allowed("Validation.Add");
      if (mine().length) throw new WpsError("the cells already carry a rule: Validation.Delete first");
      const kind = type === XL.validate.decimal ? "decimal" : type === XL.validate.list ? "list" : undefined;
      if (!kind) throw new WpsError(`Validation type ${type} not in this fake`);
      for (const a of areas) sheet.validations.push({ area: a, rule: { [kind]: { alertStyle, operator, formula1, formula2 } } });
    },
    Delete() {
      app.count();
      allowed("Validation.Delete");
      sheet.validations = sheet.validations.filter((v) => !areas.some((a) => areasOverlap(a, v.area)));
    },
    set ErrorTitle(v: string) {
      alert("title", v);
    },
    set ErrorMessage(v: string) {
      alert("message", v);
    },
    set ShowError(v: boolean) {
      alert("showAlert", v);
    },
    set InCellDropdown(v: boolean) {
      alert("inCellDropDown", v);
    },
  };
}

export function commentsOf(app: App, sheet: FakeSheet): EtComments {
  const notes = [...sheet.notes];
  return {
    get Count() {
      app.count();
      return notes.length;
    },
    Item(index: number): EtComment {
      app.count();
      const note = notes[index - 1];
      if (!note) throw new WpsError(`下标越界：Comments.Item(${index})`);
      const p = parseCell(note[0]);
      return {
        get Parent() {
          app.count();
          return new FakeRange(app, sheet, [{ top: p.row, left: p.col, bottom: p.row, right: p.col }]);
        },
        Text() {
          app.count();
          return note[1];
        },
      };
    },
  };
}
