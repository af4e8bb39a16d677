import { readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { defaultCatalog, type Level } from "../../core/catalog";
import {
  Consolidator, formatReason, formatUnitReview, parsePeriod, periodLabel, outlookMessage, withHistory, type ConsolidationReport, type Period, type Submission, type Trend,
} from "../../core/consolidate";
import { comparatorSymbol, formatMessage, formatNumber, type MessageKey } from "../../core/messages";
import { writeConsolidatedXlsx } from "../../hosts/xlsx/consolidated";
import { readHistory } from "../consolidate-history";
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
  /** Whether only approved reports were rolled up (--approved-only); the others are units with status "not-approved". */
  approvedOnly: boolean;
  units: {
    unit: string | null;
    file: string | null;
    status: string;
    reason: string | null;
    /** The report's review state as kept in its workbook (null for a file that was not read). */
    review: { state: "approved" | "returned" | "open"; by: string | null; at: string | null; comment: string | null; reopened: boolean; damaged: boolean; text: string } | null;
    /** Unmet targets with and without the clerk's explanation. */
    shortfalls: { explained: number; unexplained: number } | null;
  }[];
  indicators: ({
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
    /** `explanation`: an unmet target's explanation by the clerk ("Chưa đạt — có giải trình"), else null. */
    byUnit: ({ unit: string; value: number | null; numerator: number | null; denominator: number | null; status: string; reason: string | null; explanation: string | null } & Partial<TrendJson> & { historyNote?: string | null })[];
  } & Partial<TrendJson>)[];
  /** With --history: the earlier years used, and the history files not used with why. */
  history?: { years: { year: number; source: string; files: string[] }[]; unused: { file: string; reason: string }[] };
}

/**
 * Consolidation across years (with --history): the earlier years' values, the pace in points per year (null with
 * fewer than two earlier values), and the year the next target is reached at that pace: null when it is not reached
 * at that pace, absent when there is too little history (or no target to project to).
 */
export interface TrendJson {
  history: { year: number; value: number }[];
  pace: number | null;
  projectedYear?: number | null;
}

export function trendJson(t: Trend): TrendJson {
  const out: TrendJson = { history: t.history.map((p) => ({ year: p.year, value: p.value })), pace: t.pace };
  if (t.projection?.kind === "reached") out.projectedYear = t.projection.year;
  else if (t.projection?.kind === "not-at-this-pace") out.projectedYear = null;
  return out;
}

export function toConsolidateJson(r: ConsolidationReport, lang: Lang): ConsolidateJson {
  const text = (x: Parameters<typeof formatReason>[0] | null) => (x ? formatReason(x, lang) : null);
  const json: ConsolidateJson = {
    period: r.period,
    level: r.level,
    expected: r.expected,
    received: r.received,
    approvedOnly: r.approvedOnly,
    units: r.units.map((u) => ({
      unit: u.unit,
      file: u.file,
      status: u.status,
      reason: text(u.reason),
      review: u.review
        ? { state: u.review.state, by: u.review.by, at: u.review.at, comment: u.review.comment, reopened: u.review.reopened, damaged: u.review.damaged, text: formatUnitReview(u.review, lang) }
        : null,
      shortfalls: u.review ? { explained: u.review.explained, unexplained: u.review.unexplained } : null,
    })),
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
      byUnit: i.byUnit.map((b) => ({
        unit: b.unit, value: b.value, numerator: b.numerator, denominator: b.denominator, status: b.status, reason: text(b.reason),
        explanation: b.explanation ?? null,
        ...(b.trend ? { ...trendJson(b.trend), historyNote: text(b.trend.note) } : {}),
      })),
      ...(i.trend ? trendJson(i.trend) : {}),
    })),
  };
  if (r.history) {
    json.history = {
      years: r.history.years.map((y) => ({ year: y.year, source: y.source, files: y.files })),
      unused: r.history.unused.map((u) => ({ file: u.file, reason: formatReason(u.reason, lang) })),
    };
  }
  return json;
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

