/**
 * Blank 绩效自评 templates whose formulas follow the scoring rules, so a filled template scores
 * itself: 执行率 = 全年执行数 ÷ 全年预算数, 执行率得分 = min(执行率,100%) × 分值, indicator 得分 by the
 * operator typed in 年度指标值 (≥ positive, ≤ reverse, = equality; text: typed by hand), 总分, 等级.
 */
import { Area, areaAddress, cellAddress, columnLetters, sheetNameProblem } from "../address";
import { CellValue } from "../grid";
import { PerformanceLayout } from "../../catalog/tables/performance-layouts";
import { IndicatorColumn } from "../../catalog/tables/performance";
import { PlanOp, WritePlan } from "../plan";
import { TemplateError } from "../disclosure/template";

export interface PerformanceTemplateOptions {
  year: number;
  sheet?: string;
  name?: string;
  /** indicator lines per 二级指标 of the skeleton */
  linesPerGroup?: number;
}

/** Units the number of a typed 指标值 may carry ("≥95%", "≤51.3099万元", "=24时/天"). */
const UNITS = ["万元", "元", "%", "个", "次", "人", "项", "天", "类", "本", "场", "件", "户", "家", "时/天", "月", "年", "学时", "公里"];

/** The target's number: the text after its operator, units dropped; a number cell as it is. */
function targetNumber(t: string, unit: string | undefined): string {
  let inner = `MID(${t},${opLength(t)}+1,99)`;
  if (unit) inner = `SUBSTITUTE(${inner},${unit},"")`;
  for (const u of UNITS) inner = `SUBSTITUTE(${inner},"${u}","")`;
  return `IF(ISNUMBER(${t}),${t},VALUE(TRIM(${inner})))`;
}

function opLength(t: string): string {
  return `IF(ISNUMBER(${t}),0,IF(OR(LEFT(${t},2)=">=",LEFT(${t},2)="<="),2,IF(OR(LEFT(${t},1)="≥",LEFT(${t},1)="≤",LEFT(${t},1)="=",LEFT(${t},1)=">",LEFT(${t},1)="<"),1,0)))`;
}

const reverse = (t: string) => `AND(NOT(ISNUMBER(${t})),OR(LEFT(${t},2)="<=",LEFT(${t},1)="≤",LEFT(${t},1)="<"))`;
const equality = (t: string) => `AND(NOT(ISNUMBER(${t})),LEFT(${t},1)="=")`;

/** 得分 by the official rules (empty where the target is text: the accountant types the score). */
export function indicatorScoreFormula(t: string, a: string, w: string, unit?: string): string {
  const n = targetNumber(t, unit);
  return `=IFERROR(IF(OR(${w}="",${a}="",${t}=""),"",ROUND(IF(${reverse(t)},IF(${a}<=${n},${w},${n}/${a}*${w}),IF(${equality(t)},IF(${a}=${n},${w},MIN(${a}/${n},${n}/${a})*${w}),MIN(${a}/${n},1)*${w})),2)),"")`;
}

export function completionFormula(t: string, a: string, unit?: string): string {
  const n = targetNumber(t, unit);
  return `=IFERROR(IF(OR(${a}="",${t}=""),"",ROUND(IF(${reverse(t)},IF(${a}<=${n},100,${n}/${a}*100),IF(${equality(t)},IF(${a}=${n},100,MIN(${a}/${n},${n}/${a})*100),${a}/${n}*100)),2)),"")`;
}

export const gradeFormula = (total: string) => `=IF(${total}="","",IF(${total}>=90,"优",IF(${total}>=80,"良",IF(${total}>=60,"中","差"))))`;

/** 评价等次 as the 云南 table prints it: 优√ 良□ 中□ 差□. */
export const gradeTicksFormula = (total: string) =>
  `=IF(${total}="","优□ 良□ 中□ 差□",IF(${total}>=90,"优√ 良□ 中□ 差□",IF(${total}>=80,"优□ 良√ 中□ 差□",IF(${total}>=60,"优□ 良□ 中√ 差□","优□ 良□ 中□ 差√"))))`;
const GRADE_CONVENTION = "100-90（含）分为优、90-80（含）分为良、80-60（含）分为中、60分以下为差";

