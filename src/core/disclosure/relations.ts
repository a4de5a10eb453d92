/**
 * A within-table rule, unfolded over a placed table: which cell is the total of which cells.
 * The checker evaluates these relations; the template writer turns the same ones into formulas.
 */
import { Rule } from "../../catalog/rules/types";
import { Item, TableInstance, childrenOf, codeLevel, findItem } from "./instance";

export interface CellOfItem {
  item: Item;
  col: string;
}

export interface CellRelation {
  total: CellOfItem;
  terms: (CellOfItem & { sign: 1 | -1 })[];
  /** how the terms read in a message, when not listed one by one */
  termsLabel?: string;
  /** a 合计 = Σ 类 relation: the template writes it so that 科目 lines added later count */
  overClasses?: boolean;
  /** a 合计 = Σ listed rows relation: the template sums every row below the 合计 */
  overList?: boolean;
}

const has = (item: Item | undefined, col: string): item is Item => !!item && item.cols[col] !== undefined;

export function relationsOf(inst: TableInstance, rule: Rule): CellRelation[] {
  if (rule.kind === "compare") return [];
  if (rule.table !== inst.table.id) return [];
  const out: CellRelation[] = [];
  if (rule.kind === "sum") {
    const total = findItem(inst, rule.total);
    if (!has(total, rule.total.col)) return out;
    const terms = rule.terms
      .map((t) => ({ item: findItem(inst, t), col: t.col, sign: t.sign ?? (1 as const) }))
      .filter((t): t is CellOfItem & { sign: 1 | -1 } => has(t.item, t.col));
    if (terms.length) out.push({ total: { item: total, col: rule.total.col }, terms });
  } else if (rule.kind === "rowSum") {
    const items = rule.items ? rule.items.map((s) => findItem(inst, s)).filter((x): x is Item => !!x) : inst.items;
    for (const item of items) {
      if (!has(item, rule.total)) continue;
      const terms = rule.terms.filter((t) => has(item, t.col)).map((t) => ({ item, col: t.col, sign: t.sign ?? (1 as const) }));
      if (terms.length) out.push({ total: { item, col: rule.total }, terms });
    }
  } else if (rule.kind === "listSum") {
    const totalItem = findItem(inst, { key: rule.totalKey });
    // the listed rows: everything that is not a fixed row, below the 合计
    const listed = inst.items.filter((it) => it.key === undefined && (!totalItem || it.row > totalItem.row));
    for (const col of rule.cols) {
      if (!has(totalItem, col)) continue;
      const terms = listed.filter((it) => has(it, col)).map((item) => ({ item, col, sign: 1 as const }));
      out.push({ total: { item: totalItem, col }, terms, termsLabel: `${terms.length}行之和`, overList: true });
    }
  } else {
    for (const col of rule.cols) {
      const totalItem = rule.totalKey ? findItem(inst, { key: rule.totalKey }) : undefined;
      if (has(totalItem, col)) {
        const classes = inst.items.filter((it) => it.code && codeLevel(it.code) === 1 && has(it, col));
        out.push({
          total: { item: totalItem, col },
          terms: classes.map((item) => ({ item, col, sign: 1 as const })),
          termsLabel: `${classes.length}个类级科目之和`,
          overClasses: true,
        });
      }
      for (const it of inst.items) {
        if (!it.code || !has(it, col)) continue;
        const kids = childrenOf(inst, it, col);
        if (kids.length)
          out.push({ total: { item: it, col }, terms: kids.map((item) => ({ item, col, sign: 1 as const })), termsLabel: `${kids.length}个下级科目之和` });
      }
    }
  }
  return out;
}
