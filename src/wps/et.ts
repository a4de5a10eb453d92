/**
 * The part of WPS 表格's object model (the ET model, VBA-shaped: synchronous, collections indexed
 * from 1 with Item, Value2 as a 2-D array) that the adapter uses, typed structurally. The names are
 * those of wps-jsapi's lib.et.d.ts; its own types are mostly `any`, so these say what we rely on,
 * and test/wps/vendor-names.ts checks every name here against the vendor's.
 */
export interface EtApplication {
  ActiveWorkbook: EtWorkbook;
  ActiveSheet: EtWorksheet;
  /** freeze panes live on the window, for the sheet it shows */
  ActiveWindow: EtWindow;
  /** off while a plan runs: a merge or a sheet's deletion would otherwise stop on a dialog */
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
}

export interface EtWorkbook {
  Worksheets: EtWorksheets;
}

export interface EtWorksheets {
  Count: number;
  Item(index: number | string): EtWorksheet;
  /** a new sheet before or after the one given */
  Add(Before?: EtWorksheet | null, After?: EtWorksheet | null): EtWorksheet;
}

/** xlSheetVisible, xlSheetHidden, xlSheetVeryHidden */
export const XL_SHEET = { visible: -1, hidden: 0, veryHidden: 2 } as const;

/** The ET (VBA) enumerations the adapter writes. */
export const XL = {
  /** xlNone / xlColorIndexNone: no fill */
  none: -4142,
  solid: 1,
  continuous: 1,
  thin: 2,
  medium: -4138,
  /** xlEdgeTop … xlInsideHorizontal */
  edges: [8, 9, 7, 10, 12, 11],
  horizontal: { left: -4131, center: -4108, right: -4152 },
  vertical: { top: -4160, middle: -4108, bottom: -4107 },
  validate: { decimal: 2, list: 3 },
  alertStop: 1,
  operator: { between: 1, greaterOrEqual: 7, lessOrEqual: 8 },
  orientation: { portrait: 1, landscape: 2 },
  paperA4: 9,
} as const;

export interface EtWorksheet {
  Name: string;
  Visible: number;
  UsedRange: EtRange;
  Range(address: string): EtRange;
  Comments: EtComments;
  Hyperlinks: { Add(Anchor: EtRange, Address: string, SubAddress?: string, ScreenTip?: string, TextToDisplay?: string): unknown };
  PageSetup: EtPageSetup;
  Delete(): void;
  Activate(): void;
  /** positional, as in VBA: Password, DrawingObjects, Contents, Scenarios, UserInterfaceOnly, AllowFormattingCells, AllowFormattingColumns, AllowFormattingRows, AllowInsertingColumns, AllowInsertingRows, AllowInsertingHyperlinks, AllowDeletingColumns, AllowDeletingRows */
  Protect(...args: (string | boolean | undefined)[]): void;
}

export interface EtWindow {
  /** the first row and column shown: the split counts from them */
  ScrollRow: number;
  ScrollColumn: number;
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

export interface EtPageSetup {
  Orientation: number;
  PaperSize: number;
  /** false when the fit-to-pages settings apply */
  Zoom: number | false;
  FitToPagesWide: number | false;
  FitToPagesTall: number | false;
  CenterHorizontally: boolean;
  CenterFooter: string;
  PrintTitleRows: string;
}

/** A single cell's Value2 is a scalar; a block's, rows of values. Empty cells read undefined (or ""). */
export type EtValue = string | number | boolean | undefined | null;

export interface EtInterior {
  /** BGR: red + green·256 + blue·65536 */
  Color: number;
  /** xlNone when the cell has no fill */
  Pattern: number;
}

export interface EtFont {
  Bold: boolean;
  Italic: boolean;
  /** BGR */
  Color: number;
  Size: number;
  Name: string;
}

export interface EtValidation {
  Add(Type: number, AlertStyle?: number, Operator?: number, Formula1?: string, Formula2?: string): void;
  Delete(): void;
  ErrorTitle: string;
  ErrorMessage: string;
  ShowError: boolean;
  InCellDropdown: boolean;
}

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
  Interior: EtInterior;
  Font: EtFont;
  Borders: { Item(index: number): { LineStyle: number; Weight: number } };
  HorizontalAlignment: number;
  VerticalAlignment: number;
  WrapText: boolean;
  /** in characters of the default font, as the user sees it; set on a cell, it sizes the column */
  ColumnWidth: number;
  /** in points; set on a cell, it sizes the row */
  RowHeight: number;
  Locked: boolean;
  Validation: EtValidation;
  Merge(Across?: boolean): void;
  UnMerge(): void;
  /** a comment (a note, in Excel's words); fails where the cell already has one */
  AddComment(Text: string): unknown;
  ClearComments(): void;
  ClearContents(): void;
  /** everything (values, formats, comment) onto Destination, without the clipboard */
  Copy(Destination: EtRange): void;
  Select(): void;
}

export interface EtComments {
  Count: number;
  Item(index: number): EtComment;
}

export interface EtComment {
  Parent: EtRange;
  Text(): string;
}
