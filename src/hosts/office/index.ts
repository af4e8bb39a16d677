// The Office.js host: the only module of the product that talks to Excel. Everything else sees a WorkbookHost.
//
// Round trips. Every read needs the sheet names before it can ask for each sheet's used range, so the host keeps the
// list its last operation saw and, where nothing else must be known first (below ExcelApi 1.10), reads the list and
// the sheets in one sync, the list confirming itself (state.ts). The pane's readMetadata on opening gives the first list.
// What each operation's syncs wait for is in README.md; how many there are is measured, not restated:
// `npm run bench:office` prints them per requirement set.

import type { HighlightPlan } from "../../core/highlight-plan";
import type { SavedMapping } from "../../core/mapping";
import type { TemplateMetadata, WorkbookSnapshot } from "../../core/snapshot";
import type { TemplateLayout } from "../../core/template/types";
import type { ApplyResult, HostCapabilities, SheetsToWrite, SheetsWritten, WorkbookHost } from "../host";
import { ACTIONS, excelCode, toHostError, type Action } from "./errors";
import { capabilitiesOf, detectFeatures, type IsSetSupported, type OfficeFeatures } from "./features";
import { applyPlan, clearPlan, DEFAULT_REQUEST_BYTES } from "./highlight";
import { readMetadata } from "./store";
import { readWorkbook, type ReadScope, type WorkbookRead, type WorkbookState } from "./state";
import { insertLayout, type InsertReport } from "./template";
import { writeMapping, writeReview } from "./mapping-write";
import { writeSheets } from "./sheets-write";
import type { ReviewStore } from "../../core/review";
import { cellAddress, parseArea } from "../../core/a1";
import { splitAddress } from "./a1";

/** Excel.run: a new context, or with `context` (Excel.run(context, batch)) the same one again. */
export type RunBatch = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>, context?: Excel.RequestContext) => Promise<T>;

export interface OfficeHostDeps {
  run: RunBatch;
  isSetSupported: IsSetSupported;
  /** Estimated bytes per request before a batch is split (default 4 MB, under Excel's 5 MB limit). */
  requestBytes?: number;
}

export interface OfficeHost extends WorkbookHost {
  readonly kind: "office";
  readonly features: OfficeFeatures;
  /** What the last insertTemplate could not add on this Excel. */
  lastInsert(): InsertReport | null;
  /** Registers `handler` for edits on the template sheet (or every sheet without metadata); null below ExcelApi 1.7. */
  onSheetsChanged(handler: () => void): Promise<(() => Promise<void>) | null>;
  /** Keeps the confirmed mapping in the workbook: the "_chitieu_map" sheet the file host writes too. */
  saveMapping(saved: SavedMapping): Promise<void>;
  selectedCell(): Promise<{ sheet: string; cell: string }>;
  /** Adds sheets (the consolidated report) to the open workbook; see sheets-write.ts. */
  writeSheets(book: SheetsToWrite, opts: { replace: boolean }): Promise<SheetsWritten>;
}


