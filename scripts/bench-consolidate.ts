// `npm run bench:consolidate`: N generated unit workbooks (250, 500, 1,000, 2,000), consolidated by `chitieu
// consolidate` and by a straightforward openpyxl script (scripts/consolidate-openpyxl.py) on the same files, in turn,
// several times. Prints, for both, the median wall time, CPU time (user + system of the whole process, every thread)
// and peak memory (max RSS), the speed-up by wall time and by CPU time, and the load average around each run; checks
// every time that both found the same indicators with the same sums.
//
// The goal of issue 13 (at least 5× faster than openpyxl at every N, under 300 MB at 2,000 files) is judged on WALL
// time, what the person waiting sees: chitieu may use several cores, openpyxl uses one. Wall time is only meaningful on
// a quiet machine (load average well under the number of cores), so the CPU ratio (which parallelism cannot improve,
// and load barely changes) is printed beside it as the figure to trust when the machine is busy.
// Options: --sizes 250,500 to choose N; --runs R (default 3) runs of each tool per N; --keep to leave the files.

import { execFileSync, spawnSync } from "node:child_process";
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { defaultCatalog } from "../src/core/catalog";
import { inputUnit } from "../src/core/catalog/input-unit";
import { buildTemplateLayout, reportedIndicators, type IndicatorFigures } from "../src/core/template";
import { writeTemplateXlsx } from "../src/hosts/xlsx/template";
import type { ConsolidateJson } from "../src/cli/commands/consolidate";

const ROOT = resolve(__dirname, "..");
const args = process.argv.slice(2);
const sizesArg = args[args.indexOf("--sizes") + 1];
const SIZES = args.includes("--sizes") && sizesArg ? sizesArg.split(",").map(Number) : [250, 500, 1000, 2000];
const MAX = Math.max(...SIZES);
const runsArg = args[args.indexOf("--runs") + 1];
const RUNS = args.includes("--runs") && runsArg ? Number(runsArg) : 3;
const GOAL = { speedUp: 5, peakMbAtMax: 300 };
const YEAR = 2026;

let seed = 7;
function random(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}

const catalog = defaultCatalog();
const work = mkdtempSync(join(tmpdir(), "chitieu-bench-consolidate-"));
const all = join(work, "all");
mkdirSync(all);

const units = Array.from({ length: MAX }, (_, i) => ({ code: `bench-${String(i + 1).padStart(4, "0")}`, name: `Thử ${i + 1}`, kind: "xã", level: "commune" as const }));
const province = { code: "tinh-lai-chau", name: "Lai Châu", kind: "tỉnh", level: "province" as const };

function figuresFor(): Map<string, IndicatorFigures> {
  const m = new Map<string, IndicatorFigures>();
  for (const ind of reportedIndicators(catalog, "commune")) {
    const unit = inputUnit(ind.unit, "commune");
    if (unit.kind === "ratio") {
      const den = 20 + Math.floor(random() * 500);
      m.set(ind.code, { numerator: Math.floor(random() * (den + 1)), denominator: den });
    } else if (unit.kind === "yesno") m.set(ind.code, { value: random() < 0.7 ? "Có" : "Không" });
  }
  return m;
}

