/**
 * Find the standard tables in whatever workbook the accountant has: by 表号 ("公开01表",
 * "公开 01 表"), title or alias; map header columns by 栏次 or by header labels (merged cells,
 * line breaks, full-width characters tolerated); map rows to 行次, 科目代码 or fixed labels.
 */
import { Area, cellAddress } from "../address";
import { Grid } from "../grid";
import { Item, TableInstance, splitColumnKey } from "./instance";
import { ownSheets } from "../plan";
import { SheetView, viewOf } from "../sheet";
import { MoneyUnit, unitFromMetaLine } from "../money";
import { Profile, TableDef } from "../../catalog/tables/types";
import { DEFAULT_PROFILE } from "../../catalog/profiles";
import { norm, stripOrdinal } from "../label";
import { readHeader } from "./header";
import { readRows } from "./rows";

export { norm } from "../label";

export interface LocatedTable extends TableInstance {
  /** where the title or 表号 was found */
  anchor: string;
  unit: MoneyUnit;
  /** 年度 from the meta line, when printed */
  year?: number;
  /** 部门 from the meta line, when printed */
  dept?: string;
  /** table columns the locator could not find on the sheet */
  missingColumns: string[];
  /** the 注 / 说明 printed under the table, when there is one */
  note?: string;
}

const NUMBER_RE = /^公开0?(\d{1,2})表$/;

const titleIndex = new WeakMap<TableDef[], Map<string, TableDef>>();

/** The table a heading names (title or alias, ordinal "一、" ignored), if any. */
export function tableByTitle(text: string, tables: TableDef[]): TableDef | undefined {
  let index = titleIndex.get(tables);
  if (!index) {
    index = new Map();
    for (const t of tables) for (const x of [t.title, ...t.aliases]) if (!index.has(norm(x))) index.set(norm(x), t);
    titleIndex.set(tables, index);
  }
  return index.get(stripOrdinal(text));
}

interface Anchor {
  table: TableDef;
  row: number;
  address: string;
}

/** A title or a 表号 seen on a sheet. */
type Mark = { row: number; address: string } & ({ kind: "title"; table: TableDef; text: string } | { kind: "number"; number: string });

function findMarks(view: SheetView, tables: TableDef[]): Mark[] {
  const a = view.area;
  if (!a) return [];
  const found: Mark[] = [];
  for (let r = a.top; r <= a.bottom; r++) {
    for (let c = a.left; c <= a.right; c++) {
      const t = view.ownText(r, c);
      if (!t || t.length > 40) continue;
      const address = cellAddress({ row: r, col: c });
      const byTitle = tableByTitle(t, tables);
      if (byTitle) found.push({ kind: "title", table: byTitle, text: stripOrdinal(t), row: r, address });
      const m = NUMBER_RE.exec(t);
      if (m) found.push({ kind: "number", number: `公开${m[1].padStart(2, "0")}表`, row: r, address });
    }
  }
  return found.sort((x, y) => x.row - y.row);
}

const NEAR = 3;

/**
 * The regional profile the marks agree with most: each title with its 表号 beside it votes for the
 * regions that number it so, each title only one region prints votes for that region (甘肃 when none).
 */
export function detectProfile(marksBySheet: Mark[][]): Profile {
  const votes = new Map<Profile, number>();
  const vote = (p: Profile) => votes.set(p, (votes.get(p) ?? 0) + 1);
  for (const marks of marksBySheet) {
    for (const t of marks) {
      if (t.kind !== "title") continue;
      for (const [p, title] of Object.entries(t.table.titles ?? {}) as [Profile, string][])
        if (norm(title) === t.text && t.text !== norm(t.table.title)) vote(p);
      const n = marks.find((m) => m.kind === "number" && Math.abs(m.row - t.row) <= NEAR);
      if (!n || n.kind !== "number") continue;
      for (const [p, num] of Object.entries(t.table.numbers ?? {}) as [Profile, string][]) if (num === n.number) vote(p);
    }
  }
  let best: Profile = DEFAULT_PROFILE;
  for (const [p, v] of votes) if (v > (votes.get(best) ?? 0)) best = p;
  return best;
}

