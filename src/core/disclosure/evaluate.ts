/**
 * One small evaluator for every rule kind over the located tables. Every relation ends in one of
 * four verdicts: holds, tail (尾差: within the rounding of the amounts as shown), error, or not
 * checked — a side whose table, column or line was not read is never judged, and never read as 0.
 * Amounts are Decimal, in the workbook's one unit (a table in 元 among tables in 万元 is converted).
 */
import Decimal from "decimal.js";
import { CellPos, cellAddress, parseCell } from "../address";
import { Cell, Grid } from "../grid";
import { CellRef, Finding, formatMessage } from "../finding";
import { Item, TableInstance, findItem, splitColumnKey, tableWhere } from "./instance";
import { relationsOf } from "./relations";
import type { LocatedTable } from "./locate";
import { CellAmount, MoneyUnit, ParsedAmount, convertUnit, formatAmount, parseAmount, placesShift } from "../money";
import { ItemSelector, Rule, Term } from "../../catalog/rules/types";
import { TableDef } from "../../catalog/tables/types";
import { roundingTolerance, tailOr } from "../tolerance";
import { kind } from "../../catalog/findings";
import { RelationPart } from "./cause";

/** An amount of a table in the workbook's unit (a 元 amount read in 万元 shows 4 more places). */
export type Value = CellAmount;

/** Reads amounts from the grids in one unit, reporting cells that are not amounts once each. */
export class AmountReader {
  private readonly bySheet = new Map<string, { grid: Grid; origin: CellPos }>();
  /** each cell is parsed once, however many relations it takes part in */
  private readonly parsed = new Map<Cell, ParsedAmount>();
  readonly problems = new Map<string, Finding>();
  constructor(
    grids: Grid[],
    readonly unit: MoneyUnit = "万元",
  ) {
    for (const g of grids) this.bySheet.set(g.sheet, { grid: g, origin: parseCell(g.origin) });
  }
  private parse(cell: Cell | undefined): ParsedAmount {
    if (!cell) return { kind: "empty" };
    let p = this.parsed.get(cell);
    if (!p) {
      p = cell.uncalculated ? { kind: "uncalculated" } : parseAmount(cell.value, cell.numberFormat);
      this.parsed.set(cell, p);
    }
    return p;
  }
  private cellOf(inst: TableInstance, item: Item, col: string): Cell | undefined {
    const c = item.cols[col];
    const { grid, origin } = this.bySheet.get(inst.sheet)!;
    return c === undefined ? undefined : grid.cells[item.row - origin.row]?.[c - origin.col];
  }
  /** nothing typed in the cell (not even 0 or a dash) */
  isBlank(inst: TableInstance, item: Item, col: string): boolean {
    return item.cols[col] !== undefined && this.parse(this.cellOf(inst, item, col)).kind === "empty";
  }
  read(inst: TableInstance & { unit?: MoneyUnit }, item: Item, col: string): Value | undefined | null {
    const c = item.cols[col];
    if (c === undefined) return undefined;
    const address = cellAddress({ row: item.row, col: c });
    const parsed = this.parse(this.cellOf(inst, item, col));
    const ref = { sheet: inst.sheet, address };
    const from = inst.unit ?? this.unit;
    const shift = placesShift(from, this.unit);
    if (parsed.kind === "amount") return { value: convertUnit(parsed.value, from, this.unit), places: Math.max(parsed.places, 2) + shift, cell: ref };
    if (parsed.kind === "empty" || parsed.kind === "dash") return { value: new Decimal(0), places: 2 + shift, cell: ref };
    // said once for its sheet (uncalculatedFindings): the relation is not checked
    if (parsed.kind === "uncalculated") return null;
    const key = `${inst.sheet}!${address}`;
    if (!this.problems.has(key)) {
      this.problems.set(key, {
        rule: kind(parsed.kind === "error" ? "cell.error" : "cell.notAmount"),
        // the relation cannot be judged: say so beside it, without claiming an arithmetic error
        severity: "warning",
        message:
          parsed.kind === "error"
            ? `${inst.table.number} ${address} 是错误值 ${parsed.text}，相关勾稽关系无法校验`
            : `${inst.table.number} ${address} 的内容“${parsed.text}”不是金额，相关勾稽关系无法校验`,
        cells: [ref],
      });
    }
    return null;
  }
}

/** Located tables by catalog id, in sheet order. */
export function groupByTable(instances: LocatedTable[]): Map<string, LocatedTable[]> {
  const byTable = new Map<string, LocatedTable[]>();
  for (const i of instances) byTable.set(i.table.id, [...(byTable.get(i.table.id) ?? []), i]);
  return byTable;
}