console.log(`Generating ${MAX} unit workbooks in ${work} …`);
const t0 = Date.now();
units.forEach((u, i) => {
  const layout = buildTemplateLayout({ catalog, unit: u, year: YEAR });
  writeFileSync(join(all, `${String(i + 1).padStart(4, "0")}-${u.code}.xlsx`), writeTemplateXlsx(layout, { values: figuresFor() }));
});
console.log(`  done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

interface Measured {
  seconds: number;
  /** CPU seconds, user + system, all threads: what the run costs whatever else the machine is doing. */
  cpu: number;
  mb: number;
  /** The 1-minute load average just before the run. */
  load: number;
}

function loadAverage(): number {
  return Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
}

/** Wall seconds, CPU seconds and peak RSS (MB) of a command, by GNU time. */
function measure(cmd: string, cmdArgs: string[]): Measured {
  const load = loadAverage();
  const r = spawnSync("/usr/bin/time", ["-f", "@@ %e %U %S %M", cmd, ...cmdArgs], { encoding: "utf8", cwd: ROOT, maxBuffer: 1 << 28 });
  const m = /@@ ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${cmd} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return { seconds: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), mb: Number(m[4]) / 1024, load };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function medianOf(ms: Measured[]): Measured {
  return { seconds: median(ms.map((m) => m.seconds)), cpu: median(ms.map((m) => m.cpu)), mb: median(ms.map((m) => m.mb)), load: median(ms.map((m) => m.load)) };
}

/** The same indicators with the same Σ numerator and Σ denominator, or the comparison means nothing. */
function checkSameSums(n: number, ourJson: string, pyJson: string): void {
  const report = JSON.parse(readFileSync(ourJson, "utf8")) as ConsolidateJson;
  const sums = JSON.parse(readFileSync(pyJson, "utf8")) as Record<string, [number, number]>;
  if (report.received !== n) throw new Error(`chitieu received ${report.received} of ${n} units`);
  const ratios = report.indicators.filter((x) => x.method === "ratio-of-sums");
  if (ratios.length === 0) throw new Error("chitieu summed no ratio indicator");
  const ours = new Set(ratios.map((i) => i.indicator));
  const theirs = Object.keys(sums);
  const onlyTheirs = theirs.filter((c) => !ours.has(c));
  if (onlyTheirs.length > 0 || theirs.length !== ours.size) throw new Error(`different indicators: chitieu ${[...ours].join(",")}; openpyxl ${theirs.join(",")}`);
  for (const i of ratios) {
    const s = sums[i.indicator];
    if (!s || s[0] !== i.numerator || s[1] !== i.denominator) throw new Error(`${i.indicator}: chitieu ${i.numerator}/${i.denominator}, openpyxl ${s?.join("/")}`);
  }
}

interface Row {
  n: number;
  ours: Measured;
  py: Measured;
  indicators: number;
}
const rows: Row[] = [];
for (const n of SIZES) {
  const dir = join(work, `n${n}`);
  mkdirSync(dir);
  units.slice(0, n).forEach((u, i) => linkSync(join(all, `${String(i + 1).padStart(4, "0")}-${u.code}.xlsx`), join(dir, `${String(i + 1).padStart(4, "0")}-${u.code}.xlsx`)));
  const registry = join(work, `units-${n}.json`);
  writeFileSync(registry, JSON.stringify({ id: "bench", version: "1", units: [province, ...units.slice(0, n).map((u) => ({ ...u, parent: province.code }))] }));
  const ourJson = join(work, `ours-${n}.json`);
  const pyJson = join(work, `py-${n}.json`);
  const ours: Measured[] = [];
  const py: Measured[] = [];
  // interleaved, so both tools see the same moments of the machine's load
  for (let r = 0; r < RUNS; r++) {
    rmSync(ourJson, { force: true });
    rmSync(pyJson, { force: true });
    ours.push(measure(process.execPath, [join(ROOT, "bin/chitieu.cjs"), "consolidate", dir, "--year", String(YEAR), "--units", registry, "--out", join(work, `tong-hop-${n}.xlsx`), "--json", ourJson, "--force"]));
    py.push(measure("/usr/bin/python3", [join(ROOT, "scripts/consolidate-openpyxl.py"), dir, pyJson]));
    checkSameSums(n, ourJson, pyJson);
    const o = ours[r]!;
    const p = py[r]!;
    console.log(`  N=${n} run ${r + 1}/${RUNS}: chitieu ${o.seconds.toFixed(2)} s wall, ${o.cpu.toFixed(2)} s CPU, ${o.mb.toFixed(0)} MB (load ${o.load}) · openpyxl ${p.seconds.toFixed(2)} s wall, ${p.cpu.toFixed(2)} s CPU (load ${p.load})`);
  }
  const indicators = Object.keys(JSON.parse(readFileSync(pyJson, "utf8")) as object).length;
  rows.push({ n, ours: medianOf(ours), py: medianOf(py), indicators });
}

const cpus = execFileSync("nproc", { encoding: "utf8" }).trim();
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
console.log(`\nchitieu consolidate vs openpyxl: medians of ${RUNS} interleaved runs, ${cpus} cores, ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`);
console.log(`Same indicators and the same Σ numerator / Σ denominator checked on every run (${rows[0]?.indicators ?? 0} ratio indicators).`);
console.log("| N files | load avg | chitieu wall s | chitieu CPU s | chitieu peak MB | openpyxl wall s | openpyxl CPU s | openpyxl peak MB | speed-up (wall) | speed-up (CPU) |");
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  const cells = [r.n, r.ours.load.toFixed(1), r.ours.seconds.toFixed(2), r.ours.cpu.toFixed(2), r.ours.mb.toFixed(0), r.py.seconds.toFixed(2), r.py.cpu.toFixed(2), r.py.mb.toFixed(0), ratio(r.py.seconds, r.ours.seconds), ratio(r.py.cpu, r.ours.cpu)];
  console.log(`| ${cells.join(" | ")} |`);
}
if (rows.length >= 2) {
  const [a, b] = [rows[0]!, rows[rows.length - 1]!];
  const slope = (f: (r: Row) => number) => (((f(b) - f(a)) / (b.n - a.n)) * 1000).toFixed(2);
  console.log(`\nPer further file (from ${a.n} to ${b.n}): chitieu ${slope((r) => r.ours.cpu)} ms CPU, ${slope((r) => r.ours.seconds)} ms wall; openpyxl ${slope((r) => r.py.cpu)} ms CPU, ${slope((r) => r.py.seconds)} ms wall.`);
}
const quiet = rows.every((r) => r.ours.load < Number(cpus) / 2);
const failed = rows.filter((r) => r.py.seconds / r.ours.seconds < GOAL.speedUp).map((r) => `${r.n} files: ${ratio(r.py.seconds, r.ours.seconds)} by wall time`);
const biggest = rows.find((r) => r.n === Math.max(...SIZES));
if (biggest && biggest.n >= 2000 && biggest.ours.mb >= GOAL.peakMbAtMax) failed.push(`${biggest.ours.mb.toFixed(0)} MB at ${biggest.n} files`);
console.log(
  `\nGoal (issue 13): ≥${GOAL.speedUp}× openpyxl by wall time at every N, < ${GOAL.peakMbAtMax} MB at 2,000 files: ` +
    (failed.length === 0 ? "met" : `NOT met (${failed.join("; ")})`) +
    (quiet ? "." : ` — but the load average reached ${Math.max(...rows.map((r) => r.ours.load))} on ${cpus} cores: wall times are not meaningful, see the CPU ratio.`),
);
if (failed.length > 0 && quiet) process.exitCode = 1;
if (!args.includes("--keep")) rmSync(work, { recursive: true, force: true });
