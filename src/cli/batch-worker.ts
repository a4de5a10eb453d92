/** A batch worker thread: checks the workbooks the main thread hands it, one at a time. */
import { parentPort } from "worker_threads";
import { BatchJob, checkOne } from "./batch";

parentPort?.on("message", ({ index, job }: { index: number; job: BatchJob }) => {
  void checkOne(job).then((row) => parentPort!.postMessage({ index, row }));
});
