// Reading one cell into a figure. Never throws: whatever a workbook holds becomes a value, "missing", "invalid" or "ambiguous".

import { isCellError, type RawValue } from "../snapshot";
import { excelErrorName } from "./excel-errors";
import { isPercentFormat } from "./number-format";
import { parseTextNumber } from "./text-number";
import type { ExpectedKind, ReadNote, ReadResult } from "./types";
import { fold, isMissingMarker, yesNoAnswer } from "./words";

const NO_NOTES: readonly ReadNote[] = Object.freeze([]);
const PERCENT_FORMAT_NOTES: readonly ReadNote[] = Object.freeze([Object.freeze({ code: "note.percent-format", params: Object.freeze({}) })]);
const EMPTY: ReadResult = Object.freeze({ ok: false, kind: "missing" });
const YES: ReadResult = Object.freeze({ ok: true, value: 100, answer: "yes", notes: NO_NOTES });
const NO: ReadResult = Object.freeze({ ok: true, value: 0, answer: "no", notes: NO_NOTES });

/**
 * Reads a raw cell value as the figure an indicator expects.
 * - numbers: as stored; under a percent format (0.383 shown as "38.3%") multiplied by 100 into percentage points.
 *   Where a percentage is expected, a bare 0 < |x| < 1 is kept but flagged "probably x·100 %".
 * - text: see text-number.ts for the reading rules (Vietnamese first, English where unambiguous, never a silent guess).
 * - "no data" markers ("-", "x", "không", "chưa có số liệu", "N/A", "KCS", blank) → missing, keeping the marker.
 * - Excel errors, as {error} or as text → invalid, naming the error.
 * - yes/no indicators: TRUE/FALSE, 1/0, "có"/"không", "đạt"/"chưa đạt", "x" (a tick), "yes"/"no". There "không" is
 *   "no" and "x" is "yes"; for every other indicator both are "no data" markers. Other numbers are a share of units (%).
 */
export function readCell(raw: RawValue | undefined, numberFormat: string, expect: ExpectedKind): ReadResult {
  if (raw === null || raw === undefined) return EMPTY;
  switch (typeof raw) {
    case "number":
      return readNumber(raw, numberFormat, expect);
    case "string":
      return readText(raw, expect);
    case "boolean":
      if (expect === "yesno") return raw ? YES : NO;
      return { ok: false, kind: "invalid", problem: { code: "problem.boolean-not-number", params: { text: raw ? "TRUE" : "FALSE" } } };
    default:
      if (isCellError(raw)) return excelError(raw.error.trim().toUpperCase());
      return { ok: false, kind: "invalid", problem: { code: "problem.not-a-number", params: { text: safeText(raw) } } };
  }
}

function readNumber(raw: number, numberFormat: string, expect: ExpectedKind): ReadResult {
  if (!Number.isFinite(raw)) return { ok: false, kind: "invalid", problem: { code: "problem.not-finite", params: { text: String(raw) } } };
  const percentFormat = expect !== "count" && typeof numberFormat === "string" && isPercentFormat(numberFormat);
  if (percentFormat) {
    const scaled = roundFloat(raw * 100);
    if (!Number.isFinite(scaled)) return { ok: false, kind: "invalid", problem: { code: "problem.not-finite", params: { text: String(raw) } } };
    return { ok: true, value: scaled === 0 ? 0 : scaled, notes: PERCENT_FORMAT_NOTES }; // -0 (or -1e-12) shown as 0.0% is 0
  }
  if (expect === "yesno" && (raw === 1 || raw === 0)) return answerNotFromList(raw === 1 ? YES : NO, String(raw));
  return { ok: true, value: raw === 0 ? 0 : raw, notes: fractionNotes(raw, expect) }; // no -0 in reports
}

