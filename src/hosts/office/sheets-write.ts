// Adds sheets made as data (the consolidated report) to the open workbook, never touching the user's own sheets:
// a name the user already has gets a suffix ("Tổng hợp (2)"); with `replace`, the sheets an earlier run added are
// deleted first. Those are recognised by their worksheet ids, kept in our store ("chitieu.sheets.*"): an id stays the
// same when the sheet is renamed or moved (learn.microsoft.com, Excel.Worksheet id), so a sheet of ours the user
// renamed is still ours, and a user's sheet that happens to be called "Tổng hợp" never is.
//
// Round trips, whatever the number of rows or units: the state read (1, or 2 when the sheet list changed since the
// host's last look; the sheet ids ride on its first sync), one write batch, one store write (it needs the new sheets'
// ids, known only after the write). A batch is split only when its estimated size passes the request budget (4 MB by
// default, under Excel's 5 MB limit).

import { areaAddress, cellAddress } from "../../core/a1";
import type { CellStyle } from "../../core/template/types";
import { freeSheetName, type SheetCell, type SheetsToWrite, type SheetsWritten } from "../host";
import { mergeCells } from "./a1";
import type { OfficeFeatures } from "./features";
import { RequestBudget } from "./highlight";
import { queueStoreWrite } from "./store-write";
import type { WorkbookState } from "./state";
import { applyStyle, widthInPoints } from "./template";

type Ctx = Excel.RequestContext;

const IDS_KEY = "chitieu.sheets";
/** Rows per values request: small enough that a block of long texts stays far below the budget. */
const BLOCK_ROWS = 500;

/** Our sheets' ids as the store keeps them: one key per id (a custom property holds 255 characters at most). */
export function writtenSheetIds(store: ReadonlyMap<string, string>): string[] {
  const n = Number(store.get(`${IDS_KEY}.count`));
  if (!Number.isInteger(n) || n < 0) return [];
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = store.get(`${IDS_KEY}.${i}`);
    if (id) ids.push(id);
  }
  return ids;
}

function withSheetIds(store: ReadonlyMap<string, string>, ids: readonly string[]): Map<string, string> {
  const next = new Map([...store].filter(([k]) => !k.startsWith(`${IDS_KEY}.`)));
  if (ids.length === 0) return next;
  next.set(`${IDS_KEY}.count`, String(ids.length));
  ids.forEach((id, i) => next.set(`${IDS_KEY}.${i}`, id));
  return next;
}

/** "@" for text, so Excel keeps "1/2" or "(1)" as written instead of reading a date or −1; numbers stay General. */
function formatOf(v: SheetCell["v"]): string {
  return typeof v === "string" && v !== "" ? "@" : "General";
}

async function writeRows(ws: Excel.Worksheet, rows: Iterable<readonly (SheetCell | null)[]>, batch: RequestBudget): Promise<Map<string, { row: number; col: number }[]>> {
  const byStyle = new Map<string, { row: number; col: number }[]>();
  let block: (SheetCell | null)[][] = [];
  let top = 0;
  let r = 0;
  const flush = async () => {
    const width = Math.max(0, ...block.map((row) => row.length));
    if (width > 0) {
      const values = block.map((row) => Array.from({ length: width }, (_, c) => row[c]?.v ?? ""));
      // the values twice over (formats and values), plus the request's own bytes
      await batch.spend(2 * JSON.stringify(values).length + 200);
      const range = ws.getRange(areaAddress({ top, left: 0, bottom: top + block.length - 1, right: width - 1 }));
      range.numberFormat = values.map((row) => row.map(formatOf));
      range.values = values;
    }
    top += block.length;
    block = [];
  };
  for (const row of rows) {
    const cells = [...row];
    cells.forEach((cell, c) => {
      if (!cell) return;
      const list = byStyle.get(cell.s) ?? [];
      list.push({ row: r, col: c });
      byStyle.set(cell.s, list);
    });
    block.push(cells);
    r++;
    if (block.length >= BLOCK_ROWS) await flush();
  }
  await flush();
  return byStyle;
}

async function styleCells(ws: Excel.Worksheet, byStyle: Map<string, { row: number; col: number }[]>, styles: Readonly<Record<string, CellStyle>>, f: OfficeFeatures, batch: RequestBudget): Promise<void> {
  for (const [name, cells] of byStyle) {
    const style = styles[name];
    if (!style) continue;
    for (const area of mergeCells(cells)) {
      await batch.spend(1000);
      applyStyle(ws.getRange(areaAddress(area)), style, f, area);
    }
  }
}