function printTrends(r: ConsolidationReport, lang: Lang, io: Io): void {
  const h = r.history;
  if (!h) return;
  const num = (x: number) => formatNumber(Math.round(x * 100) / 100, lang);
  io.out("\n" + (h.years.length ? t(lang, "consolidate.history.years", { years: h.years.map((y) => y.year).join(", ") }) : t(lang, "consolidate.history.noYears")) + "\n");
  for (const u of h.unused) io.out(t(lang, "consolidate.history.unused", { file: u.file, reason: formatReason(u.reason, lang) }) + "\n");
  const withHistory = r.indicators.filter((i) => i.trend && i.trend.history.length > 0);
  if (withHistory.length === 0) return;
  io.out(t(lang, "consolidate.trends") + "\n");
  for (const i of withHistory) {
    const tr = i.trend!;
    io.out(
      t(lang, "consolidate.trend", {
        code: i.indicator.padEnd(7),
        series: tr.history.map((p) => `${p.year}: ${num(p.value)}`).join(", "),
        value: i.value === null ? "–" : `${r.year}: ${num(i.value)}`,
        pace: tr.pace === null ? "–" : `${tr.pace > 0 ? "+" : ""}${num(tr.pace)}`,
        outlook: formatMessage(outlookMessage(tr), lang),
      }) + "\n",
    );
  }
}

function printReport(r: ConsolidationReport, lang: Lang, io: Io): void {
  const m = (key: MessageKey) => formatMessage({ key, params: {} }, lang);
  const missing = r.units.filter((u) => u.status === "missing").length;
  const problems = r.units.filter((u) => u.file !== null && u.status !== "received" && u.status !== "province" && u.status !== "not-approved").length;
  io.out(t(lang, "consolidate.summary", { received: r.received, expected: r.expected, missing, problems }) + "\n");
  if (r.approvedOnly) io.out(t(lang, "consolidate.approvedOnly", { count: r.units.filter((u) => u.status === "not-approved").length }) + "\n");
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
      history: { type: "string", multiple: true },
      "approved-only": { type: "boolean" },
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
  // earlier years' files: a folder that is missing or empty gives no history, with its reason, and never stops the run
  const historyFiles = values.history ? expandInputs(values.history) : [];
  // checked before any work: a mistyped --out never costs a run, and never an input (nor an earlier year's file)
  for (const out of outputs) checkOutput(out, [...files, ...historyFiles], values.force ?? false);
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0))
    throw new ChitieuError("error.usage.consolidate-workers", { workers: values.workers ?? "" });

  const consolidator = new Consolidator({ catalog, registry, period, ...(level ? { level } : {}), approvedOnly: values["approved-only"] ?? false });
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
  let report = consolidator.finish();
  if (values.history) {
    io.out(t(lang, "consolidate.history.files", { total: historyFiles.length, folders: values.history.join(", ") }) + "\n");
    const read = historyFiles.length === 0 ? { earlier: [], unused: [] } : await readHistory(historyFiles, { catalog, registry, year: period.year, period: periodLabel(period), ...(workers !== undefined ? { workers } : {}) }, progress(io, lang, historyFiles.length));
    report = withHistory(report, read.earlier, { catalog, registry, unused: read.unused });
  }
  printReport(report, lang, io);
  printTrends(report, lang, io);
  if (values.out) {
    writeOutput(values.out, writeConsolidatedXlsx(report, { catalog, lang }), [...files, ...historyFiles], true);
    io.out(t(lang, "consolidate.written", { file: values.out }) + "\n");
  }
  if (values.json) {
    writeOutput(values.json, JSON.stringify(toConsolidateJson(report, lang), null, 2) + "\n", [...files, ...historyFiles], true);
    io.out(t(lang, "consolidate.json", { file: values.json }) + "\n");
  }
  return 0;
}
