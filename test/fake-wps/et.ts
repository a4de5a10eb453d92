/**
 * A fake WPS 表格 for tests, as test/fake-excel is for Office.js: the same in-memory workbook
 * behind the VBA-shaped ET model — collections indexed from 1 with Item, Value2 and Formula as 2-D
 * arrays (a single cell's as a scalar), NumberFormat and MergeCells null where a range's cells
 * differ, MergeArea of a range's first cell, comments with their cell as Parent, sheets hidden and
 * very hidden. Every property read and method call is a call into WPS, and is counted.
 */
import { Area, areaAddress, parseArea, parseCell } from "../../src/core/address";
import { EtApplication, EtComment, EtComments, EtRange, EtValue, EtWorkbook, EtWorksheet, EtWorksheets, XL_SHEET } from "../../src/wps/et";
import { FakeSheet, FakeWorkbook } from "../fake-excel/model";

export class FakeWps implements EtApplication {
  calls = 0;
  constructor(readonly workbook: FakeWorkbook) {}
  count(): void {
    this.calls++;
  }
  get ActiveWorkbook(): EtWorkbook {
    this.count();
    return new Workbook(this);
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
    if (!sheet) throw new Error(`下标越界：Worksheets.Item(${JSON.stringify(index)})`);
    return new Worksheet(this.app, sheet);
  }
}

const VISIBLE = { Visible: XL_SHEET.visible, Hidden: XL_SHEET.hidden, VeryHidden: XL_SHEET.veryHidden } as const;

class Worksheet implements EtWorksheet {
  constructor(
    private readonly app: FakeWps,
    private readonly sheet: FakeSheet,
  ) {}
  get Name(): string {
    this.app.count();
    return this.sheet.name;
  }
  get Visible(): number {
    this.app.count();
    return VISIBLE[this.sheet.visibility];
  }
  get UsedRange(): EtRange {
    this.app.count();
    // formatted cells count, as in Excel's and WPS's UsedRange
    return new Range(this.app, this.sheet, this.sheet.usedArea(false) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  Range(address: string): EtRange {
    this.app.count();
    return new Range(this.app, this.sheet, parseArea(address.replace(/\$/g, "")));
  }
  get Comments(): EtComments {
    this.app.count();
    const notes = [...this.sheet.notes];
    const app = this.app;
    const sheet = this.sheet;
    return {
      get Count() {
        app.count();
        return notes.length;
      },
      Item(index: number): EtComment {
        app.count();
        const note = notes[index - 1];
        if (!note) throw new Error(`下标越界：Comments.Item(${index})`);
        const p = parseCell(note[0]);
        return {
          get Parent() {
            app.count();
            return new Range(app, sheet, { top: p.row, left: p.col, bottom: p.row, right: p.col });
          },
          Text() {
            app.count();
            return note[1];
          },
        };
      },
    };
  }
}

class Range implements EtRange {
  constructor(
    private readonly app: FakeWps,
    private readonly sheet: FakeSheet,
    private readonly area: Area,
  ) {}
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
    return this.area.top === this.area.bottom && this.area.left === this.area.right;
  }
  /** one value when all cells agree, else null */
  private common<T>(f: (row: number, col: number) => T): T | null {
    const all = this.cells(f).flat();
    return all.every((v) => v === all[0]) ? all[0] : null;
  }
  private mergeOf(row: number, col: number): Area | undefined {
    return this.sheet.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }
  get Address(): string {
    this.app.count();
    const abs = (a: string) => a.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    return abs(areaAddress(this.area));
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
        return new Range(app, sheet, { ...area, left: area.left + index - 1, right: area.left + index - 1 });
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
  get Formula(): string | string[][] {
    this.app.count();
    const formula = (r: number, c: number): string => {
      const cell = this.sheet.cell(r, c);
      if (cell?.formula) return cell.formula;
      return cell?.value === null || cell?.value === undefined ? "" : String(cell.value);
    };
    return this.single() ? formula(this.area.top, this.area.left) : this.cells(formula);
  }
  get NumberFormat(): string | null {
    this.app.count();
    return this.common((r, c) => this.sheet.format(r, c).numberFormat);
  }
  get MergeCells(): boolean | null {
    this.app.count();
    return this.common((r, c) => this.mergeOf(r, c) !== undefined);
  }
  get MergeArea(): EtRange {
    this.app.count();
    const { top, left } = this.area;
    return new Range(this.app, this.sheet, this.mergeOf(top, left) ?? { top, left, bottom: top, right: left });
  }
  Item(row: number, column: number): EtRange {
    this.app.count();
    const r = this.area.top + row - 1;
    const c = this.area.left + column - 1;
    return new Range(this.app, this.sheet, { top: r, left: c, bottom: r, right: c });
  }
}
