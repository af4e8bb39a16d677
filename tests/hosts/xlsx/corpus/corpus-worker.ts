// Runs corpus files through every operation in a worker thread, so a file that exhausts the worker's capped heap or
// never returns is caught and named, instead of taking the test run down with it.

import { parentPort, workerData } from "node:worker_threads";
import { readCorpus } from "../mark/helpers";
import { runOperations, runTables, type FileRun, type TableRun } from "./operations";

export type WorkerMessage = { kind: "start"; file: string } | { kind: "done"; file: string; run: FileRun; tables: TableRun } | { kind: "crash"; file: string; error: string };

async function main(files: string[]): Promise<void> {
  for (const file of files) {
    parentPort!.postMessage({ kind: "start", file } satisfies WorkerMessage);
    try {
      const bytes = readCorpus(file);
      const run = await runOperations(bytes);
      const tables = await runTables(bytes);
      parentPort!.postMessage({ kind: "done", file, run, tables } satisfies WorkerMessage);
    } catch (e) {
      // anything but a refusal is a crash: report it with its stack and go on with the next file
      parentPort!.postMessage({ kind: "crash", file, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerMessage);
    }
  }
}

if (parentPort) void main((workerData as { files: string[] }).files);
