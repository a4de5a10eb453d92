/**
 * Everything a WritePlan can change, read back the same way from an ExcelJS workbook and from the
 * fake Office host, so the two adapters can be compared cell by cell.
 */
import ExcelJS from "exceljs";
import { areaAddress, parseArea } from "../../src/core/address";
import { CellValue } from "../../src/core/grid";
import { CellState, SheetState, borderCode, expandValidation, hex, prune } from "../fake-excel/state";

export { fakeState } from "../fake-excel/state";
export type { CellState, SheetState } from "../fake-excel/state";

export function xlsxState(wb: ExcelJS.Workbook): SheetState[] {
  return wb.worksheets.map((ws) => {
    const cells: Record<string, CellState> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const v = c.value as unknown;
        let value: CellValue | undefined;
        let formula: string | undefined;
        let linkTo: string | undefined;
        const link = v && typeof v === "object" && "formula" in v ? /^HYPERLINK\("#(.+)","(.*)"\)$/.exec((v as { formula: string }).formula) : null;
        if (link) {
          value = link[2];
          linkTo = link[1];
        } else if (v && typeof v === "object" && "formula" in v) formula = `=${(v as { formula: string }).formula}`;
        else if (v && typeof v === "object" && "richText" in v) {
          value = (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
        } else value = v as CellValue;
        // a merged block's other cells read back the master's content in ExcelJS: they hold none
        if (c.isMerged && c.master.address !== c.address) {
          value = undefined;
          formula = undefined;
        }
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
          link: linkTo,
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
      rowsEditable: rowsEditable(ws),
      landscape: ws.pageSetup.orientation === "landscape",
      // ExcelJS keeps the footer with its section code; Office's centerFooter is the centre section itself
      printLayout: { centered: Boolean(ws.pageSetup.horizontalCentered), footer: (ws.headerFooter?.oddFooter ?? "").replace(/^&C/, "") },
      validations: Object.entries(dv)
        .flatMap(([addr, rule]) => expandValidation(addr).map((a) => `${a}:${rule.type}`))
        .sort(),
    };
  });
}

/** ExcelJS keeps what a protection allows as flags beside it (insertRows, deleteRows). */
function rowsEditable(ws: ExcelJS.Worksheet): boolean {
  const p = (ws as unknown as { sheetProtection?: { sheet?: boolean; insertRows?: boolean; deleteRows?: boolean } }).sheetProtection;
  return !p?.sheet || (p.insertRows === true && p.deleteRows === true);
}
