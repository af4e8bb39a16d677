export { checkWorkbook, type CheckOptions, type CheckReport, type LocatedFinding, type PreviousFill } from "./check-workbook";
export { contextConflicts, missingContextFields, provincesInRanking, resolveContext, type CheckContext, type ContextConflict, type ContextField, type StatedBy } from "./context";
export { findHeader, locateIndicators, type Located, type LocatedRow } from "./locate";
export { rowsFromMapping, type HistoryFigure, type MappingUse, type OfficeTarget } from "./from-mapping";
export { earlierFromReport } from "./earlier";