/** One anchor per table block: a title (its 表号 beside it), or a lone 表号 read in the profile's numbering. */
function anchorsOf(marks: Mark[], tables: TableDef[], profile: Profile): Anchor[] {
  const anchors: Anchor[] = [];
  for (const m of marks) {
    const prev = anchors[anchors.length - 1];
    if (prev && m.row - prev.row <= NEAR) continue;
    if (m.kind === "title") {
      anchors.push({ table: m.table, row: m.row, address: m.address });
      continue;
    }
    // a 表号 just above its own title: let the title anchor the block
    if (marks.some((t) => t.kind === "title" && t.row > m.row && t.row - m.row <= NEAR)) continue;
    const table = tables.find((t) => (t.numbers?.[profile] ?? t.number) === m.number);
    if (table) anchors.push({ table, row: m.row, address: m.address });
  }
  return anchors;
}

/** Every label a table prints: header paths and the labels of its fixed lines. */
const labelSets = new WeakMap<TableDef, Set<string>>();
function labelsOf(t: TableDef): Set<string> {
  let labels = labelSets.get(t);
  if (!labels) {
    labels = new Set<string>();
    for (const c of t.columns) for (const h of c.header) labels.add(norm(h));
    for (const f of t.fixedRows) for (const v of Object.values(f.cells)) if (typeof v === "string" && !/^\d+$/.test(v)) labels.add(stripOrdinal(norm(v)));
    labels.delete("");
    labelSets.set(t, labels);
  }
  return labels;
}

const uniqueLabels = new WeakMap<TableDef[], Map<TableDef, Set<string>>>();
/** The labels only one table prints (项目, 合计, 基本支出 … are shared and say nothing). */
function signaturesOf(tables: TableDef[]): Map<TableDef, Set<string>> {
  let sig = uniqueLabels.get(tables);
  if (sig) return sig;
  const count = new Map<string, number>();
  for (const t of tables) for (const l of labelsOf(t)) count.set(l, (count.get(l) ?? 0) + 1);
  sig = new Map(tables.map((t) => [t, new Set([...labelsOf(t)].filter((l) => count.get(l) === 1))]));
  uniqueLabels.set(tables, sig);
  return sig;
}

/**
 * Tables on a sheet with neither title nor 表号, block by block (tables pasted one under another are
 * parted by empty rows): by the labels only they print; failing that, the one table whose labels
 * the block shows most completely (05表 and 08表 differ only by 小计/合计).
 */
function signatureAnchors(view: SheetView, tables: TableDef[]): Anchor[] {
  const a = view.area;
  if (!a) return [];
  const out: Anchor[] = [];
  let top: number | undefined;
  for (let r = a.top; r <= a.bottom + 1; r++) {
    const empty = r > a.bottom || [...Array(a.right - a.left + 1).keys()].every((k) => view.ownText(r, a.left + k) === "");
    if (!empty && top === undefined) top = r;
    if (empty && top !== undefined) {
      out.push(...blockAnchors(view, tables, { ...a, top, bottom: r - 1 }));
      top = undefined;
    }
  }
  return out.sort((x, y) => x.row - y.row);
}

function blockAnchors(view: SheetView, tables: TableDef[], a: Area): Anchor[] {
  // each text's first row (a label repeated down a long sheet is still one entry)
  const rowsOf = new Map<string, number>();
  for (let r = a.top; r <= a.bottom; r++) {
    for (let c = a.left; c <= a.right; c++) {
      const t = stripOrdinal(view.ownText(r, c));
      if (t && !rowsOf.has(t)) rowsOf.set(t, r);
    }
  }
  const anchorFor = (table: TableDef): Anchor => {
    // the block starts where the table's own header labels start
    const headerLabels = new Set(table.columns.flatMap((c) => c.header.map(norm)));
    const top = Math.min(...[...headerLabels].map((l) => rowsOf.get(l) ?? a.bottom), a.bottom);
    const row = Math.max(a.top, top - 1);
    return { table, row, address: cellAddress({ row: top, col: a.left }) };
  };
  const sig = signaturesOf(tables);
  const unique = tables.filter((t) => {
    const labels = sig.get(t)!;
    const n = [...labels].filter((l) => rowsOf.has(l)).length;
    return labels.size > 0 && n >= Math.min(3, labels.size) && n / labels.size >= 0.5;
  });
  if (unique.length) return unique.map(anchorFor);
  let best: { table: TableDef; share: number; n: number } | undefined;
  for (const t of tables) {
    const labels = labelsOf(t);
    const n = [...labels].filter((l) => rowsOf.has(l)).length;
    const share = n / labels.size;
    if (n >= 4 && share >= 0.8 && (!best || share > best.share || (share === best.share && n > best.n))) best = { table: t, share, n };
  }
  return best ? [anchorFor(best.table)] : [];
}

