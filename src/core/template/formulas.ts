// The live formulas of one indicator row, and the same arithmetic in TypeScript for the cached values
// written next to them (readers that do not recalculate must see what Excel would show).

import type { Comparator, UnitKind } from "../catalog/schema";
import { COLUMN_LETTERS as C } from "./columns";
import type { CellValue } from "./types";

export const MET = "Đạt";
export const NOT_MET = "Chưa đạt";
export const YES = "Có";
export const NO = "Không";
/** Shown in the result instead of a number when the figures cannot be right (numerator above denominator…). */
export const INVALID = "Sai số liệu";

const EXCEL_OPERATOR: Record<Comparator, string> = { ">=": ">=", ">": ">", "<=": "<=" };

export function resultFormula(kind: UnitKind, row: number): string {
  const g = `${C.numerator}${row}`;
  const h = `${C.denominator}${row}`;
  const i = `${C.value}${row}`;
  switch (kind) {
    case "ratio":
      // a malformed pair (numerator above denominator, zero or negative) is never shown as "Đạt"
      return `IF(AND(ISNUMBER(${g}),ISNUMBER(${h})),IF(AND(${h}>0,${g}>=0,${g}<=${h}),${g}/${h},"${INVALID}"),"")`;
    case "percent":
      // the clerk types percent points (12.5 for 12.5%); the result cell holds the fraction
      return `IF(ISNUMBER(${i}),IF(AND(${i}>=0,${i}<=100),${i}/100,"${INVALID}"),"")`;
    case "growth":
      return `IF(ISNUMBER(${i}),${i}/100,"")`;
    case "count":
      return `IF(ISNUMBER(${i}),IF(AND(${i}>=0,INT(${i})=${i}),${i},"${INVALID}"),"")`;
    case "rank":
      return `IF(ISNUMBER(${i}),${i},"")`;
    case "yesno":
      return `IF(${i}="${YES}",1,IF(${i}="${NO}",0,""))`;
  }
}

/** Gap to target: percentage points for percentages, a plain difference otherwise; negative = shortfall. */
export function gapFormula(kind: UnitKind, row: number): string | null {
  const j = `${C.result}${row}`;
  const o = `${C.targetValue}${row}`;
  const guard = `AND(ISNUMBER(${j}),ISNUMBER(${o}))`;
  switch (kind) {
    case "ratio":
    case "percent":
    case "growth":
      return `IF(${guard},(${j}-${o})*100,"")`;
    case "count":
      return `IF(${guard},${j}-${o},"")`;
    case "rank":
      // a lower position is better: 50th against a target of 45 is 5 places short
      return `IF(${guard},${o}-${j},"")`;
    case "yesno":
      return null;
  }
}

export function assessmentFormula(comparator: Comparator, row: number): string {
  const j = `${C.result}${row}`;
  const o = `${C.targetValue}${row}`;
  return `IF(AND(ISNUMBER(${j}),ISNUMBER(${o})),IF(${j}${EXCEL_OPERATOR[comparator]}${o},"${MET}","${NOT_MET}"),"")`;
}

export interface RowInputs {
  numerator?: CellValue;
  denominator?: CellValue;
  value?: CellValue;
}

export interface RowOutputs {
  result: number | "" | typeof INVALID;
  gap: number | "";
  assessment: typeof MET | typeof NOT_MET | "";
}

const isNum = (v: CellValue | undefined): v is number => typeof v === "number" && Number.isFinite(v);

export function evaluateResult(kind: UnitKind, inputs: RowInputs): number | "" | typeof INVALID {
  const { numerator: g, denominator: h, value: i } = inputs;
  switch (kind) {
    case "ratio":
      if (!isNum(g) || !isNum(h)) return "";
      return h > 0 && g >= 0 && g <= h ? g / h : INVALID;
    case "percent":
      if (!isNum(i)) return "";
      return i >= 0 && i <= 100 ? i / 100 : INVALID;
    case "growth":
      return isNum(i) ? i / 100 : "";
    case "count":
      if (!isNum(i)) return "";
      return i >= 0 && Number.isInteger(i) ? i : INVALID;
    case "rank":
      return isNum(i) ? i : "";
    case "yesno":
      return inputs.value === YES ? 1 : inputs.value === NO ? 0 : "";
  }
}

function compare(a: number, comparator: Comparator, b: number): boolean {
  return comparator === ">=" ? a >= b : comparator === ">" ? a > b : a <= b;
}

/** Mirrors the three formulas above for one row. */
export function evaluateRow(kind: UnitKind, comparator: Comparator | null, target: number | null, inputs: RowInputs): RowOutputs {
  const result = evaluateResult(kind, inputs);
  if (typeof result !== "number" || target === null || comparator === null) return { result, gap: "", assessment: "" };
  let gap: number | "";
  switch (kind) {
    case "ratio":
    case "percent":
    case "growth":
      gap = (result - target) * 100;
      break;
    case "count":
      gap = result - target;
      break;
    case "rank":
      gap = target - result;
      break;
    case "yesno":
      gap = "";
  }
  return { result, gap, assessment: compare(result, comparator, target) ? MET : NOT_MET };
}
