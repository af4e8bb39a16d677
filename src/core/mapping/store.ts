import { ChitieuError } from "../errors";
import { keyValueRows } from "../metadata";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { catalogs } from "../messages";
import { parseSavedMappingText, type SavedMapping } from "./saved";

// The confirmed mapping kept inside the workbook: a very hidden sheet of key/value rows holding the mapping's JSON
// in pieces. A sheet's cells survive a save in Excel, LibreOffice and openpyxl alike (custom document properties do
// not always), and both hosts read every sheet, so the mapping is read from the snapshot by the core.

export const MAPPING_SHEET = "_chitieu_map";
const KEY = "chitieu.mapping";
/** Well under Excel's 32,767 characters per cell. */
const CHUNK = 8_000;
/** At most this many pieces are read (80 MB of JSON: far beyond any catalog's mapping). */
const MAX_PIECES = 1000;
/** About, do-not-edit and count rows before the pieces. */
const HEADER_ROWS = 3;
/** The most rows a mapping sheet holds, so a host replacing one in place knows what to empty below a shorter one. */
export const MAPPING_SHEET_MAX_ROWS = HEADER_ROWS + MAX_PIECES;

export function isMappingSheet(name: string): boolean {
  return name.toLowerCase() === MAPPING_SHEET;
}

/** Key/value rows for column A and B of the mapping sheet; "=" escaped so no piece is ever taken for a formula. */
export function mappingSheetRows(saved: SavedMapping): [string, string][] {
  const text = JSON.stringify(saved).replace(/=/g, "\\u003d");
  const pieces: [string, string][] = [];
  for (let i = 0; i * CHUNK < text.length; i++) pieces.push([`${KEY}.${i}`, text.slice(i * CHUNK, (i + 1) * CHUNK)]);
  const both = (key: "mapping.sheet.about" | "mapping.sheet.note") => `${catalogs.vi[key]} / ${catalogs.en[key]}`;
  // the note matters where the sheet is visible (Excel 2016 without updates, ExcelApi 1.1): it says not to edit it
  return [[`${KEY}.about`, both("mapping.sheet.about")], [`${KEY}.note`, both("mapping.sheet.note")], [`${KEY}.count`, String(pieces.length)], ...pieces];
}

export interface StoredMapping {
  mapping: SavedMapping | null;
  /** Problems of a stored mapping that could not be used (then detection is used, and the user told why). */
  problems: string[];
}

function readSheet(sheet: SheetSnapshot): StoredMapping {
  const pairs = keyValueRows(sheet);
  const count = Number(pairs.get(`${KEY}.count`));
  if (!Number.isInteger(count) || count <= 0 || count > MAX_PIECES) return { mapping: null, problems: [`${KEY}.count: ${pairs.get(`${KEY}.count`) ?? "(missing)"}`] };
  let text = "";
  for (let i = 0; i < count; i++) {
    const piece = pairs.get(`${KEY}.${i}`);
    if (piece === undefined) return { mapping: null, problems: [`${KEY}.${i}: (missing)`] };
    text += piece;
  }
  try {
    return { mapping: parseSavedMappingText(text), problems: [] };
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
