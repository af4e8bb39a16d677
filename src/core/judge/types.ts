import type { Comparator, Level, TargetLevel } from "../catalog/schema";
import type { Params, ProblemCode, ReadResult, Reading } from "../figures";
import type { Severity, Status } from "../highlight-plan";
import type { EarlierValue } from "./targets";

/** What was read for one indicator. A ratio normally has numerator and denominator; `value` alone is its result in %. */
export interface Entry {
  value?: ReadResult;
  numerator?: ReadResult;
  denominator?: ReadResult;
  /** The unit's own latest figure from an earlier report (or "Kết quả năm trước"): where the path to the next target starts. */
  earlier?: EarlierValue;
}

export interface JudgeContext {
  level: Level;
  /** The reporting year. */
  year: number;
  /** How many provinces a rank is out of today (34 after the 2025 merger); defaults to the target's field size. */
  fieldSizeNow?: number;
}

/** Which part of an entry a problem or a missing figure concerns. */
export type EntryPart = "value" | "numerator" | "denominator";

export type JudgeProblemCode =
  | ProblemCode
  | "problem.ambiguous-number"
  | "problem.numerator-exceeds-denominator"
  | "problem.zero-denominator"
  | "problem.negative-numerator"
  | "problem.negative-denominator"
  | "problem.negative-value"
  | "problem.percent-over-100"
  | "problem.count-not-integer"
  | "problem.rank-not-integer"
  | "problem.rank-out-of-field";

export interface JudgeProblem {
  code: JudgeProblemCode;
  params: Params;
  part: EntryPart;
  /** For problem.ambiguous-number: the readings the clerk must choose between. */
  readings?: readonly Reading[];
}

export type JudgeNoteCode =
  | "note.percent-format"
  | "note.probably-fraction"
  | "note.reading-chosen"
  | "note.number-as-text"
  | "note.answer-not-from-list"
  | "note.fractional-count"
  | "note.carried"
  | "note.aspirational"
  | "note.after-last-target"
  | "note.no-path"
  | "note.rank-relative"
  | "note.yes-no-share";

export interface JudgeNote {
  code: JudgeNoteCode;
  params: Params;
  part?: EntryPart;
}

/**
 * How the compared figure was chosen.
 * - target-year: a target for this very year (or an annual target covering it): met / below.
 * - path: before the next target year, the straight line from the start point (previous target or baseline) decides.
 * - final-no-path: before the target year with nothing to start a path from: compared with the final target.
 * - after-last: after the last target year: compared with the last target, met / below.
 */
export type Basis = "target-year" | "path" | "final-no-path" | "after-last";

export interface AppliedTarget {
  value: number;
  comparator: Comparator;
  /** The year the target is set for (an annual target: the year it is applied to). */
  year: number;
  level: TargetLevel;
  carried: boolean;
  aspirational: boolean;
  annual: boolean;
  basis: Basis;
  /** What this year's figure is compared with: the target, or the point on the path (ranks: in today's field). */
  compareWith: number;
  /** Where the path starts (basis "path" only). */
  pathFrom?: { year: number; value: number; kind: "baseline" | "target" | "earlier" };
}

/** The figure as read: numbers where they could be read, else null. */
export interface Figure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  answer?: "yes" | "no";
  /** For a missing figure: the marker the cell held ("-", "chưa có số liệu"), if any. */
  marker?: string;
  /** For a missing ratio: which parts are missing. */
  missingParts?: readonly EntryPart[];
}

export interface Judgement {
  status: Status;
  severity: Severity;
  target: AppliedTarget | null;
  /** The figure judged: a ratio's result in percent, a rank's position, a count... null if there is none. */
  value: number | null;
  /** Signed: value − compared figure (compared − value for ranks); negative is a shortfall. Null when not judged. */
  gap: number | null;
  figure: Figure;
  /** Why the figure is invalid (empty otherwise). */
  problems: readonly JudgeProblem[];
  /** What the reader should know: how the figure was read and how the target was chosen. */
  notes: readonly JudgeNote[];
  /** Why the indicator is not judged here, for status not-applicable. */
  reason?: "level" | "qualitative" | "no-target";
}
