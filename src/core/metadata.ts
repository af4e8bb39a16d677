import { z } from "zod";
import { levelSchema } from "./catalog/schema";
import { dataHint } from "./data-issues";
import { ChitieuError } from "./errors";
import { STORE_SHEET } from "./our-marks";
import type { SheetSnapshot, TemplateMetadata } from "./snapshot";

// How our template says what it is, as named properties: custom document properties in a file (docProps/custom.xml)
// and in Excel (workbook.properties.custom), or key/value rows where Excel is too old for those. The names are a
// contract between the hosts: a template made by one is recognised by the other.

export const METADATA_KEYS = {
  templateVersion: "chitieu.templateVersion",
  catalogId: "chitieu.catalogId",
  catalogVersion: "chitieu.catalogVersion",
  unitCode: "chitieu.unitCode",
  level: "chitieu.level",
  year: "chitieu.year",
  sheet: "chitieu.sheet",
} as const satisfies Record<keyof TemplateMetadata, string>;

export const METADATA_PREFIX = "chitieu.";

/** Every field as [property name, text], in a fixed order. */
export function metadataEntries(m: TemplateMetadata): [string, string][] {
  return (Object.keys(METADATA_KEYS) as (keyof TemplateMetadata)[]).map((k) => [METADATA_KEYS[k], String(m[k])]);
}

/**
 * What we wrote into a workbook and read back: a user can edit it (the store sheet is visible at ExcelApi 1.1, custom
 * properties are editable in File › Properties), so it is parsed before use and a damaged store is named, not a crash.
 */
const STORE_ERRORS = { metadata: "error.store-damaged.metadata", state: "error.store-damaged.state" } as const;

/** The stored data, or a ChitieuError "store-damaged" naming each problem (path and reason), worded by zod's locale. */
export function parseStored<T>(schema: z.ZodType<T>, raw: unknown, what: keyof typeof STORE_ERRORS): T {
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (parsed.success) return parsed.data;
  throw new ChitieuError(STORE_ERRORS[what], { sheet: STORE_SHEET, issues: parsed.error.issues });
}

/** A stored piece of text that reads the same with surrounding spaces trimmed. */
const storedText = z.string().trim().min(1);

/** The metadata as its properties hold it: all text, the year possibly "2025.0" (LibreOffice saves integers so). */
const storedMetadataSchema = z.object({
  [METADATA_KEYS.templateVersion]: storedText,
  [METADATA_KEYS.catalogId]: storedText,
  [METADATA_KEYS.catalogVersion]: storedText,
  [METADATA_KEYS.unitCode]: storedText,
  [METADATA_KEYS.level]: z.string().trim().pipe(levelSchema),
  [METADATA_KEYS.year]: z
    .string()
    .trim()
    .regex(/^\d{4}(\.0+)?$/, dataHint("data.year"))
    .transform(Number),
  [METADATA_KEYS.sheet]: storedText,
});

/**
 * The metadata of our template; null for a workbook that holds none of it (not our template);
 * a "store-damaged" error when some of it is there but missing or edited into something we did not write.
 */
export function metadataFrom(get: (propertyName: string) => string | undefined): TemplateMetadata | null {
  const keys = Object.keys(METADATA_KEYS) as (keyof TemplateMetadata)[];
  const raw = Object.fromEntries(keys.map((k) => [METADATA_KEYS[k], get(METADATA_KEYS[k])]).filter(([, v]) => v !== undefined));
  if (Object.keys(raw).length === 0) return null;
  const m = parseStored(storedMetadataSchema, raw, "metadata");
  return {
    templateVersion: m[METADATA_KEYS.templateVersion],
    catalogId: m[METADATA_KEYS.catalogId],
    catalogVersion: m[METADATA_KEYS.catalogVersion],
    unitCode: m[METADATA_KEYS.unitCode],
    level: m[METADATA_KEYS.level],
    year: m[METADATA_KEYS.year],
    sheet: m[METADATA_KEYS.sheet],
  };
}

/** Whether a sheet is our key/value store rather than the user's (compared as Excel compares sheet names). */
export function isStoreSheet(name: string): boolean {
  return name.toLowerCase() === STORE_SHEET.toLowerCase();
}

/** Key/value rows in columns A and B of one of our sheets (the store, the kept mapping): key (trimmed) → value as text. */
export function keyValueRows(sheet: SheetSnapshot): Map<string, string> {
  const keyCol = -sheet.left;
  const pairs = new Map<string, string>();
  for (const row of sheet.values) {
    const key = row[keyCol];
    const value = row[keyCol + 1];
    if (typeof key === "string" && (typeof value === "string" || typeof value === "number")) pairs.set(key.trim(), String(value));
  }
  return pairs;
}

/** The metadata kept as key/value rows in column A and B of the store sheet, as Excel below ExcelApi 1.7 writes it. */
export function metadataFromStoreSheet(sheet: SheetSnapshot): TemplateMetadata | null {
  const pairs = keyValueRows(sheet);
  return metadataFrom((name) => pairs.get(name));
}
