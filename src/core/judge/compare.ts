import type { Comparator } from "../catalog/schema";

export function holds(value: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case ">=":
      return value >= target;
    case ">":
      return value > target;
    case "<=":
      return value <= target;
  }
}

/** Signed gap, negative = shortfall: value − target for "≥"/">", target − value for "≤" (a lower rank is better). */
export function signedGap(value: number, comparator: Comparator, target: number): number {
  return roundFloat(comparator === "<=" ? target - value : value - target);
}

/** Decimals a judged figure keeps; the live rules of marks round the same way (ROUND(…, 9)). */
export const JUDGED_DECIMALS = 9;
const SCALE = 10 ** JUDGED_DECIMALS;

/** Removes binary floating-point noise (80 − 72.5 must be 7.5, 0.383·100 must be 38.3). */
export function roundFloat(x: number): number {
  if (!(Math.abs(x) < 1e6)) return x; // large numbers have no sub-1e-9 noise worth removing (and x·1e9 could overflow)
  return Math.round(x * SCALE) / SCALE;
}
