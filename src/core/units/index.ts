import { z } from "zod";
import rawUnits from "../../../seeds/units.json";
import { bilingualSchema, levelSchema, textSchema, type Level } from "../catalog/schema";
import { dataHint, dataIssue, parseData } from "../data-issues";
import { msg, type MessageRef } from "../messages";
import { fold } from "../text";

// The unit hierarchy is data with validity dates: communes and districts change (1 July 2025) and code must not care.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, dataHint("data.iso-date"));

export const reportingUnitSchema = z
  .object({
    code: z.string().regex(/^[a-z0-9-]+$/, dataHint("data.unit-code")),
    name: textSchema,
    /** tỉnh, thành phố, huyện, xã, phường, thị trấn, sở… as written before the name. */
    kind: textSchema,
    level: levelSchema,
    gsoCode: z.string().optional(),
    /** First and last day the unit exists; absent = open-ended. */
    validFrom: isoDate.optional(),
    validTo: isoDate.optional(),
    parent: z.string().optional(),
  })
  .strict();
export type ReportingUnit = z.infer<typeof reportingUnitSchema>;

export const unitRegistrySchema = z
  .object({ id: z.string().min(1), version: z.string().min(1), sources: z.array(bilingualSchema).default([]), units: z.array(reportingUnitSchema).min(1) })
  .strict()
  .superRefine((reg, ctx) => {
    const codes = new Set<string>();
    for (const u of reg.units) {
      if (codes.has(u.code)) ctx.addIssue(dataIssue("data.duplicate-unit", { code: u.code }));
      codes.add(u.code);
      if (u.validFrom && u.validTo && u.validFrom > u.validTo) ctx.addIssue(dataIssue("data.valid-dates", { code: u.code }));
    }
    for (const u of reg.units) {
      if (u.parent && !codes.has(u.parent)) ctx.addIssue(dataIssue("data.unknown-parent", { code: u.code, parent: u.parent }));
    }
  });
export type UnitRegistry = z.infer<typeof unitRegistrySchema>;

/**
 * Validates a registry (the bundled Lai Châu one by default, or a user's own file's parsed JSON, then `file` names it);
 * throws ChitieuError "data-file" naming each problem and its path.
 */
export function loadUnits(raw: unknown = rawUnits, file: MessageRef = msg("file.units")): UnitRegistry {
  if (raw === rawUnits && typeof CHITIEU_VALIDATED_UNITS === "string") return JSON.parse(CHITIEU_VALIDATED_UNITS) as UnitRegistry;
  return parseData(unitRegistrySchema, raw, file);
}

/** The bundled registry as loadUnits returned it when the CLI was built, as JSON text (see defaultCatalog). */
declare const CHITIEU_VALIDATED_UNITS: string | undefined;

/** Whether the unit exists on this day (ISO date). */
export function isValidOn(unit: ReportingUnit, date: string): boolean {
  return (!unit.validFrom || unit.validFrom <= date) && (!unit.validTo || date <= unit.validTo);
}

/** Whether the unit existed at any time in the calendar year: a 2025 report can come from a district or a new commune. */
export function isValidInYear(unit: ReportingUnit, year: number): boolean {
  return isValidOn(unit, `${year}-12-31`) || isValidOn(unit, `${year}-01-01`) || (!!unit.validFrom && unit.validFrom.startsWith(`${year}-`));
}

export function unitsForYear(reg: UnitRegistry, year: number, level?: Level): ReportingUnit[] {
  return reg.units.filter((u) => isValidInYear(u, year) && (level === undefined || u.level === level));
}

/** Finds units by code, by name, or by "kind name" ("xã Mường Tè"); several may match (Mường Tè district and commune). */
export function findUnits(reg: UnitRegistry, query: string): ReportingUnit[] {
  const q = fold(query);
  const byCode = reg.units.filter((u) => u.code === query.trim().toLowerCase() || u.gsoCode === query.trim());
  if (byCode.length > 0) return byCode;
  return reg.units.filter((u) => fold(u.name) === q || fold(`${u.kind} ${u.name}`) === q);
}

/** The unit's title as used in documents: "xã Mường Tè", "tỉnh Lai Châu". */
export function unitTitle(u: ReportingUnit): string {
  return `${u.kind} ${u.name}`;
}
