/**
 * juesuan check DIR: every workbook under a directory, one worker thread per core, a progress
 * bar with ETA on stderr, one summary row per workbook; a bad file is reported and skipped.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import { columnLetters, WritePlan } from "../core/workflows";
import { applyPlan, newWorkbook, saveWorkbook } from "../xlsx";
import { OutputError, freePath, profileOption, writeJson, writeOutput } from "./io";
import { BatchJob, BatchRow, checkOne } from "./check-one";

export type { BatchJob, BatchRow };

/** compiled next to this module; absent when running from TypeScript sources (tests): then inline */
const WORKER = path.join(__dirname, "batch-worker.js");

function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

/** The 汇总 sheet of a batch: one row per workbook, its header bold and frozen. */
export function summaryPlan(rows: BatchRow[]): WritePlan {
  const sheet = "汇总";
  const values = [
    ["工作簿", "部门", "口径", "表数", "错误", "尾差", "警告", "无法校验的原因"],
    ...rows.map((r) => [r.workbook, r.dept ?? "", r.profile ?? "", r.tables ?? null, r.errors ?? null, r.tails ?? null, r.warnings ?? null, r.problem ?? ""]),
  ];
  const widths = [36, 28, 8, 6, 6, 6, 6, 40];
  return {
    ops: [
      { op: "addSheet", sheet },
      { op: "setValues", sheet, address: `A1:H${values.length}`, values },
      { op: "font", sheet, addresses: ["A1:H1"], font: { bold: true } },
      { op: "freeze", sheet, rows: 1, columns: 0 },
      { op: "columnWidth", sheet, columns: widths.map((width, i) => ({ column: columnLetters(i), width })) },
    ],
  };
}

async function inline(jobs: BatchJob[], onRow: (r: BatchRow) => void): Promise<BatchRow[]> {
  const rows: BatchRow[] = [];
  for (const job of jobs) {
    const row = await checkOne(job);
    rows.push(row);
    onRow(row);
  }
  return rows;
}

/** A small pool: each worker takes the next job when it finishes one; rows keep the file order. */
function inWorkers(jobs: BatchJob[], n: number, onRow: (r: BatchRow) => void): Promise<BatchRow[]> {
  return new Promise((resolve, reject) => {
    const rows = new Array<BatchRow>(jobs.length);
    let next = 0;
    let finished = 0;
    const pool = Array.from({ length: n }, () => new Worker(WORKER));
    const feed = (w: Worker) => {
      if (next < jobs.length) w.postMessage({ index: next, job: jobs[next++] });
      else void w.terminate();
    };
    for (const w of pool) {
      w.on("message", ({ index, row, failure, output }: { index: number; row?: BatchRow; failure?: string; output?: boolean }) => {
        if (!row) return reject(output ? new OutputError(failure) : new Error(failure));
        rows[index] = row;
        onRow(row);
        if (++finished === jobs.length) resolve(rows);
        feed(w);
      });
      w.on("error", reject);
      feed(w);
    }
  });
}

/** Every .xlsx (and macro .xlsm) under a directory, in a stable order (temporary "~$" lock files skipped). */
export function workbooksUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.xls[xm]$/i.test(e.name) && !e.name.startsWith("~$")) out.push(p);
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

/** juesuan check DIR: one summary row per workbook; a bad file is reported and skipped. */
export async function runBatch(dir: string, opts: { output?: string; json?: string; profile?: string; workers?: number }): Promise<BatchRow[]> {
  const profile = profileOption(opts.profile);
  const files = workbooksUnder(dir);
  const rows: BatchRow[] = [];
  const started = Date.now();
  const tty = process.stderr.isTTY;
  if (opts.output) fs.mkdirSync(opts.output, { recursive: true });
  const jobs: BatchJob[] = files.map((file) => ({ file, rel: path.relative(dir, file), output: opts.output, profile }));
  let done = 0;
  const onRow = (row: BatchRow) => {
    done++;
    const line = progressLine(done, files.length, started, Date.now(), row.workbook);
    process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
  };
  const workers = Math.min(opts.workers ?? defaultWorkers(), jobs.length);
  const results = workers > 0 && fs.existsSync(WORKER) ? await inWorkers(jobs, workers, onRow) : await inline(jobs, onRow);
  rows.push(...results);
  if (tty) process.stderr.write("\n");
  if (opts.output) {
    const summary = newWorkbook();
    await applyPlan(summary, summaryPlan(rows));
    writeOutput(freePath(path.join(opts.output, "汇总.xlsx")), await saveWorkbook(summary));
  }
  const total = rows.reduce((t, r) => ({ errors: t.errors + (r.errors ?? 0), tails: t.tails + (r.tails ?? 0), warnings: t.warnings + (r.warnings ?? 0) }), {
    errors: 0,
    tails: 0,
    warnings: 0,
  });
  writeJson(opts.json, {
    directory: path.resolve(dir),
    workbooks: rows,
    summary: { workbooks: rows.length, unusable: rows.filter((r) => r.problem).length, ...total },
  });
  process.stderr.write(
    `${dir}：${rows.length} 个工作簿，无法校验 ${rows.filter((r) => r.problem).length} 个，错误 ${total.errors}，尾差 ${total.tails}，警告 ${total.warnings}\n`,
  );
  return rows;
}
