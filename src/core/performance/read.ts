/**
 * Find 绩效自评 tables in any workbook: the title, the header fields (项目名称 …), the funds block
 * (by its column labels), the indicator block (一级/二级/三级指标 …) and the 总分 row.
 */
import { cellAddress } from "../address";
import { ParsedAmount, parseAmount, parseAmountText } from "../money";
import { CellValue, Grid } from "../grid";
import { SheetView, viewOf } from "../sheet";
import { accountantsSheets } from "../plan";
import { norm } from "../label";
import { FundsColumn, IndicatorColumn, PERFORMANCE_TABLES, PerformanceTableDef } from "../../catalog/tables/performance";
import { CellAmount } from "../money";

/** A row of a 绩效 table: its sheet row and where each of its columns sits. */
export interface PlacedRow<K extends string> {
  row: number;
  cols: Partial<Record<K, number>>;
}

export interface FundsRow extends PlacedRow<FundsColumn> {
  label: string;
  /** total 年度资金总额; source 其中…/上年结转/其他资金; sub (一)…; sub2 1.… */
  role: "total" | "source" | "sub" | "sub2";
}

export interface IndicatorRow extends PlacedRow<IndicatorColumn> {
  names: { level1: string; level2: string; level3: string };
}

export interface PerformanceTable {
  def: PerformanceTableDef;
  sheet: string;
  titleCell: string;
  name: string;
  /** the funds block's unit, as its header prints it */
  fundsUnit?: "万元" | "元";
  fundsUnitCell?: string;
  fundsHeaderRow: number;
  fundsCols: Partial<Record<FundsColumn, number>>;
  funds: FundsRow[];
  indicatorCols: Partial<Record<IndicatorColumn, number>>;
  indicators: IndicatorRow[];
  total?: { row: number; weightCol?: number; scoreCol?: number };
  grade?: { text: string; cell: string };
  /** sentences printed with the table (自评报告 excerpts): checked against it */
  statements: { text: string; cell: string }[];
  view: SheetView;
}

function labelKey<K extends string>(text: string, labels: Record<K, string[]>, used: Set<K>): K | undefined {
  if (!text) return undefined;
  let best: { key: K; len: number } | undefined;
  for (const [key, list] of Object.entries(labels) as [K, string[]][]) {
    if (used.has(key)) continue;
    for (const l of list) {
      const n = norm(l);
      if (text === n || (text.startsWith(n) && text.length - n.length <= 4)) {
        if (!best || n.length > best.len) best = { key, len: n.length };
      }
    }
  }
  return best?.key;
}

/** Columns of a header row: each cell's label, left to right, a key used once. */
function headerColumns<K extends string>(view: SheetView, row: number, left: number, right: number, labels: Record<K, string[]>) {
  const cols: Partial<Record<K, number>> = {};
  const used = new Set<K>();
  for (let c = left; c <= right; c++) {
    const key = labelKey(view.ownText(row, c), labels, used);
    if (key) {
      cols[key] = c;
      used.add(key);
    }
  }
  return cols;
}

const SECTION_END = /^(年度总体目标|绩效指标|一级指标|年度绩效目标|总体目标)/;

/**
 * A weight tree prints 分值 after each level: the one after 三级指标 (or the only one) is the
 * indicator's weight, those after 一级 and 二级 are their parents'.
 */
function assignWeights(view: SheetView, row: number, left: number, right: number, cols: Partial<Record<IndicatorColumn, number>>): void {
  const weightCols: number[] = [];
  for (let c = left; c <= right; c++) if (/^(分值|指标分值权重|权重)$/.test(view.ownText(row, c))) weightCols.push(c);
  if (weightCols.length < 2) return;
  for (const c of weightCols) {
    const before = (["level1", "level2", "level3"] as const).filter((k) => cols[k] !== undefined && cols[k] < c).sort((a, b) => cols[b]! - cols[a]!)[0];
    if (before === "level1") cols.weight1 = c;
    else if (before === "level2") cols.weight2 = c;
    else cols.weight = c;
  }
}

function role(printedLabel: string): FundsRow["role"] {
  const label = norm(printedLabel);
  if (/^年度资金总额|^资金总额|^合计/.test(label)) return "total";
  if (/^[(（][一二三四五六七八九十]+[)）]/.test(label)) return "sub";
  if (/^\d+[.、．]/.test(label)) return "sub2";
  return "source";
}