export function createOfficeHost(deps: OfficeHostDeps): OfficeHost {
  const f = detectFeatures(deps.isSetSupported);
  const caps = capabilitiesOf(f);
  const budget = deps.requestBytes ?? DEFAULT_REQUEST_BYTES;
  // the state read with the last snapshot, handed to the next applyHighlights so a check does not read twice
  let fresh: WorkbookState | null = null;
  let inserted: InsertReport | null = null;
  // the sheet list as of this host's last operation (null: never read); every read confirms it with Excel
  let known: string[] | null = null;
  // the sheet the metadata named at the last read (undefined: never read), so a snapshot reads that sheet alone
  let template: string | null | undefined;

  async function read(ctx: Excel.RequestContext, scope: ReadScope): Promise<WorkbookRead> {
    const r = await readWorkbook(ctx, f, known, scope, template);
    known = r.state.allNames;
    template = readMetadata(r.state.store)?.sheet ?? null;
    return r;
  }

  /** After a write that succeeded: the list read before it plus what it added. */
  function wrote<T extends { addedSheets: string[] }>(state: WorkbookState, result: T): Omit<T, "addedSheets"> {
    const { addedSheets, ...rest } = result;
    known = [...state.allNames, ...addedSheets];
    return rest;
  }

  async function guarded<T>(action: Action, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      throw toHostError(e, action);
    }
  }

  return {
    kind: "office",
    features: f,
    capabilities: (): HostCapabilities => ({ ...caps, missing: [...caps.missing] }),
    lastInsert: () => inserted,

    readSnapshot: () =>
      guarded(ACTIONS.read, () =>
        deps.run(async (ctx): Promise<WorkbookSnapshot> => {
          fresh = null;
          const { state, sheets } = await read(ctx, "snapshot");
          fresh = state;
          return { sheets, metadata: readMetadata(state.store) };
        }),
      ),

    readMetadata: () =>
      guarded(ACTIONS.metadata, () =>
        deps.run(async (ctx): Promise<TemplateMetadata | null> => readMetadata((await read(ctx, "store")).state.store)),
      ),

    applyHighlights: (plan: HighlightPlan): Promise<ApplyResult> =>
      guarded(ACTIONS.apply, async () => {
        const cached = fresh;
        fresh = null;
        const apply = (explain: boolean, reuse: WorkbookState | null) =>
          deps.run(async (ctx) => {
            const state = reuse ?? (await read(ctx, "state")).state;
            return wrote(state, await applyPlan(ctx, f, state, plan, explain, budget));
          });
        try {
          return await apply(true, cached);
        } catch (e) {
          const code = excelCode(e);
          // the workbook changed since the snapshot (a rule or note of ours deleted by hand): read again, once
          if (cached && code === "ItemNotFound") return apply(true, null);
          // below ExcelApi 1.18 a user's note is invisible to us and Excel refuses a comment on its cell, with an
          // error the reference does not name: whatever the code, mark without explanations (the pane still lists
          // every finding); a failure that has nothing to do with comments fails again and is reported
          if (f.explanations === "comments") return apply(false, null);
          throw e;
        }
      }),

    clearHighlights: () =>
      guarded(ACTIONS.clear, () => {
        fresh = null;
        return deps.run(async (ctx) => {
          const { state } = await read(ctx, "state");
          return wrote(state, await clearPlan(ctx, f, state));
        });
      }),

    insertTemplate: (layout: TemplateLayout) =>
      guarded(ACTIONS.insert, async () => {
        fresh = null;
        inserted = await deps.run(async (ctx) => {
          const { state } = await read(ctx, "state");
          const report = await insertLayout(ctx, f, state, layout, budget);
          wrote(state, report);
          template = report.sheetName;
          return report;
        });
        return { sheetName: inserted.sheetName };
      }),

    saveMapping: (saved: SavedMapping) =>
      guarded(ACTIONS.saveMapping, async () => {
        fresh = null;
        known = (await deps.run((ctx) => writeMapping(ctx, f, saved))).allNames;
      }),

    writeSheets: (book: SheetsToWrite, opts: { replace: boolean }) =>
      guarded(ACTIONS.writeSheets, () => {
        fresh = null;
        return deps.run(async (ctx) => {
          // the ids come with the state read's sheet list: which sheets an earlier run added is known by id, not name
          const { state } = await read(ctx, "state");
          const sheets = state.allNames.map((name) => ({ name, id: state.sheetIds.get(name) ?? "" }));
          const { addedSheets, removedSheets, ...written } = await writeSheets(ctx, f, state, sheets, book, { replace: opts.replace, requestBytes: budget });
          const gone = new Set(removedSheets.map((n) => n.toLowerCase()));
          known = [...state.allNames.filter((n) => !gone.has(n.toLowerCase())), ...addedSheets];
          return written;
        });
      }),

    saveReview: (store: ReviewStore) =>
      guarded(ACTIONS.saveReview, async () => {
        fresh = null;
        known = (await deps.run((ctx) => writeReview(ctx, f, store))).allNames;
      }),

    selectedCell: () =>
      guarded(ACTIONS.readSelection, () =>
        deps.run(async (ctx) => {
          // ExcelApi 1.1: one range, else Excel refuses with InvalidSelection (told to the user as such)
          const range = ctx.workbook.getSelectedRange().load("address");
          await ctx.sync();
          const { sheet, area } = splitAddress(range.address);
          const { top, left } = parseArea(area);
          return { sheet: sheet ?? "", cell: cellAddress(top, left) };
        }),
      ),

    selectCell: (sheet: string, cell: string) =>
      guarded(ACTIONS.select, () =>
        deps.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(cell).select();
          await ctx.sync();
        }),
      ),

    onSheetsChanged: (handler: () => void) =>
      guarded(ACTIONS.watch, async () => {
        if (!f.changeEvents) return null;
        return deps.run(async (ctx) => {
          const { state } = await read(ctx, "state");
          const meta = readMetadata(state.store);
          const names = meta && state.sheetNames.some((n) => n === meta.sheet) ? [meta.sheet] : state.sheetNames;
          const registrations = names.map((n) => ctx.workbook.worksheets.getItem(n).onChanged.add(async () => handler()));
          await ctx.sync();
          // removed in the context they were added in, inside an Excel.run of that context (the documented way)
          return async () => {
            const first = registrations[0];
            if (!first) return;
            await deps.run(async (again) => {
              for (const r of registrations) r.remove();
              await again.sync();
            }, first.context as Excel.RequestContext);
          };
        });
      }),
  };
}

/** The production wiring: Excel.run and Office's requirement check. */
export function createOfficeHostFromGlobals(): OfficeHost {
  return createOfficeHost({
    run: (batch, context) => (context ? Excel.run(context, batch) : Excel.run(batch)),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  });
}

export { watchChanges, type WatchOptions } from "./watch";
