/** applyPlan: the whole WritePlan in one sync, grouped into multi-area ranges (more syncs only past the payload limit). */
import { areaAddress, areaSize, columnIndex, parseArea, qualified, splitQualified } from "../core/address";
import { PAGE_FOOTER, PlanOp, WritePlan } from "../core/plan";
import { Capabilities } from "./capabilities";
import { AdapterOptions, PAYLOAD_BUDGET, sync } from "./sync";
import { chunkAddresses, typedValue as officeValue } from "../core/plan/adapter";

export { chunkAddresses };

const TO_OFFICE_VISIBILITY = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const;

/** The notes a plan wrote or took away, and the sheets it deleted, as seen by the next read. */
function rememberNotePlaces(places: Set<string>, ops: PlanOp[]): void {
  for (const op of ops) {
    if (op.op === "note") {
      const where = qualified(op.sheet, areaAddress(parseArea(op.cell)));
      if (op.text === null) places.delete(where);
      else places.add(where);
    } else if (op.op === "deleteSheet") {
      for (const where of places) if (splitQualified(where).sheet === op.sheet) places.delete(where);
    }
  }
}

/** Excel's column width in points for a width in characters of the default font. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function filled<T>(address: string, value: T): T[][] {
  const { rows, columns } = areaSize(parseArea(address));
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => value));
}

const BORDER_EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;
const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** Ops in batches whose requests stay under the payload budget (one batch for any usual plan). */
export function batchOps(ops: PlanOp[], budget = PAYLOAD_BUDGET): PlanOp[][] {
  const encoder = new TextEncoder();
  const batches: PlanOp[][] = [[]];
  let bytes = 0;
  for (const op of ops) {
    // the request carries each op's data plus object paths for every range it touches
    const cost = encoder.encode(JSON.stringify(op)).length * 1.5 + 200;
    if (bytes + cost > budget && batches[batches.length - 1].length) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1].push(op);
    bytes += cost;
  }
  return batches;
}

