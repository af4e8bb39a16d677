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

/** Shown in the result when an input holds text ("1.079", " 12 "): the sheet cannot compute, the clerk must type a number. */
export const TYPE_A_NUMBER = "Nhập số";
/** Shown in a yes/no result when the cell holds anything but the list's "Có"/"Không". */
export const CHOOSE_YES_NO = "Chọn Có/Không";

const EXCEL_OPERATOR: Record<Comparator, string> = { ">=": ">=", ">": ">", "<=": "<=" };

// The pieces below are the one home of how a sheet formula judges a figure: the template's own columns and the live
// rules of our marks (src/core/check/live-rule.ts) are both built from them, so they cannot drift apart.

/** `left` compared with `right` the way the engine's comparator does (judge/compare.ts holds). */
export function comparisonFormula(left: string, comparator: Comparator, right: string): string {
  return `${left}${EXCEL_OPERATOR[comparator]}${right}`;
}

/** A numerator/denominator pair the engine accepts: denominator above zero, numerator from zero to the denominator. */
export function validRatioFormula(g: string, h: string): string {
  return `AND(${h}>0,${g}>=0,${g}<=${h})`;
}

/** A percentage in points the engine accepts: 0 to 100. */
export function validPercentFormula(i: string): string {
  return `AND(${i}>=0,${i}<=100)`;
}

/** A count the engine accepts: whole and not negative. */
export function validCountFormula(i: string): string {
  return `AND(${i}>=0,INT(${i})=${i})`;
}

export function resultFormula(kind: UnitKind, row: number): string {
  const g = `${C.numerator}${row}`;
  const h = `${C.denominator}${row}`;
  const i = `${C.value}${row}`;
  // text where a number belongs ("1.079", " 12 "): "Nhập số", never a silent blank
  const text = (ref: string) => `AND(TRIM(${ref})<>"",NOT(ISNUMBER(${ref})))`;
  switch (kind) {
    case "ratio":
      return `IF(OR(${text(g)},${text(h)}),"${TYPE_A_NUMBER}",${ratioFormula(g, h)})`;
    case "percent":
      return `IF(${text(i)},"${TYPE_A_NUMBER}",${percentFormula(i)})`;
    case "growth":
      return `IF(${text(i)},"${TYPE_A_NUMBER}",IF(ISNUMBER(${i}),${i}/100,""))`;
    case "count":
      return `IF(${text(i)},"${TYPE_A_NUMBER}",IF(ISNUMBER(${i}),IF(${validCountFormula(i)},${i},"${INVALID}"),""))`;
    case "rank":
      return `IF(${text(i)},"${TYPE_A_NUMBER}",IF(ISNUMBER(${i}),${i},""))`;
    case "yesno":
      // Excel compares text without regard to case: "có" counts as "Có"
      return `IF(${i}="${YES}",1,IF(${i}="${NO}",0,IF(TRIM(${i})="","","${CHOOSE_YES_NO}")))`;
  }
}

function ratioFormula(g: string, h: string): string {
  // a malformed pair (numerator above denominator, zero or negative) is never shown as "Đạt"
  return `IF(AND(ISNUMBER(${g}),ISNUMBER(${h})),IF(${validRatioFormula(g, h)},${g}/${h},"${INVALID}"),"")`;
}

function percentFormula(i: string): string {
  // the clerk types percent points (12.5 for 12.5%); the result cell holds the fraction
  return `IF(ISNUMBER(${i}),IF(${validPercentFormula(i)},${i}/100,"${INVALID}"),"")`;
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

/**
 * The required level (column O) when last year's result (column P) may start the path: the sheet's mirror of
 * judge/targets.ts, for a start one year before the report year. A P that already meets the next target asks for the
 * target; else the straight line from P reaches 1/(target year − report year + 1) of the way. P is typed like "Giá
 * trị" (48 for 48%): percentages are divided by 100 into O's terms. Without a usable P, O is `fallback`, the level
 * computed without it. Rounded like the engine's figures (1e-9 of a point), so a figure exactly at the level agrees.
 */
export function pathTargetFormula(row: number, comparator: Comparator, target: number, targetYear: number, reportYear: number, fallback: number | null, percent: boolean): string {
  const p = `${C.previous}${row}`;
  const start = percent ? `${p}/100` : p;
  const valid = percent ? `AND(ISNUMBER(${p}),${p}>=0,${p}<=100)` : `AND(ISNUMBER(${p}),${p}>=0)`;
  const steps = targetYear - reportYear + 1;
  const meets = `${start}${EXCEL_OPERATOR[comparator]}${target}`;
  return `IF(${valid},IF(${meets},${target},ROUND(${start}+(${target}-${start})/${steps},${percent ? 11 : 9})),${fallback === null ? '""' : fallback})`;
}

/**
 * "Mức cần đạt năm N" in words when last year's result (P) starts the path, as formatLevel words a path: "≥ 59%
 * (lộ trình: 48% năm 2023 → 70% năm 2025)"; `fallback` (the words without P) otherwise. Numbers become text the
 * spreadsheet's own way (decimal comma in a Vietnamese Excel), to 3 decimals as formatNumberVi.
 */
export function pathTargetTextFormula(row: number, symbol: string, targetText: string, targetYear: number, reportYear: number, fallback: string, percent: boolean): string {
  const p = `${C.previous}${row}`;
  const o = `${C.targetValue}${row}`;
  const valid = percent ? `AND(ISNUMBER(${p}),${p}>=0,${p}<=100)` : `AND(ISNUMBER(${p}),${p}>=0)`;
  const unit = percent ? "%" : "";
  const level = percent ? `ROUND(${o}*100,3)` : `ROUND(${o},3)`;
  const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;
  return `IF(${valid},${quote(`${symbol} `)}&${level}&${quote(`${unit} (lộ trình: `)}&${p}&${quote(`${unit} năm ${reportYear - 1} → ${targetText} năm ${targetYear})`)},${quote(fallback)})`;
}

export function assessmentFormula(comparator: Comparator, row: number): string {
  const j = `${C.result}${row}`;
  const o = `${C.targetValue}${row}`;
  return `IF(AND(ISNUMBER(${j}),ISNUMBER(${o})),IF(${comparisonFormula(j, comparator, o)},"${MET}","${NOT_MET}"),"")`;
}

export interface RowInputs {
  numerator?: CellValue;
  denominator?: CellValue;
  value?: CellValue;
}

type ResultText = typeof INVALID | typeof TYPE_A_NUMBER | typeof CHOOSE_YES_NO;

export interface RowOutputs {
  result: number | "" | ResultText;
  gap: number | "";
  assessment: typeof MET | typeof NOT_MET | "";
}

const isNum = (v: CellValue | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/** Text that is not blank: the sheet's ISNUMBER says no, so the result asks for a number. */
const isText = (v: CellValue | undefined): boolean => (typeof v === "string" && v.trim() !== "") || typeof v === "boolean";

export function evaluateResult(kind: UnitKind, inputs: RowInputs): number | "" | ResultText {
  const { numerator: g, denominator: h, value: i } = inputs;
  if (kind === "yesno") {
    const answer = typeof i === "string" ? i.toLocaleLowerCase("vi-VN") : i;
    if (answer === YES.toLocaleLowerCase("vi-VN")) return 1;
    if (answer === NO.toLocaleLowerCase("vi-VN")) return 0;
    return i === undefined || i === null || (typeof i === "string" && i.trim() === "") ? "" : CHOOSE_YES_NO;
  }
  if (kind === "ratio" ? isText(g) || isText(h) : isText(i)) return TYPE_A_NUMBER;
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
