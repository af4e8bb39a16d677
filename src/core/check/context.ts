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

/** Where a workbook states its unit, level or year: our metadata, our template's visible header, an office's title cell. */
export type StatedBy = "metadata" | "header" | "sheet";

/**
 * A unit, level or year the user gave that contradicts what the workbook states. The user's choice is what the check
 * used; each surface words the warning its own way (the CLI names its option, the pane its picker).
 */
export type ContextConflict = { statedBy: StatedBy; statedUnit: string | null; cell?: { sheet: string; cell: string; text: string } } & (
  | { field: "unit"; stated: string; given: string }
  | { field: "level"; stated: Level; given: Level }
  | { field: "year"; stated: number; given: number }
);

/** What the workbook states, for comparison with what the user gave. */
export interface Stated {
  unitCode?: string | null;
  level?: Level | null;
  year?: number | null;
  by: StatedBy;
  /** For a title cell of an office's sheet: where the level and the year were read. */
  cells?: { level?: { sheet: string; cell: string; text: string }; year?: { sheet: string; cell: string; text: string } };
}

/** Each field the user gave that differs from what the workbook states, in the order unit, level, year. */
export function contextConflicts(opts: ContextOptions, stated: Stated): ContextConflict[] {
  const base = { statedBy: stated.by, statedUnit: stated.unitCode ?? null };
  const out: ContextConflict[] = [];
  if (opts.unitCode !== undefined && stated.unitCode && opts.unitCode !== stated.unitCode) out.push({ ...base, field: "unit", stated: stated.unitCode, given: opts.unitCode });
  if (opts.level !== undefined && stated.level && opts.level !== stated.level) {
    out.push({ ...base, field: "level", stated: stated.level, given: opts.level, ...(stated.cells?.level ? { cell: stated.cells.level } : {}) });
  }
  if (opts.year !== undefined && stated.year != null && opts.year !== stated.year) {
    out.push({ ...base, field: "year", stated: stated.year, given: opts.year, ...(stated.cells?.year ? { cell: stated.cells.year } : {}) });
  }
  return out;
}

const FIELD_TERMS = { level: "term.field.level", year: "term.field.year" } as const;

/** The fields a "no-context" error says are missing (empty for any other error), for a surface to ask for them its way. */
export function missingContextFields(e: unknown): ContextField[] {
  if (!(e instanceof ChitieuError) || !e.is("error.no-context")) return [];
  return (Object.keys(FIELD_TERMS) as ContextField[]).filter((f) => e.params.missing.some((m) => m.key === FIELD_TERMS[f]));
}