export async function applyPlan(context: Excel.RequestContext, plan: WritePlan, caps: Capabilities, options: AdapterOptions = {}): Promise<void> {
  const sheets = context.workbook.worksheets;
  const ws = (name: string) => sheets.getItem(name);
  // multi-area ranges where available, one range per address otherwise
  const eachRanges = (sheet: string, addresses: string[], f: (r: Excel.Range | Excel.RangeAreas) => void) => {
    if (caps.rangeAreas) for (const chunk of chunkAddresses(addresses)) f(ws(sheet).getRanges(chunk));
    else for (const a of addresses) f(ws(sheet).getRange(a));
  };

  for (const batch of batchOps(plan.ops, options.payloadBudget)) {
    // no repainting while thousands of cells change; calculation is left alone (formulas written
    // here must show their results)
    if (caps.suspendScreen) context.workbook.application.suspendScreenUpdatingUntilNextSync();
    for (const op of batch) applyOp(op);
    await sync(context, options);
  }
  if (options.memory) rememberNotePlaces(options.memory.notePlaces, plan.ops);

  function applyOp(op: PlanOp): void {
    switch (op.op) {
      case "addSheet": {
        const s = sheets.add(op.sheet);
        if (op.visibility && op.visibility !== "visible") s.visibility = TO_OFFICE_VISIBILITY[op.visibility];
        return;
      }
      case "deleteSheet":
        ws(op.sheet).delete();
        return;
      case "setValues":
        ws(op.sheet).getRange(op.address).values = op.values.map((r) => r.map(officeValue));
        return;
      case "setFormulas":
        ws(op.sheet).getRange(op.address).formulas = op.formulas;
        return;
      case "merge":
        ws(op.sheet).getRange(op.address).merge(false);
        return;
      case "numberFormat":
        ws(op.sheet).getRange(op.address).numberFormat = filled(op.address, op.format);
        return;
      case "fill":
        eachRanges(op.sheet, op.addresses, (r) => {
          if (op.color === null) r.format.fill.clear();
          else r.format.fill.color = op.color;
        });
        return;
      case "font":
        eachRanges(op.sheet, op.addresses, (r) => {
          const f = r.format.font;
          if (op.font.bold !== undefined) f.bold = op.font.bold;
          if (op.font.italic !== undefined) f.italic = op.font.italic;
          if (op.font.color !== undefined) f.color = op.font.color;
          if (op.font.size !== undefined) f.size = op.font.size;
          if (op.font.name !== undefined) f.name = op.font.name;
        });
        return;
      case "borders": {
        const borders = ws(op.sheet).getRange(op.address).format.borders;
        for (const edge of BORDER_EDGES) {
          const b = borders.getItem(edge);
          b.style = "Continuous";
          b.weight = op.style === "medium" ? "Medium" : "Thin";
        }
        return;
      }
      case "alignment": {
        const f = ws(op.sheet).getRange(op.address).format;
        if (op.horizontal) f.horizontalAlignment = H_ALIGN[op.horizontal];
        if (op.vertical) f.verticalAlignment = V_ALIGN[op.vertical];
        if (op.wrapText !== undefined) f.wrapText = op.wrapText;
        return;
      }
      case "columnWidth":
        for (const c of op.columns) {
          columnIndex(c.column); // rejects a bad column letter before Excel does
          ws(op.sheet).getRange(`${c.column}1`).format.columnWidth = charsToPoints(c.width);
        }
        return;
      case "rowHeight":
        for (const r of op.rows) ws(op.sheet).getRange(`A${r.row}`).format.rowHeight = r.height;
        return;
      case "note": {
        const where = qualified(op.sheet, op.cell);
        if (caps.notes) {
          const notes = context.workbook.notes;
          if (op.text === null) notes.getItem(where).delete();
          else if (op.existing) notes.getItem(where).content = op.text;
          else notes.add(where, op.text);
        } else if (caps.comments) {
          const comments = context.workbook.comments;
          if (op.text === null) comments.getItemByCell(where).delete();
          else if (op.existing) comments.getItemByCell(where).content = op.text;
          else comments.add(where, op.text);
        }
        // with neither, the 校验报告 sheet carries the explanation alone
        return;
      }
      case "hyperlink":
        ws(op.sheet).getRange(op.cell).hyperlink = {
          documentReference: qualified(op.target.sheet, op.target.address),
          textToDisplay: op.text,
        };
        return;
      case "dataValidation": {
        if (!caps.dataValidation) return;
        const dv = ws(op.sheet).getRange(op.address).dataValidation;
        dv.clear();
        if (op.rule.type === "list") {
          dv.rule = { list: { inCellDropDown: true, source: op.rule.values.join(",") } };
        } else {
          const { min, max } = op.rule;
          dv.rule = {
            decimal:
              min !== undefined && max !== undefined
                ? { formula1: min, formula2: max, operator: "Between" }
                : min !== undefined
                  ? { formula1: min, operator: "GreaterThanOrEqualTo" }
                  : max !== undefined
                    ? { formula1: max, operator: "LessThanOrEqualTo" }
                    : { formula1: -1e15, formula2: 1e15, operator: "Between" },
          };
        }
        dv.errorAlert = { message: op.message, showAlert: true, style: "Stop", title: "输入无效" };
        return;
      }
      case "locked":
        ws(op.sheet).getRange(op.address).format.protection.locked = op.locked;
        return;
      case "protect":
        // formatting cells and notes stay allowed so that 一键校验 can still mark a protected template;
        // rows can be inserted and deleted, so a department with more 科目 lines than the form is not stuck
        ws(op.sheet).protection.protect({
          allowFormatCells: true,
          allowFormatColumns: true,
          allowFormatRows: true,
          allowEditObjects: true,
          allowInsertRows: true,
          allowDeleteRows: true,
        });
        return;
      case "chart": {
        const chart = ws(op.sheet).charts.add("Pie" as Excel.ChartType, ws(op.sheet).getRange(op.source), "Columns" as Excel.ChartSeriesBy);
        chart.title.text = op.title;
        chart.setPosition(op.anchor);
        return;
      }
      case "freeze": {
        const fp = ws(op.sheet).freezePanes;
        if (op.rows > 0 && op.columns > 0) fp.freezeAt(areaAddress({ top: 0, left: 0, bottom: op.rows - 1, right: op.columns - 1 }));
        else if (op.rows > 0) fp.freezeRows(op.rows);
        else if (op.columns > 0) fp.freezeColumns(op.columns);
        return;
      }
      case "printSetup": {
        if (!caps.pageLayout) return;
        const pl = ws(op.sheet).pageLayout;
        pl.orientation = op.orientation === "landscape" ? "Landscape" : "Portrait";
        pl.paperSize = "A4";
        if (op.fitToWidth || op.onePage) pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: op.onePage ? 1 : 0 };
        if (op.centered) pl.centerHorizontally = true;
        if (op.pageNumbers) pl.headersFooters.defaultForAllPages.centerFooter = PAGE_FOOTER.replace(/^&C/, "");
        if (op.titleRows) pl.setPrintTitleRows(`$${op.titleRows.first}:$${op.titleRows.last}`);
        return;
      }
      case "saveFormats": {
        const ledger = sheets.add(op.sheet);
        ledger.visibility = "VeryHidden";
        if (op.cells.length === 0) return;
        ledger.getRange(`A1:C${op.cells.length}`).values = op.cells.map((c) => [officeValue(qualified(c.sheet, c.address)), "", officeValue(c.note)]);
        if (caps.copyFormats) {
          op.cells.forEach((c, i) => ledger.getRange(`B${i + 1}`).copyFrom(qualified(c.sheet, c.address), "Formats"));
        }
        return;
      }
      case "restoreFormats": {
        const name = op.sheet;
        if (caps.copyFormats) {
          op.cells.forEach((c, i) =>
            ws(c.sheet)
              .getRange(c.address)
              .copyFrom(qualified(name, `B${i + 1}`), "Formats"),
          );
        } else {
          // before ExcelApi 1.9 formats cannot be copied: take the marks off (no fill, automatic colour)
          const bySheet = new Map<string, string[]>();
          for (const c of op.cells) bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), c.address]);
          for (const [sheet, addresses] of bySheet) {
            eachRanges(sheet, addresses, (r) => {
              r.format.fill.clear();
              r.format.font.color = "#000000";
            });
          }
        }
        ws(name).delete();
        return;
      }
    }
  }
}
