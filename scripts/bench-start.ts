// `npm run bench:start`: how long `chitieu` takes to start, against a bare `node -e 0` (issue 11: `chitieu --help` and
// a check of one template within twice a bare node start). Each command runs several times; the median wall time is
// printed, with its ratio to node's, for the built CLI (bin/chitieu.cjs, what users run) and, for comparison, the
// TypeScript run through tsx (CHITIEU_TSX=1). Options: --runs N (default 9). Exits 1 when a ratio of the built CLI
// exceeds 2, so the figure cannot silently regress.

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

function median(argv: string[], env: NodeJS.ProcessEnv = {}): number {
  run(argv, env); // warms the file cache
  const xs = Array.from({ length: RUNS }, () => run(argv, env)).sort((a, b) => a - b);
  return xs[Math.floor(xs.length / 2)]!;
}

run([BIN, "template", "--level", "xa", "--unit", "xa-muong-kim", "--year", "2026", "--out", template]);

const node = median(["-e", "0"]);
const cases: { name: string; argv: string[] }[] = [
  { name: "chitieu --help", argv: [BIN, "--help"] },
  { name: "chitieu check <one template>", argv: [BIN, "check", template] },
];
const rows = cases.flatMap((c) => [
  { name: c.name, how: "built (JavaScript)", ms: median(c.argv) },
  { name: c.name, how: "tsx (TypeScript)", ms: median(c.argv, { CHITIEU_TSX: "1" }) },
]);
rmSync(work, { recursive: true, force: true });

const load = spawnSync("cat", ["/proc/loadavg"], { encoding: "utf8" }).stdout.split(" ")[0];
console.log(`Start time, median of ${RUNS} runs (load average ${load}); bare \`node -e 0\`: ${node.toFixed(0)} ms`);
console.log("| command | run as | ms | × node -e 0 |");
console.log("|---|---|---:|---:|");
for (const r of rows) console.log(`| ${r.name} | ${r.how} | ${r.ms.toFixed(0)} | ${(r.ms / node).toFixed(2)}× |`);
const over = rows.filter((r) => r.how.startsWith("built") && r.ms / node > LIMIT);
if (over.length > 0) {
  console.error(`Over ${LIMIT}× a bare node start: ${over.map((r) => r.name).join(", ")}`);
  process.exitCode = 1;
}
