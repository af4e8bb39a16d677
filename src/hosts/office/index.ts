// The Office.js host: the only module of the product that talks to Excel. Everything else sees a WorkbookHost.
// Round trips: readSnapshot 2; applyHighlights 1 right after a readSnapshot (it reuses that read), else 3;
// below ExcelApi 1.6 one more the first time cells are painted (their original fills must be read before saving them);
// clearHighlights 3; insertTemplate 3; selectCell 1.

import type { HighlightPlan } from "../../core/highlight-plan";
import type { WorkbookSnapshot } from "../../core/snapshot";
import type { TemplateLayout } from "../../core/template/types";
import type { ApplyResult, HostCapabilities, WorkbookHost } from "../host";
import { HostError } from "../host";
import { excelCode, toHostError } from "./errors";
import { capabilitiesOf, detectFeatures, type IsSetSupported, type OfficeFeatures } from "./features";
import { applyPlan, clearPlan, DEFAULT_REQUEST_BYTES } from "./highlight";
import { readMetadata } from "./store";
import { queueSheetLoads, queueUsedRange, queueWorkbookLoads, readWorkbookState, toSheetSnapshot, type WorkbookState } from "./state";
import { insertLayout, type InsertReport } from "./template";

export type RunBatch = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

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
}

const ACTIONS = {
  read: { vi: "Không đọc được sổ tính", en: "Could not read the workbook" },
  apply: { vi: "Không đánh dấu được các ô", en: "Could not mark the cells" },
  clear: { vi: "Không xóa được đánh dấu", en: "Could not clear the marks" },
  insert: { vi: "Không chèn được biểu mẫu", en: "Could not insert the template" },
  select: { vi: "Không chọn được ô", en: "Could not select the cell" },
  watch: { vi: "Không theo dõi được thay đổi", en: "Could not watch for changes" },
};

export function createOfficeHost(deps: OfficeHostDeps): OfficeHost {
  const f = detectFeatures(deps.isSetSupported);
  const caps = capabilitiesOf(f);
  const budget = deps.requestBytes ?? DEFAULT_REQUEST_BYTES;
  // the state read with the last snapshot, handed to the next applyHighlights so a check costs 3 syncs, not 5
  let fresh: WorkbookState | null = null;
  let inserted: InsertReport | null = null;

  async function guarded<T>(action: { vi: string; en: string }, work: () => Promise<T>): Promise<T> {
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
          const p1 = queueWorkbookLoads(ctx, f);
          await ctx.sync();
          const p2 = queueSheetLoads(ctx, f, p1);
          const ranges = p2.userSheets.map((name) => ({ name, range: queueUsedRange(ctx, f, name) }));
          await ctx.sync();
          const state = p2.finish();
          fresh = state;
          return { sheets: ranges.map(({ name, range }) => toSheetSnapshot(name, range, f)), metadata: readMetadata(state.store) };
        }),
      ),

    applyHighlights: (plan: HighlightPlan): Promise<ApplyResult> =>
      guarded(ACTIONS.apply, async () => {
        const cached = fresh;
        fresh = null;
        try {
          return await deps.run(async (ctx) => applyPlan(ctx, f, cached ?? (await readWorkbookState(ctx, f)), plan.marks, true, budget));
        } catch (e) {
          const code = excelCode(e);
          // the workbook changed since the snapshot (a rule or note of ours deleted by hand): read again, once
          if (cached && code === "ItemNotFound") return deps.run(async (ctx) => applyPlan(ctx, f, await readWorkbookState(ctx, f), plan.marks, true, budget));
          // below ExcelApi 1.18 a user's note is invisible to us and Excel refuses a comment on its cell:
          // mark without explanations (the pane still lists every finding) rather than fail the check
          if (code === "InvalidArgument" && f.explanations === "comments")
            return deps.run(async (ctx) => applyPlan(ctx, f, await readWorkbookState(ctx, f), plan.marks, false, budget));
          throw e;
        }
      }),

    clearHighlights: () =>
      guarded(ACTIONS.clear, () => {
        fresh = null;
        return deps.run(async (ctx) => clearPlan(ctx, f, await readWorkbookState(ctx, f)));
      }),

    insertTemplate: (layout: TemplateLayout) =>
      guarded(ACTIONS.insert, async () => {
        fresh = null;
        inserted = await deps.run((ctx) => insertLayout(ctx, f, layout, budget));
        return { sheetName: inserted.sheetName };
      }),

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
          const state = await readWorkbookState(ctx, f);
          const meta = readMetadata(state.store);
          const names = meta && state.sheetNames.some((n) => n === meta.sheet) ? [meta.sheet] : state.sheetNames;
          const registrations = names.map((n) => ctx.workbook.worksheets.getItem(n).onChanged.add(async () => handler()));
          await ctx.sync();
          return async () => {
            for (const r of registrations) r.remove();
            const first = registrations[0];
            if (first) await first.context.sync();
          };
        });
      }),
  };
}

/** The production wiring: Excel.run and Office's requirement check. */
export function createOfficeHostFromGlobals(): OfficeHost {
  return createOfficeHost({
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  });
}

export { HostError };
export { watchChanges, type WatchOptions } from "./watch";