function readText(raw: string, expect: ExpectedKind): ReadResult {
  const text = isAscii(raw) ? raw.trim() : raw.normalize("NFC").trim();
  if (isBlank(text)) return EMPTY;
  const error = excelErrorName(text);
  if (error !== null) return excelError(error);

  const parsed = parseTextNumber(text, expect);
  if (parsed.kind === "number") {
    if (!Number.isFinite(parsed.value)) return { ok: false, kind: "invalid", problem: { code: "problem.not-finite", params: { text: clip(text) } } };
    if (parsed.percentSign && expect === "count") {
      return { ok: false, kind: "invalid", problem: { code: "problem.percent-for-count", params: { text } } };
    }
    const value = parsed.value === 0 ? 0 : parsed.value; // no -0
    if (expect === "yesno" && !parsed.percentSign && (value === 1 || value === 0)) return answerNotFromList(value === 1 ? YES : NO, text);
    // the tool reads it, but the template's formulas see text: say what was read and ask for a number
    const asText: ReadNote = { code: "note.number-as-text", params: { text: clip(raw), value } };
    let notes: readonly ReadNote[] = [asText, ...(parsed.percentSign ? NO_NOTES : fractionNotes(value, expect))];
    // the Vietnamese reading is the local norm and goes without comment; choosing the English one is worth a check
    if (parsed.chosen && parsed.chosen.reading.convention === "en") {
      const chosenNote: ReadNote = {
        code: "note.reading-chosen",
        params: { text, chosen: parsed.chosen.reading.value, discarded: parsed.chosen.discarded.value },
      };
      notes = [chosenNote, ...notes];
    }
    return { ok: true, value, notes };
  }
  if (parsed.kind === "ambiguous") return { ok: false, kind: "ambiguous", text, readings: parsed.readings };

  const folded = fold(text);
  if (expect === "yesno") {
    const answer = yesNoAnswer(folded);
    if (answer !== null) {
      const read = answer === "yes" ? YES : NO;
      // Excel compares text without regard to case: "có" is the list's "Có", "co" or "yes" is not
      return LIST_ANSWERS.has(text.toLocaleLowerCase("vi-VN")) ? read : answerNotFromList(read, text);
    }
  }
  if (isMissingMarker(folded)) return { ok: false, kind: "missing", marker: text };
  return {
    ok: false,
    kind: "invalid",
    problem: { code: expect === "yesno" ? "problem.not-yes-no" : "problem.not-a-number", params: { text: clip(text) } },
  };
}

const LIST_ANSWERS: ReadonlySet<string> = new Set(["có", "không"]);

/** An answer read from something other than the list's "Có"/"Không": the sheet's own formulas do not count it. */
function answerNotFromList(read: ReadResult, text: string): ReadResult {
  if (!read.ok) return read;
  return { ...read, notes: [{ code: "note.answer-not-from-list", params: { text, answer: read.answer === "yes" ? "Có" : "Không" } }] };
}

function excelError(name: string): ReadResult {
  return { ok: false, kind: "invalid", problem: { code: "problem.excel-error", params: { error: name } } };
}

/** A bare 0.383 where a percentage is expected: probably a fraction typed without the % format. */
function fractionNotes(value: number, expect: ExpectedKind): readonly ReadNote[] {
  if ((expect !== "percent" && expect !== "yesno") || value === 0 || value <= -1 || value >= 1) return NO_NOTES;
  return [{ code: "note.probably-fraction", params: { stored: value, suggested: roundFloat(value * 100) } }];
}

/** 0.383 * 100 is 38.300000000000004 in binary floating point; what the clerk typed is 38.3. */
function roundFloat(x: number): number {
  if (!(Math.abs(x) < 1e6)) return x; // large numbers have no sub-1e-9 noise worth removing (and x·1e9 could overflow)
  return Math.round(x * 1e9) / 1e9;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

/** Empty, or only characters String.trim keeps but nobody sees (zero-width space, joiners, BOM): an empty cell. */
function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x200b && c !== 0x2060 && c !== 0xfeff && c !== 0x200c && c !== 0x200d) return false;
  }
  return true;
}

function clip(text: string): string {
  return text.length > 60 ? text.slice(0, 57) + "…" : text;
}

function safeText(raw: unknown): string {
  try {
    return clip(JSON.stringify(raw) ?? String(raw));
  } catch {
    return "?";
  }
}