export function describeItem(table: TableDef, item: Item): string {
  if (item.line !== undefined) return `第${item.line}行${item.label ? `“${item.label}”` : ""}`;
  if (item.code) return `科目${item.code}${item.label ? `“${item.label}”` : ""}`;
  if (item.key === "total") return "合计行";
  if (item.label) return `“${item.label}”`;
  return table.layout === "single_row" ? "" : "该行";
}

function columnDef(table: TableDef, key: string) {
  return table.columns.find((c) => c.key === key);
}

function columnLabel(table: TableDef, key: string, withLanci = true): string {
  const def = columnDef(table, key);
  if (!def) return key;
  // a panel's 人员经费 / 公用经费 heading is 甘肃's; the panels of other regions print none
  const header = table.layout === "panels" ? def.header.slice(-1) : def.header;
  const label = header.filter((h) => h !== "项目").join("/");
  return def.lanci && withLanci ? `${label}（栏次${def.lanci}）` : label;
}

/** A column as the sheet names it: its header, and its 栏次 where the sheet prints them. */
export function describeColumn(inst: TableInstance, item: Item, col: string): string {
  return columnLabel(inst.table, item.defs?.[col] ?? col, inst.columnNumbers !== false);
}

export function describeCell(inst: TableInstance, item: Item, col: string): string {
  const where = describeItem(inst.table, item);
  return `${where}${where ? " " : ""}${describeColumn(inst, item, col)}`;
}

/** The relations that could not be judged, counted by what was not read. */
export class Unchecked {
  readonly causes = new Map<string, { message: string; cells: CellRef[]; count: number }>();
  add(key: string, message: string, cells: CellRef[] = []): void {
    const c = this.causes.get(key);
    if (c) c.count++;
    else this.causes.set(key, { message, cells, count: 1 });
  }
  missingTable(id: string): void {
    this.add(`table:${id}`, "");
  }
  /** a column the located table has but the sheet did not give */
  column(inst: LocatedTable, key: string): void {
    this.add(`column:${inst.sheet}:${inst.anchor}:${key}`, `${tableWhere(inst)}未能读取“${columnLabel(inst.table, key, false)}”列`, [
      { sheet: inst.sheet, address: inst.anchor },
    ]);
  }
  /** a fixed line or row the located table does not show */
  row(inst: LocatedTable, sel: ItemSelector): void {
    const what =
      "line" in sel
        ? `第${sel.line}行${lineLabel(inst.table, sel.line)}`
        : "key" in sel
          ? sel.key === "total"
            ? "合计行"
            : `“${rowLabel(inst.table, sel.key)}”`
          : `科目${sel.code}`;
    this.add(`row:${inst.sheet}:${inst.anchor}:${JSON.stringify(sel)}`, `${tableWhere(inst)}未找到${what}`, [{ sheet: inst.sheet, address: inst.anchor }]);
  }
  /** how many relations a missing table left unjudged */
  countFor(id: string): number {
    return this.causes.get(`table:${id}`)?.count ?? 0;
  }
  findings(): Finding[] {
    return [...this.causes]
      .filter(([key]) => !key.startsWith("table:"))
      .map(([, c]) => ({ rule: kind("relation.unchecked"), severity: "warning", message: `${c.message}：与之相关的 ${c.count} 条关系未核对`, cells: c.cells }));
  }
}

function lineLabel(table: TableDef, line: number): string {
  for (const f of table.fixedRows) {
    for (const [k, v] of Object.entries(f.cells)) {
      if (k.endsWith(".line") && v === line) {
        const label = f.cells[`${splitColumnKey(k)[0]}.label`];
        return label ? `“${String(label)}”` : "";
      }
    }
  }
  return "";
}

function rowLabel(table: TableDef, key: string): string {
  for (const f of table.fixedRows) for (const it of f.items ?? []) if (it.key === key) return String(f.cells[it.cols.label] ?? key);
  return key;
}

/** The side a fixed line of a two-sided table is on ("income", "expense"). */
const linesSide = new WeakMap<TableDef, Map<number, string>>();
/** The panel (group) a fixed line is printed in, by its 行次; worked out once a table. */
function sideOfLine(table: TableDef, line: number): string | undefined {
  let sides = linesSide.get(table);
  if (!sides) {
    sides = new Map();
    for (const f of table.fixedRows)
      for (const [k, v] of Object.entries(f.cells)) if (k.endsWith(".line") && typeof v === "number" && !sides.has(v)) sides.set(v, splitColumnKey(k)[0]);
    linesSide.set(table, sides);
  }
  return sides.get(line);
}

/**
 * A column a rule names (in-group key) that the located table did not read: on the side of the
 * line it names, or — with no line — in every group that has it.
 */
