#!/usr/bin/env node
/**
 * juesuan — the command line over .xlsx files (contract in ../shared/DESIGN.md):
 *   juesuan template [--tables 01,02,…|all] [--dept NAME] [--year YYYY] -o blank.xlsx
 *   juesuan check IN.xlsx [-o marked.xlsx] [--json FILE|-]
 *   juesuan score IN.xlsx [-o marked.xlsx] [--json FILE|-]
 *   juesuan demo [SAMPLE.xlsx] [--out DIR]
 * Exit 0 when it ran (findings or not), 2 on unusable input with a one-line reason naming the file.
 */
import { Command, CommanderError } from "commander";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { TABLES, tableById } from "../catalog";
import { Profile } from "../catalog/tables/types";
import { TemplateError } from "../core/plan/template";
import { applyPlan, loadWorkbook, readGrids, saveWorkbook, UnusableWorkbookError } from "../xlsx";
import { CheckResult } from "../core/check";
import { checkAndMark, templatesFor } from "../core/workflows";
import { ScoreResult, scoreWorkbook } from "../core/score";
import { Finding, summarize } from "../core/finding";

class UsageError extends Error {}

const PROFILES: Profile[] = ["mof", "gansu", "beijing", "yunnan"];
function profileOption(p: string | undefined): Profile | undefined {
  if (p === undefined) return undefined;
  if (!PROFILES.includes(p as Profile)) throw new UsageError(`未知的地区口径：${p}（可选：${PROFILES.join("、")}）`);
  return p as Profile;
}

function selectTables(spec: string | undefined) {
  if (!spec || spec === "all") return TABLES;
  return spec.split(/[,，\s]+/).filter(Boolean).map((id) => {
    const t = tableById(id);
    if (!t) throw new UsageError(`未知的表：${id}（可选：${TABLES.map((x) => x.id.slice(1)).join(",")}、all）`);
    return t;
  });
}

async function readInput(file: string): Promise<ExcelJS.Workbook> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new UnusableWorkbookError(`${file}：无法读取文件（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  }
  return loadWorkbook(bytes, file);
}

function writeJson(target: string | undefined, data: unknown): void {
  if (!target) return;
  const text = JSON.stringify(data, null, 2) + "\n";
  if (target === "-") process.stdout.write(text);
  else fs.writeFileSync(target, text);
}

function printSummary(file: string, findings: Finding[], quiet: boolean): void {
  if (quiet) return;
  const s = summarize(findings);
  process.stderr.write(`${file}：错误 ${s.errors}，尾差 ${s.tails}，警告 ${s.warnings}，提示 ${s.infos}\n`);
}

export async function runTemplate(opts: { tables?: string; dept?: string; year?: string; profile?: string; output: string }): Promise<void> {
  const year = opts.year === undefined ? new Date().getFullYear() - 1 : Number(opts.year);
  if (!Number.isInteger(year)) throw new UsageError(`年度无效：${opts.year}`);
  const tables = selectTables(opts.tables);
  const wb = new ExcelJS.Workbook();
  const { plan } = templatesFor(tables.map((t) => t.id), opts.dept ?? "", year, [], profileOption(opts.profile));
  await applyPlan(wb, plan);
  fs.writeFileSync(opts.output, await saveWorkbook(wb));
  process.stderr.write(`已生成 ${tables.length} 张空白表：${opts.output}\n`);
}

export async function runCheck(file: string, opts: { output?: string; json?: string; profile?: string }): Promise<CheckResult> {
  const profile = profileOption(opts.profile);
  const wb = await readInput(file);
  const { result, plan } = checkAndMark(readGrids(wb), profile);
  if (opts.output) {
    await applyPlan(wb, plan);
    fs.writeFileSync(opts.output, await saveWorkbook(wb));
  }
  writeJson(opts.json, { workbook: path.basename(file), ...result, summary: summarize(result.findings) });
  printSummary(file, result.findings, opts.json === "-");
  return result;
}

export async function runScore(file: string, opts: { output?: string; json?: string }): Promise<ScoreResult> {
  const wb = await readInput(file);
  const result = scoreWorkbook(readGrids(wb));
  if (opts.output) fs.writeFileSync(opts.output, await saveWorkbook(wb));
  writeJson(opts.json, { workbook: path.basename(file), tables: [], ...result, summary: summarize(result.findings) });
  printSummary(file, result.findings, opts.json === "-");
  return result;
}

/** Every .xlsx under a directory, in a stable order (temporary "~$" lock files skipped). */
export function workbooksUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.xlsx$/i.test(e.name) && !e.name.startsWith("~$")) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** A one-line progress bar with ETA, redrawn in place on stderr. */
export function progressLine(done: number, total: number, startedMs: number, nowMs: number, label: string): string {
  const width = 24;
  const filled = total ? Math.round((done / total) * width) : width;
  const perItem = done ? (nowMs - startedMs) / done : 0;
  const eta = Math.max(0, Math.round((perItem * (total - done)) / 1000));
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} 剩余约 ${eta} 秒 ${label}`;
}

