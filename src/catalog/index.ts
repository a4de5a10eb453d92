/** The catalog: every standard table and rule, looked up by id. */
import { DISCLOSURE_TABLES } from "./tables/disclosure";
import { DISCLOSURE_RULES } from "./rules/disclosure";
import { TableDef } from "./tables/types";
import { Rule } from "./rules/types";

export const TABLES: TableDef[] = [...DISCLOSURE_TABLES];
export const RULES: Rule[] = [...DISCLOSURE_RULES];

export function tableById(id: string): TableDef | undefined {
  const norm = id.trim().toUpperCase().replace(/^公开/, "T").replace(/表$/, "");
  const key = /^\d+$/.test(norm) ? `T${norm.padStart(2, "0")}` : norm;
  return TABLES.find((t) => t.id === key);
}

export function rulesFor(tableId: string): Rule[] {
  return RULES.filter((r) => ("table" in r ? r.table === tableId : r.left.table === tableId || r.right.table === tableId));
}

export type { TableDef } from "./tables/types";
export type { Rule } from "./rules/types";
