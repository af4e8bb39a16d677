// `npm run bench:start`: how long `chitieu` takes to start, against a bare `node -e 0`. Issue 11's goal: `chitieu --help`
// and `chitieu check` of one template start in at most twice the time of a bare node start; `--version` is printed too.
// Each command runs --runs times (default 15), interleaved with node's own runs so both see the same moments of the
// machine's load, for the built CLI (bin/chitieu.cjs, what users run) and, for comparison, the TypeScript through tsx
// (CHITIEU_TSX=1). Printed per command: the fastest and the median wall time and their ratios to node's, and the median
// CPU time (user + system, every thread, measured by the process itself) and its ratio. On a shared machine the noise
// only ever adds wall time, so the goal is judged on the fastest wall times; the CPU ratio barely moves with load and
// is the figure to trust when the machine is busy. Exits 1 when a goal command's fastest start exceeds 2× node's.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
const BIN = join(ROOT, "bin", "chitieu.cjs");
const args = process.argv.slice(2);
const RUNS = args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 15;
const LIMIT = 2;

// the bundle is built (or found fresh) before anything is timed
// eslint-disable-next-line @typescript-eslint/no-require-imports
(require(join(ROOT, "scripts", "build-cli.cjs")) as { ensureBuilt: () => string }).ensureBuilt();

const work = mkdtempSync(join(tmpdir(), "chitieu-bench-start-"));
const template = join(work, "mau.xlsx");
// preloaded into every timed process (node's own included): its CPU time, written to stderr as it exits
const cpuProbe = join(work, "cpu.cjs");
writeFileSync(cpuProbe, `process.on("exit", () => { const u = process.cpuUsage(); require("node:fs").writeSync(2, "@@cpu " + (u.user + u.system) / 1000 + "\\n"); });`);

interface Sample {
  wall: number;
  cpu: number;
}

function run(argv: string[], env: NodeJS.ProcessEnv = {}): Sample {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--require", cpuProbe, ...argv], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  const m = /@@cpu ([\d.]+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`node ${argv.join(" ")} exited ${r.status}:\n${r.stderr}`);
  return { wall, cpu: Number(m[1]) };
}

interface Timing {
  min: number;
  median: number;
  cpu: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const timing = (xs: Sample[]): Timing => ({ min: Math.min(...xs.map((x) => x.wall)), median: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)) });

/** The command's timings and node's, taken in turn. */
function timed(argv: string[], env: NodeJS.ProcessEnv = {}): { t: Timing; node: Timing } {
  run(argv, env); // warms the file cache (and makes the command's code cache, if it has none yet)
  const xs: Sample[] = [];
  const ns: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    ns.push(run(["-e", "0"]));
    xs.push(run(argv, env));
  }
  return { t: timing(xs), node: timing(ns) };
}

run([BIN, "template", "--level", "xa", "--unit", "xa-muong-kim", "--year", "2026", "--out", template]);

const cases: { name: string; argv: string[]; goal: boolean }[] = [
  { name: "chitieu --help", argv: [BIN, "--help"], goal: true },
  { name: "chitieu check <one template>", argv: [BIN, "check", template], goal: true },
  { name: "chitieu --version", argv: [BIN, "--version"], goal: false },
];
const loadBefore = readFileSync("/proc/loadavg", "utf8").split(" ")[0];
const rows = cases.flatMap((c) => [
  { ...c, how: "built (JavaScript)", ...timed(c.argv) },
  { ...c, goal: false, how: "tsx (TypeScript)", ...timed(c.argv, { CHITIEU_TSX: "1" }) },
]);
const loadAfter = readFileSync("/proc/loadavg", "utf8").split(" ")[0];
rmSync(work, { recursive: true, force: true });

const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
console.log(`Start time, ${RUNS} runs of each, each beside a bare \`node -e 0\` (load average ${loadBefore} → ${loadAfter}, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC)`);
console.log("| command | run as | fastest ms | node fastest ms | × node (fastest) | median ms | × node (median) | CPU ms (median) | node CPU ms | × node (CPU) |");
console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows)
  console.log(`| ${r.name} | ${r.how} | ${r.t.min.toFixed(0)} | ${r.node.min.toFixed(0)} | ${x(r.t.min, r.node.min)} | ${r.t.median.toFixed(0)} | ${x(r.t.median, r.node.median)} | ${r.t.cpu.toFixed(0)} | ${r.node.cpu.toFixed(0)} | ${x(r.t.cpu, r.node.cpu)} |`);
console.log(`Goal (issue 11), judged on the fastest wall times of the built CLI: ${cases.filter((c) => c.goal).map((c) => c.name).join(" and ")} within ${LIMIT}× node.`);
const over = rows.filter((r) => r.goal && r.t.min / r.node.min > LIMIT);
if (over.length > 0) {
  console.error(`Over ${LIMIT}× a bare node start: ${over.map((r) => `${r.name} (${x(r.t.min, r.node.min)})`).join(", ")}`);
  process.exitCode = 1;
} else console.log("Met.");
