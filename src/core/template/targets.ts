// Which target a template row shows for a level and year, and how it reads in a cell ("≥ 80%", "≤ 45/63").

import { RESOLUTION_PERIOD } from "../catalog/period";
import type { Comparator, Indicator, Level, Target, UnitSpec } from "../catalog/schema";
import { provincesInRanking } from "../check/context";
import { requiredLevel } from "../judge/judge";
import { targetForYear, type EarlierValue } from "../judge/targets";
import type { AppliedTarget } from "../judge/types";

/** The resolution's last year, whose targets the template shows beside the year's own. */
export const FINAL_TARGET_YEAR = RESOLUTION_PERIOD.to;

/**
 * The level a report for `year` is judged against, exactly as the engine applies it (judge.requiredLevel): the target
 * year's target, the level on the path to the next target, or the last target after it; ranks in today's field.
 */
export function applicableTarget(ind: Indicator, level: Level, year: number, answer: boolean, earlier?: EarlierValue): AppliedTarget | null {
  return requiredLevel(ind, { level, year, fieldSizeNow: provincesInRanking(year) }, answer, earlier);
}

/** The level in the unit of the result cell: percentages become fractions (76 → 0.76). */
export function numericLevel(applied: AppliedTarget, unit: UnitSpec): number {
  return isPercentKind(unit.kind) ? applied.compareWith / 100 : applied.compareWith;
}

/**
 * The required level as the clerk reads it, with where it comes from: "≥ 76% (lộ trình: 60% năm 2025 → 80% năm 2030)".
 * Where the engine has no basis for an intermediate level it compares with the next target, and the cell says so.
 */
export function formatLevel(applied: AppliedTarget, unit: UnitSpec, reportYear: number): string {
  const sym = COMPARATOR_SYMBOLS[applied.comparator];
  const field = unit.kind === "rank" ? provincesInRanking(reportYear) : 0;
  const amount = (v: number) =>
    unit.kind === "rank" ? `${formatNumberVi(v)}/${field}` : unit.kind === "count" ? formatNumberVi(v) : `${formatNumberVi(v)}%`;
  // a rank set out of 63 provinces is compared, as the engine does, at the same relative place among today's 34
  const rescaled = unit.kind === "rank" && field !== unit.fieldSize;
  const own =
    unit.kind === "rank"
      ? `${sym} ${amount(Math.round(applied.compareWith * 100) / 100)}` + (rescaled && applied.basis !== "path" ? ` (= ${formatNumberVi(applied.value)}/${unit.fieldSize})` : "")
      : formatTarget({ value: applied.compareWith, comparator: applied.comparator }, unit);
  const targetText = (v: number) => (unit.kind === "rank" ? `${formatNumberVi(v)}/${unit.fieldSize}` : amount(v));
  switch (applied.basis) {
    case "target-year":
      return own;
    case "after-last":
      return `${own} (mục tiêu năm ${applied.year})`;
    case "final-no-path":
      return `${own} (mục tiêu năm ${applied.year}; không có số liệu gốc để dựng lộ trình)`;
    case "path": {
      const from = applied.pathFrom!;
      return `${own} (lộ trình: ${targetText(from.value)} năm ${from.year} → ${targetText(applied.value)} năm ${applied.year})`;
    }
  }
}

/** The target for the resolution's last year at this level (or the yearly one valid then). */
export function finalTarget(ind: Indicator, level: Level): Target | null {
  return targetForYear(ind, level, FINAL_TARGET_YEAR);
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
export function formatTarget(target: Pick<Target, "value" | "comparator">, unit: UnitSpec): string {
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