function textAt(view: SheetView, row: number, col: number | undefined): string {
  return col === undefined ? "" : view.text(row, col);
}

export function locatePerformanceTables(grids: Grid[], defs: PerformanceTableDef[] = PERFORMANCE_TABLES): PerformanceTable[] {
  const out: PerformanceTable[] = [];
  for (const grid of accountantsSheets(grids)) {
    const view = viewOf(grid);
    const a = view.area;
    if (!a) continue;
    const titles: { row: number; col: number; def: PerformanceTableDef }[] = [];
    const known = defs.map((d) => ({ d, titles: d.titles.map(norm) }));
    for (let r = a.top; r <= a.bottom; r++) {
      for (let c = a.left; c <= a.right; c++) {
        const own = view.ownText(r, c);
        // every title ends in 表: skip the other cells cheaply
        if (!own || own.length > 40 || !/表(\(\d{4}年度?\))?$/.test(own)) continue;
        const t = own.replace(/\(\d{4}年度?\)$/, "");
        const hit = known.find((k) => k.titles.some((x) => t === x || t.endsWith(x)));
        if (hit) titles.push({ row: r, col: c, def: hit.d });
      }
    }
    titles.forEach((title, i) => {
      const bottom = i + 1 < titles.length ? titles[i + 1].row - 1 : a.bottom;
      const table = readBlock(view, grid.sheet, title, bottom, a.left, a.right);
      if (table) out.push(table);
    });
  }
  return out;
}

