import { ChitieuError } from "../core/errors";
import type { Catalog } from "../core/catalog";
import { buildTemplateLayout, type TemplateLayout } from "../core/template";
import { findUnits, type UnitRegistry } from "../core/units";
import type { Choice } from "./choice";

// The template layout for a choice, optionally under another sheet name (when the usual one is taken).

export function layoutFor(catalog: Catalog, registry: UnitRegistry, choice: Choice, sheetName?: string): TemplateLayout {
  const unit = findUnits(registry, choice.unitCode).find((u) => u.level === choice.level);
  if (!unit) throw new ChitieuError("error.unit-not-at-level", { unit: choice.unitCode });
  const layout = buildTemplateLayout({ catalog, unit: { code: unit.code, name: unit.name, kind: unit.kind, level: unit.level }, year: choice.year });
  if (!sheetName || sheetName === layout.sheetName) return layout;
  return { ...layout, sheetName, metadata: { ...layout.metadata, sheet: sheetName } };
}

/** "bieu-mau-huyen-tam-duong-2025.xlsx": ASCII, so every mail client and file system keeps it. */
export function templateFileName(choice: Choice): string {
  return `bieu-mau-${choice.unitCode}-${choice.year}.xlsx`;
}
