export { proposeMapping, THRESHOLDS, type MapOptions } from "./detect";
export { defaultAbbreviations, loadAbbreviations, abbreviationsSchema, type Expansions } from "./abbreviations";
export { WordingIndex } from "./tfidf";
export { labelWords, stripNumbering } from "./label";
export * from "./types";
export { savedMappingSchema, parseSavedMapping, parseSavedMappingText, toSavedMapping, fromSavedMapping, MAPPING_FORMAT, type SavedMapping } from "./saved";
export { MAPPING_SHEET, MAPPING_SHEET_MAX_ROWS, isMappingSheet, mappingSheetRows, storedMapping, type StoredMapping } from "./store";
