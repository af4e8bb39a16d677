// Keeps our JSON documents in the workbook from Excel: the same very hidden key/value sheets the file host writes
// (src/hosts/xlsx/mapping-store.ts) and the core reads from any snapshot (src/core/json-sheet.ts): the confirmed
// mapping ("_chitieu_map") and the reviewer's decisions ("_chitieu_review"), so what is saved in the pane is read by
// the browser mode and the CLI, and the other way round.
// Two syncs whatever the document's size: the sheet list, then every write in one batch.

import { JSON_SHEET_MAX_ROWS } from "../../core/json-sheet";
import { isMappingSheet, MAPPING_SHEET, mappingSheetRows, type SavedMapping } from "../../core/mapping";
import { isReviewSheet, REVIEW_SHEET, reviewSheetRows, type ReviewStore } from "../../core/review";
import type { OfficeFeatures } from "./features";

export interface MappingWrite {
  /** The sheet when this write added it (for the host's list of sheets). */
  addedSheets: string[];
  /** Every sheet after the write, in workbook order. */
  allNames: string[];
}

export function writeMapping(ctx: Excel.RequestContext, f: OfficeFeatures, saved: SavedMapping): Promise<MappingWrite> {
  return writeKeyValueSheet(ctx, f, MAPPING_SHEET, isMappingSheet, mappingSheetRows(saved));
}

export function writeReview(ctx: Excel.RequestContext, f: OfficeFeatures, store: ReviewStore): Promise<MappingWrite> {
  return writeKeyValueSheet(ctx, f, REVIEW_SHEET, isReviewSheet, reviewSheetRows(store));
}

async function writeKeyValueSheet(
  ctx: Excel.RequestContext,
  f: OfficeFeatures,
  name: string,
  isOurs: (name: string) => boolean,
  rows: [string, string][],
): Promise<MappingWrite> {
  const sheets = ctx.workbook.worksheets.load("items/name");
  await ctx.sync();
  const names = sheets.items.map((s) => s.name);
  const existing = names.find(isOurs);
  const ws = existing ? ctx.workbook.worksheets.getItem(existing) : ctx.workbook.worksheets.add(name);
  // very hidden from ExcelApi 1.2 (not listed under Unhide); at 1.1 visibility cannot be set and the sheet stays
  // visible, its first rows saying what it is and asking not to edit it
  if (!existing && f.api12) ws.visibility = "VeryHidden";
  const range = ws.getRange(`A1:B${rows.length}`);
  // text format first, so a piece such as "2025" or "1.0" stays text
  range.numberFormat = rows.map(() => ["@", "@"]);
  range.values = rows;
  // a longer document kept before: its rows below are emptied (the sheet never holds more than the core reads)
  if (existing && rows.length < JSON_SHEET_MAX_ROWS) {
    const blank = Array.from({ length: JSON_SHEET_MAX_ROWS - rows.length }, () => ["", ""]);
    ws.getRange(`A${rows.length + 1}:B${JSON_SHEET_MAX_ROWS}`).values = blank;
  }
  await ctx.sync();
  return { addedSheets: existing ? [] : [name], allNames: existing ? names : [...names, name] };
}
