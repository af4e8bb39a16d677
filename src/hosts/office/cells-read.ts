// Reading the cells a check needs, within Excel's limits: on the web a request and its response may each be 5 MB,
// and on every platform a range of more than five million cells is too large to get (Range.values may then come
// back null instead of failing: OfficeDev/office-js #4783 and #6781; learn.microsoft.com, "Performance
// optimization using the Excel JavaScript API", payload size limit).
//
// Only the sheet the template metadata names is read when there is one (the check looks at no other sheet); else
// every user sheet. Each sheet's used range is read whole in the caller's sync: the usual case, no extra round trip.
// When Excel refuses that response as too large, or a sheet's values come back null, the used range's address is
// read and the cells follow in row slices of at most SYNC_CELLS cells per round trip.

import type { RawValue, SheetSnapshot } from "../../core/snapshot";
import { ChitieuError } from "../../core/errors";
import { areaAddress, parseArea, type Area } from "../../core/a1";
import { splitAddress } from "./a1";
import type { OfficeFeatures } from "./features";
import { isReviewSheet } from "../../core/review/store";

type Ctx = Excel.RequestContext;

const CELL_PROPS = "values,numberFormat,formulas,valueTypes";
const SNAPSHOT_PROPS = `address,${CELL_PROPS}`;

/** Cells per round trip when reading in slices: about 2 MB at the ~36 bytes a cell its four properties take. */
export const SYNC_CELLS = 60_000;

/**
 * The sheets whose cells a snapshot reads: the one the metadata names, when it exists, with the reviewer's decisions
 * (read in the same sync: no extra round trip); else every user sheet.
 */
export function dataSheets(userSheets: readonly string[], template: string | null | undefined): string[] {
  return template && userSheets.includes(template) ? [template, ...userSheets.filter(isReviewSheet)] : [...userSheets];
}

/** A sheet whose used range is known by its address but whose cells are still to be read. */
export interface PendingCells {
  name: string;
  /** null for a blank sheet (no used range). */
  area: Area | null;
}

/** Queues a sheet's used range: its cells too, or (`sized`) only its address. */
export function queueUsedRange(ctx: Ctx, f: OfficeFeatures, sheet: string, sized: boolean): Excel.Range {
  const ws = ctx.workbook.worksheets.getItem(sheet);
  // getUsedRangeOrNullObject is ExcelApi 1.4; below it a blank sheet gives its top-left cell, read as empty
  const range = f.nullObjects ? ws.getUsedRangeOrNullObject(true) : f.api12 ? ws.getUsedRange(true) : ws.getUsedRange();
  return range.load(sized ? "address" : SNAPSHOT_PROPS);
}

/** After the sync: the snapshot, or what is left to read in slices (sized read, or values Excel would not return). */
export function finishUsedRange(name: string, range: Excel.Range, f: OfficeFeatures, sized: boolean): SheetSnapshot | PendingCells {
  if (f.nullObjects && range.isNullObject) return emptySheet(name);
  const area = parseArea(splitAddress(range.address).area);
  if (sized || range.values == null || range.numberFormat == null || range.formulas == null || range.valueTypes == null) return { name, area };
  return fromMatrices(name, area, range.values, range.valueTypes as string[][], range.formulas, range.numberFormat);
}

export function isPending(x: SheetSnapshot | PendingCells): x is PendingCells {
  return "area" in x;
}

/** Reads pending sheets in full-width row slices, at most SYNC_CELLS cells per round trip. */
export async function readSlices(ctx: Ctx, pending: readonly PendingCells[]): Promise<SheetSnapshot[]> {
  const slices: { name: string; area: Area; range: Excel.Range }[] = [];
  let queued = 0;
  for (const p of pending) {
    if (!p.area) continue;
    const width = p.area.right - p.area.left + 1;
    const rows = Math.max(1, Math.floor(SYNC_CELLS / width));
    const ws = ctx.workbook.worksheets.getItem(p.name);
    for (let top = p.area.top; top <= p.area.bottom; top += rows) {
      const area = { ...p.area, top, bottom: Math.min(p.area.bottom, top + rows - 1) };
      const cells = (area.bottom - area.top + 1) * width;
      if (queued > 0 && queued + cells > SYNC_CELLS) {
        await ctx.sync();
        queued = 0;
      }
      slices.push({ name: p.name, area, range: ws.getRange(areaAddress(area)).load(CELL_PROPS) });
      queued += cells;
    }
  }
  if (queued > 0) await ctx.sync();
  for (const s of slices)
    if (s.range.values == null || s.range.numberFormat == null || s.range.formulas == null || s.range.valueTypes == null)
      throw new ChitieuError("error.too-large.sheet-cells", { sheet: s.name, range: areaAddress(s.area) });
  return pending.map((p) => {
    if (!p.area) return emptySheet(p.name);
    const mine = slices.filter((s) => s.name === p.name);
    const rows = <T>(pick: (r: Excel.Range) => T[][]) => mine.flatMap((s) => pick(s.range));
    return fromMatrices(p.name, p.area, rows((r) => r.values), rows((r) => r.valueTypes as string[][]), rows((r) => r.formulas), rows((r) => r.numberFormat));
  });
}

function emptySheet(name: string): SheetSnapshot {
  return { name, top: 0, left: 0, values: [], formats: [], formulas: [] };
}

function fromMatrices(name: string, area: Area, raw: unknown[][], types: string[][], formulaCells: unknown[][], formatCells: unknown[][]): SheetSnapshot {
  const values: RawValue[][] = raw.map((row, r) =>
    row.map((v, c): RawValue => {
      const t = types[r]?.[c];
      if (t === "Error") return { error: String(v) };
      if (t === "Empty" || v === "" || v === null || v === undefined) return null;
      return typeof v === "number" || typeof v === "boolean" || typeof v === "string" ? v : String(v);
    }),
  );
  // below ExcelApi 1.4 a blank sheet's used range is its top-left cell
  const blank = values.length === 1 && values[0]?.length === 1 && values[0][0] === null;
  if (blank) return emptySheet(name);
  const formulas = formulaCells.map((row) => row.map((x) => (typeof x === "string" && x.startsWith("=") ? x.slice(1) : null)));
  const formats = formatCells.map((row) => row.map((x) => (typeof x === "string" && x !== "" ? x : "General")));
  return { name, top: area.top, left: area.left, values, formats, formulas };
}
