export { consolidate, Consolidator, type ConsolidateOptions } from "./consolidate";
export { fileNameHint, identify, type Identification, type Identity } from "./identify";
export { expectedLevel, expectedUnits, parsePeriod, periodEnd, periodLabel, type Period } from "./period";
export { formatMessages, formatReason, formatShortfalls, formatUnitReview } from "./reason";
export { submissionOf, unreadable } from "./submission";
export type * from "./types";
