export { consolidate, Consolidator, type ConsolidateOptions } from "./consolidate";
export { fileNameHint, identify, type Identification, type Identity } from "./identify";
export { expectedLevel, expectedUnits, parsePeriod, periodEnd, periodLabel, type Period } from "./period";
export { formatMessages, formatReason, formatShortfalls, formatUnitReview } from "./reason";
export { NOT_REVIEWED, submissionOf, unreadable } from "./submission";
export type * from "./types";
export { earlierYearOf, earlierYears, missesTarget, outlookMessage, nextTarget, targetPath, trendOf, withHistory, type EarlierYear, type HistoryItem, type HistoryOptions } from "./history";
export { consolidatedSheetsRead, earlierYearFromConsolidated, type ConsolidatedRead } from "./read-consolidated";
