/**
 * The file reader: an .xlsx package → the core's Grids, sheet by sheet as streams, following the
 * workbook's relationships. Hidden and very hidden sheets are read (and say so); a part the
 * workbook needs and lacks is an unusable file, named, never guessed around.
 */
import { areaAddress, parseArea, parseCell } from "../../core/address";
import { Grid, SHEET_COLUMNS, gridFromCells } from "../../core/grid";
import { cellFormats } from "./formats";
import { MAX_CELLS, readSharedStrings, readSheetCells } from "./sheet-read";
import { workbookPart } from "./workbook";
import { Package, UnusableWorkbookError } from "./zip";
import { attr, children, textOf } from "../../documents/xml";

/** The notes of a sheet (legacy comments, which Excel also writes for threaded ones): address → text. */
async function sheetNotes(pkg: Package, sheetPart: string): Promise<Map<string, string>> {
  const notes = new Map<string, string>();
  const rel = (await pkg.relationships(sheetPart)).find((r) => r.type === "comments" && !r.external);
  if (!rel || !pkg.has(rel.target)) return notes;
  const root = await pkg.xml(rel.target);
  for (const list of children(root, "commentList"))
    for (const c of children(list, "comment")) {
      const ref = attr(c, "ref");
      const text = children(c, "text")[0];
      if (ref && text) notes.set(ref, textOf(text));
    }
  return notes;
}

export async function readPackage(pkg: Package): Promise<{ grids: Grid[]; macroEnabled: boolean }> {
  const wb = await workbookPart(pkg);
  const strings = wb.sharedStrings && pkg.has(wb.sharedStrings) ? await readSharedStrings(pkg.stream(wb.sharedStrings)) : undefined;
  const formats = cellFormats(wb.styles && pkg.has(wb.styles) ? await pkg.xml(wb.styles) : undefined);
  const grids: Grid[] = [];
  for (const s of wb.sheets) {
    let read;
    try {
      read = await readSheetCells(pkg.stream(s.part), strings, formats);
    } catch (e) {
      if (e instanceof UnusableWorkbookError) throw e;
      throw new UnusableWorkbookError(`${pkg.name}：工作表“${s.name}”（${s.part}）无法读取（${(e as Error).message.split("\n")[0]}）`);
    }
    if (read.missingStrings > 0)
      throw new UnusableWorkbookError(
        `${pkg.name}：缺少共享字符串部件${wb.sharedStrings ? ` ${wb.sharedStrings}` : ""}，工作表“${s.name}”的 ${read.missingStrings} 个文字单元格无法读取（文件损坏或不完整）`,
      );
    for (const [ref, note] of await sheetNotes(pkg, s.part)) {
      const p = parseCell(ref);
      const key = p.row * SHEET_COLUMNS + p.col;
      const cell = read.cells.get(key) ?? { value: null };
      cell.note = note;
      read.cells.set(key, cell);
    }
    // a merged block's value is its top-left cell's; the others are not read
    for (const m of read.merges) {
      const a = parseArea(m);
      if ((a.bottom - a.top + 1) * (a.right - a.left + 1) > read.cells.size) {
        for (const k of [...read.cells.keys()]) {
          const row = Math.floor(k / SHEET_COLUMNS);
          const col = k % SHEET_COLUMNS;
          if (row >= a.top && row <= a.bottom && col >= a.left && col <= a.right && (row !== a.top || col !== a.left)) read.cells.delete(k);
        }
      } else
        for (let r = a.top; r <= a.bottom; r++)
          for (let c = a.left; c <= a.right; c++) if (r !== a.top || c !== a.left) read.cells.delete(r * SHEET_COLUMNS + c);
    }
    const merges = read.merges.map((m) => areaAddress(parseArea(m)));
    const grid = gridFromCells(s.name, s.visibility, merges, read.cells);
    if (read.overflow) grid.dropped = { count: (grid.dropped?.count ?? 0) + read.overflow.count, example: read.overflow.example, beyondLimit: MAX_CELLS };
    grids.push(grid);
  }
  return { grids, macroEnabled: wb.macroEnabled };
}
