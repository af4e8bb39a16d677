// The reviewer's desk: what a reviewer decides about a report and its findings. Shared by the decision store
// (both hosts), the surfaces and the printable review record.

import type { Finding } from "../findings/types";

/** A reviewer's decision on one finding: "Chấp nhận" (accepted, with the explanation) or "Yêu cầu bổ sung". */
export type FindingDecisionKind = "accepted" | "returned";

/** A reviewer's decision on the whole report: "Đã duyệt" or "Trả lại". */
export type ReportDecisionKind = "approved" | "returned";

export interface Decision<K extends string> {
  readonly kind: K;
  /** The reviewer's comment; required for a return, optional otherwise (empty string). */
  readonly comment: string;
  /** The reviewer's name as they typed it once. */
  readonly by: string;
  /** When, as an ISO 8601 date-time in UTC. */
  readonly at: string;
}

export type FindingDecision = Decision<FindingDecisionKind>;
export type ReportDecision = Decision<ReportDecisionKind>;

/** A finding as the reviewer sees it: the clerk's explanation and the reviewer's decision, if any. */
export interface ReviewedFinding extends Finding {
  /** The clerk's explanation (the "Ghi chú" / "Minh chứng" text, or a mapped note column), or null. */
  readonly explanation: string | null;
  readonly decision: FindingDecision | null;
}
