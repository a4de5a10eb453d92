/** A sheet we add (report, ledger, draft): built in memory from the plan's ops, written as one worksheet part. */
import { cellAddress } from "../../core/address";
import { CellValue, SHEET_COLUMNS } from "../../core/grid";
import { escapeXml } from "../../documents/xml";

export interface NewCell {
  value?: CellValue;
  formula?: string;
  style: number;
}

export class NewSheet {
  readonly cells = new Map<number, NewCell>();
  readonly widths = new Map<number, number>();
  readonly heights = new Map<number, number>();
  readonly merges: string[] = [];
  freeze?: { rows: number; columns: number };
  print?: {
    orientation: "landscape" | "portrait";
    fitToWidth: boolean;
    titleRows?: { first: number; last: number };
    onePage?: boolean;
    centered?: boolean;
    footer?: string;
  };

  cell(row: number, col: number): NewCell {
    const k = row * SHEET_COLUMNS + col;
    let c = this.cells.get(k);
    if (!c) this.cells.set(k, (c = { style: 0 }));
    return c;
  }

  xml(): string {
    const rows = new Map<number, string[]>();
    for (const k of [...this.cells.keys()].sort((a, b) => a - b)) {
      const row = Math.floor(k / SHEET_COLUMNS);
      const c = this.cells.get(k)!;
      const ref = cellAddress({ row, col: k % SHEET_COLUMNS });
      const s = c.style ? ` s="${c.style}"` : "";
      let xml: string;
      const v = c.value;
      if (c.formula) {
        const cached = v === null || v === undefined ? "" : typeof v === "number" ? `<v>${v}</v>` : `<v>${escapeXml(String(v))}</v>`;
        xml = `<c r="${ref}"${s}${typeof v === "string" ? ' t="str"' : ""}><f>${escapeXml(c.formula.replace(/^=/, ""))}</f>${cached}</c>`;
      } else if (v === null || v === undefined || v === "") xml = `<c r="${ref}"${s}/>`;
      else if (typeof v === "number") xml = `<c r="${ref}"${s}><v>${v}</v></c>`;
      else if (typeof v === "boolean") xml = `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
      else xml = `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
      if (!rows.has(row)) rows.set(row, []);
      rows.get(row)!.push(xml);
    }
    for (const r of this.heights.keys()) if (!rows.has(r)) rows.set(r, []);
    const sheetData = [...rows.keys()]
      .sort((a, b) => a - b)
      .map((r) => {
        const h = this.heights.get(r);
        return `<row r="${r + 1}"${h ? ` ht="${h}" customHeight="1"` : ""}>${rows.get(r)!.join("")}</row>`;
      })
      .join("");
    const cols = [...this.widths.keys()]
      .sort((a, b) => a - b)
      .map((c) => `<col min="${c + 1}" max="${c + 1}" width="${this.widths.get(c)}" customWidth="1"/>`)
      .join("");
    const f = this.freeze;
    const pane =
      f && (f.rows || f.columns)
        ? `<pane${f.columns ? ` xSplit="${f.columns}"` : ""}${f.rows ? ` ySplit="${f.rows}"` : ""} topLeftCell="${cellAddress({ row: f.rows, col: f.columns })}" activePane="${f.rows && f.columns ? "bottomRight" : f.rows ? "bottomLeft" : "topRight"}" state="frozen"/>`
        : "";
    const p = this.print;
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      (p?.fitToWidth || p?.onePage ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
      `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (cols ? `<cols>${cols}</cols>` : "") +
      `<sheetData>${sheetData}</sheetData>` +
      (this.merges.length ? `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "") +
      (p?.centered ? '<printOptions horizontalCentered="1"/>' : "") +
      '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
      (p
        ? `<pageSetup paperSize="9" orientation="${p.orientation}"${p.fitToWidth || p.onePage ? ` fitToWidth="1" fitToHeight="${p.onePage ? 1 : 0}"` : ""}/>`
        : "") +
      (p?.footer ? `<headerFooter><oddFooter>${escapeXml(p.footer)}</oddFooter></headerFooter>` : "") +
      "</worksheet>"
    );
  }
}
