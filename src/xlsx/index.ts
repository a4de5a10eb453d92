/**
 * The file adapter: .xlsx ⇄ the core's plain data. Same contract as src/excel.
 * - An accountant's workbook is a WorkbookFile: read as streams from its package, marked by
 *   changing only the parts the marks need (./package), saved as a copy.
 * - New workbooks (templates, the batch's 汇总) are built with ExcelJS: newWorkbook, applyPlan,
 *   saveWorkbook. readGrids reads such an in-memory workbook back.
 */
import ExcelJS from "exceljs";
import { areaAddress, areaCells, columnIndex, parseArea, qualified, splitQualified } from "../core/address";
import { Cell, CellValue, CellsByKey, Grid, SHEET_COLUMNS, SheetVisibility, gridFromCells } from "../core/grid";
import { PAGE_FOOTER, PlanOp, WritePlan } from "../core/plan";
import { UnusableWorkbookError } from "./package/zip";

/** A workbook as this adapter holds it: the rest of the program passes it along, never looks inside. */
export type Workbook = ExcelJS.Workbook;

/** An empty workbook, for a WritePlan to fill (templates, the batch's 汇总). */
export function newWorkbook(): Workbook {
  return new ExcelJS.Workbook();
}

export { UnusableWorkbookError };
export { WorkbookFile, readWorkbook } from "./file";

/** Load a workbook from bytes; anything that is not a readable .xlsx becomes one clear message. */
export async function loadWorkbook(data: Buffer | ArrayBuffer, name = "工作簿"): Promise<ExcelJS.Workbook> {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(new Uint8Array(data));
  if (bytes.length === 0) throw new UnusableWorkbookError(`${name}：文件为空（0 字节）`);
  // OLE compound file: an encrypted (password-protected) .xlsx or an old .xls
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw new UnusableWorkbookError(`${name}：文件已加密（设置了打开密码）或为旧版 .xls 格式，请在 Excel 中另存为未加密的 .xlsx`);
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new UnusableWorkbookError(`${name}：不是 .xlsx 文件（不是 zip 格式）`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new UnusableWorkbookError(`${name}：无法读取 .xlsx（文件损坏或不完整：${(e as Error).message}）`);
  }
  return wb;
}

/** ExcelJS's many cell value shapes → the core's value and formula. */
function readCell(c: ExcelJS.Cell): Cell {
  const v = c.value as unknown;
  const cell: Cell = { value: null };
  if (v === null || v === undefined) cell.value = null;
  else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") cell.value = v;
  else if (v instanceof Date) cell.value = v.toISOString().slice(0, 10);
  else if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const f = (o.formula ?? c.formula) as string | undefined;
      if (f) cell.formula = `=${f}`;
      const r = o.result;
      cell.value = r === undefined || r === null ? null : typeof r === "object" ? ((r as { error?: string }).error ?? null) : (r as CellValue);
      if (r instanceof Date) cell.value = r.toISOString().slice(0, 10);
    } else if ("richText" in o) cell.value = (o.richText as { text: string }[]).map((t) => t.text).join("");
    else if ("error" in o) cell.value = String(o.error);
    else if ("text" in o) cell.value = String(o.text);
    else cell.value = JSON.stringify(v);
  }
  if (c.numFmt && c.numFmt !== "General") cell.numberFormat = c.numFmt;
  const note = c.note as unknown;
  if (typeof note === "string") cell.note = note;
  else if (note && typeof note === "object" && Array.isArray((note as { texts?: unknown[] }).texts)) {
    cell.note = (note as { texts: { text: string }[] }).texts.map((t) => t.text).join("");
  }
  return cell;
}

function visibilityOf(ws: ExcelJS.Worksheet): SheetVisibility {
  return ws.state === "veryHidden" ? "veryHidden" : ws.state === "hidden" ? "hidden" : "visible";
}

/** Merged areas as ExcelJS keeps them ("A1:C1"). */
function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  return merges.map((m) => areaAddress(parseArea(m)));
}

export function readGrids(wb: ExcelJS.Workbook): Grid[] {
  return wb.worksheets.map((ws) => {
    const cells: CellsByKey = new Map();
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (c, col) => {
        const cell = readCell(c);
        if (cell.value === null && !cell.formula && !cell.note) return;
        // a merged block's value sits in its master; the others repeat it in ExcelJS
        if (c.isMerged && c.master.address !== c.address) return;
        cells.set((r - 1) * SHEET_COLUMNS + col - 1, cell);
      });
    });
    return gridFromCells(ws.name, visibilityOf(ws), mergesOf(ws), cells);
  });
}

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

