/**
 * One worksheet part read as a stream of cells: values (shared strings resolved), formulas with
 * their cached results, number formats and merges. Memory follows the cells that hold something,
 * never the sheet's dimensions, and nothing else of the sheet (validations, formats of empty
 * cells, drawings) is looked at.
 */
import { SaxesParser } from "saxes";
import { Readable } from "stream";
import { StringDecoder } from "string_decoder";
import { Cell, SHEET_COLUMNS } from "../../core/grid";
import { cellAddress, columnIndex, columnLetters } from "../../core/address";
import { CellFormats } from "./formats";
import { local } from "../../documents/xml";

export interface SheetCells {
  /** row-major key row * SHEET_COLUMNS + col (0-based) → cell */
  cells: Map<number, Cell>;
  merges: string[];
  /** formulas that carry no cached result */
  uncalculated: number;
  /** string cells that point at a shared string the workbook does not have */
  missingStrings: number;
  /** cells past the reading limit: counted, not kept */
  overflow?: { count: number; example: string };
}

/** No sheet holds a table this big: past it a sheet's cells are counted, not kept (memory stays bounded). */
export const MAX_CELLS = 500_000;

/** An Excel serial day → ISO date, as ExcelJS gives it. */
function serialDate(v: number): string {
  return new Date(Math.round((v - 25569) * 86400000)).toISOString().slice(0, 10);
}

/** A shared formula moved from its master cell by (dr, dc): relative references follow, $-anchored ones stay. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  let out = "";
  let quoted = false;
  const parts = formula.split(/("[^"]*")/);
  for (const p of parts) {
    quoted = p.startsWith('"');
    out += quoted
      ? p
      : p.replace(/(^|[^A-Za-z0-9_.])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g, (m, pre: string, dcol: string, col: string, drow: string, row: string) => {
          const c = dcol ? col : columnLetters(columnIndex(col) + dc);
          const r = drow ? row : String(Number(row) + dr);
          return `${pre}${dcol}${c}${drow}${r}`;
        });
  }
  return out;
}

function position(ref: string | undefined): { row: number; col: number } | undefined {
  const m = ref && /^([A-Z]{1,3})(\d+)$/.exec(ref);
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1]) } : undefined;
}

export async function readSheetCells(stream: Readable, strings: string[] | undefined, formats: CellFormats, limit = MAX_CELLS): Promise<SheetCells> {
  const out: SheetCells = { cells: new Map(), merges: [], uncalculated: 0, missingStrings: 0 };
  const parser = new SaxesParser({ xmlns: false, position: false });
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  let row = -1;
  let col = -1;
  // the cell being read
  let type = "";
  let style = 0;
  let value: string | undefined;
  let formula: string | undefined;
  let sharedIndex: string | undefined;
  let inlineText: string | undefined;
  let text: "v" | "f" | "t" | undefined;
  let inCell = false;
  let phonetic = 0;

  parser.on("opentag", (tag) => {
    const name = local(tag.name);
    const a = tag.attributes as Record<string, string>;
    if (name === "row") {
      row = a.r ? Number(a.r) - 1 : row + 1;
      col = -1;
    } else if (name === "c") {
      const p = position(a.r);
      if (p) ({ row, col } = p);
      else col += 1;
      inCell = true;
      type = a.t ?? "n";
      style = a.s ? Number(a.s) : 0;
      value = formula = sharedIndex = inlineText = undefined;
    } else if (!inCell) {
      if (name === "mergeCell" && a.ref) out.merges.push(a.ref.includes(":") ? a.ref : `${a.ref}:${a.ref}`);
    } else if (name === "v") {
      text = "v";
      value = "";
    } else if (name === "f") {
      text = "f";
      formula = "";
      if (a.t === "shared" && a.si !== undefined) sharedIndex = a.si;
    } else if (name === "rPh") phonetic++;
    else if (name === "t" && phonetic === 0) {
      text = "t";
      inlineText ??= "";
    }
  });
  parser.on("text", (t) => {
    if (text === "v") value += t;
    else if (text === "f") formula += t;
    else if (text === "t") inlineText += t;
  });
  parser.on("closetag", (tag) => {
    const name = local(tag.name);
    if (name === "v" || name === "f" || name === "t") text = undefined;
    else if (name === "rPh") phonetic--;
    else if (name === "c") {
      inCell = false;
      finishCell();
    }
  });

  function finishCell(): void {
    const cell: Cell = { value: null };
    if (sharedIndex !== undefined) {
      const master = shared.get(sharedIndex);
      if (formula) shared.set(sharedIndex, { formula, row, col });
      else if (master) formula = shiftFormula(master.formula, row - master.row, col - master.col);
    }
    if (formula) cell.formula = `=${formula}`;
    if (type === "inlineStr") cell.value = inlineText ?? null;
    else if (value === undefined) {
      if (formula) {
        cell.uncalculated = true;
        out.uncalculated++;
      }
    } else if (type === "s") {
      const s = strings?.[Number(value)];
      if (s === undefined) out.missingStrings++;
      cell.value = s ?? null;
    } else if (type === "str") cell.value = value;
    else if (type === "b") cell.value = value === "1" || value === "true";
    else if (type === "e") cell.value = value;
    else if (type === "d") cell.value = value.slice(0, 10);
    else if (value !== "") {
      const n = Number(value);
      cell.value = Number.isFinite(n) ? (formats.isDate(style) ? serialDate(n) : n) : value;
    }
    const format = formats.formatOf(style);
    if (format !== "General") cell.numberFormat = format;
    if (cell.value === null && !cell.formula) return;
    if (out.cells.size >= limit) {
      out.overflow ??= { count: 0, example: cellAddress({ row, col }) };
      out.overflow.count++;
      return;
    }
    out.cells.set(row * SHEET_COLUMNS + col, cell);
  }

  await feed(stream, parser);
  return out;
}

/** The shared strings, streamed: rich runs joined, phonetic runs left out. */
export async function readSharedStrings(stream: Readable): Promise<string[]> {
  const out: string[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  let current: string | undefined;
  let inText = false;
  let phonetic = 0;
  parser.on("opentag", (tag) => {
    const name = local(tag.name);
    if (name === "si") current = "";
    else if (name === "rPh") phonetic++;
    else if (name === "t" && phonetic === 0) inText = true;
  });
  parser.on("text", (t) => {
    if (inText && current !== undefined) current += t;
  });
  parser.on("closetag", (tag) => {
    const name = local(tag.name);
    if (name === "t") inText = false;
    else if (name === "rPh") phonetic--;
    else if (name === "si") {
      out.push(current ?? "");
      current = undefined;
    }
  });
  await feed(stream, parser);
  return out;
}

/** Push a part's bytes through the parser as they come (UTF-8 split across chunks decoded whole). */
function feed(stream: Readable, parser: SaxesParser): Promise<void> {
  const decoder = new StringDecoder("utf8");
  return new Promise<void>((resolve, reject) => {
    const fail = (e: unknown) => {
      stream.removeAllListeners("data");
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    stream.on("data", (chunk: Buffer) => {
      try {
        parser.write(decoder.write(chunk));
      } catch (e) {
        fail(e);
      }
    });
    stream.on("error", fail);
    stream.on("end", () => {
      try {
        parser.write(decoder.end()).close();
        resolve();
      } catch (e) {
        fail(e);
      }
    });
  });
}
