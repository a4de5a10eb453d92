/**
 * 科目代码 against the classification dictionaries: names that do not match their code, a 款 or 项
 * printed under the wrong parent, a code twice in one table, codes the dictionary does not know,
 * and 02表/03表 listing different 科目.
 */
import { functionDictionary } from "../../catalog/classification/function";
import { ECONOMIC_CLASSIFICATION } from "../../catalog/classification/economic";
import { CellRef, Finding } from "../finding";
import { norm } from "../label";
import { Item, codeLevel, itemCell, parentCode } from "./instance";
import { LocatedTable } from "./locate";
import { kind, tablesCodesKind } from "../../catalog/findings";

const DEFAULT_YEAR = 2024;

/** NFKC and no spaces; `loose` also drops punctuation and a leading ordinal ("一、"). */
function nameKey(name: string, loose: boolean): string {
  let s = name.normalize("NFKC").replace(/\s+/g, "");
  if (loose) s = s.replace(/^[一二三四五六七八九十]+、/, "").replace(/[\p{P}\p{S}]/gu, "");
  return s;
}

function ref(inst: LocatedTable, it: Item, col: string): CellRef {
  return { sheet: inst.sheet, address: itemCell(it, col) ?? itemCell(it, "code")! };
}

function dictionaryFor(inst: LocatedTable): ReadonlyMap<string, string> | undefined {
  const year = inst.year ?? DEFAULT_YEAR;
  if (inst.table.layout === "panels") return ECONOMIC_CLASSIFICATION[year] ?? ECONOMIC_CLASSIFICATION[DEFAULT_YEAR];
  if (inst.table.openRows?.classification === "function") return functionDictionary(year) ?? functionDictionary(DEFAULT_YEAR);
  return undefined;
}

export function codeFindings(instances: LocatedTable[]): Finding[] {
  const out: Finding[] = [];
  for (const inst of instances) {
    const dict = dictionaryFor(inst);
    if (!dict) continue;
    const coded = inst.items.filter((it) => it.code && codeLevel(it.code));
    for (const it of coded) {
      const code = it.code!;
      const known = dict.get(code);
      const printed = it.label ?? "";
      if (known === undefined) {
        if (dict.has(code.slice(0, 3))) {
          out.push({
            rule: kind("codes.unknown"),
            severity: "info",
            message: `${inst.table.number}：科目代码 ${code}“${printed}”不在内置科目字典中（字典只收录常用科目，请自行核对）`,
            cells: [ref(inst, it, "code")],
          });
        } else {
          out.push({
            rule: kind("codes.unknown"),
            severity: "warning",
            message: `${inst.table.number}：科目代码 ${code} 的类 ${code.slice(0, 3)} 不是有效的科目类`,
            cells: [ref(inst, it, "code")],
          });
        }
      } else if (printed && nameKey(printed, false) !== nameKey(known, false)) {
        const minor = nameKey(printed, true) === nameKey(known, true);
        // a name cut short by the cell (or by PDF extraction) is not a wrong name
        if (!minor && nameKey(known, true).startsWith(nameKey(printed, true)) && nameKey(printed, true).length >= 4) {
          out.push({
            rule: kind("codes.name"),
            severity: "info",
            message: `${inst.table.number}：科目 ${code} 名称“${printed}”不完整，标准名称为“${known}”`,
            cells: [ref(inst, it, "name")],
          });
          continue;
        }
        out.push({
          rule: kind("codes.name"),
          severity: minor ? "warning" : "error",
          message: minor
            ? `${inst.table.number}：科目 ${code} 名称“${printed}”与标准名称“${known}”仅标点或全半角不同`
            : `${inst.table.number}：科目 ${code} 的名称应为“${known}”，表中为“${printed}”`,
          cells: [ref(inst, it, "name")],
          expected: known,
          actual: printed,
        });
      }
    }
    if (inst.table.layout === "coded_rows") {
      // a 款 or 项 sits under the nearest 类 or 款 printed above it
      const lastAt: Record<number, string | undefined> = {};
      for (const it of [...coded].sort((a, b) => a.row - b.row)) {
        const level = codeLevel(it.code!)!;
        const parent = parentCode(it.code!);
        const above = lastAt[level - 1];
        if (parent && above !== undefined && above !== parent) {
          out.push({
            rule: kind("codes.parent"),
            severity: "error",
            message: `${inst.table.number}：科目 ${it.code} 应列在其上级科目 ${parent} 之下，现列在 ${above} 之下`,
            cells: [ref(inst, it, "code")],
          });
        }
        lastAt[level] = it.code;
        for (let l = level + 1; l <= 3; l++) lastAt[l] = undefined;
      }
    }
  }
  out.push(...sameCodes(instances, "T02", "T03"));
  return out;
}

/** 02表 and 03表 list the same 科目: a code in one and not the other is a warning. */
function sameCodes(instances: LocatedTable[], a: string, b: string): Finding[] {
  const ta = instances.find((i) => i.table.id === a);
  const tb = instances.find((i) => i.table.id === b);
  if (!ta || !tb) return [];
  const codes = (t: LocatedTable) => new Map(t.items.filter((it) => it.code && codeLevel(it.code)).map((it) => [it.code!, it]));
  const ca = codes(ta);
  const cb = codes(tb);
  const out: Finding[] = [];
  for (const [x, y, cx, cy] of [
    [ta, tb, ca, cb],
    [tb, ta, cb, ca],
  ] as const) {
    for (const [code, it] of cx) {
      if (cy.has(code)) continue;
      out.push({
        rule: tablesCodesKind(a, b),
        severity: "warning",
        message: `${x.table.number}列有科目 ${code}“${it.label ?? ""}”，${y.table.number}没有`,
        cells: [ref(x, it, "code")],
      });
    }
  }
  return out;
}

/** Duplicate 科目代码 within a table. */
export function duplicateCodes(instances: LocatedTable[]): Finding[] {
  const out: Finding[] = [];
  for (const inst of instances) {
    const seen = new Map<string, Item>();
    for (const it of inst.items) {
      if (!it.code || !codeLevel(it.code)) continue;
      const prev = seen.get(it.code);
      if (prev && norm(prev.label ?? "") === norm(it.label ?? "") && prev.row === it.row) continue;
      if (prev) {
        out.push({
          rule: kind("codes.duplicate"),
          severity: "error",
          message: `${inst.table.number}：科目代码 ${it.code} 出现了两次`,
          cells: [
            { sheet: inst.sheet, address: itemCell(it, "code")! },
            { sheet: inst.sheet, address: itemCell(prev, "code")! },
          ],
        });
      } else seen.set(it.code, it);
    }
  }
  return out;
}
