/**
 * 指标值 and 实际完成值 as people type them: ">=96%", "≤51.3099万元", "=1个", "5-10月", "不超过5万元",
 * "满意度≥85%", "20次", "有效提升", "100%-80%(含)", "完成", "=80.45万元".
 */
import Decimal from "decimal.js";
import { CellValue } from "../grid";
import { decimalFromNumber } from "../money";

export type Operator = ">=" | ">" | "<=" | "<" | "=" | "range" | "bare" | "qualitative";

export interface Target {
  op: Operator;
  number?: Decimal;
  /** upper end of a range "5-10月" */
  number2?: Decimal;
  unit?: string;
  text: string;
}

export type Achievement = "achieved" | "partial" | "not_achieved";

export interface Actual {
  number?: Decimal;
  unit?: string;
  /** a qualitative actual ("完成", "达成", "部分达成"), or the band "100%-80%(含)" */
  achievement?: Achievement;
  text: string;
}

const OPS: [RegExp, Operator][] = [
  [/^(>=|≥|不低于|不少于|大于等于|至少)/, ">="],
  [/^(<=|≤|不超过|不高于|不多于|小于等于|控制在)/, "<="],
  [/^(>|大于|高于|超过)/, ">"],
  [/^(<|小于|低于|少于)/, "<"],
  [/^(=|＝|等于|达到)/, "="],
];

const NUM = /(-?\d+(?:\.\d+)?)/;

function clean(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/^(指标\d*[:：]|满意度|完成率|合格率)/, "");
}

/** The 指标值 of an indicator. */
export function parseTarget(value: CellValue): Target {
  const raw = value === null ? "" : String(value);
  if (typeof value === "number") return { op: "bare", number: decimalFromNumber(value), text: raw };
  let t = clean(raw);
  // "100%-80%(含)" printed as the target: a qualitative band
  if (/^\d+%?-\d+%?\(含\)$/.test(t)) return { op: "qualitative", text: raw };
  let op: Operator | undefined;
  for (const [re, o] of OPS) {
    const m = re.exec(t);
    if (m) {
      op = o;
      t = t.slice(m[0].length);
      break;
    }
  }
  const range = /^(\d+(?:\.\d+)?)[-~～至](\d+(?:\.\d+)?)(.*)$/.exec(t);
  if (!op && range) return { op: "range", number: new Decimal(range[1]), number2: new Decimal(range[2]), unit: range[3] || undefined, text: raw };
  const m = new RegExp(`^${NUM.source}(.*)$`).exec(t);
  if (m && (op || /^[%万元个次人类本场件项天月年时学时分/]*$/.test(m[2]) || m[2].length <= 3)) {
    return { op: op ?? "bare", number: new Decimal(m[1]), unit: normalizeUnit(m[2]), text: raw };
  }
  return { op: "qualitative", text: raw };
}

function normalizeUnit(u: string): string | undefined {
  const s = u.replace(/^[/]/, "");
  return s === "" ? undefined : s;
}

const ACHIEVED = /^(完成|已完成|全部完成|达成|达到|已达到|达标|完全达到预期|达到预期|是|有效|良好|优|满意|按时完成|保质保量|健全|规范|提升|提高)/;
const PARTIAL = /^(部分达成|部分完成|基本完成|基本达成|基本达到预期|较好|一般)/;
const NOT = /^(未达成|未完成|未达到|未达标|否|差|无)/;

/** The 实际完成值, with the 单位 column's unit when the cell prints a bare number. */
export function parseActual(value: CellValue, unitColumn?: string): Actual {
  const raw = value === null ? "" : String(value);
  if (typeof value === "number") return { number: decimalFromNumber(value), unit: unitColumn || undefined, text: raw };
  const t = clean(raw).replace(/^[=＝]/, "");
  if (/^\d+%?-\d+%?\(含\)$/.test(t)) {
    const top = Number(/^(\d+)/.exec(t)![1]);
    return { achievement: top >= 100 ? "achieved" : top >= 80 ? "partial" : "not_achieved", text: raw };
  }
  const m = new RegExp(`^(?:>=|<=|≥|≤|>|<)?${NUM.source}(.*)$`).exec(t);
  if (m && (m[2] === "" || m[2].length <= 4)) return { number: new Decimal(m[1]), unit: normalizeUnit(m[2]) ?? (unitColumn || undefined), text: raw };
  if (PARTIAL.test(t)) return { achievement: "partial", text: raw };
  if (NOT.test(t)) return { achievement: "not_achieved", text: raw };
  if (ACHIEVED.test(t)) return { achievement: "achieved", text: raw };
  return { text: raw };
}

/** A value in another unit brought to the target's: 万元 ⇄ 元. */
export function inUnit(value: Decimal, from: string | undefined, to: string | undefined): Decimal | undefined {
  if (!from || !to || from === to) return value;
  if (from === "元" && to === "万元") return value.div(10_000);
  if (from === "万元" && to === "元") return value.mul(10_000);
  return undefined;
}
