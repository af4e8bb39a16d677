// Reading the workbook: (1) sheet names and workbook-level collections, (2) per-sheet data, our rules, protection and
// the cells of notes/comments. The snapshot read rides on the same syncs. When the sheet list is already known and
// nothing else in (2) waits for an answer from (1) (no notes or comments to locate: below ExcelApi 1.10, or a read of
// our store alone), both go in one sync and the names loaded with them confirm the list; a changed list costs one
// more sync, never a wrong answer.

import type { SheetSnapshot } from "../../core/snapshot";
import { cellAddress, parseArea } from "../../core/a1";
import { splitAddress } from "./a1";
import { dataSheets, finishUsedRange, isPending, queueUsedRange, readSlices, type PendingCells } from "./cells-read";
import type { OfficeFeatures } from "./features";
import { isStoreSheet } from "../../core/metadata";
import { excelCode } from "./errors";
import { isOurFormula, NOTE_PREFIX } from "./ours";
import { isOurKey, readMetadata, readState, type OurState } from "./store";

export interface SheetProtection {
  protected: boolean;
  options: Record<string, boolean>;
}

export interface WorkbookState {
  /** Every sheet, in workbook order, our store sheet included: what a later read may take as known. */
  allNames: string[];
  /** The user's sheets, in workbook order. */
  sheetNames: string[];
  /** Every sheet's id by name: ids stay the same when a sheet is renamed or moved (our added sheets are known by them). */
  sheetIds: Map<string, string>;
  /** Whether the "_chitieu" store sheet exists, and how many rows it uses. */
  storeSheet: boolean;
  storeRows: number;
  /** Our keys, from custom properties and/or the store sheet. */
  store: Map<string, string>;
  /** Keys as they are in custom properties (to delete stale ones). */
  propertyKeys: string[];
  state: OurState;
  /** Our rules by sheet and position (Excel's id): recognised by what they are, since a position names no rule for long. */
  ourRules: { sheet: string; position: number }[];
  /** Existing notes/comments by "sheet!CELL" key, and whether each is ours. */
  notes: Map<string, Located & { ours: boolean }>;
  /** `replies`: a colleague's answers, which Comment.delete would take with it. */
  comments: Map<string, Located & { id: string; ours: boolean; replies: number }>;
  protection: Map<string, SheetProtection>;
}

export interface Located {
  sheet: string;
  cell: string;
}

export function cellKeyOf(sheet: string, cell: string): string {
  return `${sheet.toLowerCase()}!${cell.toUpperCase()}`;
}

export { isStoreSheet };

type Ctx = Excel.RequestContext;

/**
 * What a read is for, so it loads only that: "store" our metadata and undo state (the pane's opening read: its state
 * lists no rules, notes, comments or protection and must not be written from); "state" everything a write needs;
 * "snapshot" that plus the cells of the sheet the metadata names, or of every user sheet (cells-read.ts).
 */
export type ReadScope = "store" | "state" | "snapshot";

/** Queues phase 1; returns what phase 2 needs after the sync. */
export function queueWorkbookLoads(ctx: Ctx, f: OfficeFeatures, scope: ReadScope) {
  const wb = ctx.workbook;
  const full = scope !== "store";
  return {
    sheets: wb.worksheets.load("items/name,items/id"),
    props: f.customProperties ? wb.properties.custom.load("items/key,items/value") : null,
    notes: full && f.explanations === "notes" ? wb.notes.load("items/content") : null,
    // with notes we also read comments: a cell holds one or the other
    comments: full && f.explanations !== "none" ? wb.comments.load("items/id,items/content") : null,
  };
}

type Phase1 = ReturnType<typeof queueWorkbookLoads>;

/**
 * Queues phase 2 for the sheets `names`: after phase 1 was synced, or in the same batch when the names are known and
 * phase 1 loads no notes or comments. `finish` (after the sync) turns the loaded values into a WorkbookRead.
 */
/** For a snapshot: the template sheet as last known (undefined: never read), and whether to read addresses only. */
interface CellsWanted {
  template: string | null | undefined;
  sized: boolean;
}