function unreadColumn(inst: LocatedTable, col: string, sel?: ItemSelector): string | undefined {
  if (inst.missingColumns.length === 0) return undefined;
  const side = sel && "line" in sel ? sideOfLine(inst.table, sel.line) : undefined;
  if (side) return inst.missingColumns.includes(`${side}.${col}`) ? `${side}.${col}` : undefined;
  const defs = inst.table.columns.filter((c) => splitColumnKey(c.key)[1] === col);
  return defs.length && defs.every((c) => inst.missingColumns.includes(c.key)) ? defs[0].key : undefined;
}

interface Relation {
  rule: Rule;
  op?: "=" | "<=";
  table: TableDef;
  total: Value;
  terms: (Value & { sign: 1 | -1 })[];
  /** message parts, built only when the relation fails */
  totalText: () => string;
  termsText: () => string;
  /** values the total stands for, when it is a sum itself (a compare rule's left side) */
  totalValues?: Value[];
}

export type Verdict = "holds" | "tail" | "error" | "warning";

/** Every relation's verdict counted, and each error with the parts a likely cause is sought among. */
export class Tally {
  readonly verdicts = new Map<Verdict, number>();
  readonly failed = new Map<Finding, RelationPart[]>();
}

function judge(rel: Relation, tally: Tally): Finding | undefined {
  const { verdicts } = tally;
  const expected = rel.terms.reduce((s, t) => (t.sign === 1 ? s.plus(t.value) : s.minus(t.value)), new Decimal(0));
  const diff = rel.total.value.minus(expected);
  if (diff.isZero() || (rel.op === "<=" && diff.isNeg())) {
    verdicts.set("holds", (verdicts.get("holds") ?? 0) + 1);
    return undefined;
  }
  const values = [...(rel.totalValues ?? [rel.total]), ...rel.terms];
  const shown = Math.min(Math.max(...values.map((v) => v.places), 2), 6);
  // within the rounding tolerance any relation is a tail; beyond it the rule's own severity
  const severity = tailOr(diff, rel.rule.severity, roundingTolerance(...values.map((v) => v.places)));
  verdicts.set(severity as Verdict, (verdicts.get(severity as Verdict) ?? 0) + 1);
  const params = {
    total: rel.totalText(),
    terms: rel.termsText(),
    expected: formatAmount(expected, shown),
    actual: formatAmount(rel.total.value, shown),
    difference: formatAmount(diff, shown),
    left: formatAmount(rel.total.value, shown),
    right: formatAmount(expected, shown),
  };
  const prefix = severity === "tail" ? "（尾差）" : "";
  const finding: Finding = {
    rule: rel.rule.id,
    severity,
    message: `${rel.table.number}：${prefix}${formatMessage(rel.rule.message, params)}`,
    cells: [rel.total.cell, ...rel.terms.map((t) => t.cell)],
    expected: expected.toFixed(),
    actual: rel.total.value.toFixed(),
    difference: diff.toFixed(),
  };
  if (severity === "error") {
    // a slip of δ on the total side moves the 差额 by +δ (by sign × δ for a compare rule's terms), on a term by −sign × δ
    const totals: (Value & { sign?: 1 | -1 })[] = rel.totalValues ?? [rel.total];
    const parts: RelationPart[] = [
      ...totals.map((v): RelationPart => ({ cell: v.cell, value: v.value, coef: v.sign === -1 ? -1 : 1 })),
      ...rel.terms.map((t): RelationPart => ({ cell: t.cell, value: t.value, coef: t.sign === 1 ? -1 : 1 })),
    ];
    tally.failed.set(finding, parts);
  }
  return finding;
}

function termsText(inst: TableInstance, items: { item: Item; col: string; sign: 1 | -1 }[]): string {
  const lines = items.map((x) => x.item.line).filter((l): l is number => l !== undefined);
  const sameCol = items.every((x) => x.col === items[0].col);
  if (lines.length === items.length && lines.length > 2 && sameCol && lines.every((l, i) => l === lines[0] + i) && items.every((x) => x.sign === 1)) {
    return `第${lines[0]}–${lines[lines.length - 1]}行之和`;
  }
  // terms on the total's own row need only their column names
  const sameItem = items.every((x) => x.item === items[0].item);
  const parts = items.map(
    (x, i) => `${x.sign === -1 ? "减" : i === 0 ? "" : "加"}${sameItem ? describeColumn(inst, x.item, x.col) : describeCell(inst, x.item, x.col)}`,
  );
  return items.length === 1 ? parts[0] : parts.join("");
}

type Signed = Value & { sign: 1 | -1 };

