export { consolidatedSheets, writeConsolidatedXlsx, type ConsolidatedSheets, type ConsolidatedWorkbookOptions } from "./write-consolidated";
