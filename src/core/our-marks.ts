import type { Severity } from "./highlight-plan";

// What identifies our additions in a workbook, the same in Excel and in files: a host finds and removes exactly these,
// and a workbook marked by one host is cleared by the other.

/** Always-true formula of our static conditional-format rules; its text is how our rules are recognised. */
export const OUR_FORMULA = '"chitieu-cds"="chitieu-cds"';

/**
 * A live rule: our always-true mark AND the finding's condition (Mark.live), so it is recognised as ours by the same
 * text whatever the condition, and fires only while the condition holds.
 */
export function ourLiveFormula(condition: string): string {
  return `AND(${OUR_FORMULA},${condition})`;
}

const LIVE_HEAD = `AND(${OUR_FORMULA},`.toUpperCase();

/** True for the formula of one of our rules, static or live (an optional "=", spaces and letter case ignored). */
export function isOurRuleFormula(formula: string): boolean {
  const f = formula.trim().replace(/^=/, "");
  if (f === OUR_FORMULA) return true;
  // a formula's text outside string literals may be re-spaced or re-cased by a spreadsheet; our literal never is
  const squeezed = f.replace(/\s+/g, "").toUpperCase();
  return squeezed === OUR_FORMULA.toUpperCase() || (squeezed.startsWith(LIVE_HEAD) && squeezed.endsWith(")") && squeezed.length > LIVE_HEAD.length + 1);
}

/** Author of our notes, and the prefix of their text. */
export const OUR_AUTHOR = "Chỉ tiêu CĐS";
export const NOTE_PREFIX = "Chỉ tiêu CĐS: ";

/** Key/value sheet holding our metadata and undo state where Excel has no custom document properties (below ExcelApi 1.7). */
export const STORE_SHEET = "_chitieu";

/** RGB colours by severity: Excel's "bad" and "neutral" presets, and a light blue for information. */
export const SEVERITY_COLORS: Readonly<Record<Severity, { fill: string; font: string }>> = {
  error: { fill: "FFC7CE", font: "9C0006" },
  warning: { fill: "FFEB9C", font: "9C5700" },
  info: { fill: "DDEBF7", font: "1F4E79" },
};
