export * from "./types";
export * from "./store";
export * from "./apply";
export * from "./explanation";
export { buildReviewRecord, recordStatus, type RecordCounts, type RecordHeader, type RecordInput, type RecordLine, type RecordStatus, type ReviewRecord } from "./record";
export { figureText, recordDate, recordText, targetText, type RecordFindingRow, type RecordText } from "./record-text";
export { csvCell, recordCsv } from "./record-csv";
export { localDate, recordOfCheck, type RecordOptions } from "./from-check";
