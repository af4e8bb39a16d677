// The standard reporting template: layout as pure data (rendered by hosts).

export * from "./types";
export { buildTemplateLayout, reportedIndicators, TEMPLATE_VERSION, REPORT_SHEET_NAME, type TemplateRequest } from "./build-layout";
export { fillTemplateLayout, type IndicatorFigures } from "./fill";
export { applicableTarget, finalTarget, formatTarget, numericTarget } from "./targets";
export { administrativeHeader, type TemplateUnit } from "./header";
export { evaluateRow, MET, NOT_MET, YES, NO, INVALID } from "./formulas";
export { COLUMN_LETTERS } from "./columns";