export function performanceTemplatePlan(layout: PerformanceLayout, options: PerformanceTemplateOptions): WritePlan {
  const sheet = options.sheet ?? layout.title;
  const problem = sheetNameProblem(sheet);
  if (problem) throw new TemplateError(problem);
  const lines = options.linesPerGroup ?? 1;
  const width = Math.max(layout.indicatorColumns.length, layout.fundsColumns.length + 2);
  const last = width - 1;
  const rows: CellValue[][] = [];
  const merges: Area[] = [];
  const formulas = new Map<string, string>();
  const inputs: string[] = [];
  const blank = () => Array<CellValue>(width).fill(null);
  const push = (cells: Record<number, CellValue>) => {
    const r = blank();
    for (const [k, v] of Object.entries(cells)) r[Number(k)] = v;
    rows.push(r);
    return rows.length - 1;
  };
  const at = (row: number, col: number) => cellAddress({ row, col });

  // title, year
  merges.push({ top: push({ 0: layout.title }), left: 0, bottom: 0, right: last });
  merges.push({ top: push({ 0: `（${options.year}年度）` }), left: 0, bottom: 1, right: last });

  // header fields: label, then an input spanning to the next label
  for (const fields of layout.headerFields) {
    const span = Math.floor(width / fields.length);
    const cells: Record<number, CellValue> = {};
    fields.forEach((f, i) => {
      cells[i * span] = f;
      if (i === 0 && options.name) cells[i * span + 1] = options.name;
    });
    const r = push(cells);
    fields.forEach((_, i) => {
      const from = i * span + 1;
      const to = i === fields.length - 1 ? last : (i + 1) * span - 1;
      if (to > from) merges.push({ top: r, bottom: r, left: from, right: to });
      inputs.push(at(r, from));
    });
  }

  // funds block
  const fc = new Map(layout.fundsColumns.map((c, i) => [c.key, 2 + i]));
  const fundsHeader = push({ 0: layout.fundsUnitLabel, ...Object.fromEntries(layout.fundsColumns.map((c, i) => [2 + i, c.label])) });
  const fundsTop = fundsHeader + 1;
  const fundsRowIndex = layout.fundsRows.map((f) => push({ 1: f.label }));
  merges.push({ top: fundsHeader, bottom: fundsRowIndex[fundsRowIndex.length - 1], left: 0, right: 0 });
  const totalRow = fundsRowIndex[0];
  const weightCell = fc.has("weight") ? at(totalRow, fc.get("weight")!) : undefined;
  layout.fundsRows.forEach((f, i) => {
    const r = fundsRowIndex[i];
    const kids = layout.fundsRows.map((k, j) => (k.parent === i ? fundsRowIndex[j] : -1)).filter((x) => x >= 0);
    for (const k of ["initial", "budget", "actual"] as const) {
      const c = fc.get(k);
      if (c === undefined) continue;
      if (kids.length) formulas.set(at(r, c), `=${kids.map((kr) => at(kr, c)).join("+")}`);
      else inputs.push(at(r, c));
    }
    const budget = at(r, fc.get("budget")!);
    const actual = at(r, fc.get("actual")!);
    const rate = fc.has("rate") ? at(r, fc.get("rate")!) : undefined;
    if (rate) formulas.set(rate, `=IF(OR(${budget}="",${budget}=0),"",ROUND(${actual}/${budget}*100,2))`);
    if (fc.has("weight")) rows[r][fc.get("weight")!] = i === 0 ? layout.fundsWeight : "—";
    const score = fc.has("score") ? at(r, fc.get("score")!) : undefined;
    const weight = weightCell ?? (layout.fundsWeight !== null ? String(layout.fundsWeight) : undefined);
    // from the amounts, not the rounded 执行率: a rounded rate would round twice
    if (score && rate && weight) formulas.set(score, `=IF(${rate}="","",ROUND(MIN(${actual}/${budget}*100,100)/100*${weight},2))`);
  });

  // annual goal
  const mid = Math.max(2, Math.floor(width / 2));
  const goalHead = push({ 0: "年度总体目标", 1: "预期目标", [mid]: "实际完成情况" });
  const goal = push({});
  merges.push({ top: goalHead, bottom: goal, left: 0, right: 0 });
  for (const r of [goalHead, goal]) merges.push({ top: r, bottom: r, left: 1, right: mid - 1 }, { top: r, bottom: r, left: mid, right: last });
  inputs.push(at(goal, 1), at(goal, mid));

  // indicator block
  const ic = new Map<IndicatorColumn, number>(layout.indicatorColumns.map((c, i) => [c.key, i]));
  const indicatorHeader = push(Object.fromEntries(layout.indicatorColumns.map((c, i) => [i, c.label])));
  const indicatorRows: number[] = [];
  const named = layout.skeleton.some((s) => s[3] !== undefined);
  for (const [l1, l2, w, l3] of layout.skeleton) {
    for (let k = 0; k < (named ? 1 : lines); k++) {
      const r = push({
        [ic.get("level1")!]: l1,
        [ic.get("level2")!]: l2,
        ...(ic.has("weight") ? { [ic.get("weight")!]: k === 0 ? w : null } : {}),
        ...(l3 && ic.has("level3") ? { [ic.get("level3")!]: l3 } : {}),
      });
      indicatorRows.push(r);
      const col = (key: IndicatorColumn) => (ic.has(key) ? at(r, ic.get(key)!) : undefined);
      const t = col("target");
      const a = col("actual");
      const wgt = col("weight");
      const score = col("score");
      const unit = col("unit");
      for (const key of ["level3", "target", "actual", "unit", "weight", "reason", "basis", "lastYear", "rule", "evidence", "score"] as IndicatorColumn[]) {
        const c = col(key);
        if (c) inputs.push(c);
      }
      // where the layout has 指标值 and 实际完成值 the rules score the line; elsewhere the evaluator does
      if (t && a && wgt && score) formulas.set(score, indicatorScoreFormula(t, a, wgt, unit));
      const completion = col("completion");
      if (completion && t && a) formulas.set(completion, completionFormula(t, a, unit));
    }
  }
  // each 一级 and 二级 指标 printed once over its lines (merged); in a weight tree its 分值 is their sum
  for (const [level, weightKey] of [
    ["level1", "weight1"],
    ["level2", "weight2"],
  ] as const) {
    const wcol = ic.get(weightKey);
    let start = 0;
    for (let i = 1; i <= indicatorRows.length; i++) {
      const key = (j: number) => `${rows[indicatorRows[j]][ic.get("level1")!]}/${level === "level2" ? rows[indicatorRows[j]][ic.get("level2")!] : ""}`;
      if (i < indicatorRows.length && key(i) === key(start)) continue;
      const top = indicatorRows[start];
      const bottom = indicatorRows[i - 1];
      if (wcol !== undefined) formulas.set(at(top, wcol), `=SUM(${at(top, ic.get("weight")!)}:${at(bottom, ic.get("weight")!)})`);
      if (bottom > top) {
        merges.push({ top, bottom, left: ic.get(level)!, right: ic.get(level)! });
        if (wcol !== undefined) merges.push({ top, bottom, left: wcol, right: wcol });
      }
      start = i;
    }
  }

  // 总分 and 等级, where the layout scores at all (转移支付 自评表 does not)
  const wc = ic.get("weight");
  const sc = ic.get("score");
  let total = -1;
  if (wc !== undefined && sc !== undefined) {
    total = push({ 0: "总分" });
    const span = (c: number) => `${at(indicatorRows[0], c)}:${at(indicatorRows[indicatorRows.length - 1], c)}`;
    const fundsScore = fc.has("score") ? at(totalRow, fc.get("score")!) : undefined;
    formulas.set(at(total, wc), `=SUM(${span(wc)})${weightCell ? `+${weightCell}` : layout.fundsWeight ? `+${layout.fundsWeight}` : ""}`);
    // nothing scored yet: no 总分, so no 等级 either
    formulas.set(at(total, sc), `=IF(COUNT(${span(sc)})=0,"",ROUND(SUM(${span(sc)})${fundsScore ? `+N(${fundsScore})` : ""},2))`);
    const gradeRow = push({ 0: layout.gradeStyle === "ticks" ? "评价等次" : "等级" });
    formulas.set(at(gradeRow, 1), layout.gradeStyle === "ticks" ? gradeTicksFormula(at(total, sc)) : gradeFormula(at(total, sc)));
    if (layout.gradeStyle === "ticks") {
      rows[gradeRow][Math.min(3, last)] = GRADE_CONVENTION;
      merges.push(
        { top: gradeRow, bottom: gradeRow, left: 1, right: Math.min(2, last) },
        { top: gradeRow, bottom: gradeRow, left: Math.min(3, last), right: last },
      );
    }
  }
  for (const block of layout.extraBlocks ?? []) {
    const head = push({ 0: block });
    const body = push({});
    merges.push({ top: head, bottom: body, left: 0, right: 0 }, { top: head, bottom: body, left: 1, right: last });
    inputs.push(at(head, 1));
  }

  const ops: PlanOp[] = [];
  const all = { top: 0, left: 0, bottom: rows.length - 1, right: last };
  ops.push({ op: "setValues", sheet, address: areaAddress(all), values: rows });
  ops.push({ op: "font", sheet, addresses: [areaAddress(all)], font: { name: "宋体", size: 10 } });
  for (const [address, f] of formulas) ops.push({ op: "setFormulas", sheet, address, formulas: [[f]] });
  for (const m of merges) ops.push({ op: "merge", sheet, address: areaAddress(m) });
  ops.push({ op: "font", sheet, addresses: ["A1"], font: { bold: true, size: 16 } });
  ops.push({ op: "alignment", sheet, address: "A1:A2", horizontal: "center" });
  const headerRows = [fundsHeader, goalHead, indicatorHeader, ...(total >= 0 ? [total] : [])];
  ops.push({ op: "font", sheet, addresses: headerRows.map((r) => areaAddress({ top: r, bottom: r, left: 0, right: last })), font: { bold: true } });
  ops.push({
    op: "fill",
    sheet,
    addresses: [fundsHeader, indicatorHeader].map((r) => areaAddress({ top: r, bottom: r, left: 0, right: last })),
    color: "#F2F2F2",
  });
  ops.push({ op: "alignment", sheet, address: areaAddress({ top: 2, left: 0, bottom: rows.length - 1, right: last }), vertical: "middle", wrapText: true });
  ops.push({ op: "borders", sheet, address: areaAddress({ top: 2, left: 0, bottom: rows.length - 1, right: last }), style: "thin" });
  const amountCols = (["initial", "budget", "actual"] as const).map((k) => fc.get(k)).filter((c): c is number => c !== undefined);
  // sums over lines not yet typed show nothing rather than 0.00
  for (const c of amountCols)
    ops.push({
      op: "numberFormat",
      sheet,
      address: areaAddress({ top: fundsTop, bottom: fundsRowIndex[fundsRowIndex.length - 1], left: c, right: c }),
      format: "#,##0.00;-#,##0.00;",
    });
  for (const key of ["rate", "score"] as const) {
    const c = fc.get(key);
    if (c !== undefined)
      ops.push({
        op: "numberFormat",
        sheet,
        address: areaAddress({ top: fundsTop, bottom: fundsRowIndex[fundsRowIndex.length - 1], left: c, right: c }),
        format: "0.00",
      });
  }
  for (const c of [ic.get("completion"), sc].filter((x): x is number => x !== undefined)) {
    ops.push({
      op: "numberFormat",
      sheet,
      address: areaAddress({ top: indicatorRows[0], bottom: Math.max(total, indicatorRows[indicatorRows.length - 1]), left: c, right: c }),
      format: "0.00",
    });
  }
  // inputs: unlocked, numbers where numbers belong
  for (const a of inputs) ops.push({ op: "locked", sheet, address: a, locked: false });
  for (const r of wc !== undefined && sc !== undefined ? indicatorRows : []) {
    ops.push({ op: "dataValidation", sheet, address: at(r, wc!), rule: { type: "decimal", min: 0, max: 100 }, message: "分值为 0–100 之间的数" });
    ops.push({ op: "dataValidation", sheet, address: at(r, sc!), rule: { type: "decimal", min: 0, max: 100 }, message: "得分不能为负，也不能超过满分" });
  }
  // A4 landscape holds about 136 widths at full size: a layout of many columns gets narrower ones,
  // its text wrapping, so that fitting it to the page keeps the type readable
  const many = layout.indicatorColumns.length > 11;
  const widthOf = (key: IndicatorColumn) =>
    many
      ? ((
          { level1: 8, level2: 10, level3: 14, target: 12, actual: 12, reason: 16, weight: 7, score: 7, completion: 8, lastYear: 8, unit: 6 } as Partial<
            Record<IndicatorColumn, number>
          >
        )[key] ?? 12)
      : ["level3", "reason", "target"].includes(key)
        ? 22
        : key === "level2"
          ? 16
          : key === "level1" || key === "actual"
            ? 14
            : 10;
  // column B also carries the funds lines' labels (年度资金总额, 其中：财政拨款)
  ops.push({
    op: "columnWidth",
    sheet,
    columns: layout.indicatorColumns.map((c, i) => ({ column: columnLetters(i), width: i === 1 ? Math.max(16, widthOf(c.key)) : widthOf(c.key) })),
  });
  // the year's goals are a paragraph each: room for four lines
  ops.push({ op: "rowHeight", sheet, rows: [{ row: goal + 1, height: 72 }] });
  ops.push({ op: "freeze", sheet, rows: 2, columns: 0 });
  ops.push({ op: "printSetup", sheet, orientation: "landscape", fitToWidth: true, centered: true, pageNumbers: true });
  return { ops };
}
