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

/** The metadata when every field is present and valid; null for a workbook that is not (or no longer) our template. */
export function metadataFrom(get: (propertyName: string) => string | undefined): TemplateMetadata | null {
  const field = (k: keyof TemplateMetadata) => get(METADATA_KEYS[k])?.trim();
  const level = field("level");
  const yearText = field("year") ?? "";
  // LibreOffice may save an integer property back as "2025.0"
  if (!/^\d{4}(\.0+)?$/.test(yearText)) return null;
  if (level !== "province" && level !== "district" && level !== "commune") return null;
  const text = ["templateVersion", "catalogId", "catalogVersion", "unitCode", "sheet"] as const;
  if (text.some((k) => !field(k))) return null;
  return {
    templateVersion: field("templateVersion")!,
    catalogId: field("catalogId")!,
    catalogVersion: field("catalogVersion")!,
    unitCode: field("unitCode")!,
    level,
    year: Number(yearText),
    sheet: field("sheet")!,
  };
}

/** Whether a sheet is our key/value store rather than the user's (compared as Excel compares sheet names). */
export function isStoreSheet(name: string): boolean {
  return name.toLowerCase() === STORE_SHEET.toLowerCase();
}

/** The metadata kept as key/value rows in column A and B of the store sheet, as Excel below ExcelApi 1.7 writes it. */
export function metadataFromStoreSheet(sheet: SheetSnapshot): TemplateMetadata | null {
  const keyCol = -sheet.left;
  const pairs = new Map<string, string>();
  for (const row of sheet.values) {
    const key = row[keyCol];
    const value = row[keyCol + 1];
    if (typeof key === "string" && (typeof value === "string" || typeof value === "number")) pairs.set(key.trim(), String(value));
  }
  return metadataFrom((name) => pairs.get(name));
}
