#!/usr/bin/env node
/**
 * juesuan — the command line over .xlsx files (contract in ../shared/DESIGN.md):
 *   juesuan template [--tables 01,02,…|all] [--dept NAME] [--year YYYY] -o blank.xlsx
 *   juesuan check IN.xlsx [-o marked.xlsx] [--json FILE|-]
 *   juesuan score IN.xlsx [-o marked.xlsx] [--json FILE|-]
 *   juesuan check [IN.xlsx] --text 说明.txt   (a 说明 as text, alone or against the workbook's tables)
 *   juesuan check 部门决算.pdf|.docx [--json FILE|-]   (a published document: its tables and its 说明, by page)
 *   juesuan draft IN.xlsx [-o OUT.xlsx] [--text FILE|-] [--docx 说明.docx]
 *   juesuan demo [SAMPLE.xlsx] [--out DIR]
 * Exit 0 when it ran (findings or not), 2 on unusable input with a one-line reason naming the file.
 */
import { Command, CommanderError } from "commander";
import * as fs from "fs";
import * as path from "path";
import { applyPlan, newWorkbook, saveWorkbook, UnusableWorkbookError } from "../xlsx";
import {
  UsageError,
  checkCopyName,
  checkOutputs,
  isDocument,
  readDocumentInput,
  profileOption,
  readInput,
  readText,
  selectTables,
  writeJson,
  writeOutput,
} from "./io";
import { PROFILE_IDS } from "../catalog/profiles";
import { SEVERITY_NAMES } from "../catalog/findings";
import { runBatch } from "./batch";
import { pdfMarks } from "../documents/pdf/marks";
import { UnmarkablePdfError, markedPdf } from "../documents/pdf/annotate";
import { markedWordDocument } from "../documents/docx-marks";
import { markedPlaces } from "../documents/marks";
import { draftWordDocument } from "../documents/draft-docx";
import {
  checkAndMark,
  checkDocument,
  CheckResult,
  DraftError,
  draftNarrativeFor,
  Finding,
  performanceTemplatesFor,
  scoreAndMark,
  ScoreResult,
  stampTime,
  summarize,
  TemplateError,
  templatesFor,
  textStats,
} from "../core/workflows";

function printSummary(file: string, findings: Finding[], quiet: boolean): void {
  if (quiet) return;
  const s = summarize(findings);
  process.stderr.write(`${file}：错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}，尾差 ${s.tails}\n`);
}

export async function runTemplate(opts: { tables?: string; dept?: string; year?: string; profile?: string; subjects?: string; output: string }): Promise<void> {
  const year = opts.year === undefined ? new Date().getFullYear() - 1 : Number(opts.year);
  if (!Number.isInteger(year)) throw new UsageError(`年度无效：${opts.year}`);
  const { tables, layouts } = selectTables(opts.tables, profileOption(opts.profile));
  const wb = newWorkbook();
  const subjects = opts.subjects ? opts.subjects.split(/[,，\s]+/).filter(Boolean) : [];
  const disclosure = tables.length
    ? templatesFor(
        tables.map((t) => t.id),
        opts.dept ?? "",
        year,
        [],
        profileOption(opts.profile),
        subjects,
      )
    : { plan: { ops: [] }, sheets: [] };
  const perf = performanceTemplatesFor(layouts, year, disclosure.sheets);
  await applyPlan(wb, { ops: [...disclosure.plan.ops, ...perf.plan.ops] });
  writeOutput(opts.output, await saveWorkbook(wb));
  process.stderr.write(`已生成 ${disclosure.sheets.length + perf.sheets.length} 张空白表：${opts.output}\n`);
}

