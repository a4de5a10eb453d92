/** The in-memory workbook behind the fake Office.js host: plain state, no Office semantics here. */
import { Area, areaCells, areasOverlap, parseArea, areaAddress, qualified } from "../../src/core/address";
import { CellValue } from "../../src/core/grid";

export type Edge = "top" | "bottom" | "left" | "right";

export interface FakeFont {
  bold: boolean;
  italic: boolean;
  color: string;
  name: string;
  size: number;
}

export interface FakeFormat {
  fill: string | null;
  font: FakeFont;
  numberFormat: string;
  borders: Record<Edge, "thin" | "medium" | null>;
  horizontal: string;
  vertical: string;
  wrapText: boolean;
  locked: boolean;
}

/** Which sides of a cell an Excel border index draws; a shared edge belongs to both neighbours. */
export const EDGES: Record<string, (a: Area, row: number, col: number) => Edge[]> = {
  EdgeTop: (a, r) => (r === a.top ? ["top"] : []),
  EdgeBottom: (a, r) => (r === a.bottom ? ["bottom"] : []),
  EdgeLeft: (a, _r, c) => (c === a.left ? ["left"] : []),
  EdgeRight: (a, _r, c) => (c === a.right ? ["right"] : []),
  InsideHorizontal: (a, r) => [...(r < a.bottom ? (["bottom"] as Edge[]) : []), ...(r > a.top ? (["top"] as Edge[]) : [])],
  InsideVertical: (a, _r, c) => [...(c < a.right ? (["right"] as Edge[]) : []), ...(c > a.left ? (["left"] as Edge[]) : [])],
};

export interface FakeValidation {
  area: Area;
  rule: unknown;
  errorAlert?: unknown;
}

export interface FakeCell {
  value: CellValue;
  formula?: string;
  format?: FakeFormat;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
}

/**
 * What Excel and WPS keep of text written without the text prefix: what reads as a number is a
 * number, as if typed ("01" → 1, "1,131.80" → 1131.8, "-5" → -5). Other text stays text.
 */
export function asTyped(v: CellValue): CellValue {
  if (typeof v !== "string") return v;
  const t = v.trim();
  if (/^-?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$/.test(t) && /\d/.test(t)) return Number(t.replace(/,/g, ""));
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  return v;
}

/**
 * A value written to a cell as Excel and WPS keep it: "=…" a formula (no result kept: the host
 * recalculates), the text prefix "'" taken off, "" empty, anything else as typed (asTyped).
 */
export function storeTyped(c: FakeCell, v: CellValue | undefined): void {
  if (typeof v === "string" && v.startsWith("=")) {
    c.formula = v;
    c.value = null;
    return;
  }
  delete c.formula;
  if (typeof v === "string" && v.startsWith("'")) c.value = v.slice(1);
  else c.value = v === "" || v === undefined || v === null ? null : asTyped(v);
}

export const DEFAULT_FONT: FakeFont = Object.freeze({ bold: false, italic: false, color: "#000000", name: "Calibri", size: 11 });

export function defaultFormat(): FakeFormat {
  return {
    fill: null,
    font: { ...DEFAULT_FONT },
    numberFormat: "General",
    borders: { top: null, bottom: null, left: null, right: null },
    horizontal: "General",
    vertical: "Bottom",
    wrapText: false,
    locked: true,
  };
}

export function cloneFormat(f: FakeFormat): FakeFormat {
  return { ...f, font: { ...f.font }, borders: { ...f.borders } };
}

const KEY_STRIDE = 16_384;

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  merges: Area[] = [];
  notes = new Map<string, string>();
  comments = new Map<string, string>();
  frozen = { rows: 0, columns: 0 };
  protected = false;
  /** what the protection lets the accountant still do (Excel.WorksheetProtectionOptions) */
  protectionOptions: Record<string, boolean> = {};
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  pageLayout = {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: {} as Record<string, unknown>,
    printTitleRows: "",
    centerHorizontally: false,
    centerFooter: "",
  };
  /** points, by 0-based column */
  columnWidths = new Map<number, number>();
  /** points, by 0-based row */
  rowHeights = new Map<number, number>();
  validations: FakeValidation[] = [];
  charts: { type: string; source: string; seriesBy: string; title: string; position: string }[] = [];

  constructor(public name: string) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(row * KEY_STRIDE + col);
  }

  /** The cell, created on first write. */
  touch(row: number, col: number): FakeCell {
    const key = row * KEY_STRIDE + col;
    let c = this.cells.get(key);
    if (!c) {
      c = { value: null };
      this.cells.set(key, c);
    }
    return c;
  }

  format(row: number, col: number): FakeFormat {
    return this.cell(row, col)?.format ?? defaultFormat();
  }

  /** Mutable format of a cell (copy-on-write from the default). */
  formatForWrite(row: number, col: number): FakeFormat {
    const c = this.touch(row, col);
    if (!c.format) c.format = defaultFormat();
    return c.format;
  }

  /** Bounding box of cells with content (and, unless valuesOnly, with a non-default format). */
  usedArea(valuesOnly: boolean): Area | undefined {
    let a: Area | undefined;
    for (const [key, c] of this.cells) {
      const hasValue = (c.value !== null && c.value !== "") || c.formula !== undefined;
      if (!hasValue && (valuesOnly || !c.format)) continue;
      const row = Math.floor(key / KEY_STRIDE);
      const col = key % KEY_STRIDE;
      if (!a) a = { top: row, left: col, bottom: row, right: col };
      else {
        a.top = Math.min(a.top, row);
        a.left = Math.min(a.left, col);
        a.bottom = Math.max(a.bottom, row);
        a.right = Math.max(a.right, col);
      }
    }
    return a;
  }

  merge(area: Area): void {
    // Excel keeps the top-left value of a merged block and clears the rest
    for (const p of areaCells(area)) {
      if (p.row === area.top && p.col === area.left) continue;
      const c = this.cell(p.row, p.col);
      if (c) {
        c.value = null;
        delete c.formula;
      }
    }
    this.merges = this.merges.filter((m) => !areasOverlap(m, area));
    this.merges.push(area);
  }

  address(area: Area): string {
    return qualified(this.name, areaAddress(area));
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  settings = new Map<string, unknown>();
  selection?: { sheet: string; address: string };
  /** the sheet the user is on (the first one until another is activated) */
  active?: string;

  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`sheet exists: ${name}`);
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }

  /** Convenience for tests: fill a sheet from a 2-D array at A1 (or origin). */
  static fromValues(sheets: Record<string, CellValue[][]>): FakeWorkbook {
    const wb = new FakeWorkbook();
    for (const [name, rows] of Object.entries(sheets)) {
      const s = wb.addSheet(name);
      rows.forEach((r, i) =>
        r.forEach((v, j) => {
          if (v === null || v === "") return;
          if (typeof v === "string" && v.startsWith("=")) s.touch(i, j).formula = v;
          else s.touch(i, j).value = v;
        }),
      );
    }
    return wb;
  }
}

export function areaOf(address: string): Area {
  return parseArea(address);
}
