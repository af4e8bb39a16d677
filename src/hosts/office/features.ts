// What this Excel can do, decided once from the requirement sets it reports (ExcelApi 1.1 = Office 2016 without updates).

import type { HostCapabilities } from "../host";

export type IsSetSupported = (name: string, version: string) => boolean;

export interface OfficeFeatures {
  /** getUsedRange(valuesOnly), worksheet visibility, protection, merges, column widths (ExcelApi 1.2). */
  api12: boolean;
  /** *OrNullObject methods such as getUsedRangeOrNullObject (1.4). */
  nullObjects: boolean;
  /** Conditional formats (1.6): else fills with their originals saved. */
  conditionalFormats: boolean;
  /** Custom document properties and worksheet.onChanged (1.7). */
  customProperties: boolean;
  changeEvents: boolean;
  freezePanes: boolean;
  /** The protection option allowEditObjects (1.7; protection itself is 1.2). */
  protectEditObjects: boolean;
  /** Data validation (1.8). */
  dataValidation: boolean;
  /** Multi-area ranges (worksheet.getRanges) and page layout (1.9). */
  rangeAreas: boolean;
  pageLayout: boolean;
  explanations: "notes" | "comments" | "none";
}

export function detectFeatures(isSetSupported: IsSetSupported): OfficeFeatures {
  const at = (v: string) => isSetSupported("ExcelApi", v);
  return {
    api12: at("1.2"),
    nullObjects: at("1.4"),
    conditionalFormats: at("1.6"),
    customProperties: at("1.7"),
    changeEvents: at("1.7"),
    freezePanes: at("1.7"),
    protectEditObjects: at("1.7"),
    dataValidation: at("1.8"),
    rangeAreas: at("1.9"),
    pageLayout: at("1.9"),
    explanations: at("1.18") ? "notes" : at("1.10") ? "comments" : "none",
  };
}

export function capabilitiesOf(f: OfficeFeatures): HostCapabilities {
  const missing: HostCapabilities["missing"] = [];
  if (!f.conditionalFormats) missing.push({ feature: "conditional-formats", requirement: "ExcelApi 1.6" });
  if (f.explanations !== "notes") missing.push({ feature: "notes", requirement: "ExcelApi 1.18" });
  if (f.explanations === "none") missing.push({ feature: "comments", requirement: "ExcelApi 1.10" });
  if (!f.changeEvents) missing.push({ feature: "change-events", requirement: "ExcelApi 1.7" });
  // below 1.7 the metadata lives on a "_chitieu" sheet, which stays visible below 1.2 (visibility cannot be set there)
  if (!f.api12) missing.push({ feature: "metadata", requirement: "ExcelApi 1.2" });
  return {
    highlightMethod: f.conditionalFormats ? "conditional-format" : "fill",
    explanations: f.explanations,
    changeEvents: f.changeEvents,
    selectCell: true,
    missing,
  };
}
