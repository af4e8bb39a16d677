import type { HighlightPlan } from "../../core/highlight-plan";
import type { SavedMapping } from "../../core/mapping";
import { writeMappingSheet, writeReviewSheet } from "./mapping-store";
import type { ReviewStore } from "../../core/review";
import type { WorkbookSnapshot } from "../../core/snapshot";
import type { TemplateLayout } from "../../core/template";
import { ChitieuError } from "../../core/errors";
import type { HostCapabilities, WorkbookHost } from "../host";
import { applyHighlightsWithReport, clearHighlights, hasHighlights } from "./mark";
import { readWorkbook } from "./read";
import { writeTemplateXlsx } from "./template";
import { insertTemplateSheet } from "./template/insert";

// The file host: an .xlsx held in memory (browser mode, CLI). The input bytes are never changed; every operation
// produces a new version, and `bytes()` is what the user downloads or the CLI writes to --out.

export interface FileHost extends WorkbookHost {
  readonly kind: "file";
  /** The current version of the workbook (the original until something is marked or inserted). */
  bytes(): Uint8Array;
  /** Whether the current version differs from what was opened. */
  changed(): boolean;
  /** Keeps a confirmed mapping inside the workbook (a very hidden sheet), replacing the one kept before. */
  saveMapping(saved: SavedMapping): Promise<void>;
}

const CAPABILITIES: HostCapabilities = {
  highlightMethod: "conditional-format",
  explanations: "notes",
  changeEvents: false,
  selectCell: false,
  missing: [{ feature: "change-events", requirement: "Excel" }],
};

/** Opens a workbook from bytes, or starts empty (then insertTemplate makes a new workbook of the template). */
export function createFileHost(original?: Uint8Array, opts: { notesLang?: "vi" | "en" } = {}): FileHost {
  let current = original;
  const notesLang = opts.notesLang ?? "vi";
  // the plan last applied in this session, so inserting a template can put the marks back
  let lastPlan: HighlightPlan | undefined;
  let snapshot: WorkbookSnapshot | undefined;
  const need = (): Uint8Array => {
    if (!current) throw new ChitieuError("error.no-workbook");
    return current;
  };
  const replace = (next: Uint8Array) => {
    current = next;
    snapshot = undefined;
  };
  // the file layer's refusals are already ChitieuErrors: they reach the caller as they are
  async function readSnapshot(): Promise<WorkbookSnapshot> {
    return (snapshot ??= readWorkbook(need()));
  }
  return {
    kind: "file",
    capabilities: () => CAPABILITIES,
    bytes: need,
    changed: () => current !== original,
    readSnapshot,
    async saveMapping(saved: SavedMapping) {
      replace(writeMappingSheet(need(), saved));
    },
    async saveReview(store: ReviewStore) {
      replace(writeReviewSheet(need(), store));
    },
    async readMetadata() {
      return (await readSnapshot()).metadata;
    },
    async applyHighlights(plan: HighlightPlan) {
      const report = applyHighlightsWithReport(need(), plan, { lang: notesLang });
      replace(report.bytes);
      lastPlan = plan;
      const marked = [...report.markedCells.values()].reduce((a, b) => a + b, 0);
      // findings whose cell got our note: a cell with the user's own note or threaded comment gets none
      return { marked, explained: report.explained };
    },
    async clearHighlights() {
      const before = need();
      const after = clearHighlights(before);
      replace(after);
      lastPlan = undefined;
      return { removed: after === before ? 0 : 1 };
    },
    async insertTemplate(layout: TemplateLayout) {
      if (!current) {
        replace(writeTemplateXlsx(layout));
        return { sheetName: layout.sheetName };
      }
      // our highlight styles sit at the end of the dxf list, where the template's go: take them off, put them back after
      const marked = hasHighlights(current);
      const base = marked ? clearHighlights(current) : current;
      const inserted = insertTemplateSheet(base, layout);
      const next = marked && lastPlan ? applyHighlightsWithReport(inserted.bytes, lastPlan, { lang: notesLang }).bytes : inserted.bytes;
      replace(next);
      return { sheetName: inserted.sheetName };
    },
    async selectCell() {
      // no grid to select in: the findings list shows sheet and cell instead
    },
  };
}
