// A unit's own earlier figures, gathered from its earlier reports: per indicator the series of earlier values and the
// latest one, which the path to the next target starts from. Pure: the hosts read the files and pass what they say.

import type { Level } from "../catalog/schema";
import type { UnitRegistry } from "../units";
import { normaliseSeries, type YearValue } from "./trend";

/** One indicator's figures in one earlier year: the judged value (a ratio's result in %) and a ratio's parts. */
export interface EarlierFigure {
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

/**
 * Where an earlier figure comes from. file: an earlier report (our template or a mapped layout);
 * year-columns: an office's table with a column per year (the same workbook); column: the template's "Kết quả năm
 * trước", which the clerk typed or the tool filled; consolidated: the province's consolidated workbook of that year
 * (written by `chitieu consolidate`), whose scorecard holds every unit's value.
 */
export type EarlierKind = "file" | "year-columns" | "column" | "consolidated";

/** An earlier figure that came from another file (a report or a consolidated workbook), not the workbook checked. */
export function fromEarlierFile(kind: EarlierKind): boolean {
  return kind === "file" || kind === "consolidated";
}

/** What an earlier report says, reduced to numbers per indicator code. */
export interface EarlierReport {
  /** For the words: a file name; empty for the workbook under check itself. */
  source: string;
  kind: EarlierKind;
  /** Whose report it is; null when it does not say (then it cannot be taken as this unit's). */
  unitCode: string | null;
  level: Level;
  year: number;
  figures: Readonly<Record<string, EarlierFigure>>;
}

/** Whose history is wanted: the report under check. */
export interface HistoryScope {
  unitCode: string | null;
  level: Level;
  year: number;
  /** To know when the unit came into being (a commune of the 2025 reform has no district-era history). */
  units?: UnitRegistry;
}

/** Why an earlier report was not used. */
export type SetAsideReason = "other-unit" | "unknown-unit" | "other-level" | "not-earlier" | "before-unit-existed" | "not-in-consolidated";

export interface SetAside {
  source: string;
  year: number;
  unitCode: string | null;
  reason: SetAsideReason;
}

export interface IndicatorHistory {
  /** Earlier values in year order, one per year (the current year's figure is not one of them). */
  series: YearValue[];
  /** The latest earlier value and where it came from; null without any. */
  latest: (YearValue & { source: string; kind: EarlierKind }) | null;
  /** A ratio's denominators over the earlier years (schools, households): a sudden change is worth a second look. */
  denominators: YearValue[];
  /** Years between the first earlier value and the report year for which no report gave a value. */
  missingYears: number[];
}

export interface Baselines {
  scope: HistoryScope;
  /** The reports used, in year order. */
  used: { source: string; year: number; kind: EarlierKind }[];
  setAside: SetAside[];
  /** The unit exists only from this day (ISO date): before it there is no history of its own, and none is borrowed. */
  newSince: string | null;
  byIndicator: ReadonlyMap<string, IndicatorHistory>;
}

/** For the same year, the figure in the workbook under check wins: the clerk may have corrected last year's report. */
const PRIORITY: Record<EarlierKind, number> = { column: 0, "year-columns": 1, file: 2, consolidated: 3 };

const EMPTY: IndicatorHistory = Object.freeze({ series: [], latest: null, denominators: [], missingYears: [] }) as IndicatorHistory;

function whyNot(r: EarlierReport, scope: HistoryScope, newSince: string | null): SetAsideReason | null {
  if (!(r.year < scope.year)) return "not-earlier";
  // the workbook under check is the unit's own: its columns need no identity check
  if (!fromEarlierFile(r.kind)) return null;
  if (scope.unitCode === null || r.unitCode === null) return "unknown-unit";
  if (r.unitCode !== scope.unitCode) return "other-unit";
  if (r.level !== scope.level) return "other-level";
  if (newSince !== null && r.year < Number(newSince.slice(0, 4))) return "before-unit-existed";
  return null;
}

/** The day the unit came into being, if the registry knows it (the communes of the 2025 reform). */
function unitNewSince(scope: HistoryScope): string | null {
  if (scope.unitCode === null || scope.units === undefined) return null;
  return scope.units.units.find((u) => u.code === scope.unitCode)?.validFrom ?? null;
}

/**
 * From earlier reports to each indicator's own history. Reports of another unit, of an unknown unit or of a year not
 * before the report year are set aside and said; they never lend their figures.
 */
export function buildBaselines(reports: readonly EarlierReport[], scope: HistoryScope): Baselines {
  const newSince = unitNewSince(scope);
  const setAside: SetAside[] = [];
  const accepted: EarlierReport[] = [];
  // a consolidated workbook holds every unit of the province: the others' rows are not this unit's and go unsaid, but a
  // book with no row for this unit is said once
  const consolidated = new Map<string, { year: number; used: boolean }>();
  for (const r of reports) {
    const reason = whyNot(r, scope, newSince);
    if (r.kind === "consolidated") {
      const seen = consolidated.get(r.source) ?? { year: r.year, used: false };
      consolidated.set(r.source, seen);
      if (reason === null) seen.used = true;
      if (reason === "other-unit" || reason === "unknown-unit") continue;
    }
    if (reason === null) accepted.push(r);
    else setAside.push({ source: r.source, year: r.year, unitCode: r.unitCode, reason });
  }
  for (const [source, { year, used }] of consolidated) {
    if (!used && !setAside.some((a) => a.source === source)) setAside.push({ source, year, unitCode: scope.unitCode, reason: "not-in-consolidated" });
  }
  // lowest priority first, so a higher one replaces it for the same year
  accepted.sort((a, b) => a.year - b.year || PRIORITY[b.kind] - PRIORITY[a.kind]);

  const values = new Map<string, Map<number, { value: number; source: string; kind: EarlierKind }>>();
  const denominators = new Map<string, Map<number, number>>();
  for (const r of accepted) {
    for (const [code, f] of Object.entries(r.figures)) {
      if (f.value !== null && Number.isFinite(f.value)) {
        let perYear = values.get(code);
        if (!perYear) values.set(code, (perYear = new Map()));
        perYear.set(r.year, { value: f.value, source: r.source, kind: r.kind });
      }
      if (typeof f.denominator === "number" && Number.isFinite(f.denominator)) {
        let perYear = denominators.get(code);
        if (!perYear) denominators.set(code, (perYear = new Map()));
        perYear.set(r.year, f.denominator);
      }
    }
  }

  const byIndicator = new Map<string, IndicatorHistory>();
  for (const [code, perYear] of values) {
    const series = normaliseSeries([...perYear.entries()].map(([year, v]) => ({ year, value: v.value })));
    const last = series[series.length - 1]!;
    const origin = perYear.get(last.year)!;
    const missingYears: number[] = [];
    for (let y = series[0]!.year + 1; y < scope.year; y++) if (!perYear.has(y)) missingYears.push(y);
    const dens = denominators.get(code);
    byIndicator.set(code, {
      series,
      latest: { year: last.year, value: last.value, source: origin.source, kind: origin.kind },
      denominators: dens ? normaliseSeries([...dens.entries()].map(([year, value]) => ({ year, value }))) : [],
      missingYears,
    });
  }

  const used = [...new Map(accepted.map((r) => [`${r.kind}|${r.source}|${r.year}`, { source: r.source, year: r.year, kind: r.kind }])).values()];
  return { scope, used, setAside, newSince, byIndicator };
}

/** One indicator's history; an empty one when no earlier report gave it. */
export function historyOf(b: Baselines, code: string): IndicatorHistory {
  return b.byIndicator.get(code) ?? EMPTY;
}
