import rawCatalog from "../../../seeds/catalog.json";
import { parseData } from "../data-issues";
import { msg } from "../messages";
import { catalogSchema, type Catalog, type Indicator, type Level } from "./schema";

export * from "./schema";

/** Validates a catalog (the bundled one by default); throws ChitieuError "data-file" naming each problem and its path. */
export function loadCatalog(raw: unknown = rawCatalog): Catalog {
  return parseData(catalogSchema, raw, msg("file.catalog"));
}

/**
 * The bundled catalog as loadCatalog returned it when the CLI was built, as JSON text: scripts/build-cli.cjs runs the
 * same validation on the same seed and defines this, so the built CLI does not validate it again at every start (about
 * 7 ms). Undefined everywhere else (tests, browser, pane), which validate the seed when first asked.
 */
declare const CHITIEU_VALIDATED_CATALOG: string | undefined;

let bundled: Catalog | undefined;
/** The bundled catalog, validated once. */
export function defaultCatalog(): Catalog {
  return (bundled ??= typeof CHITIEU_VALIDATED_CATALOG === "string" ? (JSON.parse(CHITIEU_VALIDATED_CATALOG) as Catalog) : loadCatalog());
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
  if (!p) throw new Error(`pillar ${pillar} has no heading`); // the schema requires every heading: a bug if reached
  return p;
}
export { inputUnit } from "./input-unit";
export { inResolutionPeriod, RESOLUTION_PERIOD } from "./period";
