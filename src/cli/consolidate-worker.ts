import "./zod-jitless";
import "./native-zip";
import { parentPort, workerData } from "node:worker_threads";
import { submissionFromBytes } from "../hosts/xlsx/consolidate-file";
import type { FileTask, WorkerData } from "./consolidate-pool";
import { readOrReason } from "./consolidate-read";

// A worker thread of `chitieu consolidate`: reads the files it is sent, one at a time, and posts back what the
// roll-up needs of each (a few kilobytes), so no workbook outlives its own reading. The catalog and the unit registry
// come from the main thread, which validated them: a copy of plain data, not parsed again here.

const { catalog, registry } = workerData as WorkerData;

parentPort!.on("message", (task: FileTask) => {
  const read = readOrReason(task);
  const submission = "bytes" in read ? submissionFromBytes(task.name, read.bytes, catalog, registry) : read.submission;
  parentPort!.postMessage({ index: task.index, submission });
});
parentPort!.postMessage("ready");
