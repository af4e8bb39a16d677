// Figures to double-check against the unit's own history, as DHIS2's min-max and outlier analysis does: a figure that
// moves far from last known is probably a typing slip or a changed definition. Information only, never an error.

import type { YearValue } from "./trend";

/**
 * A share that moves this many percentage points from the latest earlier figure. Real progress of 20–35 points a year
 * happens (online services doubling); 50 points is half the whole scale, as DHIS2's outlier rules flag "far outside".
 */
export const SHARE_JUMP_POINTS = 50;
/**
 * A count (schools, households: a ratio's denominator, or a count indicator) that doubles or halves from the latest
 * earlier figure. Denominators change slowly; a halving is usually a unit typed in thousands, or half the schools.
 */
export const COUNT_FACTOR = 2;
/** A count's change smaller than this is never flagged (1 → 2 schools doubles but is plausible). */
export const COUNT_MIN_CHANGE = 2;

export type DoubleCheck =
  | { kind: "share"; value: number; earlier: YearValue; change: number }
  | { kind: "denominator" | "count"; value: number; earlier: YearValue; factor: number };

function latest(series: readonly YearValue[]): YearValue | null {
  return series.length === 0 ? null : series[series.length - 1]!;
}

function countMove(kind: "denominator" | "count", value: number, earlier: YearValue | null): DoubleCheck | null {
  if (earlier === null || !Number.isFinite(value)) return null;
  if (Math.abs(value - earlier.value) < COUNT_MIN_CHANGE) return null;
  const lo = Math.min(value, earlier.value);
  const hi = Math.max(value, earlier.value);
  // from or to zero (a first online service, a count not kept that year): no factor to speak of, not flagged
  if (lo <= 0) return null;
  const factor = hi / lo;
  if (factor < COUNT_FACTOR) return null;
  return { kind, value, earlier, factor: Math.round(factor * 10) / 10 };
}

export interface CurrentFigures {
  /** The judged value (a share in %, or a count). */
  value: number | null;
  denominator: number | null;
  /** "share" for percentages (ratios, percent, shares of units), "count" for counts; other kinds are not checked. */
  family: "share" | "count" | "other";
}

/** What in this year's figures moves far from the unit's own latest earlier figures. */
export function doubleChecks(current: CurrentFigures, values: readonly YearValue[], denominators: readonly YearValue[]): DoubleCheck[] {
  const found: DoubleCheck[] = [];
  const last = latest(values);
  if (current.value !== null && last !== null) {
    if (current.family === "share") {
      const change = Math.round((current.value - last.value) * 100) / 100;
      if (Math.abs(change) >= SHARE_JUMP_POINTS) found.push({ kind: "share", value: current.value, earlier: last, change });
    } else if (current.family === "count") {
      const c = countMove("count", current.value, last);
      if (c) found.push(c);
    }
  }
  if (current.denominator !== null) {
    const d = countMove("denominator", current.denominator, latest(denominators));
    if (d) found.push(d);
  }
  return found;
}
