// Lossless highlighting of an existing .xlsx file, and its exact removal.
export { applyHighlights, applyHighlightsWithReport, type ApplyOptions, type ApplyReport } from "./apply";
export { clearHighlights, hasHighlights } from "./clear";
