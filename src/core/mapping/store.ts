import { ChitieuError } from "../errors";
import { JSON_SHEET_MAX_ROWS, jsonSheetRows, jsonSheetText } from "../json-sheet";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { catalogs } from "../messages";
import { parseSavedMappingText, type SavedMapping } from "./saved";

// The confirmed mapping kept inside the workbook: a very hidden sheet of key/value rows holding the mapping's JSON
// in pieces (src/core/json-sheet.ts), read from the snapshot by the core.

export const MAPPING_SHEET = "_chitieu_map";
const KEY = "chitieu.mapping";
/** The most rows a mapping sheet holds, so a host replacing one in place knows what to empty below a shorter one. */
export const MAPPING_SHEET_MAX_ROWS = JSON_SHEET_MAX_ROWS;

export function isMappingSheet(name: string): boolean {
  return name.toLowerCase() === MAPPING_SHEET;
}

/** Key/value rows for column A and B of the mapping sheet (src/core/json-sheet.ts). */
export function mappingSheetRows(saved: SavedMapping): [string, string][] {
  const both = (key: "mapping.sheet.about" | "mapping.sheet.note") => `${catalogs.vi[key]} / ${catalogs.en[key]}`;
  // the note matters where the sheet is visible (Excel 2016 without updates, ExcelApi 1.1): it says not to edit it
  return jsonSheetRows(KEY, saved, both("mapping.sheet.about"), both("mapping.sheet.note"));
}

export interface StoredMapping {
  mapping: SavedMapping | null;
  /** Problems of a stored mapping that could not be used (then detection is used, and the user told why). */
  problems: string[];
}

function readSheet(sheet: SheetSnapshot): StoredMapping {
  const kept = jsonSheetText(sheet, KEY);
  if ("problem" in kept) return { mapping: null, problems: [kept.problem] };
  try {
    return { mapping: parseSavedMappingText(kept.text), problems: [] };
  } catch (e) {
    if (e instanceof ChitieuError) return { mapping: null, problems: [e.message] };
    throw e;
  }
}

/** The mapping stored in the workbook, if any, and the workbook without its mapping sheet (never a user's table). */
export function storedMapping(snapshot: WorkbookSnapshot): { stored: StoredMapping | null; snapshot: WorkbookSnapshot } {
  const sheet = snapshot.sheets.find((s) => isMappingSheet(s.name));
  if (!sheet) return { stored: null, snapshot };
  return { stored: readSheet(sheet), snapshot: { ...snapshot, sheets: snapshot.sheets.filter((s) => s !== sheet) } };
}
