// What identifies our additions in Excel: the shared identity (src/core/our-marks.ts) in Office.js's notation.

import type { Severity } from "../../core/highlight-plan";
import { isOurRuleFormula, NOTE_PREFIX, OUR_FORMULA, SEVERITY_COLORS as RGB, STORE_SHEET } from "../../core/our-marks";

export { NOTE_PREFIX, OUR_FORMULA, STORE_SHEET };

/** Office.js writes colours as "#RRGGBB". */
export const SEVERITY_COLORS: Readonly<Record<Severity, { fill: string; font: string }>> = {
  error: { fill: `#${RGB.error.fill}`, font: `#${RGB.error.font}` },
  warning: { fill: `#${RGB.warning.fill}`, font: `#${RGB.warning.font}` },
  info: { fill: `#${RGB.info.fill}`, font: `#${RGB.info.font}` },
};

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** Our rule, static or live, as Excel gives its formula back ("=" first). */
export function isOurFormula(formula: string | null | undefined): boolean {
  return typeof formula === "string" && isOurRuleFormula(formula);
}
