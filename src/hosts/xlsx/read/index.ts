export { readWorkbook, readWorkbookFromPackage, readSheetsInfo } from "./read-workbook";
export type { ReadOptions, SheetInfo, SheetKind, WorkbookInfo } from "./read-workbook";
export type { DefinedName, SheetState } from "./workbook-part";
export { readCustomProperties, readTemplateMetadata } from "./metadata";
export { tryParseCell, cellAddress, columnLetters } from "../../../core/a1";
