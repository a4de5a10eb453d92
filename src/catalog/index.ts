/** The catalog: every standard table and rule, looked up by id. */
import { DISCLOSURE_TABLES } from "./tables/disclosure";
import { DISCLOSURE_RULES, LOCAL_RULES } from "./rules/disclosure";
import { LOCAL_TABLES } from "./tables/local";
import { Profile, TableDef } from "./tables/types";
import { Rule } from "./rules/types";

/** The nine tables every region publishes. */
export const TABLES: TableDef[] = [...DISCLOSURE_TABLES];
/** Every table the checker looks for: the nine and the regional additions. */
export const ALL_TABLES: TableDef[] = [...DISCLOSURE_TABLES, ...LOCAL_TABLES];
export const RULES: Rule[] = [...DISCLOSURE_RULES, ...LOCAL_RULES];

/** The tables a region publishes (the nine, and its own additions), in its 表号 order. */
export function tablesOf(profile: Profile): TableDef[] {
  const numberOf = (t: TableDef) => t.numbers?.[profile] ?? t.number;
  return ALL_TABLES.filter((t) => !t.numbers || t.numbers[profile] !== undefined).sort((a, b) => numberOf(a).localeCompare(numberOf(b)));
}

export function tableById(id: string): TableDef | undefined {
  const norm = id.trim().toUpperCase().replace(/^公开/, "T").replace(/表$/, "");
  const key = /^\d+$/.test(norm) ? `T${norm.padStart(2, "0")}` : norm;
  return ALL_TABLES.find((t) => t.id === key);
}

export function rulesFor(tableId: string): Rule[] {
  return RULES.filter((r) => ("table" in r ? r.table === tableId : r.left.table === tableId || r.right.table === tableId));
}

export type { TableDef } from "./tables/types";
export type { Rule } from "./rules/types";
