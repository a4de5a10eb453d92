/**
 * Every finding a check or a score reports is of a kind the catalog knows: a rule of the tables
 * (its id in RULES) or a kind of the registry (catalog/findings.ts) — over the sample (tables,
 * 绩效自评表, 说明), 上海's tables with their 说明, and a workbook with damaged cells.
 */
import * as fs from "fs";
import * as path from "path";
import { RULES } from "../../src/catalog";
import { FINDING_KINDS, FINDING_KINDS_EN } from "../../src/catalog/findings";
import { findingHeading, ruleFormula, tableNumbers } from "../../src/core/headings";
import { checkWorkbook } from "../../src/core/engine";
import { scoreWorkbook } from "../../src/core/performance/score";
import { textGrid } from "../../src/core/narrative/text";
import { loadWorkbook, readGrids } from "../../src/xlsx";
import { sampleWorkbook } from "../fixtures/sample";
import { PUBLISHED, seedWorkbook } from "../fixtures/seed-workbooks";

const known = (rule: string) => RULES.some((r) => r.id === rule) || rule in FINDING_KINDS || /^T\d\d~T\d\d\.codes$/.test(rule);

it("names only kinds the catalog has, and the registry's names are words", async () => {
  const sample = readGrids(sampleWorkbook());
  const shanghai = readGrids(await loadWorkbook(fs.readFileSync(path.join(PUBLISHED, "shanghai/putuo-czj-2024.xlsx"))));
  const narrative = fs.readFileSync(path.join(PUBLISHED, "shanghai/putuo-czj-2024-说明.txt"), "utf8");
  const damaged = readGrids(seedWorkbook("sheets"));
  damaged[4].cells[9][2] = { value: "#REF!" };
  damaged[4].cells[10][2] = { value: "约70" };
  const findings = [
    ...checkWorkbook(sample).findings,
    ...scoreWorkbook(sample).findings,
    ...checkWorkbook([...shanghai, textGrid("说明.txt", narrative)]).findings,
    ...checkWorkbook(damaged).findings,
  ];
  const rules = new Set(findings.map((f) => f.rule));
  expect(rules.size).toBeGreaterThan(20);
  expect([...rules].filter((r) => !known(r))).toEqual([]);
  for (const name of Object.values(FINDING_KINDS)) expect(name).toMatch(/[\u4e00-\u9fff]/);
  for (const name of Object.values(FINDING_KINDS_EN)) expect(name).toMatch(/^[A-Z][a-z0-9 ,'-]+$/);
  // every finding has a heading in words, in both languages: never an id
  const numberOf = tableNumbers(checkWorkbook(sample).tables);
  for (const f of findings)
    for (const locale of ["zh-CN", "en-US"] as const)
      expect({ rule: f.rule, heading: findingHeading(f, numberOf, locale) }).not.toMatchObject({ heading: f.rule });
});

it("headings say what a finding is about: within a table, between tables, or its kind", () => {
  const at = (rule: string) => ({ rule, severity: "error" as const, message: "", cells: [] });
  const numberOf = tableNumbers([{ id: "T05", number: "公开07表" }]);
  expect(findingHeading(at("T05.row"), numberOf)).toBe("公开07表 表内");
  expect(findingHeading(at("T05~T06.convention.2101103"))).toBe("公开05表 ↔ 公开06表");
  expect(findingHeading(at("P~T03.total"))).toBe("年度资金总额与公开03表");
  expect(findingHeading(at("T01+T05~N.amount"), numberOf, "en-US")).toBe("公开01表+公开07表 ↔ explanation");
  expect(findingHeading(at("codes.unknown"), numberOf, "en-US")).toBe("Subject codes not in the dictionary");
});

it("every rule of the tables reads as the accountant's formula, in the region's 表号 and 栏次", () => {
  expect(ruleFormula("T05.row")).toBe("[公开05表] 栏1 = 栏2 + 栏3");
  expect(ruleFormula("T05.row", tableNumbers([{ id: "T05", number: "公开07表" }]))).toBe("[公开07表] 栏1 = 栏2 + 栏3");
  expect(ruleFormula("T01.expense")).toBe("[公开01表] 第57行·栏1 = 第31–56行·栏1 之和");
  expect(ruleFormula("T04.carryover.general")).toBe("[公开04表] 第60行·栏3 = 第29行·栏1 + 第1行·栏1 − 第59行·栏3");
  expect(ruleFormula("T01~T03.total")).toBe("[公开01表] 第57行·栏1 = [公开03表] 合计·栏1");
  expect(ruleFormula("codes.unknown")).toBeUndefined();
  for (const r of RULES) expect({ id: r.id, formula: ruleFormula(r.id) }).toEqual({ id: r.id, formula: expect.stringMatching(/^\[公开\d\d表\] .+ (=|≤) .+$/) });
});