export async function runCheck(file: string | undefined, opts: { output?: string; json?: string; profile?: string; text?: string[] }): Promise<CheckResult> {
  const profile = profileOption(opts.profile);
  const now = new Date();
  const texts = await Promise.all((opts.text ?? []).map(readText));
  if (!file && texts.length === 0) throw new UsageError("请给出要校验的 .xlsx 文件，或用 --text 给出决算说明文本");
  if (!file && opts.output) throw new UsageError("只校验文本时没有工作簿可写出（去掉 -o）");
  checkOutputs([file, ...(opts.text ?? [])], [opts.output, opts.json]);
  // a published document (PDF or Word): its tables and its 说明 checked together; it is not marked
  const document = file && isDocument(file) ? await readDocumentInput(file) : undefined;
  // a document's marked copy is the same kind of document
  if (document && opts.output && path.extname(opts.output).toLowerCase() !== `.${document.kind}`)
    throw new UsageError(
      `${opts.output}：${document.kind === "pdf" ? "PDF " : "Word 文档"}的标记副本也是 .${document.kind} 文件，请用 .${document.kind} 文件名`,
    );
  if (document) texts.push(document.narrative);
  const wb = file && !document ? await readInput(file) : undefined;
  if (wb) checkCopyName(wb, opts.output);
  const { result, plan, onSheets } = document
    ? {
        ...checkDocument({ ...document.read, tables: [...document.read.tables, ...texts.filter((t) => t !== document.narrative).map((t) => t.grid)] }, profile),
        plan: undefined,
      }
    : {
        ...checkAndMark(
          wb?.grids ?? [],
          profile,
          texts.map((t) => t.grid),
          { file: file && path.basename(file), at: stampTime(now) },
        ),
        onSheets: [],
      };
  if (document && opts.output) {
    const s = summarize(result.findings);
    const report = [
      "决算助手校验报告",
      `文件：${path.basename(file!)}，校验时间：${stampTime(now)}`,
      `错误 ${s.errors} 项，警告 ${s.warnings} 项，尾差 ${s.tails} 项，提示 ${s.infos} 项`,
      "",
      ...result.findings
        .filter((f) => f.severity !== "info")
        .map((f) => `【${SEVERITY_NAMES[f.severity]}】${f.cells[0]?.page ? `第${f.cells[0].page}页：` : ""}${f.message}`),
    ];
    try {
      const marked =
        document.kind === "pdf"
          ? await markedPdf(document.bytes, pdfMarks(onSheets, document.read.placed ?? []), { title: report[0], lines: report.slice(1) }, now)
          : await markedWordDocument(document.bytes, {
              places: markedPlaces(onSheets),
              tableSheets: document.read.wordTables ?? [],
              narrativeSheet: document.read.narrative.sheet,
              report,
              at: now,
            });
      writeOutput(opts.output, Buffer.from(marked));
    } catch (e) {
      if (e instanceof UnmarkablePdfError) throw new UsageError(`${file}：${e.message}`);
      throw e;
    }
  }
  if (document?.pages && opts.json !== "-")
    process.stderr.write(
      `${path.basename(file!)}：${document.pages.count} 页${document.pages.read < document.pages.count ? `，只读取了前 ${document.pages.read} 页` : ""}，找到 ${document.read.tables.length} 张表格\n`,
    );
  for (const t of texts) {
    const s = textStats(t.text);
    if (opts.json !== "-")
      process.stderr.write(`${t.name}：${s.lines} 段，其中 ${s.withNumbers} 段含金额或百分比${s.withNumbers === 0 ? "，没有可核对的数字" : ""}\n`);
  }
  if (wb && plan && opts.output) {
    await wb.apply(plan);
    writeOutput(opts.output, await wb.save());
  }
  const name = file ? path.basename(file) : texts.map((t) => t.name).join("、");
  writeJson(opts.json, {
    workbook: file ? path.basename(file) : null,
    ...(document?.pages ? { pages: document.pages.count } : {}),
    texts: texts.map((t) => ({ file: t.name, sheet: t.grid.sheet, ...textStats(t.text) })),
    ...result,
    summary: summarize(result.findings),
  });
  printSummary(file ?? name, result.findings, opts.json === "-");
  return result;
}

