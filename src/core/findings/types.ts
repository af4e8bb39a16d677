import type { Comparator, Pillar, TargetLevel } from "../catalog/schema";
import type { Severity, Status } from "../highlight-plan";
import type { Basis, Figure } from "../judge";
import type { Message } from "../messages";

export interface FindingTarget {
  value: number;
  comparator: Comparator;
  year: number;
  level: TargetLevel;
  carried: boolean;
  aspirational: boolean;
  basis: Basis;
  /** What the figure was compared with: the target, or this year's point on the path (ranks: in today's field). */
  compareWith: number;
}

/** One indicator's result, ready for the task pane, the CLI report and the highlight plan. */
export interface Finding {
  indicator: string;
  pillar: Pillar;
  status: Status;
  severity: Severity;
  /** The figure as read (numerator and denominator for ratios). */
  figure: Figure;
  /** The judged value: a ratio's result in percent. */
  value: number | null;
  target: FindingTarget | null;
  /** Signed, negative = shortfall (percentage points, places or the indicator's unit). */
  gap: number | null;
  message: Message;
  /** Further explanations: more problems, how the figure was read, how the target was chosen. */
  details: readonly Message[];
}
