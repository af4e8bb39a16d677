import { z } from "zod";
import { tryParseCell } from "../a1";
import { levelSchema } from "../catalog/schema";
import { dataHint, dataIssue, parseData } from "../data-issues";
import { ChitieuError } from "../errors";
import { msg, type MessageRef } from "../messages";
import type { MappingEntry, ProposedMapping } from "./types";

// A confirmed mapping as a small JSON document: kept inside the workbook and exported/imported as a file, so every
// unit using the same form shares one mapping. Checked with zod whenever it is read back.

export const MAPPING_FORMAT = "chitieu-mapping";

// a cell of the grid, as the one A1 parser reads it (upper case, no "$": how we write it)
const a1 = z.string().regex(/^[A-Z0-9]+$/, dataHint("data.cell-address")).refine((s) => tryParseCell(s) !== null, dataHint("data.cell-address"));

export const savedMappingSchema = z
  .object({
    format: z.literal(MAPPING_FORMAT),
    version: z.literal(1),
    catalogId: z.string().min(1),
    level: levelSchema.optional(),
    year: z.number().int().min(2021).max(2030).optional(),
    /** The reporting unit whose layout this is (its registry code): what lets consolidation recognise the workbook. */
    unit: z.string().regex(/^[a-z0-9-]{1,60}$/, dataHint("data.unit-code")).optional(),
    entries: z.array(
      z
        .object({
          indicator: z.string().regex(/^[A-Z]{2,4}-\d{2}$/, dataHint("data.indicator-code")),
          status: z.enum(["confirmed", "not-reported"]),
          sheet: z.string().max(31),
          label: z.string().max(500).optional(),
          cells: z.array(z.object({ part: z.enum(["value", "numerator", "denominator", "target"]), year: z.number().int().min(2000).max(2100), cell: a1 }).strict()).max(64),
          // the row's note column (added with the reviewer's desk; mappings saved before have none)
          note: a1.optional(),
        })
        .strict(),
    ).max(500),
  })
  .strict()
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    for (const e of m.entries) {
      if (seen.has(e.indicator)) ctx.addIssue(dataIssue("data.mapped-twice", { indicator: e.indicator }));
      seen.add(e.indicator);
    }
  });
export type SavedMapping = z.infer<typeof savedMappingSchema>;

/** A saved mapping from parsed JSON; throws a "data-file" error naming the file and each problem. */
export function parseSavedMapping(raw: unknown, file: MessageRef = msg("file.mapping")): SavedMapping {
  return parseData(savedMappingSchema, raw, file);
}

/** A saved mapping from JSON text (a file, a workbook's store). */
export function parseSavedMappingText(text: string, file: MessageRef = msg("file.mapping")): SavedMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ChitieuError("error.mapping-not-json", { file, detail: e instanceof Error ? e.message : String(e) }, { cause: e });
  }
  return parseSavedMapping(raw, file);
}

/** What the user confirmed: certain matches (and those they accepted), and indicators they marked as not reported. */
export function toSavedMapping(
  entries: readonly MappingEntry[],
  catalogId: string,
  context: { level?: SavedMapping["level"]; year?: number; unit?: string | null } = {},
): SavedMapping {
  return {
    format: MAPPING_FORMAT,
    version: 1,
    catalogId,
    ...(context.level ? { level: context.level } : {}),
    ...(context.year ? { year: context.year } : {}),
    ...(context.unit ? { unit: context.unit } : {}),
    entries: entries.map((e) => ({
      indicator: e.indicator,
      status: e.status === "not-reported" ? "not-reported" : "confirmed",
      sheet: e.sheet,
      ...(e.label ? { label: e.label } : {}),
      cells: e.cells.map((c) => ({ part: c.part, year: c.year, cell: c.cell })),
      ...(e.note ? { note: e.note } : {}),
    })),
  };
}

/** A saved mapping as entries the check uses without asking (the user confirmed them). */
export function fromSavedMapping(saved: SavedMapping): ProposedMapping {
  return {
    entries: saved.entries.map((e) => ({
      indicator: e.indicator,
      sheet: e.sheet,
      labelCell: null,
      label: e.label ?? e.indicator,
      confidence: 1,
      status: e.status === "not-reported" ? "not-reported" : "certain",
      reasons: [{ key: "mapping.reason.saved", params: {} }],
      cells: e.cells,
      ...(e.note ? { note: e.note } : {}),
    })),
    level: null,
    year: null,
    columnYears: [],
  };
}
