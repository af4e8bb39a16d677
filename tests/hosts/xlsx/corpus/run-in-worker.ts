// Drives corpus-worker.ts: one worker thread with a capped heap goes through the files in turn; a file that runs the
// worker out of memory, or takes longer than the per-file limit, is recorded as such and a fresh worker carries on
// with the next file.

import path from "node:path";
import { Worker } from "node:worker_threads";
import type { WorkerMessage } from "./corpus-worker";
import type { FileRun, TableRun } from "./operations";

export type WorkerResult =
  | { kind: "done"; run: FileRun; tables: TableRun }
  | { kind: "crash"; error: string }
  | { kind: "out-of-memory"; error: string }
  | { kind: "hung"; afterMs: number };

export interface WorkerLimits {
  /** V8 old-generation cap of the worker, in MB: exceeding it kills the worker (ERR_WORKER_OUT_OF_MEMORY). */
  heapCapMb: number;
  /** Wall-clock limit for one file, after which the worker is terminated. */
  perFileMs: number;
}

// the worker runs the TypeScript sources directly through tsx, the project's own TypeScript runner
const TSX = require.resolve("tsx/cjs");
const WORKER = path.join(__dirname, "corpus-worker.ts");

/** Runs one worker over the files; resolves with the last error the worker reported, if any. */
function runBatch(script: string, files: string[], limits: WorkerLimits, results: Map<string, WorkerResult>): Promise<string | undefined> {
  return new Promise((resolve) => {
    const worker = new Worker(`require(${JSON.stringify(TSX)}); require(${JSON.stringify(script)});`, {
      eval: true,
      workerData: { files },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapCapMb },
    });
    let current: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    let lastError: string | undefined;
    const finish = () => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      resolve(lastError);
    };
    worker.on("message", (m: WorkerMessage) => {
      if (m.kind === "start") {
        current = m.file;
        if (timer) clearTimeout(timer);
        const started = performance.now();
        timer = setTimeout(() => {
          results.set(m.file, { kind: "hung", afterMs: Math.round(performance.now() - started) });
          void worker.terminate();
        }, limits.perFileMs);
        return;
      }
      results.set(m.file, m.kind === "done" ? { kind: "done", run: m.run, tables: m.tables } : { kind: "crash", error: m.error });
      current = undefined;
      if (files.every((f) => results.has(f))) void worker.terminate();
    });
    worker.on("error", (e: Error & { code?: string }) => {
      lastError = e.stack ?? e.message;
      if (current && !results.has(current)) results.set(current, e.code === "ERR_WORKER_OUT_OF_MEMORY" ? { kind: "out-of-memory", error: e.message } : { kind: "crash", error: e.stack ?? e.message });
    });
    worker.on("exit", finish);
  });
}

/** Every file's result; none is left without one, whatever happens to the workers. `script` speaks corpus-worker's protocol. */
export async function runInWorkers(files: string[], limits: WorkerLimits, script = WORKER): Promise<Map<string, WorkerResult>> {
  const results = new Map<string, WorkerResult>();
  for (;;) {
    const left = files.filter((f) => !results.has(f));
    if (left.length === 0) return results;
    const error = await runBatch(script, left, limits, results);
    // a worker that ended without a word on any file (it failed to start) would only fail again: charge them all
    if (left.every((f) => !results.has(f))) for (const f of left) results.set(f, { kind: "crash", error: error ?? "the worker stopped before reporting any file" });
  }
}
