import type { Catalog, Indicator, Level } from "../catalog/schema";
import { roundFloat } from "../judge/compare";
import { resolveTarget } from "../judge/targets";
import { MIN_EARLIER_VALUES, normaliseSeries, pace, project, type TargetPoint, type YearValue } from "../history/trend";
import type { MessageKey } from "../messages";
import { isValidInYear, type UnitRegistry } from "../units";
import { consolidate } from "./consolidate";
export { missesTarget, outlookMessage } from "./outlook";
import type { ConsolidatedRead } from "./read-consolidated";
import type { ConsolidationReport, Submission, HistoryInfo, IndicatorRollup, IndicatorTrend, Reason, Trend, UnitTrend } from "./types";

// Consolidation across years: each earlier year's provincial and unit figures (rolled up by the same Consolidator as
// this year's, or read back from a consolidated workbook we wrote), joined into series per indicator and per unit,
// with the pace and the year the next target is reached at that pace (src/core/history/trend.ts does the arithmetic).

/** One earlier year's figures: the provincial value and each unit's value, per indicator. */
export interface EarlierYear {
  year: number;
  /** Rolled up from the units' own workbooks of that year, or read from the consolidated workbook of that year. */
  source: "units" | "consolidated";
  /** The files it came from (for the report). */
  files: string[];
  province: ReadonlyMap<string, number>;
  /** unit code → indicator code → value. */
  units: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** An earlier year's figures from its roll-up: the provincial values, and each unit's value where it had one. */
export function earlierYearOf(report: ConsolidationReport, files: string[]): EarlierYear {
  const province = new Map<string, number>();
  const units = new Map<string, Map<string, number>>();
  for (const i of report.indicators) {
    if (i.value !== null) province.set(i.indicator, i.value);
    for (const b of i.byUnit) {
      // a unit's own figure counts as its history even when it could not be summed (a bare percentage)
      if (b.value === null || b.status === "invalid" || b.status === "no-file") continue;
      let m = units.get(b.unit);
      if (!m) units.set(b.unit, (m = new Map()));
      m.set(i.indicator, b.value);
    }
  }
  return { year: report.year, source: "units", files, province, units };
}

const reason = (key: MessageKey, params: Record<string, string | number> = {}): Reason => ({ message: { key, params } });

/**
 * The target a series is projected to: the next dated one from the report year (2025's until 2025, 2030's after),
 * as the engine resolves it for that level.
 */
export function nextTarget(ind: Indicator, level: Level, year: number): TargetPoint | null {
  const r = resolveTarget(ind, level, year);
  return r ? { value: r.target.value, comparator: r.target.comparator, year: r.year } : null;
}

/**
 * What the figure should be each year on the way to the target: the engine's own path where it has one (from a
 * baseline or an earlier target, as it judges "on track"); where it has none, the straight line from the earliest
 * known value to the target in its year, the path the series needed to keep from its start.
 */
export function targetPath(ind: Indicator, level: Level, from: number, to: number, start: YearValue | null = null): YearValue[] {
  const path: YearValue[] = [];
  for (let y = from; y <= to; y++) {
    const r = resolveTarget(ind, level, y);
    if (!r) continue;
    if (r.basis === "final-no-path" && start !== null && start.year < r.year && y >= start.year) {
      path.push({ year: y, value: roundFloat(start.value + ((r.target.value - start.value) * (y - start.year)) / (r.year - start.year)) });
    } else path.push({ year: y, value: r.compareWith });
  }
  return path;
}

/** Earlier values plus this year's; pace and projection only from two earlier values or more. */
export function trendOf(earlier: readonly YearValue[], current: YearValue | null, target: TargetPoint | null): Trend {
  const history = normaliseSeries(earlier);
  const series = current ? normaliseSeries([...history, current]) : history;
  const enough = history.length >= MIN_EARLIER_VALUES;
  const projection = target ? project(series, target, history.length) : null;
  return { history, pace: enough ? pace(series) : null, projection, target };
}

export interface HistoryOptions {
  catalog: Catalog;
  registry: UnitRegistry;
  /** Files of the history folder that gave no earlier year's figures, with why. */
  unused?: HistoryInfo["unused"];
}

/**
 * The report with each indicator's and each unit's series of earlier years, pace and projection. Earlier years
 * after or equal to the report's own year are not history: they are listed as unused. A unit that did not exist in
 * an earlier year has no history of its own for it (never its predecessor's figure); a year with no figure is a gap.
 */
export function withHistory(report: ConsolidationReport, earlier: readonly EarlierYear[], opts: HistoryOptions): ConsolidationReport {
  const unused = [...(opts.unused ?? [])];
  const years = new Map<number, EarlierYear>();
  for (const e of earlier) {
    if (e.year >= report.year) {
      for (const file of e.files) unused.push({ file, reason: reason("consolidate.history.not-earlier", { year: e.year, period: report.period }) });
    } else years.set(e.year, e);
  }
  const sorted = [...years.values()].sort((a, b) => a.year - b.year);
  const byCode = new Map(opts.registry.units.map((u) => [u.code, u]));

  // per unit: the earlier years in which it did not exist, and those in which it existed but sent nothing usable
  const unitNotes = new Map<string, Reason>();
  const unitCodes = new Set(report.indicators.flatMap((i) => i.byUnit.map((b) => b.unit)));
  for (const code of unitCodes) {
    const u = byCode.get(code);
    const absent = sorted.filter((e) => u !== undefined && !isValidInYear(u, e.year)).map((e) => e.year);
    const silent = sorted.filter((e) => !absent.includes(e.year) && !e.units.has(code)).map((e) => e.year);
    if (absent.length > 0)
      unitNotes.set(code, reason("consolidate.history.unit-new", { years: absent.join(", "), from: u?.validFrom ?? "…" }));
    else if (silent.length > 0) unitNotes.set(code, reason("consolidate.history.unit-gap", { years: silent.join(", ") }));
  }

  const indicators = report.indicators.map((i): IndicatorRollup => {
    const ind = opts.catalog.indicators.find((x) => x.code === i.indicator);
    if (!ind) return i;
    const provincial: YearValue[] = [];
    for (const e of sorted) {
      const v = e.province.get(i.indicator);
      if (v !== undefined) provincial.push({ year: e.year, value: v });
    }
    const target = nextTarget(ind, "province", report.year);
    const trend = trendOf(provincial, i.value === null ? null : { year: report.year, value: i.value }, target);
    const first = trend.history[0]?.year ?? report.year;
    const path = targetPath(ind, "province", first, Math.max(report.year, target?.year ?? report.year), trend.history[0] ?? null);
    const unitTarget = nextTarget(ind, report.level, report.year);
    const byUnit = i.byUnit.map((b) => {
      const u = byCode.get(b.unit);
      const own: YearValue[] = [];
      for (const e of sorted) {
        if (u && !isValidInYear(u, e.year)) continue;
        const v = e.units.get(b.unit)?.get(i.indicator);
        if (v !== undefined) own.push({ year: e.year, value: v });
      }
      // a unit's yes/no answer is part of a share, not a series to pace or project on its own
      const current = b.value === null || b.status === "invalid" ? null : { year: report.year, value: b.value };
      const t: Trend = i.method === "share-of-units" ? { history: normaliseSeries(own), pace: null, projection: null, target: null } : trendOf(own, current, unitTarget);
      const ut: UnitTrend = { ...t, note: unitNotes.get(b.unit) ?? null };
      return { ...b, trend: ut };
    });
    const it: IndicatorTrend = { ...trend, path };
    return { ...i, byUnit, trend: it };
  });

  const info: HistoryInfo = {
    years: sorted.map((e) => ({ year: e.year, source: e.source, files: e.files })),
    unused,
    units: [...unitNotes.entries()].map(([unit, note]) => ({ unit, note })),
  };
  return { ...report, indicators, history: info };
}

/** A file of the history folder, as read: a unit's workbook (or why not), or one of our consolidated workbooks. */
export type HistoryItem = Submission | { file: string; kind: "consolidated"; read: Exclude<ConsolidatedRead, { kind: "other" }> };

/**
 * The history folder's files grouped by year, each year rolled up by the same Consolidator as the report's own
 * (so a provincial value is a ratio of sums there too). A year's units' files win over a consolidated workbook of the
 * same year; two consolidated workbooks of one year are a conflict, neither used. Every file not used says why.
 */
export function earlierYears(items: Iterable<HistoryItem>, opts: { catalog: Catalog; registry: UnitRegistry; year: number; period: string }): { earlier: EarlierYear[]; unused: HistoryInfo["unused"] } {
  const unused: HistoryInfo["unused"] = [];
  const unitFiles = new Map<number, Submission[]>();
  const consolidated = new Map<number, EarlierYear[]>();
  for (const it of items) {
    if (it.kind === "unreadable") unused.push({ file: it.file, reason: it.reason });
    else if (it.kind === "unidentified") unused.push({ file: it.file, reason: reason("consolidate.history.no-figures") });
    else if (it.kind === "consolidated") {
      if (it.read.kind === "unusable") unused.push({ file: it.file, reason: it.read.reason });
      else if (it.read.year.year >= opts.year) unused.push({ file: it.file, reason: reason("consolidate.history.not-earlier", { year: it.read.year.year, period: opts.period }) });
      else consolidated.set(it.read.year.year, [...(consolidated.get(it.read.year.year) ?? []), it.read.year]);
    } else if (it.identity.year >= opts.year) {
      unused.push({ file: it.file, reason: reason("consolidate.history.not-earlier", { year: it.identity.year, period: opts.period }) });
    } else unitFiles.set(it.identity.year, [...(unitFiles.get(it.identity.year) ?? []), it]);
  }
  const earlier: EarlierYear[] = [];
  for (const [year, subs] of unitFiles) {
    const report = consolidate(subs, { catalog: opts.catalog, registry: opts.registry, period: { year, half: null } });
    const used: string[] = [];
    for (const u of report.units) {
      if (u.file === null) continue;
      if (u.status === "received" || u.status === "province") used.push(u.file);
      else if (u.reason) unused.push({ file: u.file, reason: u.reason });
    }
    earlier.push(earlierYearOf(report, used));
    for (const c of consolidated.get(year) ?? []) for (const file of c.files) unused.push({ file, reason: reason("consolidate.history.set-aside", { year }) });
  }
  for (const [year, list] of consolidated) {
    if (unitFiles.has(year)) continue;
    if (list.length === 1) earlier.push(list[0]!);
    else {
      const files = list.flatMap((c) => c.files);
      for (const file of files) unused.push({ file, reason: reason("consolidate.history.duplicate-consolidated", { count: list.length, year, files: files.join("; ") }) });
    }
  }
  return { earlier: earlier.sort((a, b) => a.year - b.year), unused };
}
