// Which target a template row shows for a level and year, and how it reads in a cell ("≥ 80%", "≤ 45/63").

import type { Comparator, Indicator, Level, Target, UnitSpec } from "../catalog/schema";

export const FINAL_TARGET_YEAR = 2030;

function appliesTo(t: Target, level: Level): boolean {
  return t.level === level || t.level === "all";
}

/** Level-specific targets win over "all" ones for the same year. */
function preferSpecific(candidates: Target[], level: Level): Target | undefined {
  return candidates.find((t) => t.level === level) ?? candidates[0];
}

/** The yearly target whose period covers `year`, if any. */
function annualTarget(ind: Indicator, level: Level, year: number): Target | undefined {
  const annual = ind.targets.filter((t) => appliesTo(t, level) && t.year === "annual" && t.period && t.period.from <= year && year <= t.period.to);
  return preferSpecific(annual, level);
}

/**
 * The target a report for `year` is judged against: a yearly target covering the year,
 * else the nearest dated target in or after the year (2026 reports are judged against 2030).
 */
export function applicableTarget(ind: Indicator, level: Level, year: number): { target: Target; year: number } | null {
  const annual = annualTarget(ind, level, year);
  if (annual) return { target: annual, year };
  const dated = ind.targets
    .filter((t): t is Target & { year: number } => appliesTo(t, level) && typeof t.year === "number" && t.year >= year)
    .sort((a, b) => a.year - b.year);
  const first = dated[0];
  if (!first) return null;
  const sameYear = dated.filter((t) => t.year === first.year);
  const chosen = preferSpecific(sameYear, level) ?? first;
  return { target: chosen, year: first.year };
}

/** The 2030 target for the level (or the yearly one valid in 2030). */
export function finalTarget(ind: Indicator, level: Level): Target | null {
  const annual = annualTarget(ind, level, FINAL_TARGET_YEAR);
  if (annual) return annual;
  const dated = ind.targets.filter((t) => appliesTo(t, level) && t.year === FINAL_TARGET_YEAR);
  return preferSpecific(dated, level) ?? null;
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
