export { consolidatedSheets, consolidatedStyles, writeConsolidatedXlsx, type ConsolidatedSheets, type ConsolidatedWorkbookOptions } from "./write-consolidated";
