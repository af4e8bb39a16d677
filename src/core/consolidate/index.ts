export { consolidate, Consolidator, type ConsolidateOptions } from "./consolidate";
export { fileNameHint, identify, type Identification, type Identity } from "./identify";
export { expectedLevel, expectedUnits, parsePeriod, periodEnd, periodLabel, type Period } from "./period";
export { formatMessages, formatReason } from "./reason";
export { submissionOf, unreadable } from "./submission";
export type * from "./types";
export { earlierYearOf, earlierYears, missesTarget, outlookMessage, nextTarget, targetPath, trendOf, withHistory, type EarlierYear, type HistoryItem, type HistoryOptions } from "./history";
export { consolidatedSheetsRead, earlierYearFromConsolidated, type ConsolidatedRead } from "./read-consolidated";
