import { inResolutionPeriod, RESOLUTION_PERIOD, type Level } from "../core/catalog";
import { findUnits, isValidInYear, unitTitle, type ReportingUnit, type UnitRegistry } from "../core/units";
import { ChitieuError } from "../core/errors";
import { displayDate } from "./dates";

// Turning what the user typed into values, with a specific message when it can't be done.

const LEVEL_WORDS: Record<string, Level> = {
  province: "province", tinh: "province", "tỉnh": "province",
  district: "district", huyen: "district", "huyện": "district",
  commune: "commune", xa: "commune", "xã": "commune", phuong: "commune", "phường": "commune",
};

export function parseLevel(s: string | undefined): Level | undefined {
  if (s === undefined) return undefined;
  const level = LEVEL_WORDS[s.normalize("NFC").trim().toLowerCase()];
  if (!level) throw new ChitieuError("error.bad-level.option", { text: s });
  return level;
}

export function parseYear(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const y = Number(s);
  if (!inResolutionPeriod(y)) {
    const { from, to } = RESOLUTION_PERIOD;
    throw new ChitieuError("error.bad-year.option", { text: s, from, to });
  }
  return y;
}

/** The one unit the user means, existing in that year at that level; otherwise a message listing what would fit. */
export function resolveUnit(reg: UnitRegistry, query: string, year: number, level: Level | undefined): ReportingUnit {
  const all = findUnits(reg, query);
  const fitting = all.filter((u) => isValidInYear(u, year) && (level === undefined || u.level === level));
  if (fitting.length === 1) return fitting[0]!;
  if (fitting.length > 1) {
    const units = fitting.map((u) => `${u.code} (${unitTitle(u)})`).join(", ");
    throw new ChitieuError("error.unit-ambiguous", { query, units });
  }
  if (all.length > 0) {
    const units = all.map((u) => `${unitTitle(u)} (${u.validFrom ? displayDate(u.validFrom, "vi") : "…"} – ${u.validTo ? displayDate(u.validTo, "vi") : "…"})`).join(", ");
    throw new ChitieuError("error.unit-not-in-year", { query, year, units });
  }
  throw new ChitieuError("error.unit-not-found", { query, year });
}
