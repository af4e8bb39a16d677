// Keeps a confirmed mapping inside the workbook from Excel: the same "_chitieu_map" key/value sheet the file host
// writes (src/hosts/xlsx/mapping-store.ts) and the core reads from any snapshot (src/core/mapping/store.ts), so a
// mapping saved in the pane is read by the browser mode and the CLI, and the other way round.
// Two syncs whatever the mapping's size: the sheet list, then every write in one batch.

import { isMappingSheet, MAPPING_SHEET, mappingSheetRows, MAPPING_SHEET_MAX_ROWS, type SavedMapping } from "../../core/mapping";
import type { OfficeFeatures } from "./features";

export interface MappingWrite {
  /** The mapping sheet when this write added it (for the host's list of sheets). */
  addedSheets: string[];
  /** Every sheet after the write, in workbook order. */
  allNames: string[];
}

export async function writeMapping(ctx: Excel.RequestContext, f: OfficeFeatures, saved: SavedMapping): Promise<MappingWrite> {
  const sheets = ctx.workbook.worksheets.load("items/name");
  await ctx.sync();
  const names = sheets.items.map((s) => s.name);
  const existing = names.find(isMappingSheet);
  const rows = mappingSheetRows(saved);
  const ws = existing ? ctx.workbook.worksheets.getItem(existing) : ctx.workbook.worksheets.add(MAPPING_SHEET);
  // very hidden from ExcelApi 1.2 (not listed under Unhide); at 1.1 visibility cannot be set and the sheet stays
  // visible, its first rows saying what it is and asking not to edit it
  if (!existing && f.api12) ws.visibility = "VeryHidden";
  const range = ws.getRange(`A1:B${rows.length}`);
  // text format first, so a piece such as "2025" or "1.0" stays text
  range.numberFormat = rows.map(() => ["@", "@"]);
  range.values = rows;
  // a longer mapping kept before: its rows below are emptied (the sheet never holds more than the core reads)
  if (existing && rows.length < MAPPING_SHEET_MAX_ROWS) {
    const blank = Array.from({ length: MAPPING_SHEET_MAX_ROWS - rows.length }, () => ["", ""]);
    ws.getRange(`A${rows.length + 1}:B${MAPPING_SHEET_MAX_ROWS}`).values = blank;
  }
  await ctx.sync();
  return { addedSheets: existing ? [] : [MAPPING_SHEET], allNames: existing ? names : [...names, MAPPING_SHEET] };
}
