// What reading one cell can produce. Plain data: no classes, so results cross worker and host boundaries as they are.

/**
 * What the indicator expects in a cell; it decides how ambiguous text is read.
 * - count: a quantity that is normally whole (numerator, denominator, count, rank): "1.079" is one thousand and seventy-nine.
 * - percent: a percentage in percentage points, 0..100 (a ratio's result, a share).
 * - growth: a percentage that may be negative or above 100.
 * - number: any decimal, no plausibility hints.
 * - yesno: one unit's yes/no answer (or, above unit level, a share of units in percent).
 */
export type ExpectedKind = "count" | "percent" | "growth" | "number" | "yesno";

export type Params = Readonly<Record<string, string | number>>;

/** Why a cell cannot be used. Codes double as message keys (see src/core/messages). */
export type ProblemCode =
  | "problem.excel-error"
  | "problem.not-a-number"
  | "problem.not-finite"
  | "problem.not-yes-no"
  | "problem.boolean-not-number"
  | "problem.percent-for-count";

export interface Problem {
  code: ProblemCode;
  params: Params;
}

/** Something worth telling about a figure that was read. */
export type ReadNoteCode =
  /** 0.383 in a cell formatted "0.0%" was read as 38.3 (percentage points); no params. */
  | "note.percent-format"
  /** A bare 0.383 where a percentage is expected: accepted as 0.383%, but probably meant 38.3%. */
  | "note.probably-fraction"
  /** Text such as "1,234" has two readings; only the English one fits the indicator, so it was taken. */
  | "note.reading-chosen"
  /** A number typed as text ("1.079", " 12 "): read, but the sheet's own formulas cannot compute with it. */
  | "note.number-as-text"
  /** A yes/no answer not written as the list's "Có"/"Không" ("co", 1): read, but the sheet's formulas do not see it. */
  | "note.answer-not-from-list";

export interface ReadNote {
  code: ReadNoteCode;
  params: Params;
}

export type Convention = "vi" | "en";

/** One way to read an ambiguous number: Vietnamese (dot groups thousands, comma is decimal) or English. */
export interface Reading {
  value: number;
  convention: Convention;
}

export interface ReadOk {
  ok: true;
  /** Percentages are in percentage points (38.3, not 0.383). A yes/no answer is 100 (yes) or 0 (no): one unit's share. */
  value: number;
  /** Set only when the cell held a yes/no answer. */
  answer?: "yes" | "no";
  notes: readonly ReadNote[];
}

export interface ReadMissing {
  ok: false;
  kind: "missing";
  /** The text that said "no data" ("-", "x", "chưa có số liệu"), trimmed, NFC; absent for an empty cell. */
  marker?: string;
}

export interface ReadInvalid {
  ok: false;
  kind: "invalid";
  problem: Problem;
}

/** Text with more than one plausible reading: we never guess, the clerk must write it unambiguously. */
export interface ReadAmbiguous {
  ok: false;
  kind: "ambiguous";
  text: string;
  readings: readonly Reading[];
}

export type ReadResult = ReadOk | ReadMissing | ReadInvalid | ReadAmbiguous;
