import type { CheckReport, LocatedFinding } from "../check";
import type { WorkbookSnapshot } from "../snapshot";
import type { FindingDecision, ReportDecision, ReviewedFinding } from "./types";

// The ONE place where a check's findings gain the clerk's explanation and the reviewer's decision. The review record,
// the CLI's `chitieu review` and the pages' "Biên bản rà soát" all call this, so the reader of the workbook's stored
// decisions and of the "Ghi chú" / "Minh chứng" explanations (issue 18, review branch) is wired in here and nowhere else.

/** What a workbook holds about its review: the decisions kept in it, by indicator code, and the report's own. */
export interface ReviewStore {
  readonly findings: ReadonlyMap<string, FindingDecision>;
  readonly report: ReportDecision | null;
}

/** A workbook whose review nothing has been recorded for. */
export const NO_REVIEW: ReviewStore = { findings: new Map(), report: null };

/**
 * Each finding with its explanation and decision. Explanations are not read from the report yet (null); a decision is
 * the one the store keeps for the finding's indicator, if any.
 */
export function reviewedFindings(result: Pick<CheckReport, "findings">, store: ReviewStore): (LocatedFinding & ReviewedFinding)[] {
  return result.findings.map((f) => ({ ...f, explanation: null, decision: store.findings.get(f.indicator) ?? null }));
}

/**
 * The review kept in a workbook. Nothing reads stored decisions yet (issue 18's decision store lands with the review
 * branch), so every workbook is read as one without a recorded review; the surfaces all ask here, so that reader
 * replaces this body and nothing else.
 */
export function reviewStoreOf(snapshot: WorkbookSnapshot): ReviewStore {
  void snapshot;
  return NO_REVIEW;
}
