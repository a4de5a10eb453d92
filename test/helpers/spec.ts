/**
 * The 2024 table layouts as published (test/fixtures/published/layouts-2024.json, transcribed from the
 * published tables), so tests compare the catalog with the published form, not with itself.
 */
import * as fs from "fs";
import * as path from "path";
import { PUBLISHED } from "../fixtures/seed-workbooks";

export interface SpecTable {
  number: string;
  title: string;
  layout: string;
  /** 栏次 → header path */
  columns: Map<string, string[]>;
  /** two-sided: [行次, label] pairs for both sides ("" where blank) */
  lines: [number, string][];
  /** 06表: per printed line, the [code, name] of each panel */
  panels: [string, string][][];
}

interface LayoutsFile {
  beijingAdditions: string[];
  tables: (Omit<SpecTable, "columns"> & { columns: Record<string, string[]> })[];
}

function layouts(): LayoutsFile {
  return JSON.parse(fs.readFileSync(path.join(PUBLISHED, "layouts-2024.json"), "utf8")) as LayoutsFile;
}

export function readSpecTables(): SpecTable[] {
  return layouts().tables.map((t) => ({ ...t, columns: new Map(Object.entries(t.columns)) }));
}

/** The titles of the three tables 北京 publishes beyond the nine. */
export function beijingAdditions(): string[] {
  return layouts().beijingAdditions;
}