export function queueSheetLoads(ctx: Ctx, f: OfficeFeatures, p1: Phase1, names: readonly string[], scope: ReadScope, cells: CellsWanted) {
  const userSheets = names.filter((n) => !isStoreSheet(n));
  const storeName = names.find(isStoreSheet);
  const ws = ctx.workbook.worksheets;
  const full = scope !== "store";
  const storeRange = storeName ? ws.getItem(storeName).getUsedRange().load("values") : null;
  const rules = full && f.conditionalFormats
    ? userSheets.map((sheet) => ({
        sheet,
        items: ws.getItem(sheet).getRange().conditionalFormats.load("items/type,items/customOrNullObject/rule/formula"),
      }))
    : [];
  const protection = full && f.api12 ? userSheets.map((sheet) => ({ sheet, p: ws.getItem(sheet).protection.load("protected,options") })) : [];
  const noteLocations = p1.notes ? p1.notes.items.map((n) => ({ note: n, at: n.getLocation().load("address") })) : [];
  const commentLocations = p1.comments
    ? p1.comments.items.map((c) => ({ comment: c, at: c.getLocation().load("address"), replies: c.replies.getCount() }))
    : [];

  const ranges =
    scope === "snapshot" ? dataSheets(userSheets, cells.template).map((name) => ({ name, range: queueUsedRange(ctx, f, name, cells.sized) })) : [];

  return {
    /** Whether anything was queued (so a sync is needed at all). */
    queued: storeRange !== null || rules.length + protection.length + noteLocations.length + commentLocations.length + ranges.length > 0,
    finish(): RawRead {
      const store = new Map<string, string>();
      let storeRows = 0;
      if (storeRange) {
        const values = storeRange.values;
        storeRows = values.length;
        for (const row of values) {
          const k = String(row[0] ?? "");
          if (isOurKey(k)) store.set(k, String(row[1] ?? ""));
        }
      }
      const propertyKeys: string[] = [];
      for (const p of p1.props?.items ?? []) {
        if (!isOurKey(p.key)) continue;
        propertyKeys.push(p.key);
        // custom properties win over an older store sheet
        store.set(p.key, String(p.value));
      }
      const state = readState(store);
      const noted = new Set(state.notes.map((n) => cellKeyOf(n.sheet, n.cell)));
      const commented = new Set(state.comments.map((n) => cellKeyOf(n.sheet, n.cell)));
      // ours: our prefix, on a cell our store lists (or any cell when the store lost its list)
      const notes: WorkbookState["notes"] = new Map();
      for (const { note, at } of noteLocations) {
        const loc = located(at.address);
        const key = cellKeyOf(loc.sheet, loc.cell);
        notes.set(key, { ...loc, ours: note.content.startsWith(NOTE_PREFIX) && (noted.has(key) || state.notes.length === 0) });
      }
      const comments: WorkbookState["comments"] = new Map();
      for (const { comment, at, replies } of commentLocations) {
        const loc = located(at.address);
        const key = cellKeyOf(loc.sheet, loc.cell);
        const ours = comment.content.startsWith(NOTE_PREFIX) && (commented.has(key) || state.comments.length === 0);
        comments.set(key, { ...loc, id: comment.id, ours, replies: replies.value });
      }
      const ourRules: WorkbookState["ourRules"] = [];
      for (const { sheet, items } of rules)
        items.items.forEach((cf, position) => {
          if (cf.type !== "Custom" || cf.customOrNullObject.isNullObject) return;
          if (isOurFormula(cf.customOrNullObject.rule.formula)) ourRules.push({ sheet, position });
        });
      const found: WorkbookState = {
        allNames: [...names],
        sheetNames: userSheets,
        sheetIds: new Map(),
        storeSheet: storeName !== undefined,
        storeRows,
        store,
        propertyKeys,
        state,
        ourRules,
        notes,
        comments,
        protection: new Map(protection.map(({ sheet, p }) => [sheet.toLowerCase(), { protected: p.protected, options: p.options as unknown as Record<string, boolean> }])),
      };
      const read = ranges.map(({ name, range }) => finishUsedRange(name, range, f, cells.sized));
      return { state: found, sheets: read.filter((x): x is SheetSnapshot => !isPending(x)), pending: read.filter(isPending) };
    },
  };
}

function located(address: string): Located {
  const { sheet, area } = splitAddress(address);
  const { top, left } = parseArea(area);
  return { sheet: sheet ?? "", cell: cellAddress(top, left) };
}

export interface WorkbookRead {
  state: WorkbookState;
  /** The cells of the sheet the metadata names, else of every user sheet, in workbook order (snapshot scope only). */
  sheets: SheetSnapshot[];
}

/** A read before its large sheets were read in slices. */
interface RawRead extends WorkbookRead {
  pending: PendingCells[];
}

/**
 * Reads what `scope` asks for. `known` is the sheet list a previous read returned (state.allNames), or null. One sync
 * when `known` is still right and nothing waits for notes or comments to be listed (see the top of this file); else
 * two; a known sheet deleted or renamed since costs the refused sync on top. `template` is the sheet the metadata
 * named at the host's last read (undefined: not read yet): a snapshot reads that sheet's cells alone, checked against
 * the metadata read in the same sync (one more sync when it changed). Cells too large for one response: see cells-read.ts.
 */
