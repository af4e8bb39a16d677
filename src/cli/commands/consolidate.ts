import { readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { defaultCatalog, type Level } from "../../core/catalog";
import { Consolidator, formatReason, parsePeriod, periodLabel, type ConsolidationReport, type Period, type Submission } from "../../core/consolidate";
import { comparatorSymbol, formatMessage, formatNumber, type MessageKey } from "../../core/messages";
import { writeConsolidatedXlsx } from "../../hosts/xlsx/consolidated";
import { readSubmissions, type FileTask } from "../consolidate-pool";
import { ChitieuError } from "../../core/errors";
import { checkOutput, registryFrom, writeOutput } from "../files";
import type { Io } from "../io";
import type { Lang } from "../lang";
import { parseLevel, parseYear } from "../options";
import { t } from "../strings";

// `chitieu consolidate`: the provincial report from the units' workbooks. Files are read on worker threads and
// dropped once summarised; one unreadable or wrong file gets its reason and never stops the others.

export interface ConsolidateJson {
  period: string;
  level: Level;
  expected: number;
  received: number;
  units: { unit: string | null; file: string | null; status: string; reason: string | null }[];
  indicators: {
    indicator: string;
    method: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    target: number | null;
    comparator: string | null;
    status: string;
    partial: { expected: number; missing: number; leftOut: number } | null;
    reason: string | null;
    byUnit: { unit: string; value: number | null; numerator: number | null; denominator: number | null; status: string; reason: string | null }[];
  }[];
}

export function toConsolidateJson(r: ConsolidationReport, lang: Lang): ConsolidateJson {
  const text = (x: Parameters<typeof formatReason>[0] | null) => (x ? formatReason(x, lang) : null);
  return {
    period: r.period,
    level: r.level,
    expected: r.expected,
    received: r.received,
    units: r.units.map((u) => ({ unit: u.unit, file: u.file, status: u.status, reason: text(u.reason) })),
    indicators: r.indicators.map((i) => ({
      indicator: i.indicator,
      method: i.method,
      value: i.value,
      numerator: i.numerator,
      denominator: i.denominator,
      target: i.target?.value ?? null,
      comparator: i.target?.comparator ?? null,
      status: i.status,
      partial: i.partial,
      reason: text(i.reason),
      byUnit: i.byUnit.map((b) => ({ unit: b.unit, value: b.value, numerator: b.numerator, denominator: b.denominator, status: b.status, reason: text(b.reason) })),
    })),
  };
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/** Code-point order: the same on every machine, and no collation tables to load (localeCompare's first call costs ~15 ms). */
function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Files as given, and the workbooks inside folders (recursively, in code-point order of names; Excel's "~$" lock files
 * skipped). An earlier consolidated workbook inside the folder is an input like any other, so --out can never name it.
 */
export function expandInputs(paths: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (WORKBOOK.test(e.name) && !e.name.startsWith("~$")) files.push(p);
    }
  };
  for (const p of paths) {
    let dir = false;
    try {
      dir = statSync(p).isDirectory();
    } catch {
      // a path that does not exist is kept: its reading fails with its own reason, in the report
    }
    if (dir) walk(p);
    else files.push(p);
  }
  return files;
}

function periodFrom(year: string | undefined, period: string | undefined): Period {
  if (period !== undefined) {
    const p = parsePeriod(period);
    if (!p) throw new ChitieuError("error.usage.consolidate-period", { period });
    const y = parseYear(year);
    if (y !== undefined && y !== p.year) throw new ChitieuError("error.usage.consolidate-year-period", { year: y, period });
    return p;
  }
  const y = parseYear(year);
  if (y === undefined) throw new ChitieuError("error.usage.consolidate-no-period");
  return { year: y, half: null };
}

