// A unit's (or the province's) series over the years: its pace and when, at that pace, a target is reached.
// Pure arithmetic; the words ("theo tốc độ hiện nay…") live in the message catalog.

import type { Comparator } from "../catalog/schema";
import { holds, roundFloat } from "../judge/compare";

export interface YearValue {
  readonly year: number;
  readonly value: number;
}

/** Fewer earlier values than this and no pace or projection is given: a trend is never drawn from a single point. */
export const MIN_EARLIER_VALUES = 2;

/**
 * The series in year order, one value per year (a later entry for the same year replaces an earlier one), finite
 * values only. Callers may pass values in any order.
 */
export function normaliseSeries(points: readonly YearValue[]): YearValue[] {
  const byYear = new Map<number, number>();
  for (const p of points) {
    if (Number.isInteger(p.year) && Number.isFinite(p.value)) byYear.set(p.year, p.value);
  }
  return [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, value]) => ({ year, value }));
}

/**
 * Least-squares slope (value units per year) over the known years; null with fewer than two distinct years.
 * Least squares rather than first-to-last so one odd year does not decide the pace on its own.
 */
export function pace(points: readonly YearValue[]): number | null {
  const series = normaliseSeries(points);
  if (series.length < 2) return null;
  const n = series.length;
  const meanYear = series.reduce((s, p) => s + p.year, 0) / n;
  const meanValue = series.reduce((s, p) => s + p.value, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of series) {
    num += (p.year - meanYear) * (p.value - meanValue);
    den += (p.year - meanYear) ** 2;
  }
  return roundFloat(num / den);
}

export interface TargetPoint {
  readonly value: number;
  readonly comparator: Comparator;
  /** The year the target is set for. */
  readonly year: number;
}

export type Projection =
  /** Reached (already, or in `year` at the current pace); `delayYears` > 0 means later than the target year. */
  | { readonly kind: "reached"; readonly year: number; readonly delayYears: number }
  /** The pace is flat or moving away from the target: "không đạt được nếu không tăng tốc". */
  | { readonly kind: "not-at-this-pace" }
  /** Too few earlier values to speak of a pace. */
  | { readonly kind: "too-little-history" };

/**
 * When the target is reached if the series keeps its pace, counted from its latest known value.
 * `earlierCount` is how many of the points are earlier reports (the current year's figure is not one).
 */
export function project(points: readonly YearValue[], target: TargetPoint, earlierCount: number): Projection {
  const series = normaliseSeries(points);
  if (earlierCount < MIN_EARLIER_VALUES || series.length < MIN_EARLIER_VALUES) return { kind: "too-little-history" };
  const latest = series[series.length - 1]!;
  if (holds(latest.value, target.comparator, target.value)) {
    return { kind: "reached", year: latest.year, delayYears: Math.max(0, latest.year - target.year) };
  }
  const perYear = pace(series);
  // "≤" targets (ranks) improve downwards: the pace must point towards the target to ever reach it.
  const towards = perYear === null ? 0 : target.comparator === "<=" ? -perYear : perYear;
  if (!(towards > 0)) return { kind: "not-at-this-pace" };
  const remaining = Math.abs(target.value - latest.value);
  // ">" needs strictly more than the target: a step that lands exactly on it is not enough.
  let years = Math.ceil(roundFloat(remaining / towards));
  if (target.comparator === ">" && roundFloat(latest.value + years * towards) <= target.value) years += 1;
  const year = latest.year + Math.max(1, years);
  return { kind: "reached", year, delayYears: Math.max(0, year - target.year) };
}