/** A side of a compare rule: its values, or what was not read. */
function compareSide(
  rule: Rule & { kind: "compare" },
  def: { table: string; terms: Term[] },
  byTable: Map<string, LocatedTable[]>,
  reader: AmountReader,
  unchecked: Unchecked,
) {
  const first = (id: string) => byTable.get(id)?.[0];
  const main = first(def.table);
  if (!main) return void unchecked.missingTable(def.table);
  const values: Signed[] = [];
  const texts: (() => string)[] = [];
  for (const t of def.terms) {
    const inst = t.table ? first(t.table) : main;
    if (!inst) continue; // an optional table the workbook does not have: no part of a ≤ bound
    const unread = unreadColumn(inst, t.col, t);
    if (unread) return void unchecked.column(inst, unread);
    const item = findItem(inst, t);
    if (!item || item.cols[t.col] === undefined) {
      // a 科目 the table does not print holds nothing; a fixed line it does not show is unread
      if ("code" in t && (rule.missingAsZero || t.table)) continue;
      if ("code" in t) return null;
      return void unchecked.row(inst, t);
    }
    const v = reader.read(inst, item, t.col);
    if (!v) return null;
    values.push({ ...v, sign: t.sign ?? 1 });
    texts.push(() => `${inst === main ? "" : inst.table.number}${describeCell(inst, item, t.col)}`);
  }
  return { main, values, texts };
}

const sumOf = (vs: Signed[]) => vs.reduce((s, v) => (v.sign === 1 ? s.plus(v.value) : s.minus(v.value)), new Decimal(0));

export function evaluate(rule: Rule, byTable: Map<string, LocatedTable[]>, reader: AmountReader, unchecked: Unchecked, tally: Tally): Finding[] {
  const out: Finding[] = [];
  const push = (f: Finding | undefined) => f && out.push(f);
  if (rule.kind === "compare") {
    const left = compareSide(rule, rule.left, byTable, reader, unchecked);
    if (left === undefined) return out;
    const right = compareSide(rule, rule.right, byTable, reader, unchecked);
    if (!left || !right || (left.values.length === 0 && right.values.length === 0)) return out;
    const anchor = left.values[0] ?? right.values[0];
    push(
      judge(
        {
          rule,
          op: rule.op,
          table: left.main.table,
          total: { ...anchor, value: sumOf(left.values), places: Math.max(2, ...left.values.map((v) => v.places)) },
          totalValues: left.values,
          terms: right.values,
          totalText: () => `${left.main.table.number}${left.texts.map((t) => t()).join("加") || "（无数据）"}`,
          termsText: () => `${right.main.table.number}${right.texts.map((t) => t()).join("加") || "（无数据）"}`,
        },
        tally,
      ),
    );
    return out;
  }
  const instances = byTable.get(rule.table) ?? [];
  if (instances.length === 0) unchecked.missingTable(rule.table);
  for (const inst of instances) {
    // a column the rule needs and the sheet did not give: none of its relations is judged
    const needed: [string, ItemSelector?][] =
      rule.kind === "rowSum"
        ? [rule.total, ...rule.terms.map((t) => t.col)].map((c) => [c])
        : rule.kind === "sum"
          ? [rule.total, ...rule.terms].map((t) => [t.col, t])
          : rule.cols.map((c) => [c]);
    const unread = [...new Set(needed.map(([c, sel]) => unreadColumn(inst, c, sel)).filter((c): c is string => !!c))];
    if (unread.length) {
      unread.forEach((c) => unchecked.column(inst, c));
      continue;
    }
    if (rule.kind === "sum") {
      // a fixed line the sheet does not show is unread (a 科目 it does not print holds nothing)
      const absent = [rule.total, ...(rule.missingAsZero ? [] : rule.terms)].find((s) => !("code" in s) && !findItem(inst, s));
      if (absent) {
        unchecked.row(inst, absent);
        continue;
      }
    }
    for (const rel of relationsOf(inst, rule)) {
      const tv = reader.read(inst, rel.total.item, rel.total.col);
      const vs = rel.terms.map((t) => reader.read(inst, t.item, t.col));
      if (!tv || vs.some((v) => !v)) continue;
      // an empty 合计 over no 类 rows has nothing to say
      if (rel.terms.length === 0 && tv.value.isZero()) continue;
      push(
        judge(
          {
            rule,
            table: inst.table,
            total: tv,
            terms: vs.map((v, k) => ({ ...(v as Value), sign: rel.terms[k].sign })),
            totalText: () => describeCell(inst, rel.total.item, rel.total.col),
            termsText: () => rel.termsLabel ?? termsText(inst, rel.terms),
          },
          tally,
        ),
      );
    }
  }
  return out;
}

/** The amount at an item of a table's first located instance, with where it is; undefined when the table, item or amount is missing. */
export function amountAt(
  byTable: Map<string, LocatedTable[]>,
  reader: AmountReader,
  table: string,
  sel: ItemSelector,
  col: string,
): { value: Decimal; cell: CellRef; where: string } | undefined {
  const inst = byTable.get(table)?.[0];
  const item = inst && findItem(inst, sel);
  const v = item ? reader.read(inst, item, col) : undefined;
  return v ? { value: v.value, cell: v.cell, where: tableWhere(inst!) } : undefined;
}
