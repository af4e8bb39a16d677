// Queues the writes that make the hidden store equal `next` (no sync here: callers batch it with their own writes).
// Returns the sheet it adds (the store sheet, the first time below ExcelApi 1.7), so the host's sheet list stays right.

import { sheetAddress } from "./a1";
import type { OfficeFeatures } from "./features";
import { STORE_SHEET } from "./ours";
import type { WorkbookState } from "./state";

const STORE_TITLE = "chitieu.about";
const STORE_NOTE = "Dữ liệu của phần bổ trợ Chỉ tiêu CĐS — vui lòng không sửa / Data of the Chỉ tiêu CĐS add-in — please do not edit";

export function queueStoreWrite(ctx: Excel.RequestContext, f: OfficeFeatures, current: WorkbookState, next: ReadonlyMap<string, string>): string[] {
  if (f.customProperties) {
    const custom = ctx.workbook.properties.custom;
    for (const [k, v] of next) if (current.store.get(k) !== v || !current.propertyKeys.includes(k)) custom.add(k, v);
    for (const k of current.propertyKeys) if (!next.has(k)) custom.getItem(k).delete();
    return [];
  }
  const rows: string[][] = [[STORE_TITLE, STORE_NOTE], ...[...next].map(([k, v]) => [k, v])];
  if (rows.length === 1 && !current.storeSheet) return [];
  const ws = current.storeSheet ? ctx.workbook.worksheets.getItem(STORE_SHEET) : ctx.workbook.worksheets.add(STORE_SHEET);
  // visibility can be set from ExcelApi 1.2; at 1.1 the sheet stays visible, with its "do not edit" line
  if (!current.storeSheet && f.api12) ws.visibility = "VeryHidden";
  const height = Math.max(rows.length, current.storeRows);
  while (rows.length < height) rows.push(["", ""]);
  const range = ws.getRange(`A1:B${height}`);
  // text format, so "2025" or "1.0" stay text
  range.numberFormat = rows.map(() => ["@", "@"]);
  range.values = rows;
  return current.storeSheet ? [] : [STORE_SHEET];
}

export function storeAddress(cell: string): string {
  return sheetAddress(STORE_SHEET, cell);
}
