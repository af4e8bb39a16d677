import type { Pillar } from "../catalog/schema";
import type { Severity, Status } from "../highlight-plan";
import type { AppliedTarget, Figure } from "../judge";
import type { Message } from "../messages";
import type { FindingHistory } from "../history/describe";

/** The target a finding was judged against, as the judge applied it. */
export type FindingTarget = Pick<AppliedTarget, "value" | "comparator" | "year" | "level" | "carried" | "aspirational" | "basis" | "compareWith">;

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
  /** The unit's own earlier figures, pace and projection (only when earlier reports were given or the sheet has them). */
  history?: FindingHistory;
}
