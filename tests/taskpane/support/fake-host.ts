import type { HighlightPlan } from "../../../src/core/highlight-plan";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import type { TemplateLayout } from "../../../src/core/template";
import { REVIEW_SHEET, reviewSheetRows } from "../../../src/core/review";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import type { ApplyResult, HostCapabilities, WorkbookHost } from "../../../src/hosts/host";

// A WorkbookHost for component tests: a canned snapshot, a record of every call, and failures on demand.

export interface FakeHost extends WorkbookHost {
  snapshot: WorkbookSnapshot;
  calls: { method: string; args: unknown[] }[];
  applied: HighlightPlan[];
  inserted: TemplateLayout[];
  selected: { sheet: string; cell: string }[];
  /** The next call of this method throws this error (once). */
  failNext(method: keyof WorkbookHost, error: Error): void;
}

export const FULL_CAPABILITIES: HostCapabilities = {
  highlightMethod: "conditional-format",
  explanations: "notes",
  changeEvents: true,
  selectCell: true,
  missing: [],
};

export function fakeHost(snapshot: WorkbookSnapshot, caps: HostCapabilities = FULL_CAPABILITIES): FakeHost {
  const failures = new Map<string, Error>();
  const host: FakeHost = {
    kind: "office",
    snapshot,
    calls: [],
    applied: [],
    inserted: [],
    selected: [],
    failNext: (method, error) => void failures.set(method, error),
    capabilities: () => caps,
    async readSnapshot() {
      step("readSnapshot", []);
      return host.snapshot;
    },
    async readMetadata() {
      step("readMetadata", []);
      return host.snapshot.metadata;
    },
    async applyHighlights(plan): Promise<ApplyResult> {
      step("applyHighlights", [plan]);
      host.applied.push(plan);
      return { marked: plan.marks.length, explained: plan.marks.length };
    },
    async clearHighlights() {
      step("clearHighlights", []);
      return { removed: 1 };
    },
    async insertTemplate(layout) {
      step("insertTemplate", [layout]);
      host.inserted.push(layout);
      return { sheetName: layout.sheetName };
    },
    // kept as the review sheet a real host writes, so the next readSnapshot (and check) reads the decisions back
    async saveReview(store) {
      step("saveReview", [store]);
      const sheet = sheetOfRows(REVIEW_SHEET, reviewSheetRows(store));
      host.snapshot = { ...host.snapshot, sheets: [...host.snapshot.sheets.filter((s) => s.name !== REVIEW_SHEET), sheet] };
    },
    async selectCell(sheet, cell) {
      step("selectCell", [sheet, cell]);
      host.selected.push({ sheet, cell });
    },
  };
  function step(method: string, args: unknown[]) {
    host.calls.push({ method, args });
    const e = failures.get(method);
    if (e) {
      failures.delete(method);
      throw e;
    }
  }
  return host;
}

function sheetOfRows(name: string, rows: readonly (readonly string[])[]): SheetSnapshot {
  return { name, top: 0, left: 0, values: rows.map((r) => [...r]), formats: rows.map((r) => r.map(() => "@")) };
}
