// `npm run bench:consolidate`: N generated unit workbooks (250, 500, 1,000, 2,000), consolidated by `chitieu
// consolidate` and by a straightforward openpyxl script (scripts/consolidate-openpyxl.py) in the same run.
// Prints wall time and peak memory (max RSS, worker threads included) of both side by side, and checks that both
// computed the same sums. Options: --sizes 250,500 to choose N; --keep to leave the generated files.

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
}

/** Wall seconds, CPU seconds and peak RSS (MB) of a command, by GNU time. */
function measure(cmd: string, cmdArgs: string[]): Measured {
  const r = spawnSync("/usr/bin/time", ["-f", "@@ %e %U %S %M", cmd, ...cmdArgs], { encoding: "utf8", cwd: ROOT, maxBuffer: 1 << 28 });
  const m = /@@ ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${cmd} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return { seconds: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), mb: Number(m[4]) / 1024 };
}

interface Row {
  n: number;
  ours: Measured;
  py: Measured;
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
  const ours = measure(process.execPath, [join(ROOT, "bin/chitieu.cjs"), "consolidate", dir, "--year", String(YEAR), "--units", registry, "--out", join(work, `tong-hop-${n}.xlsx`), "--json", ourJson]);
  const py = measure("/usr/bin/python3", [join(ROOT, "scripts/consolidate-openpyxl.py"), dir, pyJson]);
  // the same sums, or the comparison means nothing
  const report = JSON.parse(readFileSync(ourJson, "utf8")) as ConsolidateJson;
  const sums = JSON.parse(readFileSync(pyJson, "utf8")) as Record<string, [number, number]>;
  if (report.received !== n) throw new Error(`chitieu received ${report.received} of ${n} units`);
  for (const i of report.indicators.filter((x) => x.method === "ratio-of-sums")) {
    const s = sums[i.indicator];
    if (!s || s[0] !== i.numerator || s[1] !== i.denominator) throw new Error(`${i.indicator}: chitieu ${i.numerator}/${i.denominator}, openpyxl ${s?.join("/")}`);
  }
  rows.push({ n, ours, py });
  console.log(`  N=${n}: chitieu ${ours.seconds.toFixed(2)} s ${ours.mb.toFixed(0)} MB · openpyxl ${py.seconds.toFixed(2)} s ${py.mb.toFixed(0)} MB`);
}

const cpus = execFileSync("nproc", { encoding: "utf8" }).trim();
const load = execFileSync("cat", ["/proc/loadavg"], { encoding: "utf8" }).split(" ")[0];
console.log(`\nchitieu consolidate vs openpyxl (${cpus} cores, load average ${load}; same sums checked for every ratio indicator)`);
console.log("| N files | chitieu wall s | chitieu CPU s | chitieu peak MB | openpyxl wall s | openpyxl CPU s | openpyxl peak MB | speed-up (wall) | chitieu wall ms/file |");
console.log("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const r of rows) {
  const cells = [r.n, r.ours.seconds.toFixed(2), r.ours.cpu.toFixed(2), r.ours.mb.toFixed(0), r.py.seconds.toFixed(2), r.py.cpu.toFixed(2), r.py.mb.toFixed(0), `${(r.py.seconds / r.ours.seconds).toFixed(1)}×`, ((r.ours.seconds * 1000) / r.n).toFixed(2)];
  console.log(`| ${cells.join(" | ")} |`);
}
if (!args.includes("--keep")) rmSync(work, { recursive: true, force: true });
