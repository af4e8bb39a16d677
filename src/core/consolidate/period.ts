import type { Level } from "../catalog/schema";
import { isValidOn, type ReportingUnit, type UnitRegistry } from "../units";

// The reporting period: a calendar year or its first half. Which units are expected depends on the day it ends,
// read from the registry's validity dates (districts until 30 June 2025, the 38 communes and wards after).

export interface Period {
  year: number;
  /** "H1": 1 January to 30 June; null: the whole year. */
  half: "H1" | null;
}

const FIRST_YEAR = 2021;
const LAST_YEAR = 2030;

/** "2025", "2025-H1" (also "2025-h1", "2025-6T"): null when it is neither, or outside the resolution's years. */
export function parsePeriod(text: string): Period | null {
  const m = /^\s*(\d{4})(?:-(H1|h1|6T|6t))?\s*$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  return { year, half: m[2] ? "H1" : null };
}

export function periodLabel(p: Period): string {
  return p.half ? `${p.year}-${p.half}` : String(p.year);
}

/** The last day of the period, ISO. */
export function periodEnd(p: Period): string {
  return p.half === "H1" ? `${p.year}-06-30` : `${p.year}-12-31`;
}

/** The level whose units report for the period: the lowest local level with units on its last day. */
export function expectedLevel(reg: UnitRegistry, p: Period): Level {
  const end = periodEnd(p);
  const exists = (level: Level) => reg.units.some((u) => u.level === level && isValidOn(u, end));
  if (exists("district")) return "district";
  if (exists("commune")) return "commune";
  return "province";
}

/** Units expected to send a workbook: those of the level that exist on the period's last day. */
export function expectedUnits(reg: UnitRegistry, p: Period, level: Level): ReportingUnit[] {
  const end = periodEnd(p);
  return reg.units.filter((u) => u.level === level && isValidOn(u, end));
}