/** Redraws one line on a terminal; elsewhere prints a plain line now and then (every file for small batches). */
function progress(io: Io, lang: Lang, total: number): (done: number, file: string) => void {
  const every = Math.max(1, Math.floor(total / 20));
  return (done, file) => {
    const counter = t(lang, "consolidate.progress", { done, total });
    if (io.tty) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      io.err(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${counter} ${basename(file).slice(0, 40).padEnd(40)}`);
      if (done === total) io.err("\n");
    } else if (done % every === 0 || done === total) io.err(`${counter}\n`);
  };
}

function printReport(r: ConsolidationReport, lang: Lang, io: Io): void {
  const m = (key: MessageKey) => formatMessage({ key, params: {} }, lang);
  const missing = r.units.filter((u) => u.status === "missing").length;
  const problems = r.units.filter((u) => u.file !== null && u.status !== "received" && u.status !== "province").length;
  io.out(t(lang, "consolidate.summary", { received: r.received, expected: r.expected, missing, problems }) + "\n");
  for (const u of r.units) {
    if (u.status === "received" && u.reason === null) continue;
    io.out(t(lang, "consolidate.unit", { status: m(`consolidate.status.${u.status}` as MessageKey), unit: u.unitName ?? u.unit ?? "", file: u.file ?? "", reason: u.reason ? formatReason(u.reason, lang) : "" }) + "\n");
  }
  io.out("\n" + t(lang, "consolidate.indicators") + "\n");
  for (const i of r.indicators) {
    const num = (x: number | null) => (x === null ? "–" : formatNumber(Math.round(x * 100) / 100, lang));
    io.out(
      t(lang, "consolidate.indicator", {
        code: i.indicator.padEnd(7),
        value: i.value === null ? "–" : num(i.value),
        numerator: num(i.numerator),
        denominator: num(i.denominator),
        target: i.target ? `${comparatorSymbol(i.target.comparator)} ${formatNumber(i.target.value, lang)}` : "–",
        status: m(`consolidate.judged.${i.status}` as MessageKey),
        partial: i.partial ? ` — ${formatMessage({ key: "consolidate.partial", params: { ...i.partial } }, lang)}` : "",
      }) + "\n",
    );
  }
}

export async function runConsolidate(args: string[], lang: Lang, io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      year: { type: "string" }, period: { type: "string" }, level: { type: "string" }, units: { type: "string" },
      out: { type: "string" }, json: { type: "string" }, force: { type: "boolean" }, workers: { type: "string" }, lang: { type: "string" },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0)
    throw new ChitieuError("error.usage.consolidate");
  if (!values.out && !values.json) throw new ChitieuError("error.usage.consolidate-out");
  const period = periodFrom(values.year, values.period);
  const level = parseLevel(values.level);
  const registry = registryFrom(values.units);
  const catalog = defaultCatalog();
  const outputs = [values.out, values.json].filter((x): x is string => x !== undefined);
  const files = expandInputs(positionals);
  if (files.length === 0) throw new ChitieuError("error.usage.consolidate-no-files", { inputs: positionals.join(", ") });
  // checked before any work: a mistyped --out never costs a run, and never an input
  for (const out of outputs) checkOutput(out, files, values.force ?? false);
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0))
    throw new ChitieuError("error.usage.consolidate-workers", { workers: values.workers ?? "" });

  const consolidator = new Consolidator({ catalog, registry, period, ...(level ? { level } : {}) });
  io.out(t(lang, "consolidate.files", { total: files.length, period: periodLabel(period), level: t(lang, `level.${consolidator.level}`), expected: consolidator.expected.length }) + "\n");
  const tasks: FileTask[] = files.map((path, index) => ({ index, path, name: path }));
  const results: (Submission | undefined)[] = new Array(files.length);
  const tick = progress(io, lang, files.length);
  let done = 0;
  await readSubmissions(tasks, { catalog, registry, ...(workers !== undefined ? { workers } : {}) }, (index, s) => {
    results[index] = s;
    tick(++done, files[index]!);
  });
  // in input order, so the report reads the same however the threads finished
  for (const s of results) if (s) consolidator.add(s);
  results.length = 0;
  const report = consolidator.finish();
  printReport(report, lang, io);
  if (values.out) {
    writeOutput(values.out, writeConsolidatedXlsx(report, { catalog, lang }), files, true);
    io.out(t(lang, "consolidate.written", { file: values.out }) + "\n");
  }
  if (values.json) {
    writeOutput(values.json, JSON.stringify(toConsolidateJson(report, lang), null, 2) + "\n", files, true);
    io.out(t(lang, "consolidate.json", { file: values.json }) + "\n");
  }
  return 0;
}