/**
 * After `state` (and `listed`, the sheets with their ids) were read in this context: the write batch, then the store
 * write with the new sheets' ids.
 */
export async function writeSheets(
  ctx: Ctx,
  f: OfficeFeatures,
  state: WorkbookState,
  listed: { name: string; id: string }[],
  book: SheetsToWrite,
  opts: { replace: boolean; requestBytes: number },
): Promise<SheetsWritten & { addedSheets: string[]; removedSheets: string[] }> {
  const earlier = new Set(writtenSheetIds(state.store));
  const ours = listed.filter((s) => earlier.has(s.id));
  const old = opts.replace ? ours : [];
  const oldNames = new Set(old.map((s) => s.name.toLowerCase()));
  const everyName = [...listed.map((s) => s.name)];
  const keptNames = everyName.filter((n) => !oldNames.has(n.toLowerCase()));
  const skipped: string[] = [];
  const batch = new RequestBudget(ctx, opts.requestBytes);

  // each sheet is added under a name free now (the old ones still exist: a workbook must keep a visible sheet, and
  // ours may be the only ones) and renamed to the name it should have once the old ones are gone
  const plan: { now: string; final: string }[] = [];
  for (const s of book.sheets) {
    const now = freeSheetName(s.name, [...everyName, ...plan.map((p) => p.now)]);
    const final = freeSheetName(s.name, [...keptNames, ...plan.map((p) => p.final)]);
    plan.push({ now, final });
  }
  const added: Excel.Worksheet[] = [];
  const byWanted = new Map<string, Excel.Worksheet>();
  for (const [i, s] of book.sheets.entries()) {
    const ws = ctx.workbook.worksheets.add(plan[i]!.now);
    added.push(ws);
    byWanted.set(s.name, ws);
    const spec = s.spec();
    const byStyle = await writeRows(ws, spec.rows, batch);
    await styleCells(ws, byStyle, book.styles, f, batch);
    if (f.api12) {
      spec.widths.forEach((w, c) => {
        const letter = cellAddress(0, c).replace(/\d+$/, "");
        ws.getRange(`${letter}:${letter}`).format.columnWidth = widthInPoints(w);
      });
    }
    if (spec.freeze && spec.freeze.rows > 0 && f.freezePanes) ws.freezePanes.freezeRows(spec.freeze.rows);
  }
  if (!f.api12) skipped.push("column-widths");
  if (!f.freezePanes && book.sheets.length > 0) skipped.push("freeze-panes");

  for (const rule of book.rules ?? []) {
    const ws = byWanted.get(rule.sheet);
    if (!ws) continue;
    await batch.spend(1000 + rule.cells.length * 60);
    if (f.conditionalFormats) {
      const cf = ws.getRange(rule.range).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = rule.formula;
      cf.custom.format.fill.color = `#${rule.fill}`;
      cf.custom.format.font.color = `#${rule.font}`;
    } else {
      // below ExcelApi 1.6: today's colours, painted; they do not follow later edits
      for (const cell of rule.cells) {
        const r = ws.getRange(cell);
        r.format.fill.color = `#${rule.fill}`;
        r.format.font.color = `#${rule.font}`;
      }
    }
  }
  if (!f.conditionalFormats && (book.rules?.length ?? 0) > 0) skipped.push("conditional-formats");

  if (book.chart) {
    const ws = byWanted.get(book.chart.sheet);
    if (ws) {
      await batch.spend(1000);
      const chart = ws.charts.add("ColumnClustered" as Excel.ChartType, ws.getRange(book.chart.range), "Columns" as Excel.ChartSeriesBy);
      chart.title.text = book.chart.title;
      chart.setPosition(book.chart.at.start, book.chart.at.end);
    }
  }

  for (const s of old) ctx.workbook.worksheets.getItem(s.name).delete();
  plan.forEach((p, i) => {
    if (p.now !== p.final) added[i]!.name = p.final;
  });
  for (const ws of added) ws.load("id");
  added[0]?.activate();
  await ctx.sync();

  // kept in the store: the sheets of this run, and with "add beside" the earlier ones too (a later replace takes all)
  const ids = [...(opts.replace ? [] : ours.map((s) => s.id)), ...added.map((ws) => ws.id)];
  const storeSheets = queueStoreWrite(ctx, f, state, withSheetIds(state.store, ids));
  await ctx.sync();
  const finals = plan.map((p) => p.final);
  return {
    sheets: finals,
    replaced: old.map((s) => s.name),
    skipped,
    addedSheets: [...finals, ...storeSheets],
    removedSheets: old.map((s) => s.name),
  };
}
