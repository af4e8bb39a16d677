import type { HighlightPlan } from "../../core/highlight-plan";
import type { WorkbookSnapshot } from "../../core/snapshot";
import type { TemplateLayout } from "../../core/template";
import { HostError, type HostCapabilities, type WorkbookHost } from "../host";
import { XlsxError } from "./errors";
import { applyHighlightsWithReport, clearHighlights, HighlightError } from "./mark";
import { readWorkbook } from "./read";
import { writeTemplateXlsx } from "./template";

// The file host: an .xlsx held in memory (browser mode, CLI). The input bytes are never changed; every operation
// produces a new version, and `bytes()` is what the user downloads or the CLI writes to --out.

export interface FileHost extends WorkbookHost {
  readonly kind: "file";
  /** The current version of the workbook (the original until something is marked or inserted). */
  bytes(): Uint8Array;
  /** Whether the current version differs from what was opened. */
  changed(): boolean;
}

const CAPABILITIES: HostCapabilities = {
  highlightMethod: "conditional-format",
  explanations: "notes",
  changeEvents: false,
  selectCell: false,
  missing: [{ feature: "change-events", requirement: "Excel" }],
};

/** Turns the file layer's refusals into the host's bilingual error, so callers handle one type. */
function asHostError(e: unknown): never {
  if (e instanceof XlsxError || e instanceof HighlightError) throw new HostError(e.code, e.text.vi, e.text.en);
  throw e;
}

/** Opens a workbook from bytes, or starts empty (then only insertTemplate makes sense). */
export function createFileHost(original?: Uint8Array, opts: { notesLang?: "vi" | "en" } = {}): FileHost {
  let current = original;
  let snapshot: WorkbookSnapshot | undefined;
  const need = (): Uint8Array => {
    if (!current) throw new HostError("no-workbook", "Chưa mở sổ tính nào.", "No workbook is open.");
    return current;
  };
  const replace = (next: Uint8Array) => {
    current = next;
    snapshot = undefined;
  };
  return {
    kind: "file",
    capabilities: () => CAPABILITIES,
    bytes: need,
    changed: () => current !== original,
    async readSnapshot() {
      try {
        return (snapshot ??= readWorkbook(need()));
      } catch (e) {
        return asHostError(e);
      }
    },
    async applyHighlights(plan: HighlightPlan) {
      try {
        const report = applyHighlightsWithReport(need(), plan, { lang: opts.notesLang ?? "vi" });
        replace(report.bytes);
        const marked = [...report.markedCells.values()].reduce((a, b) => a + b, 0);
        const explained = plan.marks.filter((m) => !report.notesSkipped.includes(m.sheet)).length;
        return { marked, explained };
      } catch (e) {
        return asHostError(e);
      }
    },
    async clearHighlights() {
      try {
        const before = need();
        const after = clearHighlights(before);
        replace(after);
        return { removed: after === before ? 0 : 1 };
      } catch (e) {
        return asHostError(e);
      }
    },
    async insertTemplate(layout: TemplateLayout) {
      if (current) {
        throw new HostError(
          "insert-into-file",
          "Chế độ không dùng Excel không chèn biểu mẫu vào sổ tính có sẵn: hãy tải biểu mẫu trống rồi nhập số liệu.",
          "Without Excel the template is not inserted into an existing workbook: download a blank template and fill it in.",
        );
      }
      replace(writeTemplateXlsx(layout));
      return { sheetName: layout.sheetName };
    },
    async selectCell() {
      // no grid to select in: the findings list shows sheet and cell instead
    },
  };
}
