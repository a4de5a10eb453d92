/** The fake must behave like Office.js where our adapter could get it wrong. */
import { FakeExcelHost, FakeOfficeError, FakeRequestContext } from "./host";
import { FakeWorkbook } from "./model";

const book = () =>
  FakeWorkbook.fromValues({
    公开01表: [
      ["收入", 887.29],
      ["支出", 12],
    ],
  });

describe("fake Excel host", () => {
  it("throws PropertyNotLoaded for a read before load and sync", async () => {
    const host = new FakeExcelHost(book());
    await host.run(async (ctx: FakeRequestContext) => {
      const r = ctx.workbook.worksheets.getItem("公开01表").getRange("B1");
      expect(() => r.values).toThrow(/not available/);
      r.load("values");
      // loaded but not synced: still unreadable
      let err: unknown;
      try {
        void r.values;
      } catch (e) {
        err = e;
      }
      expect((err as FakeOfficeError).code).toBe("PropertyNotLoaded");
      await ctx.sync();
      expect(r.values).toEqual([[887.29]]);
    });
  });

  it("applies a write only at sync", async () => {
    const host = new FakeExcelHost(book());
    await host.run(async (ctx: FakeRequestContext) => {
      ctx.workbook.worksheets.getItem("公开01表").getRange("B2").values = [[99]];
      expect(host.workbook.sheet("公开01表")!.cell(1, 1)!.value).toBe(12);
      await ctx.sync();
      expect(host.workbook.sheet("公开01表")!.cell(1, 1)!.value).toBe(99);
    });
  });

  it("counts syncs and refuses a batch left unsynced", async () => {
    const host = new FakeExcelHost(book());
    await host.run(async (ctx: FakeRequestContext) => {
      await ctx.sync();
      await ctx.sync();
    });
    expect(host.syncCount).toBe(2);
    await expect(
      host.run((ctx: FakeRequestContext) => {
        ctx.workbook.worksheets.getItem("公开01表").getRange("A1").values = [["x"]];
        return Promise.resolve();
      }),
    ).rejects.toThrow(/never synced/);
  });

  it("enforces the 5 MB request limit and applies nothing of an oversized batch", async () => {
    const host = new FakeExcelHost(book());
    const big = Array.from({ length: 60_000 }, () => ["一般公共预算财政拨款收入一般公共预算财政拨款收入一般公共预算财政拨款收入一般公共预算"]);
    await expect(
      host.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.worksheets.getItem("公开01表").getRange("C1").values = [["first"]];
        ctx.workbook.worksheets.getItem("公开01表").getRange(`D1:D${big.length}`).values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(host.workbook.sheet("公开01表")!.cell(0, 2)).toBeUndefined();
  });

  it("rejects a values array whose shape does not match the range", async () => {
    const host = new FakeExcelHost(book());
    await expect(
      host.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.worksheets.getItem("公开01表").getRange("A1:B1").values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("reports a missing sheet at sync, and null objects through isNullObject", async () => {
    const host = new FakeExcelHost(book());
    await expect(
      host.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.worksheets.getItem("没有这张表").getRange("A1").load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await host.run(async (ctx: FakeRequestContext) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("没有这张表");
      expect(() => ws.isNullObject).toThrow(/not available/);
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
    });
  });

  it("refuses APIs above its requirement set", async () => {
    const host = new FakeExcelHost(book(), { apiVersion: "1.7" });
    await host.run(async (ctx: FakeRequestContext) => {
      const ws = ctx.workbook.worksheets.getItem("公开01表");
      expect(() => ws.getRanges("A1,B2")).toThrow(/ExcelApi 1.9/);
      expect(() => ctx.workbook.notes).toThrow(/ExcelApi 1.18/);
      await ctx.sync();
    });
  });

  it("reads empty cells as empty strings and merged-area top-left values only", async () => {
    const host = new FakeExcelHost(book());
    await host.run(async (ctx: FakeRequestContext) => {
      const ws = ctx.workbook.worksheets.getItem("公开01表");
      ws.getRange("A1:B1").merge();
      const r = ws.getRange("A1:C1");
      r.load("values");
      const m = r.getMergedAreasOrNullObject();
      m.load("areas/items/address");
      await ctx.sync();
      expect(r.values).toEqual([["收入", "", ""]]);
      expect(m.areas.items.map((x) => x.address)).toEqual(["'公开01表'!A1:B1"]);
    });
  });

  it("walks the sheets in tab order; past the last one, a null object whose methods give null objects (or fail, on a strict host)", async () => {
    const two = () => FakeWorkbook.fromValues({ 公开01表: [["收入", 1]], 公开02表: [["支出", 2]] });
    const host = new FakeExcelHost(two());
    await host.run(async (ctx: FakeRequestContext) => {
      const first = ctx.workbook.worksheets.getFirst();
      const second = first.getNextOrNullObject();
      const third = second.getNextOrNullObject();
      const fourth = third.getNextOrNullObject();
      for (const ws of [first, second, third, fourth]) ws.load("name");
      const used = third.getUsedRangeOrNullObject(true);
      used.load("values");
      expect(() => second.isNullObject).toThrow(/not available/);
      await ctx.sync();
      expect([first.name, second.name]).toEqual(["公开01表", "公开02表"]);
      expect([second.isNullObject, third.isNullObject, fourth.isNullObject, used.isNullObject]).toEqual([false, true, true, true]);
      expect(() => third.name).toThrow(/not available/);
      expect(() => used.values).toThrow(/not available/);
    });
    const strict = new FakeExcelHost(two(), { nullObjectMethods: "throw" });
    await expect(
      strict.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.worksheets.getFirst().getNextOrNullObject().getNextOrNullObject().getUsedRangeOrNullObject().load("values");
        await ctx.sync();
      }),
    ).rejects.toThrow(/null object/);
    // getNext (not …OrNullObject) past the last sheet fails the batch on any host
    await expect(
      host.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.worksheets.getFirst().getNext().getNext().load("name");
        await ctx.sync();
      }),
    ).rejects.toThrow(/no worksheet after/);
  });
});