function readBlock(
  view: SheetView,
  sheet: string,
  title: { row: number; col: number; def: PerformanceTableDef },
  bottom: number,
  left: number,
  right: number,
): PerformanceTable | undefined {
  const def = title.def;
  let name = "";
  let fundsHeaderRow = -1;
  for (let r = title.row + 1; r <= bottom && fundsHeaderRow < 0; r++) {
    for (let c = left; c <= right; c++) {
      const t = view.ownText(r, c);
      if (/^(项目名称|部门(\(单位\))?名称|单位名称)/.test(t) && !name) {
        for (let x = c + 1; x <= right; x++)
          if (view.ownText(r, x)) {
            name = String(view.value(r, x)).trim();
            break;
          }
      }
    }
    const cols = headerColumns(view, r, left, right, def.funds);
    if (cols.budget !== undefined && cols.actual !== undefined) fundsHeaderRow = r;
  }
  if (fundsHeaderRow < 0) return undefined;
  const fundsCols = headerColumns(view, fundsHeaderRow, left, right, def.funds);
  const firstFundsCol = Math.min(...Object.values<number>(fundsCols));

  // the funds block's unit: "项目资金（万元）" beside or above its header
  let fundsUnit: PerformanceTable["fundsUnit"];
  let fundsUnitCell: string | undefined;
  for (let r = Math.max(title.row + 1, fundsHeaderRow - 1); r <= fundsHeaderRow + 1 && !fundsUnit; r++) {
    for (let c = left; c < firstFundsCol; c++) {
      const m = /资金[^(]*\((万元|元)\)|规模\((万元|元)\)/.exec(view.ownText(r, c));
      if (m) {
        fundsUnit = (m[1] ?? m[2]) as "万元" | "元";
        fundsUnitCell = cellAddress({ row: r, col: c });
      }
    }
  }

  const funds: FundsRow[] = [];
  let r = fundsHeaderRow + 1;
  for (; r <= bottom; r++) {
    const rowTexts = Array.from({ length: right - left + 1 }, (_, k) => view.ownText(r, left + k));
    if (rowTexts.some((t) => SECTION_END.test(t))) break;
    let label = "";
    for (let c = firstFundsCol - 1; c >= left; c--) {
      const t = view.ownText(r, c);
      if (t && !/资金.*\(|规模\(/.test(t)) {
        label = String(view.raw(r, c)!.value).trim(); // as printed, for messages
        break;
      }
    }
    if (!label) continue;
    funds.push({ row: r, label, role: role(label), cols: fundsCols });
  }

  let indicatorHeader = -1;
  for (; r <= bottom && indicatorHeader < 0; r++) {
    const texts = Array.from({ length: right - left + 1 }, (_, k) => view.ownText(r, left + k));
    if (texts.includes("一级指标") && texts.includes("三级指标")) indicatorHeader = r;
  }
  const indicatorCols = indicatorHeader >= 0 ? headerColumns(view, indicatorHeader, left, right, def.indicators) : {};
  if (indicatorHeader >= 0) assignWeights(view, indicatorHeader, left, right, indicatorCols);
  const indicators: IndicatorRow[] = [];
  let total: PerformanceTable["total"];
  if (indicatorHeader >= 0) {
    for (let row = indicatorHeader + 1; row <= bottom; row++) {
      const first = [...Array(right - left + 1).keys()].map((k) => view.ownText(row, left + k)).find((t) => t !== "");
      if (first !== undefined && def.totalLabels.includes(first)) {
        total = { row, weightCol: indicatorCols.weight, scoreCol: indicatorCols.score };
        break;
      }
      const level3 = textAt(view, row, indicatorCols.level3);
      const hasScore = indicatorCols.weight !== undefined && view.value(row, indicatorCols.weight) !== null;
      if (!level3 && !hasScore) continue;
      indicators.push({
        row,
        cols: indicatorCols,
        names: { level1: textAt(view, row, indicatorCols.level1), level2: textAt(view, row, indicatorCols.level2), level3 },
      });
    }
  }

  let grade: PerformanceTable["grade"];
  for (let row = title.row; row <= bottom && !grade; row++) {
    for (let c = left; c <= right; c++) {
      const t = view.ownText(row, c);
      const tick = /(优|良|中|差|合格|不合格)[√✓☑]/.exec(t);
      const labelled = /^(?:自评|评价)?(?:等级|等次)[:：]?(优|良|中|差|合格|不合格)$/.exec(t);
      const m = tick ?? labelled;
      if (m) {
        grade = { text: m[1], cell: cellAddress({ row, col: c }) };
        break;
      }
      // "等级" with the grade in the next cell (our templates compute it there)
      if (/^(自评|评价)?(等级|等次)$/.test(t)) {
        const next = view.ownText(row, c + 1);
        if (/^(优|良|中|差|合格|不合格)$/.test(next)) {
          grade = { text: next, cell: cellAddress({ row, col: c + 1 }) };
          break;
        }
      }
    }
  }

  // text printed below the table in its block: what the 自评报告 says of it
  const statements: PerformanceTable["statements"] = [];
  const from = (total?.row ?? indicators[indicators.length - 1]?.row ?? fundsHeaderRow) + 1;
  for (let row = from; row <= bottom; row++) {
    for (let c = left; c <= right; c++) {
      const v = view.raw(row, c)?.value;
      if (typeof v === "string" && v.length >= 8 && /\d/.test(v) && /[\u4e00-\u9fff]/.test(v)) statements.push({ text: v, cell: cellAddress({ row, col: c }) });
    }
  }

  return {
    def,
    sheet,
    statements,
    titleCell: cellAddress({ row: title.row, col: title.col }),
    name,
    fundsUnit,
    fundsUnitCell,
    fundsHeaderRow,
    fundsCols,
    funds,
    indicatorCols,
    indicators,
    total,
    grade,
    view,
  };
}

export function valueAt(t: PerformanceTable, row: number, col: number | undefined): CellValue {
  return col === undefined ? null : (t.view.raw(row, col)?.value ?? null);
}

/** A number printed in a 绩效 table: the one amount type, with its cell. */
export type Printed = CellAmount;

/** A printed number ("9.98分", "92.18", "100%"), or undefined when the cell holds none ("—"). */
export function printedNumber(t: PerformanceTable, row: number | undefined, col: number | undefined): Printed | undefined {
  if (row === undefined || col === undefined) return undefined;
  const v = valueAt(t, row, col);
  const cell = t.view.raw(row, col);
  if (cell?.uncalculated) return undefined;
  // "9.98分" and "98.82%" print the same figure as 9.98 and 98.82; a % number format is scaled by parseAmount
  const p: ParsedAmount = typeof v === "string" ? parseAmountText(v.replace(/分$/, "")) : parseAmount(v, cell?.numberFormat);
  if (p.kind !== "amount") return undefined;
  return { value: p.value, places: p.places, ...(p.printed ? { printed: true } : {}), cell: { sheet: t.sheet, address: cellAddress({ row, col }) } };
}
