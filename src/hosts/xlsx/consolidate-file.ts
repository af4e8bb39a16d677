import type { Catalog } from "../../core/catalog";
import { submissionOf, unreadable, type Submission } from "../../core/consolidate";
import type { UnitRegistry } from "../../core/units";
import { ChitieuError } from "../../core/errors";
import { isReviewSheet } from "../../core/review";
import { readWorkbook, type WorkbookInfo } from "./read";

// One unit's file → what the roll-up needs of it. A file we cannot read is a reason, never an exception, so one
// bad file never stops a batch; anything else (a bug of ours) is still reported against that file, not hidden.

/**
 * Our template names its report sheet: read only that one (and the reviewer's decisions); any other workbook is read
 * whole. One opening either way.
 */
function templateSheet(info: WorkbookInfo): readonly string[] | undefined {
  const sheet = info.metadata?.sheet;
  if (sheet === undefined || !info.sheets.some((s) => s.name === sheet && s.kind === "worksheet")) return undefined;
  const review = info.sheets.filter((s) => isReviewSheet(s.name) && s.kind === "worksheet").map((s) => s.name);
  return [sheet, ...review];
}

function readForConsolidation(bytes: Uint8Array) {
  return readWorkbook(bytes, { sheets: templateSheet });
}

export function submissionFromBytes(file: string, bytes: Uint8Array, catalog: Catalog, registry: UnitRegistry): Submission {
  try {
    return submissionOf(file, readForConsolidation(bytes), catalog, registry);
  } catch (e) {
    if (e instanceof ChitieuError) return unreadable(file, { vi: e.text("vi"), en: e.text("en") });
    const detail = e instanceof Error ? e.message : String(e);
    return { file, kind: "unreadable", reason: { message: { key: "consolidate.reason.unexpected", params: { detail } } } };
  }
}
