/** What a WritePlan can change, read back from the fake host's workbook (no ExcelJS here: it runs in the browser shim too). */
import { areaAddress, areaCells, cellAddress, parseArea } from "../../src/core/address";
import { CellValue } from "../../src/core/grid";
import { FakeWorkbook } from "./model";

export interface CellState {
  value?: CellValue;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  bold?: true;
  italic?: true;
  fontColor?: string;
  /** e.g. "t,b,l,r" for thin on all four, "T" for medium */
  borders?: string;
  horizontal?: string;
  wrap?: true;
  unlocked?: true;
  note?: string;
  link?: string;
}

export interface SheetState {
  name: string;
  visibility: string;
  cells: Record<string, CellState>;
  merges: string[];
  frozen: { rows: number; columns: number };
  protected: boolean;
  /** a protected sheet still lets the accountant insert and delete rows */
  rowsEditable: boolean;
  landscape: boolean;
  /** printed centred on the page, with "第 &P 页，共 &N 页" in the footer */
  printLayout: { centered: boolean; footer: string };
  validations: string[];
  /** charts as "Pie Sheet!C2:D7 “title” @F2" (absent when the sheet has none) */
  charts?: string[];
}

export function prune(c: CellState): CellState | undefined {
  const out = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && v !== null && v !== "")) as CellState;
  return Object.keys(out).length ? out : undefined;
}

export const hex = (argb: string | undefined) => (argb ? `#${argb.slice(-6).toUpperCase()}` : undefined);

export function borderCode(b: Record<string, string | null | undefined>): string | undefined {
  const parts = (["top", "bottom", "left", "right"] as const).filter((e) => b[e]).map((e) => (b[e] === "medium" ? e[0].toUpperCase() : e[0]));
  return parts.length ? parts.join(",") : undefined;
}

export function fakeState(wb: FakeWorkbook): SheetState[] {
  return wb.sheets.map((s) => {
    const cells: Record<string, CellState> = {};
    const keys = new Set<string>();
    for (const key of s.cells.keys()) keys.add(cellAddress({ row: Math.floor(key / 16384), col: key % 16384 }));
    for (const a of s.notes.keys()) keys.add(a);
    for (const a of s.comments.keys()) keys.add(a);
    for (const address of keys) {
      const p = parseArea(address);
      const c = s.cell(p.top, p.left);
      const f = c?.format;
      const state = prune({
        value: c?.formula ? undefined : c?.value,
        formula: c?.formula,
        numberFormat: f && f.numberFormat !== "General" ? f.numberFormat : undefined,
        fill: f?.fill ?? undefined,
        bold: f?.font.bold ? true : undefined,
        italic: f?.font.italic ? true : undefined,
        fontColor: f && f.font.color !== "#000000" ? f.font.color : undefined,
        borders: f ? borderCode(f.borders) : undefined,
        horizontal: f && f.horizontal !== "General" ? f.horizontal.toLowerCase() : undefined,
        wrap: f?.wrapText ? true : undefined,
        unlocked: f && !f.locked ? true : undefined,
        note: s.notes.get(address) ?? s.comments.get(address),
        link: c?.hyperlink?.documentReference,
      });
      if (state) cells[address] = state;
    }
    return {
      name: s.name,
      visibility: s.visibility.charAt(0).toLowerCase() + s.visibility.slice(1),
      cells,
      merges: s.merges.map(areaAddress).sort(),
      frozen: s.frozen,
      protected: s.protected,
      rowsEditable: !s.protected || (s.protectionOptions.allowInsertRows === true && s.protectionOptions.allowDeleteRows === true),
      landscape: s.pageLayout.orientation === "Landscape",
      printLayout: { centered: s.pageLayout.centerHorizontally, footer: s.pageLayout.centerFooter },
      charts: s.charts.length ? s.charts.map((c) => `${c.type} ${c.source} “${c.title}” @${c.position}`) : undefined,
      validations: s.validations.flatMap((v) => expandValidation(areaAddress(v.area)).map((a) => `${a}:${Object.keys(v.rule as object)[0]}`)).sort(),
    };
  });
}

/** ExcelJS keeps validations per cell after a reload: compare cell by cell. */
export function expandValidation(addr: string): string[] {
  return [...areaCells(parseArea(addr))].map(cellAddress);
}
