/** What every command shares: reading a workbook file with one clear message, JSON out, options. */
import * as fs from "fs";
import * as path from "path";
import { Grid, textGrid } from "../core/workflows";
import { NotNarrativeError, narrativeText } from "../documents/text";
import { NotWordDocumentError, readWordDocument } from "../documents/docx";
import { UnreadableDocumentError, readPdfDocument } from "../documents/pdf";
import { DocumentRead, fromPdf, fromWord } from "../documents/read";
import { Profile } from "../catalog/tables/types";
import { PROFILE_IDS } from "../catalog/profiles";
import { ALL_TABLES, tableById, tablesOf } from "../catalog";
import { TableDef } from "../catalog/tables/types";
import { PERFORMANCE_LAYOUTS, PerformanceLayout } from "../catalog/tables/performance-layouts";
import { UnusableWorkbookError, WorkbookFile } from "../xlsx/file";

export class UsageError extends Error {}
/** An output that cannot or may not be written: exit 2, like unusable input, with the path. */
export class OutputError extends UsageError {}

/** The same file, whatever path names it (as the file system sees it). */
function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/** An output never replaces an input, and two outputs never share a path. */
export function checkOutputs(inputs: (string | undefined)[], outputs: (string | undefined)[]): void {
  const outs = outputs.filter((o): o is string => !!o && o !== "-");
  for (const o of outs) {
    for (const i of inputs) if (i && sameFile(i, o)) throw new OutputError(`${o}：输出会覆盖输入文件，请换一个文件名（输入文件未改动）`);
  }
  const resolved = outs.map((o) => path.resolve(o));
  const twice = resolved.find((o, k) => resolved.indexOf(o) !== k);
  if (twice) throw new OutputError(`${twice}：两个输出（-o 与 --json/--text）写到了同一个文件`);
}

/** A macro workbook's copy keeps its macros: under an .xlsx name Excel would refuse to open it. */
export function checkCopyName(wb: WorkbookFile, output: string | undefined): void {
  if (output && wb.macroEnabled && !/\.xl[st]m$/i.test(output))
    throw new OutputError(`${output}：输入是含宏（VBA）的工作簿，标记副本会保留宏，请用 .xlsm 扩展名（否则 Excel 无法打开）`);
}

/** Written through a temporary file and a rename: a failure leaves no half file, and says which path and why. */
export function writeOutput(target: string, data: Buffer | string): void {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new OutputError(`${target}：无法写入（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  }
}

/** A path no file holds yet: "a.xlsx", else "a(2).xlsx", "a(3).xlsx" … (a batch writes over nothing it did not create). */
export function freePath(target: string): string {
  const ext = path.extname(target);
  const stem = target.slice(0, target.length - ext.length);
  let p = target;
  for (let n = 2; fs.existsSync(p); n++) p = `${stem}(${n})${ext}`;
  return p;
}

export function profileOption(p: string | undefined): Profile | undefined {
  if (p === undefined) return undefined;
  if (!PROFILE_IDS.includes(p as Profile)) throw new UsageError(`未知的地区口径：${p}（可选：${PROFILE_IDS.join("、")}）`);
  return p as Profile;
}

/**
 * --tables: disclosure tables by id ("01,05"; 10–12 are Beijing's 政府性基金基本支出, 政府采购,
 * 政府购买服务), "all" (the region's set), "perf" (every 绩效 layout) or layout ids.
 */
export function selectTables(spec: string | undefined, profile: Profile = "gansu"): { tables: TableDef[]; layouts: PerformanceLayout[] } {
  if (!spec || spec === "all") return { tables: tablesOf(profile), layouts: [] };
  const tables: TableDef[] = [];
  const layouts: PerformanceLayout[] = [];
  for (const id of spec.split(/[,，\s]+/).filter(Boolean)) {
    if (id === "perf") layouts.push(...PERFORMANCE_LAYOUTS);
    else if (PERFORMANCE_LAYOUTS.some((l) => l.id === id)) layouts.push(PERFORMANCE_LAYOUTS.find((l) => l.id === id)!);
    else {
      const t = tableById(id);
      if (!t)
        throw new UsageError(
          `未知的表：${id}（可选：${ALL_TABLES.map((x) => x.id.slice(1)).join(",")}、all、perf、${PERFORMANCE_LAYOUTS.map((l) => l.id).join("、")}）`,
        );
      tables.push(t);
    }
  }
  return { tables, layouts };
}

/** The input file's bytes, or one line saying why they cannot be had. */
function inputBytes(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw new UnusableWorkbookError(`${file}：无法读取文件（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  }
}

