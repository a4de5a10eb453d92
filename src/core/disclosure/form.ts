/**
 * What a table's printed form must show, beyond its sums (catalog flags on the table): an empty
 * 政府性基金 / 国有资本经营 table says so under it; amounts that cannot be negative are not; the 三公
 * table prints 0 where nothing was spent.
 */
import { Finding } from "../finding";
import { itemCell, splitColumnKey, tableWhere } from "./instance";
import type { LocatedTable } from "./locate";
import { AmountReader } from "./evaluate";
import { kind } from "../../catalog/findings";

export function formFindings(instances: LocatedTable[], reader: AmountReader): Finding[] {
  const out: Finding[] = [];
  for (const inst of instances) {
    const { table } = inst;
    const at = { sheet: inst.sheet, address: inst.anchor };
    const amountCols = new Set(table.columns.filter((c) => c.kind === "amount").map((c) => splitColumnKey(c.key)[1]));
    let any = false;
    const blanks: string[] = [];
    for (const item of inst.items) {
      for (const col of Object.keys(item.cols).filter((k) => amountCols.has(k))) {
        const v = reader.read(inst, item, col);
        if (!v) continue;
        const address = itemCell(item, col)!;
        if (!v.value.isZero()) any = true;
        if (table.nonNegative && v.value.isNeg()) {
          out.push({
            rule: kind("form.negative"),
            severity: "warning",
            message: `${table.number} ${address} 为负数（${v.value.toFixed()}），本表金额不应为负`,
            cells: [v.cell],
          });
        }
        if (table.blankIsZero && reader.isBlank(inst, item, col)) blanks.push(address);
      }
    }
    if (table.emptyNote && inst.items.length > 0 && !any && !(inst.note ?? "").includes(table.emptyNote)) {
      out.push({
        rule: kind("form.emptyNote"),
        severity: "warning",
        message: `${tableWhere(inst)}没有数据，表下应注明“本表${table.emptyNote}”及原因`,
        cells: [at],
      });
    }
    if (blanks.length) {
      out.push({
        rule: kind("form.blank"),
        severity: "info",
        message: `${table.number} 有 ${blanks.length} 个金额单元格空白（如 ${blanks.slice(0, 3).join("、")}），没有支出的应填 0`,
        cells: blanks.map((address) => ({ sheet: inst.sheet, address })),
      });
    }
  }
  return out;
}
