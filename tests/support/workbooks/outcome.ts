// What happens to one file when an official hands it to us: read, check, mark, clear. Used by the robustness specs and
// by scripts/robustness.ts, which writes docs/robustness.md from the same outcomes.

import { defaultCatalog } from "../../../src/core/catalog";
import { checkWorkbook } from "../../../src/core/check";
import { ChitieuError } from "../../../src/core/errors";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import type { HighlightPlan } from "../../../src/core/highlight-plan";
import { applyHighlightsWithReport, clearHighlights } from "../../../src/hosts/xlsx/mark";
import { PartView } from "../../../src/hosts/xlsx/mark/part-view";
import { readWorkbook as readSheetList } from "../../../src/hosts/xlsx/mark/workbook";
import { openPackage } from "../../../src/hosts/xlsx/package";
import { readWorkbook } from "../../../src/hosts/xlsx/read";

export type Outcome =
  | { kind: "refused"; stage: "read" | "mark"; code: string; vi: string; en: string; ms: number }
  /**
   * Read and checked (`check`: how many findings, or why the core found no report in it); marked and cleared back to
   * the original bytes (`marked: false` when it has no worksheet to mark).
   */
  | { kind: "lossless"; marked: boolean; check: string; ms: number }
  /** Read and marked, but clearing did not give back every part byte for byte: a defect, listed by part. */
  | { kind: "lossy"; parts: string[]; ms: number };

const catalog = defaultCatalog();

/** Our plan for a file that is not our template: A1 and B2 of its first worksheet. */
function planFor(bytes: Uint8Array): HighlightPlan | undefined {
  const sheet = readSheetList(new PartView(openPackage(bytes))).sheets.find((s) => s.kind === "worksheet" && s.part);
  if (!sheet) return undefined;
  const message = (cell: string) => ({ vi: `Ô ${cell}: kiểm tra độ bền`, en: `Cell ${cell}: robustness check` });
  return {
    marks: [
      { sheet: sheet.name, cell: "A1", severity: "error", status: "invalid", indicator: "robustness", message: message("A1") },
      { sheet: sheet.name, cell: "B2", severity: "warning", status: "below", indicator: "robustness", message: message("B2") },
    ],
  };
}

function equal(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Parts whose bytes differ after mark → clear (names compared as the package lists them). */
export function partsNotRestored(original: Uint8Array, cleared: Uint8Array): string[] {
  const a = openPackage(original);
  const b = openPackage(cleared);
  const names = new Set([...a.names, ...b.names]);
  return [...names].filter((n) => !a.names.includes(n) || !b.names.includes(n) || !equal(a.get(n), b.get(n))).sort();
}

/** The core's verdict on a snapshot: its own template's context when it carries one, else a district report for 2025. */
function checked(snapshot: WorkbookSnapshot): string {
  try {
    const report = checkWorkbook(snapshot, snapshot.metadata ? { catalog } : { catalog, year: 2025, level: "district" });
    return `${report.findings.length} findings`;
  } catch (e) {
    if (e instanceof ChitieuError) return e.code;
    throw e;
  }
}

/** Read → check → mark (with `plan`, or A1/B2 of the first sheet) → clear, timed; a refusal says where and why. */
export function tryWorkbook(bytes: Uint8Array, plan?: HighlightPlan): Outcome {
  const t = performance.now();
  const ms = () => Math.round(performance.now() - t);
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = readWorkbook(bytes);
  } catch (e) {
    if (!(e instanceof ChitieuError)) throw e;
    return { kind: "refused", stage: "read", code: e.code, vi: e.text("vi"), en: e.text("en"), ms: ms() };
  }
  const check = checked(snapshot);
  try {
    const p = plan ?? planFor(bytes);
    if (!p) return { kind: "lossless", marked: false, check, ms: ms() };
    const marked = applyHighlightsWithReport(bytes, p).bytes;
    const parts = partsNotRestored(bytes, clearHighlights(marked));
    return parts.length === 0 ? { kind: "lossless", marked: true, check, ms: ms() } : { kind: "lossy", parts, ms: ms() };
  } catch (e) {
    if (!(e instanceof ChitieuError)) throw e;
    return { kind: "refused", stage: "mark", code: e.code, vi: e.text("vi"), en: e.text("en"), ms: ms() };
  }
}
