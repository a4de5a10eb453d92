/**
 * Regional profiles as data: which tables a region publishes comes from each table's `numbers`
 * (its 表号 there) and, where the region prints its own title, `titles`. A new province is an entry
 * here, its numbers and titles on the tables (tables/disclosure.ts, tables/local.ts) and a fixture.
 */
export const PROFILES = [
  { id: "mof", name: "财政部（中央部门）" },
  { id: "gansu", name: "甘肃" },
  { id: "beijing", name: "北京" },
  { id: "yunnan", name: "云南" },
  { id: "shanghai", name: "上海" },
] as const;

export type Profile = (typeof PROFILES)[number]["id"];

export const PROFILE_IDS: Profile[] = PROFILES.map((p) => p.id);

/** the profile a workbook is read in when neither 表号 nor a regional title tells */
export const DEFAULT_PROFILE: Profile = "gansu";

export function profileName(id: Profile): string {
  return PROFILES.find((p) => p.id === id)?.name ?? id;
}
