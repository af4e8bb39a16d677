// A stand-in for corpus-worker.ts whose "files" misbehave on purpose: one fills the heap, one never returns, one
// throws; the others finish at once.

import { parentPort, workerData } from "node:worker_threads";

const keep: unknown[] = [];

for (const file of (workerData as { files: string[] }).files) {
  parentPort!.postMessage({ kind: "start", file });
  if (file === "hog") for (;;) keep.push(new Array(1_000_000).fill(file));
  if (file === "hang") for (;;);
  if (file === "crash") parentPort!.postMessage({ kind: "crash", file, error: "Error: boom" });
  else parentPort!.postMessage({ kind: "done", file, run: { outcomes: {}, refusals: [], losses: [], measure: { ms: 0, peakHeapBytes: 0 } }, tables: { newSheet: "found-marked-cleared", belowData: "found-marked-cleared", problems: [] } });
}
