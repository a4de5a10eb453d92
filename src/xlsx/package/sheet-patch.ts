/**
 * Edits to an existing worksheet part made in place on its text: the cells we mark get a new
 * style index (a cell or row the sheet lacks is added where it belongs); every other byte of the
 * part stays as it was.
 */
import { columnIndex, columnLetters } from "../../core/address";
import { SHEET_COLUMNS } from "../../core/grid";

/** For each cell (row * SHEET_COLUMNS + col, 0-based): its new style index from the one it has. */
export type Restyle = Map<number, (style: number) => number>;

const ATTR = (name: string) => new RegExp(`\\s${name}="([^"]*)"`);

function attrOf(tag: string, name: string): string | undefined {
  return ATTR(name).exec(tag)?.[1];
}

function withAttr(tag: string, name: string, value: string): string {
  return ATTR(name).test(tag) ? tag.replace(ATTR(name), ` ${name}="${value}"`) : tag.replace(/(\/?>)$/, ` ${name}="${value}"$1`);
}

/** The style a new cell of `row` inherits: its row's format, else its column's. */
function inherited(xml: string, rowTag: string | undefined, col: number): number {
  if (rowTag && attrOf(rowTag, "customFormat") === "1") return Number(attrOf(rowTag, "s") ?? 0);
  const cols = /<(?:[\w.-]+:)?cols\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cols>/.exec(xml);
  if (!cols) return 0;
  for (const m of cols[1].matchAll(/<(?:[\w.-]+:)?col\b[^>]*>/g)) {
    const min = Number(attrOf(m[0], "min")) - 1;
    const max = Number(attrOf(m[0], "max")) - 1;
    if (col >= min && col <= max) return Number(attrOf(m[0], "style") ?? 0);
  }
  return 0;
}

interface Span {
  start: number;
  end: number;
  text: string;
}

/** Visit the given cells of a sheet: `restyle` gets each one's style (0 when absent) and gives its new one. */
export function restyleCells(xml: string, restyle: Restyle): string {
  if (restyle.size === 0) return xml;
  const sd = /<((?:[\w.-]+:)?)sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!sd) throw new Error("工作表部件没有 sheetData");
  const prefix = sd[1];
  const edits: Span[] = [];
  const byRow = new Map<number, number[]>();
  for (const k of [...restyle.keys()].sort((a, b) => a - b)) {
    const r = Math.floor(k / SHEET_COLUMNS);
    if (!byRow.has(r)) byRow.set(r, []);
    byRow.get(r)!.push(k % SHEET_COLUMNS);
  }
  const newCell = (row: number, col: number, style: number) => `<${prefix}c r="${columnLetters(col)}${row + 1}" s="${style}"/>`;

  const dataStart = sd.index + sd[0].length;
  let dataEnd: number;
  if (sd[2] === "/") {
    // <sheetData/>: opened up to take rows
    edits.push({ start: sd.index, end: dataStart, text: `<${prefix}sheetData>` });
    dataEnd = dataStart;
    edits.push({ start: dataEnd, end: dataEnd, text: `</${prefix}sheetData>` });
  } else dataEnd = xml.indexOf(`</${prefix}sheetData>`, dataStart);
  const pending = [...byRow.keys()];
  let next = 0;
  const rowRe = /<(?:[\w.-]+:)?row\b[^>]*?(\/?)>/g;
  rowRe.lastIndex = dataStart;
  let rowNumber = -1;
  for (let m = rowRe.exec(xml); m && m.index < dataEnd && next < pending.length; m = rowRe.exec(xml)) {
    const tag = m[0];
    rowNumber = attrOf(tag, "r") ? Number(attrOf(tag, "r")) - 1 : rowNumber + 1;
    const selfClosing = m[1] === "/";
    const contentStart = m.index + tag.length;
    const contentEnd = selfClosing ? contentStart : xml.indexOf(`</${prefix}row>`, contentStart);
    // rows the sheet lacks go before the first row past them
    while (next < pending.length && pending[next] < rowNumber) {
      const r = pending[next++];
      const cells = byRow.get(r)!.map((c) => newCell(r, c, restyle.get(r * SHEET_COLUMNS + c)!(inherited(xml, undefined, c))));
      edits.push({ start: m.index, end: m.index, text: `<${prefix}row r="${r + 1}">${cells.join("")}</${prefix}row>` });
    }
    if (pending[next] === rowNumber) {
      next++;
      patchRow(tag, m.index, selfClosing, contentStart, contentEnd, rowNumber);
    }
    rowRe.lastIndex = selfClosing ? contentStart : contentEnd;
  }
  while (next < pending.length) {
    const r = pending[next++];
    const cells = byRow.get(r)!.map((c) => newCell(r, c, restyle.get(r * SHEET_COLUMNS + c)!(inherited(xml, undefined, c))));
    edits.push({ start: dataEnd, end: dataEnd, text: `<${prefix}row r="${r + 1}">${cells.join("")}</${prefix}row>` });
  }

  function patchRow(tag: string, tagStart: number, selfClosing: boolean, contentStart: number, contentEnd: number, row: number): void {
    const cols = byRow.get(row)!;
    let i = 0;
    let col = -1;
    const cellRe = /<(?:[\w.-]+:)?c\b[^>]*?(\/?)>/g;
    cellRe.lastIndex = contentStart;
    const insert = (at: number, before: number) => {
      const out: string[] = [];
      while (i < cols.length && cols[i] < before) {
        const c = cols[i++];
        out.push(newCell(row, c, restyle.get(row * SHEET_COLUMNS + c)!(inherited(xml, tag, c))));
      }
      if (out.length) edits.push({ start: at, end: at, text: out.join("") });
    };
    for (let m = cellRe.exec(xml); m && m.index < contentEnd && i < cols.length; m = cellRe.exec(xml)) {
      const r = attrOf(m[0], "r");
      col = r ? columnIndex(r.replace(/\d+$/, "")) : col + 1;
      insert(m.index, col);
      if (cols[i] === col) {
        i++;
        const style = restyle.get(row * SHEET_COLUMNS + col)!(Number(attrOf(m[0], "s") ?? 0));
        // style 0 is the default: written as no attribute, as Excel writes it (a cleared cell comes back as it was)
        const tag = style === 0 ? m[0].replace(ATTR("s"), "") : withAttr(m[0], "s", String(style));
        edits.push({ start: m.index, end: m.index + m[0].length, text: tag });
      }
    }
    if (i < cols.length) {
      if (selfClosing) {
        const open = tag.replace(/\s*\/>$/, ">");
        edits.push({ start: tagStart, end: tagStart + tag.length, text: open });
        insert(contentStart, SHEET_COLUMNS);
        edits.push({ start: contentStart, end: contentStart, text: `</${prefix}row>` });
      } else insert(contentEnd, SHEET_COLUMNS);
    }
  }

  edits.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let at = 0;
  for (const e of edits) {
    out.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(xml.slice(at));
  return out.join("");
}

/** The style index of each given cell as the sheet has it (0 for a cell it lacks). */
export function cellStyles(xml: string, cells: number[]): Map<number, number> {
  const found = new Map<number, number>();
  restyleCells(
    xml,
    new Map(
      cells.map((k) => [
        k,
        (s: number) => {
          found.set(k, s);
          return s;
        },
      ]),
    ),
  );
  return found;
}
