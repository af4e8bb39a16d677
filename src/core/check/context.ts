import { inResolutionPeriod, RESOLUTION_PERIOD } from "../catalog/period";
import type { Level } from "../catalog/schema";
import { ChitieuError } from "../errors";
import { msg } from "../messages";
import type { TemplateMetadata } from "../snapshot";

// Which unit, level and year a workbook reports on: what the user says wins, then the template's metadata.

/** Provinces in the DTI ranking: 63 until the 2025 merger, 34 from the 2025 assessment on (Resolution 202/2025/QH15). */
export function provincesInRanking(year: number): number {
  return year >= 2025 ? 34 : 63;
}

export interface CheckContext {
  level: Level;
  year: number;
  unitCode: string | null;
  /** Where level and year came from ("sheet": read from an office's own sheet, see the report's mapping.guessed). */
  source: "options" | "metadata" | "mixed" | "sheet" | "header";
  /** How many provinces a rank is out of in this reporting year. */
  fieldSizeNow: number;
}

/** What a check needs to know and may not: each surface says how to give it (CLI options, the pane's pickers). */
export type ContextField = "level" | "year";

export interface ContextOptions {
  level?: Level;
  year?: number;
  unitCode?: string;
}

export function resolveContext(
  opts: ContextOptions,
  metadata: Pick<TemplateMetadata, "level" | "year" | "unitCode"> | null,
  statedBy: "metadata" | "header" = "metadata",
): CheckContext {
  const level = opts.level ?? metadata?.level;
  const year = opts.year ?? metadata?.year;
  if (level === undefined || year === undefined) {
    const missing = [...(level === undefined ? (["level"] as const) : []), ...(year === undefined ? (["year"] as const) : [])];
    throw new ChitieuError("error.no-context", { missing: missing.map((f) => msg(FIELD_TERMS[f])) });
  }
  if (!inResolutionPeriod(year)) {
    const { from, to } = RESOLUTION_PERIOD;
    throw new ChitieuError("error.bad-year", { year, from, to });
  }
  const fromOptions = opts.level !== undefined && opts.year !== undefined;
  const fromMeta = opts.level === undefined && opts.year === undefined;
  return {
    level,
    year,
    unitCode: opts.unitCode ?? metadata?.unitCode ?? null,
    source: fromOptions ? "options" : fromMeta ? statedBy : "mixed",
    fieldSizeNow: provincesInRanking(year),
  };
}

const FIELD_TERMS = { level: "term.field.level", year: "term.field.year" } as const;

/** The fields a "no-context" error says are missing (empty for any other error), for a surface to ask for them its way. */
export function missingContextFields(e: unknown): ContextField[] {
  if (!(e instanceof ChitieuError) || !e.is("error.no-context")) return [];
  return (Object.keys(FIELD_TERMS) as ContextField[]).filter((f) => e.params.missing.some((m) => m.key === FIELD_TERMS[f]));
}
