/** A batch worker thread: checks the workbooks the main thread hands it, one at a time. */
import { parentPort } from "worker_threads";
import { BatchJob, checkOne } from "./check-one";
import { OutputError } from "./io";

parentPort?.on("message", ({ index, job }: { index: number; job: BatchJob }) => {
  // a workbook that cannot be read is a row; our own failure goes back to stop the batch (exit 1)
  checkOne(job).then(
    (row) => parentPort!.postMessage({ index, row }),
    (e: unknown) => parentPort!.postMessage({ index, failure: e instanceof Error ? e.message : String(e), output: e instanceof OutputError }),
  );
});
