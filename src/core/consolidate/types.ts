import type { Consolidation, Level } from "../catalog/schema";
import type { Comparator } from "../catalog/schema";
import type { Status } from "../highlight-plan";
import type { Message, MessageKey } from "../messages";
import type { Identity } from "./identify";
import type { Projection, TargetPoint, YearValue } from "../history/trend";

// The shapes of a consolidation: what each file gave (small, so thousands can be held), and the provincial report.

/** Why something happened, as a message; `detail` is text already in both languages (a file reader's refusal). */
export interface Reason {
  message: Message;
  detail?: { vi: string; en: string };
}

/** One indicator as one unit entered it, judged at the unit's own level. */
export interface UnitFigure {
  indicator: string;
  status: Status;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  answer?: "yes" | "no";
  /** The clerk's explanation, kept only with a finding that needs attention. */
  explanation?: string;
  /**
   * The finding (its message, then its details), kept only when it needs attention (not met, invalid, missing);
   * as messages, not text, so thousands of units hold little until a report is written in one language.
   */
  messages?: readonly Message[];
}

export type Submission =
  | { file: string; kind: "unreadable"; reason: Reason }
  | { file: string; kind: "unidentified"; fileNameHint: string | null; /** why a workbook with a saved mapping is not recognised */ why?: MessageKey }
  | { file: string; kind: "read"; identity: Identity; fileNameHint: string | null; figures: UnitFigure[]; review: UnitReview };

/** A unit's report as the reviewer left it (decisions kept in its workbook), and its explained shortfalls. */
export interface UnitReview {
  /** "approved" / "returned": the report's decision while no figure changed since; "open" otherwise. */
  state: "approved" | "returned" | "open";
  by: string | null;
  at: string | null;
  comment: string | null;
  /** A decision on the report was reopened because figures changed since. */
  reopened: boolean;
  /** The decisions kept could not be read (edited by hand). */
  damaged: boolean;
  explained: number;
  unexplained: number;
}

export type UnitStatus =
  | "received"
  | "missing"
  | "duplicate"
  | "wrong-period"
  | "wrong-level"
  | "unknown-unit"
  | "unreadable"
  | "unidentified"
  | "province"
  /** With --approved-only: a unit's report not approved by the reviewer, left out of the roll-up. */
  | "not-approved";

/** One line of the completeness list: an expected unit, or a file that could not be used. */
export interface UnitRow {
  unit: string | null;
  /** "xã Mường Kim" when the unit is known. */
  unitName: string | null;
  file: string | null;
  status: UnitStatus;
  reason: Reason | null;
  /** How the unit was recognised, for a file that was. */
  recognisedBy?: Identity["source"];
  /** The report's review state, for a file that was read. */
  review?: UnitReview;
}

export type ByUnitStatus = Status | "left-out" | "no-file";

export interface ByUnit {
  unit: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  status: ByUnitStatus;
  reason: Reason | null;
  /** An unmet target the clerk explained ("Chưa đạt — có giải trình"): the explanation; absent otherwise. */
  explanation?: string;
  /** With earlier years' files (--history): the unit's own series. */
  trend?: UnitTrend;
}

/** A series of earlier years and where it leads (consolidation across years). */
export interface Trend {
  /** Earlier years' values, oldest first; a year without a figure is absent (a gap). */
  history: YearValue[];
  /** Points per year (least squares over the known years, this year's included); null with too little history. */
  pace: number | null;
  /** At this pace, toward `target`; null when there is no target to project to. */
  projection: Projection | null;
  /** The next target: 2025's, or 2030's after 2025. */
  target: TargetPoint | null;
}

export interface UnitTrend extends Trend {
  /** Why the unit's series is short: it did not exist in earlier years, or sent nothing in some. */
  note: Reason | null;
}

export interface IndicatorTrend extends Trend {
  /** What the provincial figure should be each year on the way to the target (as the engine judges "on track"). */
  path: YearValue[];
}

/** Which earlier years the series come from, and the history files that gave nothing, with why. */
export interface HistoryInfo {
  years: { year: number; source: "units" | "consolidated"; files: string[] }[];
  unused: { file: string; reason: Reason }[];
  units: { unit: string; note: Reason }[];
}

export interface Partial {
  expected: number;
  /** Expected units with no usable file (none, a conflict, a wrong file). */
  missing: number;
  /** Units whose file was used but whose figure could not be summed. */
  leftOut: number;
}

export interface IndicatorRollup {
  indicator: string;
  /** How the provincial figure was made: rolled up from units, or taken from the province's own workbook. */
  method: Exclude<Consolidation, "province-only"> | "province-workbook";
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  target: { value: number; comparator: Comparator; year: number } | null;
  status: Status;
  partial: Partial | null;
  byUnit: ByUnit[];
  /** Why there is no figure, or where it came from. */
  reason: Reason | null;
  /** With earlier years' files (--history): the provincial series. */
  trend?: IndicatorTrend;
}

export interface UnitFindings {
  unit: string;
  file: string;
  findings: { indicator: string; status: Status; messages: readonly Message[]; explanation: string | null }[];
}

export interface ConsolidationReport {
  period: string;
  year: number;
  level: Level;
  expected: number;
  received: number;
  units: UnitRow[];
  /** Whether only approved reports were rolled up (--approved-only). */
  approvedOnly: boolean;
  indicators: IndicatorRollup[];
  findings: UnitFindings[];
  /** Present when earlier years' files were given. */
  history?: HistoryInfo;
}
