// The live condition of a mark: where a finding is a comparison of typed numbers with a number (figure vs the level
// required, numerator vs denominator), the sheet formula that is TRUE while the finding holds. A spreadsheet then
// re-judges the figure whenever it changes, with or without the add-in. Everything else (text, a missing figure, an
// ambiguous reading, a yes/no answer) has no such formula and is marked statically.

import type { UnitSpec } from "../catalog";
import { isPercentFormat } from "../figures";
import type { Judgement, JudgeProblemCode } from "../judge";
import { JUDGED_DECIMALS } from "../judge/compare";
import { comparisonFormula, validCountFormula, validPercentFormula, validRatioFormula } from "../template/formulas";
import type { LocatedCell, LocatedRow } from "./locate";

/** Problems that are themselves a comparison of the typed numbers, so they can be re-judged live. */
const COMPARISON_PROBLEMS: ReadonlySet<JudgeProblemCode> = new Set([
  "problem.numerator-exceeds-denominator",
  "problem.zero-denominator",
  "problem.negative-numerator",
  "problem.negative-denominator",
  "problem.negative-value",
  "problem.percent-over-100",
  "problem.count-not-integer",
  "problem.rank-not-integer",
  "problem.rank-out-of-field",
]);

/** How the engine measured the figure, as sheet formulas over the cells it came from. */
interface Measure {
  /** TRUE when the cells hold numbers at all (text or blank: the engine does not judge them either). */
  numbers: string;
  /** TRUE when the numbers are acceptable (numerator ≤ denominator, 0–100 %, a whole count…). */
  valid: string | null;
  /** The judged figure, rounded as the engine rounds it (judge/compare.ts roundFloat). */
  value: string;
}

/** A number as a formula literal: the shortest text that reads back as the same double. */
function literal(n: number): string {
  return String(n);
}

function rounded(expr: string): string {
  return `ROUND(${expr},${JUDGED_DECIMALS})`;
}

/** A cell holding a number (text, even "85,5", has no live comparison: the sheet's own formulas cannot use it). */
function numberCell(c: LocatedCell | undefined): c is LocatedCell {
  return c !== undefined && typeof c.raw === "number" && Number.isFinite(c.raw);
}

function measureOf(row: LocatedRow, unit: UnitSpec, judgement: Judgement, field: number): Measure | null {
  const f = judgement.figure;
  if (f.answer !== undefined) return null; // a yes/no answer is text in the sheet
  if (f.numerator !== null || f.denominator !== null) {
    // a ratio (or a share of units) from its two cells, read as plain numbers (readCell: counts ignore % formats)
    const g = row.numerator;
    const h = row.denominator;
    if (!numberCell(g) || !numberCell(h)) return null;
    const amounts = unit.kind === "ratio" && unit.quantity === "amount";
    if (amounts && (isPercentFormat(g.format) || isPercentFormat(h.format))) return null;
    const [a, b] = [g.address, h.address];
    // numerator·100/denominator, as judge.ts measureRatio computes it
    return { numbers: `AND(ISNUMBER(${a}),ISNUMBER(${b}))`, valid: validRatioFormula(a, b), value: rounded(`${a}*100/${b}`) };
  }
  const c = row.value;
  if (!numberCell(c)) return null;
  const kind = unit.kind;
  // a percent format shows 0.855 as 85.5 %: the engine reads it in points, rounded (readCell), and so does the rule;
  // validity is checked on the figure as read, the comparison on it rounded (judge.ts)
  const percentFormat = kind !== "count" && kind !== "rank" && isPercentFormat(c.format);
  const read = percentFormat ? rounded(`${c.address}*100`) : c.address;
  const value = percentFormat ? read : rounded(c.address);
  const numbers = `ISNUMBER(${c.address})`;
  switch (kind) {
    case "ratio":
    case "percent":
    case "yesno":
      return { numbers, valid: validPercentFormula(read), value };
    case "count":
      return { numbers, valid: validCountFormula(read), value };
    case "rank":
      return { numbers, valid: `AND(INT(${read})=${read},${read}>=1,${read}<=${literal(field)})`, value };
    case "growth":
      return { numbers, valid: null, value };
  }
}

/** TRUE while `inner` holds, and whenever the cells do not hold numbers (then the finding is not fixed either). */
function unlessNumbers(m: Measure, inner: string): string {
  return `IF(${m.numbers},${inner},TRUE)`;
}

/**
 * The live condition of a finding on this row, or null when it has none. `field` is the ranking's field size today
 * (the engine's rank validity).
 */
export function liveCondition(row: LocatedRow, unit: UnitSpec, judgement: Judgement, field: number): string | null {
  const m = measureOf(row, unit, judgement, field);
  if (m === null) return null;
  if (judgement.status === "invalid") {
    if (m.valid === null || judgement.problems.length === 0 || !judgement.problems.every((p) => COMPARISON_PROBLEMS.has(p.code))) return null;
    return unlessNumbers(m, `NOT(${m.valid})`);
  }
  const judged = judgement.status === "met" || judgement.status === "below" || judgement.status === "on-track" || judgement.status === "off-track";
  const target = judgement.target;
  if (!judged || target === null || judgement.value === null) return null;
  const meets = comparisonFormula(m.value, target.comparator, literal(target.compareWith));
  // IF, not AND: Excel's AND evaluates every argument, and a zero denominator's #DIV/0! would make the rule an error
  return unlessNumbers(m, m.valid === null ? `NOT(${meets})` : `IF(${m.valid},NOT(${meets}),TRUE)`);
}