export interface BatchRow {
  workbook: string;
  dept?: string;
  profile?: string;
  tables?: number;
  errors?: number;
  tails?: number;
  warnings?: number;
  /** why the workbook could not be checked */
  problem?: string;
}

/** juesuan check DIR: one summary row per workbook; a bad file is reported and skipped. */
export async function runBatch(dir: string, opts: { output?: string; json?: string; profile?: string }): Promise<BatchRow[]> {
  const profile = profileOption(opts.profile);
  const files = workbooksUnder(dir);
  const rows: BatchRow[] = [];
  const started = Date.now();
  const tty = process.stderr.isTTY;
  if (opts.output) fs.mkdirSync(opts.output, { recursive: true });
  for (const [i, file] of files.entries()) {
    const rel = path.relative(dir, file);
    try {
      const wb = await readInput(file);
      const { result, plan } = checkAndMark(readGrids(wb), profile);
      const s = summarize(result.findings);
      rows.push({ workbook: rel, dept: result.dept, profile: result.profile, tables: result.tables.length, errors: s.errors, tails: s.tails, warnings: s.warnings });
      if (opts.output) {
        await applyPlan(wb, plan);
        const target = path.join(opts.output, rel);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, await saveWorkbook(wb));
      }
    } catch (e) {
      rows.push({ workbook: rel, problem: (e as Error).message });
    }
    const line = progressLine(i + 1, files.length, started, Date.now(), rel);
    process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  }
  if (tty) process.stderr.write("\n");
  if (opts.output) {
    const summary = new ExcelJS.Workbook();
    const ws = summary.addWorksheet("汇总");
    ws.addRow(["工作簿", "部门", "口径", "表数", "错误", "尾差", "警告", "无法校验的原因"]);
    for (const r of rows) ws.addRow([r.workbook, r.dept ?? "", r.profile ?? "", r.tables ?? null, r.errors ?? null, r.tails ?? null, r.warnings ?? null, r.problem ?? ""]);
    ws.getRow(1).font = { bold: true };
    ws.autoFilter = { from: "A1", to: "H1" };
    ws.views = [{ state: "frozen", ySplit: 1 }];
    ws.columns.forEach((c, i) => (c.width = [36, 28, 8, 6, 6, 6, 6, 40][i]));
    fs.writeFileSync(path.join(opts.output, "汇总.xlsx"), await saveWorkbook(summary));
  }
  const total = rows.reduce((t, r) => ({ errors: t.errors + (r.errors ?? 0), tails: t.tails + (r.tails ?? 0), warnings: t.warnings + (r.warnings ?? 0) }), { errors: 0, tails: 0, warnings: 0 });
  writeJson(opts.json, { directory: path.resolve(dir), workbooks: rows, summary: { workbooks: rows.length, unusable: rows.filter((r) => r.problem).length, ...total } });
  process.stderr.write(`${dir}：${rows.length} 个工作簿，无法校验 ${rows.filter((r) => r.problem).length} 个，错误 ${total.errors}，尾差 ${total.tails}，警告 ${total.warnings}\n`);
  return rows;
}

