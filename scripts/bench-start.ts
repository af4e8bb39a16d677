// `npm run bench:start`: how long `chitieu` takes to start, against a bare `node -e 0` (issue 11: `chitieu --help` and
// a check of one template within twice a bare node start). Each command runs several times, interleaved with node's
// own runs; the fastest and the median wall times are printed with their ratios to node's, for the built CLI
// (bin/chitieu.cjs, what users run) and, for comparison, the TypeScript run through tsx (CHITIEU_TSX=1). On a shared
// machine the noise only ever adds time, so the fastest run is the figure judged: exits 1 when the built CLI's fastest
// start exceeds twice node's fastest. Options: --runs N (default 9).

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const BIN = join(ROOT, "bin", "chitieu.cjs");
const args = process.argv.slice(2);
const RUNS = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 9;
const LIMIT = 2;

// the bundle is built (or found fresh) before anything is timed
// eslint-disable-next-line @typescript-eslint/no-require-imports
(require(join(ROOT, "scripts", "build-cli.cjs")) as { ensureBuilt: () => string }).ensureBuilt();

const work = mkdtempSync(join(tmpdir(), "chitieu-bench-start-"));
const template = join(work, "mau.xlsx");

function run(argv: string[], env: NodeJS.ProcessEnv = {}): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`node ${argv.join(" ")} exited ${r.status}:\n${r.stderr}`);
  return ms;
}

interface Timing {
  min: number;
  median: number;
}

/** The command's timings; a bare node start is run before each, so both see the same moments of the machine's load. */
function timed(argv: string[], env: NodeJS.ProcessEnv = {}): Timing {
  run(argv, env); // warms the file cache
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    nodeRuns.push(run(["-e", "0"]));
    xs.push(run(argv, env));
  }
  xs.sort((a, b) => a - b);
  return { min: xs[0]!, median: xs[Math.floor(xs.length / 2)]! };
}
const nodeRuns: number[] = [];

run([BIN, "template", "--level", "xa", "--unit", "xa-muong-kim", "--year", "2026", "--out", template]);

const cases: { name: string; argv: string[] }[] = [
  { name: "chitieu --help", argv: [BIN, "--help"] },
  { name: "chitieu check <one template>", argv: [BIN, "check", template] },
];
const rows = cases.flatMap((c) => [
  { name: c.name, how: "built (JavaScript)", t: timed(c.argv) },
  { name: c.name, how: "tsx (TypeScript)", t: timed(c.argv, { CHITIEU_TSX: "1" }) },
]);
nodeRuns.sort((a, b) => a - b);
const node: Timing = { min: nodeRuns[0]!, median: nodeRuns[Math.floor(nodeRuns.length / 2)]! };
rmSync(work, { recursive: true, force: true });

const load = spawnSync("cat", ["/proc/loadavg"], { encoding: "utf8" }).stdout.split(" ")[0];
console.log(`Start time over ${RUNS} runs (load average ${load}); bare \`node -e 0\`: fastest ${node.min.toFixed(0)} ms, median ${node.median.toFixed(0)} ms`);
console.log("| command | run as | fastest ms | × node (fastest) | median ms | × node (median) |");
console.log("|---|---|---:|---:|---:|---:|");
for (const r of rows)
  console.log(`| ${r.name} | ${r.how} | ${r.t.min.toFixed(0)} | ${(r.t.min / node.min).toFixed(2)}× | ${r.t.median.toFixed(0)} | ${(r.t.median / node.median).toFixed(2)}× |`);
const over = rows.filter((r) => r.how.startsWith("built") && r.t.min / node.min > LIMIT);
if (over.length > 0) {
  console.error(`Over ${LIMIT}× a bare node start: ${over.map((r) => r.name).join(", ")}`);
  process.exitCode = 1;
}
