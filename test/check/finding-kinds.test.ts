/**
 * Every finding a check or a score reports is of a kind the catalog knows: a rule of the tables
 * (its id in RULES) or a kind of the registry (catalog/findings.ts) — over the sample (tables,
 * 绩效自评表, 说明), 上海's tables with their 说明, and a workbook with damaged cells.
 */
import * as fs from "fs";
import * as path from "path";
import { RULES } from "../../src/catalog";
import { FINDING_KINDS } from "../../src/catalog/findings";
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
});
