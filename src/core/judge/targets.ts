// Which target applies to a level and year. Depends only on (indicator, level, year), so answers are cached per indicator.

import type { Indicator, Level, Target } from "../catalog/schema";
import { holds, roundFloat } from "./compare";
import type { Basis } from "./types";

export interface PathStart {
  year: number;
  value: number;
  /** baseline: the catalog's; target: the previous target; earlier: the unit's own latest earlier figure. */
  kind: "baseline" | "target" | "earlier";
}

/** The unit's own latest known figure from an earlier report, in the target's terms (a share in %, a count). */
export interface EarlierValue {
  year: number;
  value: number;
}

export interface Resolution {
  target: Target;
  /** The year the target is set for (for an annual target, the year it is applied to). */
  year: number;
  basis: Basis;
  /** The figure to compare with, in the target's own terms (ranks: out of the target's field). */
  compareWith: number;
  pathFrom?: PathStart;
}

type PerLevel = Record<Level, Map<number, Resolution | null>>;
const cache = new WeakMap<Indicator, PerLevel>();

/**
 * With `earlier` (the unit's latest known figure before `year`), the path toward the next target starts from that
 * figure rather than from the catalog's baseline or nothing, unless the previous target is more recent.
 */
export function resolveTarget(indicator: Indicator, level: Level, year: number, earlier?: EarlierValue): Resolution | null {
  const general = resolveCached(indicator, level, year);
  return earlier === undefined || general === null ? general : fromEarlier(general, year, earlier);
}

function resolveCached(indicator: Indicator, level: Level, year: number): Resolution | null {
  let perIndicator = cache.get(indicator);
  if (perIndicator === undefined) {
    perIndicator = { province: new Map(), district: new Map(), commune: new Map() };
    cache.set(indicator, perIndicator);
  }
  const perYear = perIndicator[level];
  let found = perYear.get(year);
  if (found === undefined) {
    found = resolveUncached(indicator, level, year);
    perYear.set(year, found);
  }
  return found;
}

function appliesToLevel(t: Target, level: Level): boolean {
  return t.level === level || t.level === "all";
}

function coversYear(t: Target, year: number): boolean {
  if (t.year === "annual") return t.period !== undefined && t.period.from <= year && year <= t.period.to;
  return t.year === year;
}

/** The target for exactly this year; a level-specific one wins over "all". */
export function targetForYear(indicator: Indicator, level: Level, year: number): Target | null {
  let general: Target | null = null;
  for (const t of indicator.targets) {
    if (!appliesToLevel(t, level) || !coversYear(t, year)) continue;
    if (t.level === level) return t;
    general ??= t;
  }
  return general;
}

/** The last year a target covers (an annual target: the end of its period). */
function lastYearOf(t: Target): number {
  return t.year === "annual" ? (t.period?.to ?? -Infinity) : t.year;
}

function resolveUncached(indicator: Indicator, level: Level, year: number): Resolution | null {
  const exact = targetForYear(indicator, level, year);
  if (exact) return { target: exact, year, basis: "target-year", compareWith: roundFloat(exact.value) };

  let nextYear = Infinity;
  let lastYear = -Infinity;
  let previousDated = -Infinity;
  for (const t of indicator.targets) {
    if (!appliesToLevel(t, level)) continue;
    const y = lastYearOf(t);
    if (t.year !== "annual" && y > year && y < nextYear) nextYear = y;
    if (y < year && y > lastYear) lastYear = y;
    if (t.year !== "annual" && y < year && y > previousDated) previousDated = y;
  }

  if (nextYear !== Infinity) {
    const next = targetForYear(indicator, level, nextYear)!;
    const from = pathStart(indicator, level, year, previousDated);
    if (from === null) return { target: next, year: nextYear, basis: "final-no-path", compareWith: roundFloat(next.value) };
    const share = (year - from.year) / (nextYear - from.year);
    const compareWith = roundFloat(from.value + (next.value - from.value) * share);
    return { target: next, year: nextYear, basis: "path", compareWith, pathFrom: from };
  }
  if (lastYear !== -Infinity) {
    const last = targetForYear(indicator, level, lastYear)!;
    return { target: last, year: lastYear, basis: "after-last", compareWith: roundFloat(last.value) };
  }
  return null;
}

/**
 * Where the path toward the next target starts: the previous target of this level, else the latest baseline before
 * the reporting year. So a 2026..2029 path toward 2030 starts from the 2025 target, not from the 2020 baseline.
 */
function pathStart(indicator: Indicator, level: Level, year: number, previousDated: number): PathStart | null {
  if (previousDated !== -Infinity) {
    const previous = targetForYear(indicator, level, previousDated);
    if (previous) return { year: previousDated, value: previous.value, kind: "target" };
  }
  let best: PathStart | null = null;
  for (const b of indicator.baselines) {
    if (b.year < year && (best === null || b.year > best.year)) best = { year: b.year, value: b.value, kind: "baseline" };
  }
  return best;
}

/**
 * The path from the unit's own earlier figure: a straight line from it (its year) to the next target (its year).
 * A figure that already meets that target asks for the target itself, not for a line sloping away from it.
 */
function fromEarlier(general: Resolution, year: number, earlier: EarlierValue): Resolution {
  if (general.basis !== "path" && general.basis !== "final-no-path") return general;
  if (!(earlier.year < year) || !Number.isFinite(earlier.value)) return general;
  // the previous target is a more recent start than an older figure (a 2027 report with only a 2024 figure)
  if (general.pathFrom !== undefined && general.pathFrom.year > earlier.year) return general;
  const next = general.target;
  const pathFrom: PathStart = { year: earlier.year, value: earlier.value, kind: "earlier" };
  if (holds(earlier.value, next.comparator, next.value)) return { ...general, basis: "path", compareWith: roundFloat(next.value), pathFrom };
  const share = (year - earlier.year) / (general.year - earlier.year);
  const compareWith = roundFloat(earlier.value + (next.value - earlier.value) * share);
  return { ...general, basis: "path", compareWith, pathFrom };
}
