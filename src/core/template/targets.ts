// Which target a template row shows for a level and year, and how it reads in a cell ("≥ 80%", "≤ 45/63").

import { RESOLUTION_PERIOD } from "../catalog/period";
import type { Comparator, Indicator, Level, Target, UnitSpec } from "../catalog/schema";
import { resolveTarget, targetForYear } from "../judge/targets";

/** The resolution's last year, whose targets the template shows beside the year's own. */
export const FINAL_TARGET_YEAR = RESOLUTION_PERIOD.to;

/**
 * The target a report for `year` is judged against, as the judge chooses it (judge/targets.ts): this year's target,
 * else the next dated one (2026 reports are judged against 2030); null after the last, where the template shows none.
 */
export function applicableTarget(ind: Indicator, level: Level, year: number): { target: Target; year: number } | null {
  const r = resolveTarget(ind, level, year);
  return r === null || r.basis === "after-last" ? null : { target: r.target, year: r.year };
}

/** The target for the resolution's last year at this level (or the yearly one valid then). */
export function finalTarget(ind: Indicator, level: Level): Target | null {
  return targetForYear(ind, level, FINAL_TARGET_YEAR);
}

/** The year most rows are judged against; shown in the "Mục tiêu {year}" header. */
export function headlineTargetYear(years: (number | null)[], reportYear: number): number {
  const counts = new Map<number, number>();
  for (const y of years) if (y !== null) counts.set(y, (counts.get(y) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, c] of [...counts.entries()].sort((a, b) => a[0] - b[0])) {
    if (c > bestCount) {
      best = y;
      bestCount = c;
    }
  }
  return best ?? reportYear;
}

export const COMPARATOR_SYMBOLS: Record<Comparator, string> = { ">=": "≥", ">": ">", "<=": "≤" };

/** Vietnamese number text: decimal comma, no trailing zeros. */
export function formatNumberVi(n: number): string {
  const rounded = Math.round(n * 1000) / 1000;
  return String(rounded).replace(".", ",");
}

/** Kinds whose result is a percentage (stored as a fraction in the sheet). */
export function isPercentKind(kind: UnitSpec["kind"]): boolean {
  return kind === "ratio" || kind === "percent" || kind === "growth" || kind === "yesno";
}

/** The target as the clerk reads it in the target cell. */
export function formatTarget(target: Target, unit: UnitSpec): string {
  const sym = COMPARATOR_SYMBOLS[target.comparator];
  switch (unit.kind) {
    case "rank":
      return `${sym} ${formatNumberVi(target.value)}/${unit.fieldSize}`;
    case "count":
      return `${sym} ${formatNumberVi(target.value)}`;
    case "yesno":
      // one unit answers yes or no: a 100% target means "yes"
      return target.comparator === ">=" && target.value >= 100 ? "Có" : `${sym} ${formatNumberVi(target.value)}%`;
    case "growth":
    case "percent":
    case "ratio":
      return `${sym} ${formatNumberVi(target.value)}%`;
  }
}

/** The target in the unit of the result cell: percentages become fractions (80 → 0.8). */
export function numericTarget(target: Target, unit: UnitSpec): number {
  return isPercentKind(unit.kind) ? target.value / 100 : target.value;
}

/** What the "Đơn vị tính" column says. */
export function unitText(unit: UnitSpec): string {
  switch (unit.kind) {
    case "ratio":
    case "percent":
      return "%";
    case "growth":
      return "%/năm";
    case "count":
      return unit.of.vi;
    case "rank":
      return `Thứ hạng/${unit.fieldSize}`;
    case "yesno":
      return "Có/Không";
  }
}
