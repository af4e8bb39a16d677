// Benchmark of the hot path: reading and judging 100,000 figures (what a provincial consolidation of many workbooks does).
// Run: npm run bench. Prints the total time and figures per second for reading + judging, and for building findings too.

import { performance } from "node:perf_hooks";
import { defaultCatalog } from "../src/core/catalog";
import type { Indicator, Level } from "../src/core/catalog/schema";
import { readCell, type ExpectedKind } from "../src/core/figures";
import { toFinding } from "../src/core/findings";
import { judge, type Entry, type JudgeContext } from "../src/core/judge";
import type { RawValue } from "../src/core/snapshot";

const COUNT = 100_000;
const RUNS = 7;

interface Case {
  indicator: Indicator;
  ctx: JudgeContext;
  /** raw cells with their number formats: [value] or [numerator, denominator] */
  cells: { raw: RawValue; format: string }[];
}

// deterministic pseudo-random numbers, so every run measures the same work
let seed = 42;
function random(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

function buildCases(): Case[] {
  const catalog = defaultCatalog();
  const quantified = catalog.indicators.filter((i) => !i.qualitative);
  const ofKind = (kind: string) => quantified.filter((i) => i.unit.kind === kind);
  const ratios = ofKind("ratio"), percents = ofKind("percent"), counts = ofKind("count"), ranks = ofKind("rank"), yesnos = ofKind("yesno"), growths = ofKind("growth");
  const levels: Level[] = ["province", "district", "commune"];
  const years = [2023, 2024, 2025, 2026, 2027, 2030];
  const cases: Case[] = [];
  for (let i = 0; i < COUNT; i++) {
    const roll = random();
    const ctx: JudgeContext = { level: pick(levels), year: pick(years), fieldSizeNow: 34 };
    const den = 1 + Math.floor(random() * 2000);
    const num = Math.floor(random() * den * 1.05); // a few numerators above the denominator
    if (roll < 0.3) cases.push({ indicator: pick(ratios), ctx, cells: [{ raw: num, format: "#,##0" }, { raw: den, format: "#,##0" }] });
    else if (roll < 0.4) cases.push({ indicator: pick(ratios), ctx, cells: [{ raw: vietnameseThousands(num), format: "@" }, { raw: vietnameseThousands(den), format: "@" }] });
    else if (roll < 0.55) cases.push({ indicator: pick(percents), ctx: { ...ctx, level: "province" }, cells: [{ raw: random(), format: "0.0%" }] });
    else if (roll < 0.7) cases.push({ indicator: pick(percents), ctx: { ...ctx, level: "province" }, cells: [{ raw: `${(random() * 100).toFixed(1).replace(".", ",")}%`, format: "General" }] });
    else if (roll < 0.74) cases.push({ indicator: pick(counts), ctx: { ...ctx, level: "province" }, cells: [{ raw: Math.floor(random() * 5), format: "General" }] });
    else if (roll < 0.78) cases.push({ indicator: pick(ranks), ctx: { ...ctx, level: "province" }, cells: [{ raw: 1 + Math.floor(random() * 34), format: "General" }] });
    else if (roll < 0.82) cases.push({ indicator: pick(yesnos), ctx, cells: [{ raw: pick(["Có", "Không", "x", true, false, "có"]), format: "General" }] });
    else if (roll < 0.85) cases.push({ indicator: pick(growths), ctx: { ...ctx, level: "province" }, cells: [{ raw: `${(random() * 12 - 2).toFixed(2).replace(".", ",")}`, format: "General" }] });
    else if (roll < 0.95) cases.push({ indicator: pick(ratios), ctx, cells: [{ raw: pick([null, "-", "chưa có số liệu", "", "x", "N/A"]), format: "General" }, { raw: den, format: "General" }] });
    else cases.push({ indicator: pick(ratios), ctx, cells: [{ raw: pick([{ error: "#DIV/0!" }, "#REF!", { error: "#N/A" }, "#VALUE!"]), format: "General" }, { raw: den, format: "General" }] });
  }
  return cases;
}

function vietnameseThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

function expectedFor(indicator: Indicator): ExpectedKind {
  const kind = indicator.unit.kind;
  return kind === "ratio" || kind === "rank" ? "count" : kind;
}

function readEntry(c: Case): Entry {
  const expect = expectedFor(c.indicator);
  const first = c.cells[0]!;
  if (c.cells.length === 2) {
    const second = c.cells[1]!;
    return { numerator: readCell(first.raw, first.format, expect), denominator: readCell(second.raw, second.format, expect) };
  }
  return { value: readCell(first.raw, first.format, expect) };
}

function runJudge(cases: Case[]): number {
  let met = 0;
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    const j = judge(c.indicator, readEntry(c), c.ctx);
    if (j.status === "met") met++;
  }
  return met;
}

function runFindings(cases: Case[]): number {
  let errors = 0;
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i]!;
    const f = toFinding(c.indicator, judge(c.indicator, readEntry(c), c.ctx), c.ctx);
    if (f.severity === "error") errors++;
  }
  return errors;
}

function time(label: string, run: () => number): number {
  run(); // warm up: JIT, target cache
  const times: number[] = [];
  let checksum = 0;
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    checksum = run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const best = times[0]!;
  const perSecond = Math.round((COUNT / median) * 1000);
  console.log(`${label}: median ${median.toFixed(1)} ms, best ${best.toFixed(1)} ms over ${RUNS} runs — ${perSecond.toLocaleString("en-US")} figures/s (checksum ${checksum})`);
  return median;
}

const cases = buildCases();
console.log(`${COUNT.toLocaleString("en-US")} entries (ratios as numbers and as "1.079" text, percent cells, "38,3%" text, counts, ranks, yes/no, growth, missing markers, Excel errors)`);
const median = time("read + judge", () => runJudge(cases));
time("read + judge + finding with message", () => runFindings(cases));
console.log(median < 200 ? `OK: read + judge under the 200 ms target` : `SLOW: read + judge above the 200 ms target`);
