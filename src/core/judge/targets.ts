// Which target applies to a level and year. Depends only on (indicator, level, year), so answers are cached per indicator.

import type { Indicator, Level, Target } from "../catalog/schema";
import { roundFloat } from "./compare";
import type { Basis } from "./types";

export interface PathStart {
  year: number;
  value: number;
  kind: "baseline" | "target";
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

export function resolveTarget(indicator: Indicator, level: Level, year: number): Resolution | null {
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
