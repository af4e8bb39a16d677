// What identifies our additions in a workbook; the same names and texts the file host uses.

import type { Severity } from "../../core/highlight-plan";

/** Always-true formula of our conditional-format rules; its text is how we recognise them. */
export const OUR_FORMULA = '"chitieu-cds"="chitieu-cds"';
export const NOTE_PREFIX = "Chỉ tiêu CĐS: ";

/** Hidden store below ExcelApi 1.7 (no custom document properties there). */
export const STORE_SHEET = "_chitieu";

/** Fill and font colours by severity: Excel's "bad / neutral" presets and a light blue for information. */
export const SEVERITY_COLORS: Readonly<Record<Severity, { fill: string; font: string }>> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
  info: { fill: "#DDEBF7", font: "#1F4E79" },
};

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

export function isOurFormula(formula: string | null | undefined): boolean {
  return typeof formula === "string" && formula.replace(/^=/, "").replace(/\s+/g, "") === OUR_FORMULA;
}
