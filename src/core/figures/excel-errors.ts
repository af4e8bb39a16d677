// Excel's error values as a cell shows them; a cached formula error arrives either as {error} or as this bare text.

const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA",
  "#BLOCKED!", "#CONNECT!", "#FIELD!", "#UNKNOWN!", "#BUSY!", "#PYTHON!", "#EXTERNAL!",
]);

/** The canonical error text if `text` (already trimmed) is an Excel error, else null. Case-insensitive. */
export function excelErrorName(text: string): string | null {
  if (text.length < 3 || text.charCodeAt(0) !== 35 /* # */) return null;
  const upper = text.toUpperCase();
  return EXCEL_ERRORS.has(upper) ? upper : null;
}