const regionalViews = new WeakMap<TableDef, Map<Profile, TableDef>>();
/** A table as a region prints it: its 表号 and title there (one object per table and region). */
export function regionalTable(table: TableDef, profile: Profile): TableDef {
  let byProfile = regionalViews.get(table);
  if (!byProfile) regionalViews.set(table, (byProfile = new Map<Profile, TableDef>()));
  let t = byProfile.get(profile);
  if (!t) {
    const number = table.numbers?.[profile] ?? table.number;
    const title = table.titles?.[profile] ?? table.title;
    t = number === table.number && title === table.title ? table : { ...table, number, title };
    byProfile.set(profile, t);
  }
  return t;
}

/** The disclosure tables found in a workbook, and the region they were read in. */
export interface LocatedTables {
  profile: Profile;
  tables: LocatedTable[];
}

export function locateTables(grids: Grid[], tables: TableDef[], profile?: Profile): LocatedTables {
  const own = ownSheets(grids);
  const out: LocatedTable[] = [];
  const sheets = grids
    // a 说明 given as text (a .txt, a Word document's paragraphs) is prose: its titles are no tables
    .filter((g) => !own.has(g.sheet) && !g.fromText)
    .map((grid) => {
      const view = viewOf(grid);
      return { grid, view, marks: findMarks(view, tables) };
    });
  const chosen = profile ?? detectProfile(sheets.map((s) => s.marks));
  // an untitled sheet is one of the region's own tables (Beijing's 政府性基金 08表 prints 06表's labels)
  const regional = tables.filter((t) => !t.numbers || t.numbers[chosen] !== undefined);
  for (const { grid, view, marks } of sheets) {
    const a = view.area;
    if (!a) continue;
    // no title and no 表号 on the sheet: recognise tables by what their headers and lines say
    // a 说明 sheet is prose (and the draft's composition blocks): a table there must carry its title
    const anchors = marks.length ? anchorsOf(marks, tables, chosen) : /说明/.test(grid.sheet) ? [] : signatureAnchors(view, regional);
    anchors.forEach((anchor, i) => {
      const blockBottom = i + 1 < anchors.length ? anchors[i + 1].row - 1 : a.bottom;
      const table = regionalTable(anchor.table, chosen);
      let unit: MoneyUnit = table.unit;
      let year: number | undefined;
      let dept: string | undefined;
      for (let r = anchor.row; r <= Math.min(blockBottom, anchor.row + 4); r++) {
        for (let x = a.left; x <= a.right; x++) {
          const t = view.ownText(r, x);
          const d = /^(?:编制)?(?:部门|单位)(?:名称)?[:：](.+?)(?:\d{4}年度.*|金额单位.*)?$/.exec(t);
          if (d && d[1]) dept = d[1];
          const u = unitFromMetaLine(t);
          if (u) unit = u;
          const y = /(20\d\d)年度/.exec(t);
          if (y) year = Number(y[1]);
        }
      }
      const header = readHeader(view, table, anchor.row + 1, blockBottom, a.left, a.right);
      const { dataTop } = header;
      const { items, lastRow, note } = readRows(view, table, header, blockBottom, a.left, a.right);
      out.push({
        table,
        sheet: grid.sheet,
        area: { top: anchor.row, left: a.left, bottom: Math.max(lastRow, dataTop), right: a.right },
        dataTop,
        items,
        anchor: anchor.address,
        unit,
        year,
        dept,
        missingColumns: unreadColumns(table, header.colIndex, items),
        columnNumbers: header.lanciPrinted,
        note,
      });
    });
  }
  return { profile: chosen, tables: out };
}

/**
 * The columns a table needs and the sheet did not give: amounts, and 科目代码 where no row has one.
 * 行次 and labels are not needed where rows are known otherwise; a panel the sheet does not print
 * (06表 in two panels) is not missing.
 */
function unreadColumns(table: TableDef, colIndex: Map<string, number>, items: Item[]): string[] {
  const printedGroups = new Set([...colIndex.keys()].map((k) => splitColumnKey(k)[0]));
  return table.columns
    .filter((c) => {
      const [group] = splitColumnKey(c.key);
      if (table.layout === "panels" && !printedGroups.has(group)) return false;
      // a code read from the name needs no code column
      if (c.kind === "code") return !colIndex.has(c.key) && !items.some((it) => it.code !== undefined && (!group || it.defs?.code === c.key));
      return c.kind === "amount" && !colIndex.has(c.key);
    })
    .map((c) => c.key);
}
