import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Catalog } from "../core/catalog";
import type { Submission } from "../core/consolidate";
import type { UnitRegistry } from "../core/units";
import { submissionFromBytes } from "../hosts/xlsx/consolidate-file";
import { readOrReason } from "./consolidate-read";

// Reads the unit files on worker threads (one per core, a couple of files in flight each) or, for a handful of
// files, right here. Results come back as they finish; the caller gets them with their input position.

export interface FileTask {
  index: number;
  /** Where to read it. */
  path: string;
  /** How the report names it. */
  name: string;
}

export interface PoolOptions {
  catalog: Catalog;
  registry: UnitRegistry;
  /** Worker threads to use; 0 reads in this thread. Default: one per core, none for fewer than 16 files. */
  workers?: number;
}

const IN_FLIGHT = 2;

export function defaultWorkers(files: number): number {
  return files < 16 ? 0 : Math.max(1, Math.min(availableParallelism(), 8));
}

export async function readSubmissions(tasks: readonly FileTask[], opts: PoolOptions, each: (index: number, s: Submission) => void): Promise<void> {
  const workers = Math.min(opts.workers ?? defaultWorkers(tasks.length), tasks.length);
  if (workers <= 0) {
    for (const t of tasks) {
      const read = readOrReason(t);
      each(t.index, "bytes" in read ? submissionFromBytes(t.name, read.bytes, opts.catalog, opts.registry) : read.submission);
      // let a progress bar draw between files
      await new Promise((r) => setImmediate(r));
    }
    return;
  }
  let next = 0;
  let done = 0;
  const pool: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (w: Worker) => {
        if (next < tasks.length) w.postMessage(tasks[next++]);
      };
      for (let i = 0; i < workers; i++) {
        const w = spawn(opts.registry);
        pool.push(w);
        w.on("message", (msg: { index: number; submission: Submission }) => {
          each(msg.index, msg.submission);
          if (++done === tasks.length) resolve();
          else feed(w);
        });
        w.on("error", reject);
        w.on("exit", (code) => {
          if (done < tasks.length) reject(new Error(`consolidation worker stopped (exit code ${code})`));
        });
        for (let k = 0; k < IN_FLIGHT; k++) feed(w);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** A worker running the TypeScript worker module through tsx, as bin/chitieu.cjs runs the CLI. */
function spawn(registry: UnitRegistry): Worker {
  const entry = join(__dirname, "consolidate-worker.ts");
  const code = `require("tsx/cjs/api").register(); require(${JSON.stringify(entry)});`;
  return new Worker(code, { eval: true, workerData: registry });
}