function each(ws: ExcelJS.Worksheet, address: string, f: (c: ExcelJS.Cell) => void): void {
  for (const p of areaCells(parseArea(address))) f(ws.getCell(p.row + 1, p.col + 1));
}

/** Styles may be shared between cells after a load: always give a cell its own copy. */
function restyle(c: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  c.style = { ...c.style, ...patch };
}

function cloneStyle(s: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  return JSON.parse(JSON.stringify(s ?? {})) as Partial<ExcelJS.Style>;
}

const PAPER_A4 = 9;
const DEFAULT_FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11, family: 2 };

export async function applyPlan(wb: ExcelJS.Workbook, plan: WritePlan): Promise<void> {
  const sheet = (name: string): ExcelJS.Worksheet => {
    const ws = wb.getWorksheet(name);
    if (!ws) throw new Error(`工作表“${name}”不存在`);
    return ws;
  };
  for (const op of plan.ops) await applyOp(op);

  async function applyOp(op: PlanOp): Promise<void> {
    switch (op.op) {
      case "addSheet":
        if (wb.getWorksheet(op.sheet)) throw new Error(`工作表“${op.sheet}”已存在`);
        wb.addWorksheet(op.sheet, { state: op.visibility ?? "visible" });
        return;
      case "deleteSheet":
        wb.removeWorksheet(sheet(op.sheet).id);
        return;
      case "setValues": {
        const ws = sheet(op.sheet);
        const a = parseArea(op.address);
        op.values.forEach((r, i) => r.forEach((v, j) => (ws.getCell(a.top + i + 1, a.left + j + 1).value = v)));
        return;
      }
      case "setFormulas": {
        const ws = sheet(op.sheet);
        const a = parseArea(op.address);
        op.formulas.forEach((r, i) =>
          r.forEach((f, j) => {
            const c = ws.getCell(a.top + i + 1, a.left + j + 1);
            c.value = f.startsWith("=") ? { formula: f.slice(1) } : f;
          }),
        );
        return;
      }
      case "merge":
        sheet(op.sheet).mergeCells(op.address);
        return;
      case "numberFormat":
        each(sheet(op.sheet), op.address, (c) => restyle(c, { numFmt: op.format }));
        return;
      case "fill": {
        const ws = sheet(op.sheet);
        const fill: ExcelJS.Fill | undefined = op.color === null ? undefined : { type: "pattern", pattern: "solid", fgColor: { argb: argb(op.color) } };
        for (const a of op.addresses) each(ws, a, (c) => restyle(c, { fill: fill }));
        return;
      }
      case "font": {
        const ws = sheet(op.sheet);
        for (const a of op.addresses)
          each(ws, a, (c) => {
            // ExcelJS replaces the whole font: carry over what the cell had (Excel's default if nothing)
            const font: Partial<ExcelJS.Font> = { ...(c.font ?? DEFAULT_FONT) };
            if (op.font.bold !== undefined) font.bold = op.font.bold;
            if (op.font.italic !== undefined) font.italic = op.font.italic;
            if (op.font.color !== undefined) font.color = { argb: argb(op.font.color) };
            if (op.font.size !== undefined) font.size = op.font.size;
            if (op.font.name !== undefined) font.name = op.font.name;
            restyle(c, { font });
          });
        return;
      }
      case "borders": {
        const side = { style: op.style } as ExcelJS.Border;
        each(sheet(op.sheet), op.address, (c) => restyle(c, { border: { top: side, bottom: side, left: side, right: side } }));
        return;
      }
      case "alignment":
        each(sheet(op.sheet), op.address, (c) =>
          restyle(c, {
            alignment: {
              ...(c.alignment ?? {}),
              ...(op.horizontal ? { horizontal: op.horizontal } : {}),
              ...(op.vertical ? { vertical: op.vertical } : {}),
              ...(op.wrapText !== undefined ? { wrapText: op.wrapText } : {}),
            },
          }),
        );
        return;
      case "columnWidth": {
        const ws = sheet(op.sheet);
        for (const c of op.columns) ws.getColumn(columnIndex(c.column) + 1).width = c.width;
        return;
      }
      case "rowHeight": {
        const ws = sheet(op.sheet);
        for (const r of op.rows) ws.getRow(r.row).height = r.height;
        return;
      }
      case "note": {
        const c = sheet(op.sheet).getCell(op.cell);
        c.note = op.text ?? (undefined as unknown as string);
        return;
      }
      case "hyperlink": {
        // a HYPERLINK formula survives LibreOffice round trips, where an r:id link to a cell does not
        const c = sheet(op.sheet).getCell(op.cell);
        const q = (s: string) => s.replace(/"/g, '""');
        c.value = { formula: `HYPERLINK("#${q(qualified(op.target.sheet, op.target.address))}","${q(op.text)}")`, result: op.text };
        return;
      }
      case "dataValidation": {
        const ws = sheet(op.sheet) as ExcelJS.Worksheet & { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } };
        const v: ExcelJS.DataValidation =
          op.rule.type === "list"
            ? { type: "list", allowBlank: true, formulae: [`"${op.rule.values.join(",")}"`] }
            : op.rule.min !== undefined && op.rule.max !== undefined
              ? { type: "decimal", operator: "between", allowBlank: true, formulae: [op.rule.min, op.rule.max] }
              : op.rule.min !== undefined
                ? { type: "decimal", operator: "greaterThanOrEqual", allowBlank: true, formulae: [op.rule.min] }
                : op.rule.max !== undefined
                  ? { type: "decimal", operator: "lessThanOrEqual", allowBlank: true, formulae: [op.rule.max] }
                  : { type: "decimal", operator: "between", allowBlank: true, formulae: [-1e15, 1e15] };
        ws.dataValidations.add(op.address, { ...v, showErrorMessage: true, errorStyle: "error", errorTitle: "输入无效", error: op.message });
        return;
      }
      case "locked":
        each(sheet(op.sheet), op.address, (c) => restyle(c, { protection: { ...(c.protection ?? {}), locked: op.locked } }));
        return;
      case "protect":
        await sheet(op.sheet).protect("", {
          formatCells: true,
          formatColumns: true,
          formatRows: true,
          insertRows: true,
          deleteRows: true,
          selectLockedCells: true,
          selectUnlockedCells: true,
        });
        return;
      case "chart":
        // ExcelJS writes no charts: the data block stays, the pie is drawn in Excel by the add-in
        return;
      case "freeze":
        sheet(op.sheet).views = [{ state: "frozen", xSplit: op.columns, ySplit: op.rows }];
        return;
      case "printSetup": {
        const ws = sheet(op.sheet);
        ws.pageSetup = {
          ...ws.pageSetup,
          orientation: op.orientation,
          paperSize: PAPER_A4,
          fitToPage: op.fitToWidth || op.onePage,
          fitToWidth: 1,
          fitToHeight: op.onePage ? 1 : 0,
          horizontalCentered: op.centered ?? false,
          ...(op.titleRows ? { printTitlesRow: `${op.titleRows.first}:${op.titleRows.last}` } : {}),
        };
        if (op.pageNumbers) ws.headerFooter = { ...ws.headerFooter, oddFooter: PAGE_FOOTER };
        return;
      }
      case "saveFormats": {
        const ledger = wb.addWorksheet(op.sheet, { state: "veryHidden" });
        op.cells.forEach((c, i) => {
          const src = sheet(c.sheet).getCell(c.address);
          ledger.getCell(i + 1, 1).value = qualified(c.sheet, c.address);
          ledger.getCell(i + 1, 2).style = cloneStyle(src.style);
          ledger.getCell(i + 1, 3).value = c.note;
        });
        return;
      }
      case "restoreFormats": {
        const ledger = sheet(op.sheet);
        op.cells.forEach((c, i) => (sheet(c.sheet).getCell(c.address).style = cloneStyle(ledger.getCell(i + 1, 2).style)));
        wb.removeWorksheet(ledger.id);
        return;
      }
    }
  }
}

export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Where an in-workbook link formula points: =HYPERLINK("#'表5'!C10","…") → { sheet: "表5", address: "C10" }. */
export function linkTarget(formula: string | undefined): { sheet?: string; address: string } | undefined {
  const m = formula && /^=?HYPERLINK\("#((?:[^"]|"")+)"/i.exec(formula);
  return m ? splitQualified(m[1].replace(/""/g, '"')) : undefined;
}
