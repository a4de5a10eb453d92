/**
 * applyPlan for WPS 表格: the WritePlan carried out through the ET model, synchronously. Cells are
 * grouped into multi-area ranges (VBA's Range() takes 255 characters at most); alerts and
 * repainting are off while the plan runs, and the user is left on the sheet they were on.
 */
import { columnIndex, qualified } from "../core/address";
import { PAGE_FOOTER, PlanOp, WritePlan } from "../core/plan";
import { chunkAddresses, typedValue } from "../core/plan/adapter";
import { EtApplication, EtRange, EtWorksheet, XL, XL_SHEET } from "./et";

/** "#RRGGBB" as the BGR integer the ET model takes (red in the low byte). */
export function bgr(color: string): number {
  const n = parseInt(color.slice(1), 16);
  return ((n >> 16) & 0xff) | (n & 0xff00) | ((n & 0xff) << 16);
}

const VBA_RANGE_CHARS = 255;

const VISIBLE = { visible: XL_SHEET.visible, hidden: XL_SHEET.hidden, veryHidden: XL_SHEET.veryHidden } as const;

export function applyPlan(app: EtApplication, plan: WritePlan): void {
  const sheets = app.ActiveWorkbook.Worksheets;
  const ws = (name: string) => sheets.Item(name);
  const eachRange = (sheet: string, addresses: string[], f: (r: EtRange) => void) => {
    const s = ws(sheet);
    for (const chunk of chunkAddresses(addresses, VBA_RANGE_CHARS)) f(s.Range(chunk));
  };
  const add = (name: string): EtWorksheet => {
    // appended after the last sheet, as Office.js adds; Add makes it the active sheet
    const s = sheets.Add(null, sheets.Item(sheets.Count));
    s.Name = name;
    return s;
  };
  const userSheet = app.ActiveSheet.Name;
  const alerts = app.DisplayAlerts;
  const screen = app.ScreenUpdating;
  app.DisplayAlerts = false;
  app.ScreenUpdating = false;
  try {
    for (const op of plan.ops) applyOp(op);
  } finally {
    try {
      ws(userSheet).Activate();
    } catch {
      // the plan deleted the sheet the user was on (an old report): WPS shows its neighbour
    }
    app.DisplayAlerts = alerts;
    app.ScreenUpdating = screen;
  }

  function applyOp(op: PlanOp): void {
    switch (op.op) {
      case "addSheet": {
        const s = add(op.sheet);
        if (op.visibility && op.visibility !== "visible") s.Visible = VISIBLE[op.visibility];
        return;
      }
      case "deleteSheet":
        ws(op.sheet).Delete();
        return;
      case "setValues":
        ws(op.sheet).Range(op.address).Value2 = op.values.map((r) => r.map(typedValue));
        return;
      case "setFormulas":
        ws(op.sheet).Range(op.address).Formula = op.formulas;
        return;
      case "merge":
        ws(op.sheet).Range(op.address).Merge(false);
        return;
      case "numberFormat":
        ws(op.sheet).Range(op.address).NumberFormat = op.format;
        return;
      case "fill":
        eachRange(op.sheet, op.addresses, (r) => {
          if (op.color === null) r.Interior.Pattern = XL.none;
          else r.Interior.Color = bgr(op.color);
        });
        return;
      case "font":
        eachRange(op.sheet, op.addresses, (r) => {
          const f = r.Font;
          if (op.font.bold !== undefined) f.Bold = op.font.bold;
          if (op.font.italic !== undefined) f.Italic = op.font.italic;
          if (op.font.color !== undefined) f.Color = bgr(op.font.color);
          if (op.font.size !== undefined) f.Size = op.font.size;
          if (op.font.name !== undefined) f.Name = op.font.name;
        });
        return;
      case "borders": {
        const borders = ws(op.sheet).Range(op.address).Borders;
        for (const edge of XL.edges) {
          const b = borders.Item(edge);
          b.LineStyle = XL.continuous;
          b.Weight = op.style === "medium" ? XL.medium : XL.thin;
        }
        return;
      }
      case "alignment": {
        const r = ws(op.sheet).Range(op.address);
        if (op.horizontal) r.HorizontalAlignment = XL.horizontal[op.horizontal];
        if (op.vertical) r.VerticalAlignment = XL.vertical[op.vertical];
        if (op.wrapText !== undefined) r.WrapText = op.wrapText;
        return;
      }
      case "columnWidth":
        // the ET model takes characters, as the plan gives them
        for (const c of op.columns) {
          columnIndex(c.column);
          ws(op.sheet).Range(`${c.column}1`).ColumnWidth = c.width;
        }
        return;
      case "rowHeight":
        for (const r of op.rows) ws(op.sheet).Range(`A${r.row}`).RowHeight = r.height;
        return;
      case "note": {
        // a comment is replaced whole: whether the cell has one now does not matter
        const r = ws(op.sheet).Range(op.cell);
        r.ClearComments();
        if (op.text !== null) r.AddComment(op.text);
        return;
      }
      case "hyperlink": {
        const s = ws(op.sheet);
        s.Hyperlinks.Add(s.Range(op.cell), "", qualified(op.target.sheet, op.target.address), undefined, op.text);
        return;
      }
      case "dataValidation": {
        const v = ws(op.sheet).Range(op.address).Validation;
        v.Delete();
        if (op.rule.type === "list") {
          v.Add(XL.validate.list, XL.alertStop, XL.operator.between, op.rule.values.join(","));
          v.InCellDropdown = true;
        } else {
          const { min, max } = op.rule;
          if (min !== undefined && max !== undefined) v.Add(XL.validate.decimal, XL.alertStop, XL.operator.between, String(min), String(max));
          else if (min !== undefined) v.Add(XL.validate.decimal, XL.alertStop, XL.operator.greaterOrEqual, String(min));
          else if (max !== undefined) v.Add(XL.validate.decimal, XL.alertStop, XL.operator.lessOrEqual, String(max));
          else v.Add(XL.validate.decimal, XL.alertStop, XL.operator.between, "-1000000000000000", "1000000000000000");
        }
        v.ErrorTitle = "输入无效";
        v.ErrorMessage = op.message;
        v.ShowError = true;
        return;
      }
      case "locked":
        ws(op.sheet).Range(op.address).Locked = op.locked;
        return;
      case "protect":
        // as in Excel: formatting and comments stay allowed (一键校验 marks a protected template), and rows
        // can be inserted and deleted
        ws(op.sheet).Protect(undefined, false, true, undefined, undefined, true, true, true, undefined, true, undefined, undefined, true);
        return;
      case "chart":
        // charts are Excel's alone, as in the files: the table beside it carries the same figures
        return;
      case "freeze": {
        // panes are frozen on the window showing the sheet
        ws(op.sheet).Activate();
        const win = app.ActiveWindow;
        win.FreezePanes = false;
        win.ScrollRow = 1;
        win.ScrollColumn = 1;
        win.SplitColumn = op.columns;
        win.SplitRow = op.rows;
        if (op.rows > 0 || op.columns > 0) win.FreezePanes = true;
        return;
      }
      case "printSetup": {
        const ps = ws(op.sheet).PageSetup;
        ps.Orientation = op.orientation === "landscape" ? XL.orientation.landscape : XL.orientation.portrait;
        ps.PaperSize = XL.paperA4;
        if (op.fitToWidth || op.onePage) {
          ps.Zoom = false;
          ps.FitToPagesWide = 1;
          ps.FitToPagesTall = op.onePage ? 1 : false;
        }
        if (op.centered) ps.CenterHorizontally = true;
        if (op.pageNumbers) ps.CenterFooter = PAGE_FOOTER.replace(/^&C/, "");
        if (op.titleRows) ps.PrintTitleRows = `$${op.titleRows.first}:$${op.titleRows.last}`;
        return;
      }
      case "saveFormats": {
        const ledger = add(op.sheet);
        const n = op.cells.length;
        if (n > 0) {
          // each cell copied whole to B (no clipboard), then only its formats kept: the ledger reads the
          // same to Excel's restore as to ours
          op.cells.forEach((c, i) =>
            ws(c.sheet)
              .Range(c.address)
              .Copy(ledger.Range(`B${i + 1}`)),
          );
          const copies = ledger.Range(`B1:B${n}`);
          copies.UnMerge();
          copies.ClearContents();
          copies.ClearComments();
          copies.Validation.Delete();
          ledger.Range(`A1:C${n}`).Value2 = op.cells.map((c) => [typedValue(qualified(c.sheet, c.address)), "", typedValue(c.note)]);
        }
        ledger.Visible = XL_SHEET.veryHidden;
        return;
      }
      case "restoreFormats": {
        // the marks changed fill and font only: those come back from the ledger, nothing else is touched
        const ledger = ws(op.sheet);
        op.cells.forEach((c, i) => {
          const from = ledger.Range(`B${i + 1}`);
          const to = ws(c.sheet).Range(c.address);
          const pattern = from.Interior.Pattern;
          if (pattern === XL.none) to.Interior.Pattern = XL.none;
          else {
            to.Interior.Pattern = pattern;
            to.Interior.Color = from.Interior.Color;
          }
          const f = from.Font;
          const t = to.Font;
          t.Name = f.Name;
          t.Size = f.Size;
          t.Bold = f.Bold;
          t.Italic = f.Italic;
          t.Color = f.Color;
        });
        ledger.Delete();
        return;
      }
    }
  }
}
