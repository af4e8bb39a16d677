// CT_Worksheet's children in the order the schema requires (ECMA-376 Part 1, 18.3.1.99); Excel refuses a sheet whose
// elements are out of order. mc:AlternateContent wraps oleObjects/controls, so it sits where they do.

const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "AlternateContent",
  "webPublishItems", "tableParts", "extLst",
] as const;

/** The worksheet children that must come after `element`: a new `element` goes before the first of them. */
export function elementsAfter(element: (typeof WORKSHEET_ORDER)[number]): ReadonlySet<string> {
  return new Set(WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(element) + 1));
}
