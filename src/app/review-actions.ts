import type { CheckReport } from "../core/check";
import { withFindingDecision, withReportDecision, type FindingDecisionKind, type ReportDecisionKind, type ReviewStore } from "../core/review";

// What a reviewer's click becomes: the decisions kept in the workbook with this one recorded (or reopened, with
// null), by the name they typed, now. The pages keep the result with host.saveReview and check again.

export interface DecisionChoice<K extends string> {
  kind: K;
  comment: string;
}

/** What the screens offer a reviewer: their remembered name, and a decision on a finding or on the whole report. */
export interface ReviewActions {
  reviewer: string;
  onReviewer: (name: string) => void;
  onFinding: (indicator: string, choice: DecisionChoice<FindingDecisionKind> | null) => void;
  onReport: (choice: DecisionChoice<ReportDecisionKind> | null) => void;
}

export function storeWithFinding(report: CheckReport, reviewer: string, indicator: string, choice: DecisionChoice<FindingDecisionKind> | null, now = new Date()): ReviewStore {
  return withFindingDecision(report, indicator, choice && { ...choice, by: reviewer, at: now.toISOString() });
}

export function storeWithReport(report: CheckReport, reviewer: string, choice: DecisionChoice<ReportDecisionKind> | null, now = new Date()): ReviewStore {
  return withReportDecision(report, choice && { ...choice, by: reviewer, at: now.toISOString() });
}

/**
 * The actions a page offers on a check: each click makes the decisions to keep (with the reviewer's name, now) and
 * hands them to the page's `keep`, which saves them where that page keeps them (the open workbook, or a copy).
 */
export function reviewActionsFor(current: CheckReport, reviewer: string, onReviewer: (name: string) => void, keep: (make: () => ReviewStore) => void): ReviewActions {
  return {
    reviewer,
    onReviewer,
    onFinding: (indicator, choice) => keep(() => storeWithFinding(current, reviewer, indicator, choice)),
    onReport: (choice) => keep(() => storeWithReport(current, reviewer, choice)),
  };
}

