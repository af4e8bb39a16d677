import rawCatalog from "../../../seeds/catalog.json";
import { DataFileError, parseData } from "../data-issues";
import { catalogSchema, type Catalog, type Indicator, type Level } from "./schema";

export * from "./schema";

/** A catalog file that does not match the schema: lists every problem with its path. */
export class CatalogError extends DataFileError {
  constructor(issues: string[]) {
    super("Danh mục chỉ tiêu không hợp lệ / Invalid indicator catalog", issues);
    this.name = "CatalogError";
  }
}

/** Validates a catalog (the bundled one by default); throws CatalogError naming each problem. */
export function loadCatalog(raw: unknown = rawCatalog): Catalog {
  return parseData(catalogSchema, raw, (issues) => new CatalogError(issues));
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

export function pillarHeading(catalog: Catalog, pillar: Indicator["pillar"]) {
  const p = catalog.pillars.find((x) => x.id === pillar);
  if (!p) throw new CatalogError([`pillar ${pillar} has no heading`]);
  return p;
}
export { inputUnit } from "./input-unit";
export { inResolutionPeriod, RESOLUTION_PERIOD } from "./period";
