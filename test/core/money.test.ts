import Decimal from "decimal.js";
import { amountValue, convertUnit, formatAmount, parseAmount, parseAmountText, unitFromMetaLine } from "../../src/core/money";
import { roundingTolerance, tailOr } from "../../src/core/tolerance";

const amount = (text: string) => {
  const p = parseAmountText(text);
  if (p.kind !== "amount") throw new Error(`${text} → ${p.kind}`);
  return { value: p.value.toString(), places: p.places, unit: p.unit };
};

describe("money: cell text as accountants type it", () => {
  it.each([
    ["1,131.80", "1131.8", 2, undefined],
    ["１２３.４", "123.4", 1, undefined],
    ["(12.00)", "-12", 2, undefined],
    ["（12.00）", "-12", 2, undefined],
    ["10%", "10", 0, "%"],
    ["51.3099万元", "51.3099", 4, "万元"],
    ["513,099元", "513099", 0, "元"],
    [" 887.29 ", "887.29", 2, undefined],
    ["-0.01", "-0.01", 2, undefined],
    ["￥1,000.5", "1000.5", 1, undefined],
  ])("%s → %s", (text, value, places, unit) => {
    expect(amount(text)).toEqual({ value, places, unit });
  });

  it.each(["-", "—", "——", "－", "/"])("%s is an explicit none that counts as zero", (t) => {
    const p = parseAmountText(t);
    expect(p.kind).toBe("dash");
    expect(amountValue(p)!.toString()).toBe("0");
  });

  it("keeps empty apart from zero", () => {
    expect(parseAmount(null).kind).toBe("empty");
    expect(parseAmountText("  ").kind).toBe("empty");
    expect(parseAmount(0)).toMatchObject({ kind: "amount" });
  });

  it("rejects what is not an amount, including misgrouped thousands", () => {
    expect(parseAmountText("1,2").kind).toBe("invalid");
    expect(parseAmountText("abc").kind).toBe("invalid");
    expect(parseAmountText("12.3.4").kind).toBe("invalid");
    expect(parseAmountText("#REF!").kind).toBe("error");
  });

  it("reads numbers without float noise and honours the number format's places", () => {
    const p = parseAmount(0.1 + 0.2, "#,##0.00");
    expect(p.kind === "amount" && p.value.toString()).toBe("0.3");
    expect(p.kind === "amount" && p.places).toBe(2);
    const pct = parseAmount(0.97, "0.00%");
    expect(pct.kind === "amount" && pct.value.toString()).toBe("97");
  });

  it("converts units exactly", () => {
    expect(convertUnit(new Decimal("513099"), "元", "万元").toString()).toBe("51.3099");
    expect(convertUnit(new Decimal("51.3099"), "万元", "元").toString()).toBe("513099");
  });

  it("finds the unit on a meta line", () => {
    expect(unitFromMetaLine("2024 年度 金额单位：万元")).toBe("万元");
    expect(unitFromMetaLine("单位:元")).toBe("元");
    expect(unitFromMetaLine("部门：临夏市人民政府办公室")).toBeUndefined();
  });

  it("formats and bounds rounding tails", () => {
    expect(formatAmount(new Decimal("1131.8"))).toBe("1,131.80");
    expect(formatAmount(new Decimal("-0.004"))).toBe("0.00");
    // nine figures shown to 2 places (8 terms and their total): 9 × 0.005
    expect(roundingTolerance(...Array<number>(9).fill(2)).toString()).toBe("0.045");
    // a 元 figure (2 places, 6 in 万元) beside a 万元 one
    expect(roundingTolerance(6, 2).toString()).toBe("0.0050005");
    expect([tailOr(new Decimal("0.01"), "error"), tailOr(new Decimal("-0.011"), "error"), tailOr(new Decimal("0.02"), "warning")]).toEqual([
      "tail",
      "error",
      "warning",
    ]);
  });
});