export async function readInput(file: string): Promise<WorkbookFile> {
  return WorkbookFile.open(inputBytes(file), file);
}

/** A published document read whole: what the check takes, its 说明 as text, and a PDF's pages and bytes. */
export interface DocumentInput {
  read: DocumentRead;
  narrative: { name: string; text: string; grid: Grid };
  pages?: { count: number; read: number };
  /** the document's bytes, for its marked copy */
  bytes: Uint8Array;
  kind: "pdf" | "docx";
}

/** A published Word document (.docx) or PDF to check whole. */
export async function readDocumentInput(file: string): Promise<DocumentInput> {
  const bytes = inputBytes(file);
  const name = path.basename(file);
  if (/\.doc$/i.test(file)) throw new UnusableWorkbookError(`${file}：旧版 Word 文档（.doc）无法读取，请另存为 .docx 或导出 PDF`);
  const narrative = (read: DocumentRead) => ({ name, text: read.narrative.cells.map((r) => String(r[0].value ?? "")).join("\n"), grid: read.narrative });
  if (isPdfDocument(file)) {
    try {
      const doc = await readPdfDocument(bytes);
      const read = fromPdf(name, doc);
      return { read, narrative: narrative(read), pages: { count: doc.pageCount, read: doc.pagesRead }, bytes, kind: "pdf" };
    } catch (e) {
      if (e instanceof UnreadableDocumentError) throw new UnusableWorkbookError(`${file}：${e.message}`);
      throw new UnusableWorkbookError(`${file}：无法读取 PDF（${(e as Error).message.split("\n")[0]}）`);
    }
  }
  try {
    const read = fromWord(name, await readWordDocument(bytes));
    return { read, narrative: narrative(read), bytes, kind: "docx" };
  } catch (e) {
    if (e instanceof NotWordDocumentError) throw new UnusableWorkbookError(`${file}：${e.message}`);
    throw new UnusableWorkbookError(`${file}：无法读取 Word 文档（${(e as Error).message.split("\n")[0]}）`);
  }
}

/** A published document given as the input (by its name): read whole. */
export function isDocument(file: string): boolean {
  return /\.(docx?|pdf)$/i.test(file);
}

export function isPdfDocument(file: string): boolean {
  return /\.pdf$/i.test(file);
}

/** A 说明 to check (.txt or .docx, see narrativeText), one cell per line or paragraph. */
export async function readText(file: string): Promise<{ name: string; text: string; grid: Grid }> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new UsageError(`${file}：无法读取文本文件（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`);
  }
  const name = path.basename(file);
  try {
    const text = await narrativeText(bytes);
    return { name, text, grid: textGrid(name, text) };
  } catch (e) {
    if (e instanceof NotNarrativeError)
      throw new UsageError(
        `${file}：${e.kind === "zip" ? "不是 .txt 或 .docx（工作簿请直接作为输入，不用 --text）" : e.kind === "large" ? e.message : "不是文本文件（--text 接受 .txt 和 .docx；.doc 请另存为 .docx）"}`,
      );
    throw e;
  }
}

export function writeJson(target: string | undefined, data: unknown): void {
  if (!target) return;
  const text = JSON.stringify(data, null, 2) + "\n";
  if (target === "-") process.stdout.write(text);
  else writeOutput(target, text);
}
