import "./zod-jitless";
import { parentPort, workerData } from "node:worker_threads";
import { defaultCatalog } from "../core/catalog";
import { loadUnits } from "../core/units";
import { submissionFromBytes } from "../hosts/xlsx/consolidate-file";
import type { FileTask } from "./consolidate-pool";
import { readOrReason } from "./consolidate-read";

// A worker thread of `chitieu consolidate`: reads the files it is sent, one at a time, and posts back what the
// roll-up needs of each (a few kilobytes), so no workbook outlives its own reading.

const catalog = defaultCatalog();
const registry = loadUnits(workerData as unknown);

parentPort!.on("message", (task: FileTask) => {
  const read = readOrReason(task);
  const submission = "bytes" in read ? submissionFromBytes(task.name, read.bytes, catalog, registry) : read.submission;
  parentPort!.postMessage({ index: task.index, submission });
});
parentPort!.postMessage("ready");
