import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Catalog } from "../core/catalog";
import type { Submission } from "../core/consolidate";
import type { UnitRegistry } from "../core/units";
import { submissionFromBytes } from "../hosts/xlsx/consolidate-file";
import { readOrReason } from "./consolidate-read";

// Reads the unit files on this thread and on worker threads at once: this thread starts right away while the
// workers load, and each worker, once ready, takes files from the
// same queue, a couple at a time. Results come back as they finish, with their input position.

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
  /** Worker threads besides this one; 0 reads everything here. Default: see defaultWorkers. */
  workers?: number;
}

/** What a worker starts with: the main thread's validated catalog and registry (structured-cloned plain data). */
export interface WorkerData {
  catalog: Catalog;
  registry: UnitRegistry;
}

const IN_FLIGHT = 2;

/**
 * A worker costs about 60 ms of CPU to start (its bundle through a code cache, the catalog handed over, not parsed) and
 * then warms up as this thread does; a file costs about 2 ms: from a hundred files a worker shortens the run, if it has
 * a core of its own (measured in docs/consolidation.md).
 */
export const WORKERS_FROM_FILES = 100;

/**
 * One worker per core the rest of the machine leaves idle, besides this thread's: while other processes keep fewer
 * than `cores - 1` cores busy on average (the 1-minute load average; 0 where the system keeps none, as on Windows),
 * a worker gets a core and shortens the run; on a busy machine it would only wait, adding its start and warm-up to
 * the CPU time without shortening anything. At most seven.
 */
export function defaultWorkers(files: number, cores: number = availableParallelism(), load: number = loadavg()[0] ?? 0): number {
  if (files < WORKERS_FROM_FILES || cores < 2) return 0;
  return Math.max(0, Math.min(cores - 1, 7, Math.ceil(cores - 1 - load)));
}

export async function readSubmissions(tasks: readonly FileTask[], opts: PoolOptions, each: (index: number, s: Submission) => void): Promise<void> {
  const workers = Math.min(opts.workers ?? defaultWorkers(tasks.length), tasks.length);
  let next = 0;
  let done = 0;
  const pool: Worker[] = [];
  let failed: unknown = null;
  let wake: (() => void) | null = null;
  const finished = () => {
    wake?.();
    wake = null;
  };
  const feed = (w: Worker) => {
    if (next < tasks.length) w.postMessage(tasks[next++]);
  };
  for (let i = 0; i < workers; i++) {
    const w = spawn({ catalog: opts.catalog, registry: opts.registry });
    pool.push(w);
    w.on("message", (msg: "ready" | { index: number; submission: Submission }) => {
      if (msg === "ready") {
        for (let k = 0; k < IN_FLIGHT; k++) feed(w);
        return;
      }
      each(msg.index, msg.submission);
      done++;
      feed(w);
      if (done === tasks.length) finished();
    });
    w.on("error", (e) => {
      failed = e;
      finished();
    });
  }
  try {
    // this thread works too, yielding between files so the workers' results are taken in as they come
    while (next < tasks.length && failed === null) {
      const t = tasks[next++]!;
      const read = readOrReason(t);
      each(t.index, "bytes" in read ? submissionFromBytes(t.name, read.bytes, opts.catalog, opts.registry) : read.submission);
      done++;
      await new Promise((r) => setImmediate(r));
    }
    if (done < tasks.length && failed === null) await new Promise<void>((r) => (wake = r));
    if (failed !== null) throw failed;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** Files a worker reads before its code cache is made: by then the per-file code is compiled, and the cache holds it. */
const CACHE_AFTER_FILES = 32;

/**
 * A worker thread. Built (bin/chitieu.cjs runs the bundles of build/cli), the worker's JavaScript bundle sits beside this
 * code and loads through V8's code cache (require-cached.cjs, also beside it); from the sources (tests, tsx) the
 * TypeScript module runs through tsx.
 */
function spawn(data: WorkerData): Worker {
  const built = join(__dirname, "consolidate-worker.cjs");
  const loader = join(__dirname, "require-cached.cjs");
  // a small young generation: a worker's garbage is one file's worth at a time, and peak memory is a stated goal
  const options = { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 8 }, eval: true };
  if (existsSync(built) && existsSync(loader)) {
    return new Worker(
      `const w = require(${JSON.stringify(loader)}).requireCached(${JSON.stringify(built)}, "worker");
      let n = 0;
      require("node:worker_threads").parentPort.on("message", () => { if (++n === ${CACHE_AFTER_FILES}) w.save(); });`,
      options,
    );
  }
  const entry = join(__dirname, "consolidate-worker.ts");
  return new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(entry)});`, options);
}
