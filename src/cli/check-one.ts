/** One workbook of a batch, checked (and its marked copy written): the unit of work of a worker, which loads no ExcelJS. */
import * as fs from "fs";
import * as path from "path";
import { Profile } from "../catalog/tables/types";
import { checkAndMark, stampTime, summarize } from "../core/workflows";
import { UnusableWorkbookError } from "../xlsx/file";
import { freePath, readInput, writeOutput } from "./io";

export interface BatchJob {
  file: string;
  rel: string;
  output?: string;
  profile?: Profile;
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

/** Check one workbook (and write its marked copy): the unit of work of a worker. */
export async function checkOne(job: BatchJob): Promise<BatchRow> {
  try {
    const wb = await readInput(job.file);
    const { result, plan } = checkAndMark(wb.grids, job.profile, [], { file: job.rel, at: stampTime(new Date()) });
    const s = summarize(result.findings);
    if (job.output) {
      await wb.apply(plan);
      // never over the input or a file already there (-o onto the input folder): the copy takes the next free name
      const target = freePath(path.join(job.output, job.rel));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      writeOutput(target, await wb.save());
    }
    return {
      workbook: job.rel,
      dept: result.dept,
      profile: result.profile,
      tables: result.tables.length,
      errors: s.errors,
      tails: s.tails,
      warnings: s.warnings,
    };
  } catch (e) {
    // a workbook that cannot be read is a row of the summary; anything else is our bug and stops the batch
    if (e instanceof UnusableWorkbookError) return { workbook: job.rel, problem: e.message };
    throw e;
  }
}