export async function runScore(file: string, opts: { output?: string; json?: string }): Promise<ScoreResult> {
  checkOutputs([file], [opts.output, opts.json]);
  const wb = await readInput(file);
  checkCopyName(wb, opts.output);
  const { result, plan } = scoreAndMark(wb.grids, { file: path.basename(file), at: stampTime(new Date()) });
  if (opts.output) {
    await wb.apply(plan);
    writeOutput(opts.output, await wb.save());
  }
  writeJson(opts.json, { workbook: path.basename(file), tables: [], ...result, summary: summarize(result.findings) });
  printSummary(file, result.findings, opts.json === "-");
  return result;
}

export async function runDraft(
  file: string,
  opts: { output?: string; text?: string; docx?: string; year?: string; dept?: string; profile?: string },
): Promise<string> {
  const year = opts.year === undefined ? undefined : Number(opts.year);
  if (year !== undefined && !Number.isInteger(year)) throw new UsageError(`年度无效：${opts.year}`);
  checkOutputs([file], [opts.output, opts.text, opts.docx]);
  if (opts.docx && !/\.docx$/i.test(opts.docx)) throw new UsageError(`${opts.docx}：Word 稿请用 .docx 文件名`);
  const wb = await readInput(file);
  checkCopyName(wb, opts.output);
  let draft;
  try {
    draft = draftNarrativeFor(wb.grids, { year, dept: opts.dept, profile: profileOption(opts.profile), fallbackYear: new Date().getFullYear() - 1 });
  } catch (e) {
    if (e instanceof DraftError) throw new UsageError(`${path.basename(file)}：${e.message}`);
    throw e;
  }
  if (opts.output) {
    await wb.apply(draft.plan);
    writeOutput(opts.output, await wb.save());
  }
  if (opts.docx) writeOutput(opts.docx, await draftWordDocument({ dept: draft.dept, year: draft.year, sections: draft.sections, at: new Date() }));
  if (opts.text === "-" || (!opts.text && !opts.output && !opts.docx)) process.stdout.write(draft.text);
  else if (opts.text) writeOutput(opts.text, draft.text);
  process.stderr.write(
    `已起草决算说明 ${draft.sections.length} 节${opts.output ? `，写入工作表“${draft.sheet}”：${opts.output}` : ""}${opts.docx ? `，Word 稿：${opts.docx}` : ""}${opts.text && opts.text !== "-" ? `，文本：${opts.text}` : ""}\n`,
  );
  return draft.text;
}

/** The whole job on the bundled sample: blank templates, a marked copy with its report, scores. */
/** A finding as one line of the demo report, at the cell to correct (its likely cause when it has one). */
function reportLine(f: Finding): string {
  const at = f.cause ?? f.cells[0];
  return `【${SEVERITY_NAMES[f.severity]}】${at ? `${at.sheet}!${at.address} ` : ""}${f.message}${f.cause ? `（${f.cause.note}）` : ""}`;
}

export async function runDemo(sample: string, opts: { out: string }): Promise<void> {
  fs.mkdirSync(opts.out, { recursive: true });
  const out = (name: string) => path.join(opts.out, name);
  await runTemplate({ tables: "all", dept: "示例部门", year: "2024", output: out("blank-templates.xlsx") });
  await runTemplate({ tables: "perf", year: "2024", output: out("blank-self-evaluations.xlsx") });
  const check = await runCheck(sample, { output: out("sample-marked.xlsx"), json: out("check.json") });
  const score = await runScore(sample, { output: out("sample-scored.xlsx"), json: out("score.json") });
  await runDraft(sample, { text: out("draft.txt") });
  const s = summarize(check.findings);
  const lines = [
    `决算助手 演示报告 — ${path.basename(sample)}`,
    ``,
    `找到的表：${check.tables.map((t) => `${t.number}（${t.sheet}!${t.range}）`).join("、")}`,
    `校验结果：错误 ${s.errors} 项，警告 ${s.warnings} 项，提示 ${s.infos} 项，尾差 ${s.tails} 项`,
    ``,
    ...check.findings.filter((f) => f.severity !== "info").map(reportLine),
    ``,
    `绩效评分：${score.projects.length ? `${score.projects.length} 张自评表` : score.findings.map((f) => f.message).join("；")}`,
    ...score.projects.map((p) => `  ${p.kind}“${p.name}”（${p.sheet}）：表中总分 ${p.printedTotal ?? "—"}，按规则 ${p.computedTotal}，等级 ${p.grade}`),
    ...score.findings.filter((f) => f.severity !== "info").map(reportLine),
    ``,
    `输出：${["blank-templates.xlsx", "blank-self-evaluations.xlsx", "sample-marked.xlsx", "sample-scored.xlsx", "check.json", "score.json", "draft.txt", "report.txt"].map(out).join("、")}`,
  ];
  fs.writeFileSync(out("report.txt"), lines.join("\n") + "\n");
  process.stdout.write(lines.join("\n") + "\n");
}

