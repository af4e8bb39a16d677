import { keyValueRows } from "./metadata";
import type { SheetSnapshot } from "./snapshot";

// A JSON document kept on one of our very hidden sheets as key/value rows: an "about" and a "do not edit" row, the
// number of pieces, then the JSON in pieces. A sheet's cells survive a save in Excel, LibreOffice and openpyxl alike
// (custom document properties do not always), and both hosts read our sheets, so the core reads them from a snapshot.

/** Well under Excel's 32,767 characters per cell. */
const CHUNK = 8_000;
/** At most this many pieces are read (80 MB of JSON: far beyond anything we keep). */
export const MAX_PIECES = 1000;
/** About, do-not-edit and count rows before the pieces. */
const HEADER_ROWS = 3;
/** The most rows such a sheet holds, so a host replacing one in place knows what to empty below a shorter one. */
export const JSON_SHEET_MAX_ROWS = HEADER_ROWS + MAX_PIECES;

/** Key/value rows for columns A and B; "=" escaped so no piece is ever taken for a formula. */
export function jsonSheetRows(key: string, value: unknown, about: string, note: string): [string, string][] {
  const text = JSON.stringify(value).replace(/=/g, "\\u003d");
  const pieces: [string, string][] = [];
  for (let i = 0; i * CHUNK < text.length; i++) pieces.push([`${key}.${i}`, text.slice(i * CHUNK, (i + 1) * CHUNK)]);
  return [[`${key}.about`, about], [`${key}.note`, note], [`${key}.count`, String(pieces.length)], ...pieces];
}

/** The JSON text kept on the sheet, or the problem that stops it being read (a missing or edited piece). */
export function jsonSheetText(sheet: SheetSnapshot, key: string): { text: string } | { problem: string } {
  const pairs = keyValueRows(sheet);
  const count = Number(pairs.get(`${key}.count`));
  if (!Number.isInteger(count) || count <= 0 || count > MAX_PIECES) return { problem: `${key}.count: ${pairs.get(`${key}.count`) ?? "(missing)"}` };
  let text = "";
  for (let i = 0; i < count; i++) {
    const piece = pairs.get(`${key}.${i}`);
    if (piece === undefined) return { problem: `${key}.${i}: (missing)` };
    text += piece;
  }
  return { text };
}
