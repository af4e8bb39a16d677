export type { Decision, FindingDecision, FindingDecisionKind, ReportDecision, ReportDecisionKind, ReviewedFinding } from "./types";
export { NO_REVIEW, reviewedFindings, reviewStoreOf, type ReviewStore } from "./reviewed";
export { buildReviewRecord, recordStatus, type RecordCounts, type RecordHeader, type RecordInput, type RecordLine, type RecordStatus, type ReviewRecord } from "./record";
export { figureText, recordDate, recordText, targetText, type RecordFindingRow, type RecordText } from "./record-text";
export { csvCell, recordCsv } from "./record-csv";
export { localDate, recordOfCheck, type RecordOptions } from "./from-check";