export function program(): Command {
  const cmd = new Command("juesuan").description("决算助手：部门决算公开表与绩效自评表的模板、校验与评分").exitOverride();
  cmd
    .command("template")
    .description("生成空白模板")
    .option(
      "--tables <ids>",
      "表：01–09（标准九表）、10–12（北京：政府性基金基本支出、政府采购、政府购买服务）、all（该地区全套）、perf（绩效自评表）或版式编号",
      "all",
    )
    .option("--dept <name>", "部门名称", "")
    .option("--year <yyyy>", "年度")
    .option("--profile <name>", `地区口径（表号编排）：${PROFILE_IDS.join("、")}`, "gansu")
    .option("--subjects <codes>", "预填的功能分类科目（项或款代码，逗号分隔；其类、款自动加上）")
    .requiredOption("-o, --output <file>", "输出 .xlsx")
    .action(runTemplate);
  cmd
    .command("check [input]")
    .description("校验勾稽关系（含“说明”工作表与 --text 文本中的数字）")
    .option("-o, --output <file>", "写出标记后的 .xlsx")
    .option("--json <file>", "写出 JSON（- 为标准输出）")
    .option("--profile <name>", `地区口径：${PROFILE_IDS.join("、")}（默认按表号和表名自动识别）`)
    .option("--workers <n>", "目录批量校验的工作线程数（默认每核一个）")
    .option("--text <file>", "另行核对的决算说明（.txt：UTF-8 或 GBK；或 Word .docx；可重复）", (v: string, prev: string[] = []) => [...prev, v])
    .action(async (input: string | undefined, o: { output?: string; json?: string; profile?: string; workers?: string; text?: string[] }) => {
      const workers = o.workers === undefined ? undefined : Number(o.workers);
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) throw new UsageError(`线程数无效：${o.workers}`);
      if (input && fs.existsSync(input) && fs.statSync(input).isDirectory()) await runBatch(input, { ...o, workers });
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
    .command("draft <input>")
    .description("按表起草决算说明（数字、占比、增减均按表计算，原因留空待填）")
    .option("-o, --output <file>", "写出加了“决算说明（草稿）”工作表的 .xlsx")
    .option("--text <file>", "写出纯文本（- 为标准输出；不给 -o 时默认输出到标准输出）")
    .option("--docx <file>", "写出公文格式的 Word 稿（.docx：仿宋三号正文、黑体标题，待填处以批注说明）")
    .option("--year <yyyy>", "年度（默认取表头）")
    .option("--dept <name>", "部门名称（默认取表头）")
    .option("--profile <name>", `地区口径：${PROFILE_IDS.join("、")}（默认自动识别）`)
    .action(async (input: string, o: { output?: string; text?: string; docx?: string; year?: string; dept?: string; profile?: string }) => {
      await runDraft(input, o);
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
      process.stderr.write(`juesuan: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`juesuan: 内部错误：${(e as Error).message}（这是决算助手自身的问题，请把这一行和所用文件报告给开发者）\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
