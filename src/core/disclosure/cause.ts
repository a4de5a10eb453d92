/**
 * The likely cause of failing relations. A typed-wrong amount throws off every relation it is in —
 * its row's and its column's — by the same amount; the cell where failing relations meet, all
 * pointing to the same correction, is most likely the one typed wrong. The totals are then only
 * affected: the accountant is sent to the cell, not told to change a correct 小计.
 */
import Decimal from "decimal.js";
import { CellRef, Finding } from "../finding";
import { formatAmount } from "../money";

/** A cell of a failing relation and how a slip δ there moves the relation's 差额: by coef × δ. */
export interface RelationPart {
  cell: CellRef;
  value: Decimal;
  coef: 1 | -1;
}

/** Relations that differ by a few rounding tails still point to the same correction. */
const SAME_CORRECTION = new Decimal("0.05");

const keyOf = (c: CellRef) => `${c.sheet}!${c.address}`;

/** Two adjacent digits swapped turn one printed amount into the other ("69.42" ↔ "69.24"); a moved decimal point is no swap. */
export function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].map((ch, i) => (ch === b[i] ? -1 : i)).filter((i) => i >= 0);
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/**
 * Sets `cause` on the error findings whose relations meet in one cell with the same correction.
 * `failed`: each error finding of a relation with its parts; a cell needs two relations at least.
 */
export function assignCauses(failed: Map<Finding, RelationPart[]>): void {
  const byCell = new Map<string, { part: RelationPart; finding: Finding; slip: Decimal }[]>();
  for (const [finding, parts] of failed) {
    if (finding.difference === undefined) continue;
    const diff = new Decimal(finding.difference);
    for (const part of parts) {
      const list = byCell.get(keyOf(part.cell)) ?? [];
      // the slip at this cell that would explain this relation's 差额
      list.push({ part, finding, slip: diff.mul(part.coef) });
      byCell.set(keyOf(part.cell), list);
    }
  }
  const candidates = [...byCell.values()]
    .filter((list) => new Set(list.map((x) => x.finding)).size >= 2)
    .filter((list) => {
      const slips = list.map((x) => x.slip);
      return (
        Decimal.max(...slips)
          .minus(Decimal.min(...slips))
          .lte(SAME_CORRECTION) && !slips[0].isZero()
      );
    })
    .sort((a, b) => b.length - a.length);
  const taken = new Set<Finding>();
  for (let i = 0; i < candidates.length; i++) {
    const list = candidates[i];
    // two cells that explain the same relations equally well: no way to tell which, name neither
    if (candidates[i + 1]?.length === list.length && candidates[i + 1].every((x) => list.some((y) => y.finding === x.finding))) {
      i++;
      continue;
    }
    if (list.some((x) => taken.has(x.finding))) continue;
    const { part } = list[0];
    const slip = list
      .reduce((s, x) => s.plus(x.slip), new Decimal(0))
      .div(list.length)
      .toDecimalPlaces(2);
    const printed = formatAmount(part.value);
    const should = formatAmount(part.value.minus(slip));
    const swap = isTransposition(printed.replace(/,/g, ""), should.replace(/,/g, "")) ? `；可能是数字颠倒 ${should} ↔ ${printed}` : "";
    const note = `最可能录错：本格与 ${list.length} 处关系都差 ${formatAmount(slip)}，应为 ${should}，实为 ${printed}${swap}`;
    for (const x of list) {
      taken.add(x.finding);
      x.finding.cause = { ...part.cell, note };
    }
  }
}