/** The whole job on the bundled sample: blank templates, a marked copy with its report, scores. */
export async function runDemo(sample: string, opts: { out: string }): Promise<void> {
  fs.mkdirSync(opts.out, { recursive: true });
  const out = (name: string) => path.join(opts.out, name);
  await runTemplate({ tables: "all", dept: "示例部门", year: "2024", output: out("blank-templates.xlsx") });
  const check = await runCheck(sample, { output: out("sample-marked.xlsx"), json: out("check.json") });
  const score = await runScore(sample, { json: out("score.json") });
  const s = summarize(check.findings);
  const lines = [
    `决算助手 演示报告 — ${path.basename(sample)}`,
    ``,
    `找到的表：${check.tables.map((t) => `${t.number}（${t.sheet}!${t.range}）`).join("、")}`,
    `校验结果：错误 ${s.errors} 项，尾差 ${s.tails} 项，警告 ${s.warnings} 项，提示 ${s.infos} 项`,
    ``,
    ...check.findings.filter((f) => f.severity !== "info").map((f) => `[${f.severity}] ${f.cells[0] ? `${f.cells[0].sheet}!${f.cells[0].address} ` : ""}${f.message}`),
    ``,
    `绩效评分：${score.projects.length ? `${score.projects.length} 个项目` : score.findings.map((f) => f.message).join("；")}`,
    ``,
    `输出：${["blank-templates.xlsx", "sample-marked.xlsx", "check.json", "score.json", "report.txt"].map(out).join("、")}`,
  ];
  fs.writeFileSync(out("report.txt"), lines.join("\n") + "\n");
  process.stdout.write(lines.join("\n") + "\n");
}

export function program(): Command {
  const cmd = new Command("juesuan").description("决算助手：部门决算公开表与绩效自评表的模板、校验与评分").exitOverride();
  cmd
    .command("template")
    .description("生成空白模板")
    .option("--tables <ids>", "表：01,02,… 或 all", "all")
    .option("--dept <name>", "部门名称", "")
    .option("--year <yyyy>", "年度")
    .option("--profile <name>", "地区口径（表号编排）：mof、gansu、beijing、yunnan", "gansu")
    .requiredOption("-o, --output <file>", "输出 .xlsx")
    .action(runTemplate);
  cmd
    .command("check <input>")
    .description("校验勾稽关系")
    .option("-o, --output <file>", "写出标记后的 .xlsx")
    .option("--json <file>", "写出 JSON（- 为标准输出）")
    .option("--profile <name>", "地区口径：mof、gansu、beijing、yunnan（默认按表号自动识别）")
    .action(async (input: string, o: { output?: string; json?: string; profile?: string }) => {
      if (fs.existsSync(input) && fs.statSync(input).isDirectory()) await runBatch(input, o);
      else await runCheck(input, o);
    });
  cmd
    .command("score <input>")
    .description("绩效自评评分")
    .option("-o, --output <file>", "写出标记后的 .xlsx")
    .option("--json <file>", "写出 JSON（- 为标准输出）")
    .action(async (input: string, o: { output?: string; json?: string }) => {
      await runScore(input, o);
    });
  cmd
    .command("demo [sample]")
    .description("在示例工作簿上演示：生成模板、校验、评分")
    .option("--out <dir>", "输出目录", "out")
    .action((sample: string | undefined, o: { out: string }) => runDemo(sample ?? path.join(__dirname, "../../assets/sample.xlsx"), o));
  return cmd;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UnusableWorkbookError || e instanceof UsageError || e instanceof TemplateError) {
      process.stderr.write(`juesuan: ${(e as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`juesuan: 内部错误：${(e as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
