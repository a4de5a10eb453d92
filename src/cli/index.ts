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
import { TABLES, rulesFor, tableById } from "../catalog";
import { TemplateError, workbookTemplatePlan } from "../core/plan/template";
import { applyPlan, loadWorkbook, readGrids, saveWorkbook, UnusableWorkbookError } from "../xlsx";
import { checkWorkbook, CheckResult } from "../core/check";
import { markPlan } from "../core/plan/marks";
import { Finding, summarize } from "../core/finding";

class UsageError extends Error {}

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

export async function runTemplate(opts: { tables?: string; dept?: string; year?: string; output: string }): Promise<void> {
  const year = opts.year === undefined ? new Date().getFullYear() - 1 : Number(opts.year);
  if (!Number.isInteger(year)) throw new UsageError(`年度无效：${opts.year}`);
  const tables = selectTables(opts.tables);
  const wb = new ExcelJS.Workbook();
  const { plan } = workbookTemplatePlan(tables, (t) => rulesFor(t.id), { dept: opts.dept ?? "", year });
  await applyPlan(wb, plan);
  fs.writeFileSync(opts.output, await saveWorkbook(wb));
  process.stderr.write(`已生成 ${tables.length} 张空白表：${opts.output}\n`);
}

export async function runCheck(file: string, opts: { output?: string; json?: string }): Promise<CheckResult> {
  const wb = await readInput(file);
  const grids = readGrids(wb);
  const result = checkWorkbook(grids);
  if (opts.output) {
    await applyPlan(wb, markPlan(result.findings, grids));
    fs.writeFileSync(opts.output, await saveWorkbook(wb));
  }
  writeJson(opts.json, { workbook: path.basename(file), ...result, summary: summarize(result.findings) });
  printSummary(file, result.findings, opts.json === "-");
  return result;
}

export function program(): Command {
  const cmd = new Command("juesuan").description("决算助手：部门决算公开表与绩效自评表的模板、校验与评分").exitOverride();
  cmd
    .command("template")
    .description("生成空白模板")
    .option("--tables <ids>", "表：01,02,… 或 all", "all")
    .option("--dept <name>", "部门名称", "")
    .option("--year <yyyy>", "年度")
    .requiredOption("-o, --output <file>", "输出 .xlsx")
    .action(runTemplate);
  cmd
    .command("check <input>")
    .description("校验勾稽关系")
    .option("-o, --output <file>", "写出标记后的 .xlsx")
    .option("--json <file>", "写出 JSON（- 为标准输出）")
    .action(async (input: string, o: { output?: string; json?: string }) => {
      await runCheck(input, o);
    });
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
