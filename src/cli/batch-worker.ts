/** A batch worker thread: checks the workbooks the main thread hands it, one at a time. */
import { parentPort } from "worker_threads";
import { BatchJob, checkOne } from "./batch";

parentPort?.on("message", async ({ index, job }: { index: number; job: BatchJob }) => {
  parentPort!.postMessage({ index, row: await checkOne(job) });
});
