/**
 * Everything a WritePlan can change, read back the same way from an ExcelJS workbook and from the
 * fake Office host, so the two adapters can be compared cell by cell.
 */
import ExcelJS from "exceljs";
import { areaAddress, areaCells, cellAddress, parseArea } from "../../src/core/address";
import { CellValue } from "../../src/core/grid";
import { FakeWorkbook } from "../fake-excel/model";

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
  landscape: boolean;
  validations: string[];
}

function prune(c: CellState): CellState | undefined {
  const out = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && v !== null && v !== "")) as CellState;
  return Object.keys(out).length ? out : undefined;
}

const hex = (argb: string | undefined) => (argb ? `#${argb.slice(-6).toUpperCase()}` : undefined);

function borderCode(b: Record<string, string | null | undefined>): string | undefined {
  const parts = (["top", "bottom", "left", "right"] as const)
    .filter((e) => b[e])
    .map((e) => (b[e] === "medium" ? e[0].toUpperCase() : e[0]));
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
      landscape: s.pageLayout.orientation === "Landscape",
      validations: s.validations.flatMap((v) => expandValidation(areaAddress(v.area)).map((a) => `${a}:${Object.keys(v.rule as object)[0]}`)).sort(),
    };
  });
}

export function xlsxState(wb: ExcelJS.Workbook): SheetState[] {
  return wb.worksheets.map((ws) => {
    const cells: Record<string, CellState> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const v = c.value as unknown;
        let value: CellValue | undefined;
        let formula: string | undefined;
        let link: string | undefined;
        if (v && typeof v === "object" && "formula" in (v as object)) formula = `=${(v as { formula: string }).formula}`;
        else if (v && typeof v === "object" && "hyperlink" in (v as object)) {
          value = (v as { text: string }).text;
          link = (v as { hyperlink: string }).hyperlink.replace(/^#/, "");
        } else if (v && typeof v === "object" && "richText" in (v as object)) {
          value = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
        } else value = v as CellValue;
        if (c.isMerged && c.master.address !== c.address) value = undefined;
        const note = c.note as unknown;
        const fill = c.fill as ExcelJS.FillPattern | undefined;
        const b = c.border ?? {};
        const state = prune({
          value,
          formula,
          numberFormat: c.numFmt && c.numFmt !== "General" ? c.numFmt : undefined,
          fill: fill?.type === "pattern" && fill.pattern === "solid" ? hex(fill.fgColor?.argb) : undefined,
          bold: c.font?.bold ? true : undefined,
          italic: c.font?.italic ? true : undefined,
          fontColor: c.font?.color?.argb && hex(c.font.color.argb) !== "#000000" ? hex(c.font.color.argb) : undefined,
          borders: borderCode({ top: b.top?.style, bottom: b.bottom?.style, left: b.left?.style, right: b.right?.style }),
          horizontal: c.alignment?.horizontal,
          wrap: c.alignment?.wrapText ? true : undefined,
          unlocked: c.protection?.locked === false ? true : undefined,
          note: typeof note === "string" ? note : note ? (note as { texts: { text: string }[] }).texts.map((t) => t.text).join("") : undefined,
          link,
        });
        if (state) cells[c.address] = state;
      }),
    );
    const view = (ws.views ?? [])[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model;
    return {
      name: ws.name,
      visibility: ws.state ?? "visible",
      cells,
      merges: ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) => areaAddress(parseArea(m))).sort(),
      frozen: view?.state === "frozen" ? { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 } : { rows: 0, columns: 0 },
      protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
      landscape: ws.pageSetup.orientation === "landscape",
      validations: Object.entries(dv)
        .flatMap(([addr, rule]) => expandValidation(addr).map((a) => `${a}:${rule.type}`))
        .sort(),
    };
  });
}

/** ExcelJS keeps validations per cell after a reload: compare cell by cell. */
function expandValidation(addr: string): string[] {
  return [...areaCells(parseArea(addr))].map(cellAddress);
}
