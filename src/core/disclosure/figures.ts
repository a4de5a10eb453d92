/** The tables' figures as the checker reads them, for what is written from them (the 说明 draft). */
import Decimal from "decimal.js";
import { Grid } from "../grid";
import { codeLevel } from "./instance";
import { AmountReader, amountAt, groupByTable } from "./evaluate";
import { locateTables } from "./locate";
import { PerformanceTable, locatePerformanceTables } from "../performance/read";
import { ALL_TABLES } from "../../catalog";
import { ItemSelector } from "../../catalog/rules/types";
import { Profile } from "../../catalog/tables/types";

export interface Figures {
  profile: Profile;
  dept?: string;
  year?: number;
  has(table: string): boolean;
  /** the amount at an item of the table's first instance (an empty cell is 0); undefined when absent */
  at(table: string, item: ItemSelector, col: string): Decimal | undefined;
  /** the table's 科目 rows in printed order */
  coded(table: string): { code: string; label: string; amount(col: string): Decimal | undefined }[];
  perf: PerformanceTable[];
}

export function readFigures(grids: Grid[], profile?: Profile): Figures {
  const located = locateTables(grids, ALL_TABLES, profile);
  const reader = new AmountReader(grids);
  const byTable = groupByTable(located.tables);
  return {
    profile: located.profile,
    dept: located.tables.find((t) => t.dept)?.dept,
    year: located.tables.find((t) => t.year)?.year,
    has: (id) => byTable.has(id),
    at: (id, sel, col) => amountAt(byTable, reader, id, sel, col)?.value,
    coded(id) {
      const inst = byTable.get(id)?.[0];
      if (!inst) return [];
      return inst.items
        .filter((it) => it.code && codeLevel(it.code))
        .map((it) => ({ code: it.code!, label: (it.label ?? "").trim(), amount: (col: string) => reader.read(inst, it, col)?.value }));
    },
    perf: locatePerformanceTables(grids),
  };
}
