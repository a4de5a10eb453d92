/**
 * The part of WPS 表格's object model (the ET model, VBA-shaped: synchronous, collections indexed
 * from 1 with Item, Value2 as a 2-D array) that the adapter uses, typed structurally. The names are
 * those of wps-jsapi's lib.et.d.ts; its own types are mostly `any`, so these say what we rely on.
 */
export interface EtApplication {
  ActiveWorkbook: EtWorkbook;
}

export interface EtWorkbook {
  Worksheets: EtWorksheets;
}

export interface EtWorksheets {
  Count: number;
  Item(index: number | string): EtWorksheet;
}

/** xlSheetVisible, xlSheetHidden, xlSheetVeryHidden */
export const XL_SHEET = { visible: -1, hidden: 0, veryHidden: 2 } as const;

export interface EtWorksheet {
  Name: string;
  Visible: number;
  UsedRange: EtRange;
  Range(address: string): EtRange;
  Comments: EtComments;
}

/** A single cell's Value2 is a scalar; a block's, rows of values. Empty cells read undefined (or ""). */
export type EtValue = string | number | boolean | undefined | null;

export interface EtRange {
  /** "$A$1:$C$4" */
  Address: string;
  /** 1-based */
  Row: number;
  Column: number;
  Rows: { Count: number };
  Columns: { Count: number; Item(index: number): EtRange };
  Value2: EtValue | EtValue[][];
  /** each cell's formula, or its constant as text, "" when empty */
  Formula: string | string[][];
  /** one format when every cell shares it, else null */
  NumberFormat: string | null;
  /** true, false, or null when some cells are merged and some not */
  MergeCells: boolean | null;
  MergeArea: EtRange;
  Item(row: number, column: number): EtRange;
}

export interface EtComments {
  Count: number;
  Item(index: number): EtComment;
}

export interface EtComment {
  Parent: EtRange;
  Text(): string;
}
