// Numbers typed as text, the way Vietnamese offices type them (and the English way where that is unambiguous).
//
// Before the rules: the text is NFC, trimmed; one leading or trailing "%" is taken off (and remembered);
// a leading "-", "−" (U+2212) or "+" is the sign; spaces, NBSP, narrow NBSP, thin and figure spaces are thousands separators.
// Then, for the digits with "." and "," between them:
//  R1  digits only                                  → a whole number ("1079").
//  R2  both "." and ","                             → the one used last is the decimal mark, the other groups thousands
//                                                     in 3s: "1.234,5" (vi) and "1,234.5" (en) are both 1234.5.
//  R3  the same mark more than once                 → thousands separators in 3s: "1.234.567" and "1,234,567".
//  R4  one mark, and spaces group the thousands     → the mark is decimal: "1 234,5", "1 234.5".
//  R5  one mark not followed by exactly 3 digits    → decimal: "38,3" (vi), "38.3" (en), "0,25".
//  R6  one mark, whole part 0 or longer than 3 digits → decimal ("0,383", "0.383", "1234,567": not a thousands group).
//  R7  otherwise ("1.079", "1,234"): two readings, thousands (vi for ".", en for ",") or decimal. Only readings that fit
//      the expected kind are kept (count: never the decimal reading, a count has no decimals, not even "80.000";
//      percent: 0..100). One left → it is taken (when that is the
//      English reading, readCell adds a note naming the other); both or none left → ambiguous, listing both. So for a count "1.079" is 1079, for a percent "1,234" is 1.234,
//      and for a growth rate or a generic number "1.079" is ambiguous.
// Anything else (letters, misplaced groups such as "1.23.4", "12 34") is not a number.

import type { Convention, ExpectedKind, Reading } from "./types";

export type TextNumber =
  | { kind: "number"; value: number; percentSign: boolean; chosen?: { reading: Reading; discarded: Reading } }
  | { kind: "ambiguous"; readings: readonly Reading[]; percentSign: boolean }
  | { kind: "not-a-number" };

const NOT_A_NUMBER: TextNumber = { kind: "not-a-number" };

function isSpace(code: number): boolean {
  return code === 32 || code === 0xa0 || code === 0x202f || code === 0x2009 || code === 0x2007 || code === 9;
}
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function parseTextNumber(text: string, expect: ExpectedKind): TextNumber {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let percentSign = false;
  if (end > start && text.charCodeAt(end - 1) === 37 /* % */) {
    percentSign = true;
    end--;
  } else if (end > start && text.charCodeAt(start) === 37) {
    percentSign = true;
    start++;
  }
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  let negative = false;
  const first = text.charCodeAt(start);
  if (first === 45 /* - */ || first === 0x2212 || first === 43 /* + */) {
    negative = first !== 43;
    start++;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
  }
  if (start >= end || !isDigit(text.charCodeAt(start)) || !isDigit(text.charCodeAt(end - 1))) return NOT_A_NUMBER;

  // One pass: digits (without separators), and where each separator sits in that digit string.
  let digits = "";
  let dots = 0, commas = 0, spaces = 0;
  let lastDot = -1, lastComma = -1;
  // where each separator sits in `digits` (lastDot / lastComma index into this list)
  const sepAt: number[] = [];
  let runStart = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) continue;
    if (i === runStart) return NOT_A_NUMBER; // two separators in a row
    digits += text.slice(runStart, i);
    runStart = i + 1;
    sepAt.push(digits.length);
    if (c === 46) { dots++; lastDot = sepAt.length - 1; }
    else if (c === 44) { commas++; lastComma = sepAt.length - 1; }
    else if (isSpace(c)) spaces++;
    else return NOT_A_NUMBER;
  }
  digits += text.slice(runStart, end);
  const sign = negative ? -1 : 1;
  const n = sepAt.length;
  if (n === 0) return number(sign * Number(digits), percentSign);

  const firstGroup = sepAt[0]!;
  if (dots > 0 && commas > 0) {
    // R2: the last mark is decimal; it must appear once and be the last separator
    const decimalKind = lastDot > lastComma ? 1 : 2;
    const decimalIndex = Math.max(lastDot, lastComma);
    if ((decimalKind === 1 ? dots : commas) !== 1 || decimalIndex !== n - 1) return NOT_A_NUMBER;
    if (!validGrouping(sepAt, digits.length, n - 1)) return NOT_A_NUMBER;
    return number(decimalAt(digits, sepAt[n - 1]!, sign), percentSign);
  }
  const marks = dots + commas;
  if (marks === 0) {
    // only spaces: thousands grouping
    return validGrouping(sepAt, digits.length, n) ? number(sign * Number(digits), percentSign) : NOT_A_NUMBER;
  }
  if (marks > 1) {
    // R3 (spaces mixed in are grouping too)
    return validGrouping(sepAt, digits.length, n) ? number(sign * Number(digits), percentSign) : NOT_A_NUMBER;
  }
  // exactly one "." or ","
  const markIndex = dots === 1 ? lastDot : lastComma;
  if (spaces > 0) {
    // R4: spaces group, so the mark must be the last separator and decimal
    if (markIndex !== n - 1 || !validGrouping(sepAt, digits.length, n - 1)) return NOT_A_NUMBER;
    return number(decimalAt(digits, sepAt[n - 1]!, sign), percentSign);
  }
  const whole = digits.slice(0, firstGroup);
  const decimalValue = decimalAt(digits, firstGroup, sign);
  if (digits.length - firstGroup !== 3 || firstGroup > 3 || isAllZeros(whole)) return number(decimalValue, percentSign); // R5, R6
  // R7
  const grouped: Reading = { value: sign * Number(digits), convention: dots === 1 ? "vi" : "en" };
  const decimal: Reading = { value: decimalValue, convention: (dots === 1 ? "en" : "vi") as Convention };
  const groupedFits = fits(grouped.value, expect, false);
  const decimalFits = fits(decimal.value, expect, true);
  if (groupedFits && !decimalFits) return { kind: "number", value: grouped.value, percentSign, chosen: { reading: grouped, discarded: decimal } };
  if (decimalFits && !groupedFits) return { kind: "number", value: decimal.value, percentSign, chosen: { reading: decimal, discarded: grouped } };
  const readings = grouped.convention === "vi" ? [grouped, decimal] : [decimal, grouped];
  return { kind: "ambiguous", readings, percentSign };
}

/** Separators 0..upTo-1 are thousands separators: each followed by exactly 3 digits, the first group 1..3 digits. */
function validGrouping(sepAt: readonly number[], length: number, upTo: number): boolean {
  if (sepAt[0]! > 3) return false;
  for (let k = 0; k < upTo; k++) {
    const groupEnd = k + 1 < sepAt.length ? sepAt[k + 1]! : length;
    if (groupEnd - sepAt[k]! !== 3) return false;
  }
  return true;
}

function decimalAt(digits: string, at: number, sign: number): number {
  return sign * Number(digits.slice(0, at) + "." + digits.slice(at));
}

function number(value: number, percentSign: boolean): TextNumber {
  return { kind: "number", value, percentSign };
}

function isAllZeros(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 48) return false;
  return true;
}

/** Whether a reading is plausible for what the indicator expects (R7). */
function fits(value: number, expect: ExpectedKind, decimalReading: boolean): boolean {
  switch (expect) {
    case "count":
      return !decimalReading;
    case "percent":
    case "yesno": // above unit level a yes/no indicator is a share of units
      return value >= 0 && value <= 100;
    default:
      return true;
  }
}
