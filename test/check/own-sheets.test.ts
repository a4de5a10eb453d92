/**
 * Our sheets are ours by identity, not by name: an accountant's own sheet called 校验报告 or 评分报告
 * is never overwritten nor deleted — the report goes beside it (校验报告(2)), a re-check reuses that
 * sheet, and 清除标记 removes only what we wrote. Through the file adapter and the Office adapter alike.
 */
import * as fs from "fs";
import { Grid } from "../../src/core/grid";
import { WritePlan, checkAndMark, clearMarks, scoreAndMark } from "../../src/core/workflows";
import { WorkbookFile, loadWorkbook, readGrids, saveWorkbook } from "../../src/xlsx";
import { workbookFromGrids } from "../fake-excel/browser-workbook";
import { FakeExcelHost } from "../fake-excel/host";
import { paneHost } from "../fake-excel/pane-host";
import { SAMPLE } from "../fixtures/sample";

const MINE = "我的核对记录：表5 已与财务科核对";

/** The sample with the accountant's own 校验报告 and 评分报告 sheets, as a file. */
async function withOwnReports(): Promise<Buffer> {
  const wb = await loadWorkbook(fs.readFileSync(SAMPLE));
  wb.addWorksheet("校验报告").getCell("A1").value = MINE;
  wb.addWorksheet("评分报告").getCell("A1").value = MINE;
  return saveWorkbook(wb);
}

/** A workbook as each adapter holds it: read its grids, apply a plan. */
interface Adapter {
  read(): Promise<Grid[]>;
  apply(plan: WritePlan): Promise<void>;
}

/** The CLI's path: the accountant's own package, read and marked, a real file between steps. */
function fileAdapter(file: Buffer): Adapter {
  let bytes = file;
  return {
    read: async () => (await WorkbookFile.open(bytes)).grids,
    apply: async (plan) => {
      const wb = await WorkbookFile.open(bytes);
      await wb.apply(plan);
      bytes = await wb.save();
    },
  };
}

async function officeAdapter(file: Buffer): Promise<Adapter> {
  const host = paneHost(new FakeExcelHost(workbookFromGrids(readGrids(await loadWorkbook(file)))));
  return { read: () => host.read(), apply: (plan) => host.apply(plan) };
}

const cell = (grids: Grid[], sheet: string) => grids.find((g) => g.sheet === sheet)?.cells[0]?.[0]?.value;
const names = (grids: Grid[]) => grids.map((g) => g.sheet);

describe.each([
  ["the file adapter (the package)", (f: Buffer) => Promise.resolve(fileAdapter(f))],
  ["the Office adapter (fake host)", officeAdapter],
] as const)("%s", (_name, make) => {
  it("writes the report beside the accountant's own 校验报告 and 评分报告, re-checks into it, and clears only ours", async () => {
    const wb = await make(await withOwnReports());
    const check = checkAndMark(await wb.read());
    expect(check.plan.report).toBe("校验报告(2)");
    await wb.apply(check.plan);
    const score = scoreAndMark(await wb.read());
    expect(score.plan.report).toBe("评分报告(2)");
    await wb.apply(score.plan);
    let after = await wb.read();
    expect([cell(after, "校验报告"), cell(after, "评分报告"), cell(after, "校验报告(2)"), cell(after, "评分报告(2)")]).toEqual([
      MINE,
      MINE,
      "校验报告",
      "绩效评分报告",
    ]);
    // a second check finds its report by identity, and does not read the accountant's sheet as ours
    const again = checkAndMark(after);
    expect(again.plan.report).toBe("校验报告(2)");
    expect(again.result.findings).toEqual(check.result.findings);
    await wb.apply(again.plan);
    after = await wb.read();
    expect(names(after).filter((n) => n.startsWith("校验报告"))).toEqual(["校验报告", "校验报告(2)"]);
    await wb.apply(clearMarks(after));
    const cleared = await wb.read();
    expect(names(cleared).filter((n) => /报告|_juesuan_/.test(n))).toEqual(["校验报告", "评分报告"]);
    expect([cell(cleared, "校验报告"), cell(cleared, "评分报告")]).toEqual([MINE, MINE]);
  });

  it("sheets of the accountant's named like our ledger and our list stay theirs: ours take the next free names", async () => {
    const source = await loadWorkbook(fs.readFileSync(SAMPLE));
    source.addWorksheet("_juesuan_marks").getCell("A1").value = MINE;
    source.addWorksheet("_juesuan_sheets").getCell("A1").value = MINE;
    const wb = await make(await saveWorkbook(source));
    const check = checkAndMark(await wb.read());
    await wb.apply(check.plan);
    let after = await wb.read();
    expect(names(after).filter((n) => n.startsWith("_juesuan_"))).toEqual(["_juesuan_marks", "_juesuan_sheets", "_juesuan_marks(2)", "_juesuan_sheets(2)"]);
    expect([cell(after, "_juesuan_marks"), cell(after, "_juesuan_sheets")]).toEqual([MINE, MINE]);
    // checked again: our ledger is found by identity, the marks come back the same
    const again = checkAndMark(after);
    expect(again.result.findings).toEqual(check.result.findings);
    await wb.apply(again.plan);
    after = await wb.read();
    expect(names(after).filter((n) => n.startsWith("_juesuan_"))).toEqual(["_juesuan_marks", "_juesuan_sheets", "_juesuan_marks(2)", "_juesuan_sheets(2)"]);
    await wb.apply(clearMarks(after));
    const cleared = await wb.read();
    expect(names(cleared).filter((n) => /报告|_juesuan_/.test(n))).toEqual(["_juesuan_marks", "_juesuan_sheets"]);
    expect([cell(cleared, "_juesuan_marks"), cell(cleared, "_juesuan_sheets")]).toEqual([MINE, MINE]);
  });

  it("清除标记 on a workbook never checked deletes nothing of the accountant's", async () => {
    const wb = await make(await withOwnReports());
    const plan = clearMarks(await wb.read());
    expect(plan.ops.filter((op) => op.op === "deleteSheet")).toEqual([]);
  });
});
