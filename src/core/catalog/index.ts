import rawCatalog from "../../../seeds/catalog.json";
import { parseData } from "../data-issues";
import { msg } from "../messages";
import { catalogSchema, type Catalog, type Indicator, type Level, type Target } from "./schema";

export * from "./schema";

/** Validates a catalog (the bundled one by default); throws ChitieuError "data-file" naming each problem and its path. */
export function loadCatalog(raw: unknown = rawCatalog): Catalog {
  return parseData(catalogSchema, raw, msg("file.catalog"));
}

let bundled: Catalog | undefined;
/** The bundled catalog, validated once. */
export function defaultCatalog(): Catalog {
  return (bundled ??= loadCatalog());
}

export function findIndicator(catalog: Catalog, code: string): Indicator | undefined {
  const wanted = code.trim().toUpperCase();
  return catalog.indicators.find((i) => i.code === wanted);
}

/** Indicators a unit of this level reports (qualitative ones are never reported as figures). */
export function indicatorsForLevel(catalog: Catalog, level: Level): Indicator[] {
  return catalog.indicators.filter((i) => !i.qualitative && i.levels.includes(level));
}

function appliesToYear(t: Target, year: number): boolean {
  return t.year === "annual" ? t.period !== undefined && year >= t.period.from && year <= t.period.to : t.year === year;
}

/** The target for exactly this year and level; a level-specific target wins over one for "all". */
export function targetFor(ind: Indicator, level: Level, year: number): Target | undefined {
  const candidates = ind.targets.filter((t) => appliesToYear(t, year) && (t.level === level || t.level === "all"));
  return candidates.find((t) => t.level === level) ?? candidates[0];
}

/** Dated target years of this indicator at this level, ascending. */
export function targetYears(ind: Indicator, level: Level): number[] {
  const years = ind.targets
    .filter((t) => t.year !== "annual" && (t.level === level || t.level === "all"))
    .map((t) => t.year as number);
  return [...new Set(years)].sort((a, b) => a - b);
}

/** The target a report for `year` works toward: this year's, else the next dated one (undefined after the last). */
export function targetForReport(ind: Indicator, level: Level, year: number): Target | undefined {
  const now = targetFor(ind, level, year);
  if (now) return now;
  const next = targetYears(ind, level).find((y) => y > year);
  return next === undefined ? undefined : targetFor(ind, level, next);
}

export function pillarHeading(catalog: Catalog, pillar: Indicator["pillar"]) {
  const p = catalog.pillars.find((x) => x.id === pillar);
  if (!p) throw new Error(`pillar ${pillar} has no heading`); // the schema requires every heading: a bug if reached
  return p;
}
export { inputUnit } from "./input-unit";