export async function readWorkbook(
  ctx: Ctx,
  f: OfficeFeatures,
  known: readonly string[] | null,
  scope: ReadScope,
  template?: string | null,
): Promise<WorkbookRead> {
  let raw: RawRead;
  try {
    raw = await readOnce(ctx, f, known, scope, { template, sized: false });
  } catch (e) {
    // Excel on the web refuses a response over 5 MB as a whole (nothing was read): sizes first, then row slices
    if (scope !== "snapshot" || excelCode(e) !== "ResponsePayloadSizeLimitExceeded") throw e;
    raw = await readOnce(ctx, f, known, scope, { template, sized: true });
  }
  return scope === "snapshot" ? completeCells(ctx, f, raw) : { state: raw.state, sheets: [] };
}

async function readOnce(ctx: Ctx, f: OfficeFeatures, known: readonly string[] | null, scope: ReadScope, cells: CellsWanted): Promise<RawRead> {
  if (known && (scope === "store" || f.explanations === "none")) {
    try {
      const p1 = queueWorkbookLoads(ctx, f, scope);
      const p2 = queueSheetLoads(ctx, f, p1, known, scope, cells);
      await ctx.sync();
      const names = p1.sheets.items.map((s) => s.name);
      // sheets added since: read their part now that the list is loaded (phase 1 need not be asked again)
      if (!sameSheets(names, known)) return await secondPhase(ctx, f, p1, scope, cells);
      return withIds(p1, inWorkbookOrder(names, p2.finish()));
    } catch (e) {
      // a known sheet was deleted or renamed: Excel refused the whole batch, so ask for the list first
      if (excelCode(e) !== "ItemNotFound") throw e;
    }
  }
  const p1 = queueWorkbookLoads(ctx, f, scope);
  await ctx.sync();
  return secondPhase(ctx, f, p1, scope, cells);
}

function withIds(p1: Phase1, raw: RawRead): RawRead {
  raw.state.sheetIds = new Map(p1.sheets.items.map((s) => [s.name, s.id]));
  return raw;
}

async function secondPhase(ctx: Ctx, f: OfficeFeatures, p1: Phase1, scope: ReadScope, cells: CellsWanted): Promise<RawRead> {
  const names = p1.sheets.items.map((s) => s.name);
  // from ExcelApi 1.7 the metadata is in the custom properties just read: the template sheet is known for sure
  const template = p1.props ? (readMetadata(propertyStore(p1.props))?.sheet ?? null) : cells.template;
  const p2 = queueSheetLoads(ctx, f, p1, names, scope, { ...cells, template });
  // e.g. our store alone in a workbook without a store sheet: nothing more to ask
  if (p2.queued) await ctx.sync();
  return withIds(p1, inWorkbookOrder(names, p2.finish()));
}

function propertyStore(props: Excel.CustomPropertyCollection): Map<string, string> {
  return new Map(props.items.filter((p) => isOurKey(p.key)).map((p) => [p.key, String(p.value)]));
}

/** The sheets the metadata read in this very batch asks for: read the ones the first guess missed, then the slices. */
async function completeCells(ctx: Ctx, f: OfficeFeatures, raw: RawRead): Promise<WorkbookRead> {
  const wanted = dataSheets(raw.state.sheetNames, readMetadata(raw.state.store)?.sheet ?? null);
  const read = new Set([...raw.sheets.map((s) => s.name), ...raw.pending.map((p) => p.name)]);
  const pending = raw.pending.filter((p) => wanted.includes(p.name));
  const missing = wanted.filter((n) => !read.has(n));
  if (missing.length > 0) {
    // the metadata changed since the host last read it: the sheets it now names, by size first (their size is unknown)
    const ranges = missing.map((name) => ({ name, range: queueUsedRange(ctx, f, name, true) }));
    await ctx.sync();
    for (const { name, range } of ranges) {
      const x = finishUsedRange(name, range, f, true);
      if (isPending(x)) pending.push(x);
    }
  }
  const sliced = await readSlices(ctx, pending);
  const byName = new Map([...raw.sheets, ...sliced].map((s) => [s.name, s]));
  return { state: raw.state, sheets: wanted.flatMap((n) => byName.get(n) ?? []) };
}

function sameSheets(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(b);
  return a.every((n) => set.has(n));
}

/** Sheets the user moved since the list was known keep their new order; no sync needed for that. */
function inWorkbookOrder(names: readonly string[], read: RawRead): RawRead {
  const position = new Map(names.map((n, i) => [n, i]));
  const byPosition = (a: string, b: string) => (position.get(a) ?? 0) - (position.get(b) ?? 0);
  const sheetNames = [...read.state.sheetNames].sort(byPosition);
  const sheets = [...read.sheets].sort((a, b) => byPosition(a.name, b.name));
  return { state: { ...read.state, allNames: [...names], sheetNames }, sheets, pending: read.pending };
}
