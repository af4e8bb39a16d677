import type { Catalog } from "../catalog/schema";
import { checkWorkbook } from "../check";
import { ChitieuError } from "../errors";
import type { WorkbookSnapshot } from "../snapshot";
import type { UnitRegistry } from "../units";
import { identify } from "./identify";
import type { Reason, Submission, UnitFigure, UnitReview } from "./types";

// One file's contribution, made as soon as it is read so the workbook itself can be dropped: who sent it and each
// indicator's figure as the unit entered it, judged at the unit's level by the same check as `chitieu check`.

const NEEDS_ATTENTION = new Set(["below", "off-track", "invalid", "missing"]);

/** A report nobody has reviewed yet: no decision kept in its workbook, no explained or unexplained shortfall counted. */
export const NOT_REVIEWED: UnitReview = { state: "open", by: null, at: null, comment: null, reopened: false, damaged: false, explained: 0, unexplained: 0 };

export function unreadable(file: string, detail: { vi: string; en: string }): Submission {
  const reason: Reason = { message: { key: "consolidate.reason.unreadable", params: {} }, detail };
  return { file, kind: "unreadable", reason };
}

export function submissionOf(file: string, snapshot: WorkbookSnapshot, catalog: Catalog, registry: UnitRegistry): Submission {
  const { identity, fileNameHint, why } = identify(snapshot, file, registry);
  if (identity === null) return why ? { file, kind: "unidentified", fileNameHint, why } : { file, kind: "unidentified", fileNameHint };
  let report;
  try {
    report = checkWorkbook(snapshot, { catalog, level: identity.level, year: identity.year, unitCode: identity.unitCode, highlights: false });
  } catch (e) {
    if (e instanceof ChitieuError) return unreadable(file, { vi: e.text("vi"), en: e.text("en") });
    throw e;
  }
  const figures: UnitFigure[] = report.findings.map((f) => {
    const fig: UnitFigure = { indicator: f.indicator, status: f.status, value: f.value, numerator: f.figure.numerator, denominator: f.figure.denominator };
    if (f.figure.answer !== undefined) fig.answer = f.figure.answer;
    if (f.figure.value !== null && f.value === null) fig.value = f.figure.value;
    if (NEEDS_ATTENTION.has(f.status)) {
      fig.messages = [f.message, ...f.details];
      if (f.explanation !== null) fig.explanation = f.explanation;
    }
    return fig;
  });
  const decided = report.review.report;
  const review: UnitReview = {
    state: decided?.kind ?? "open",
    by: decided?.by ?? null,
    at: decided?.at ?? null,
    comment: decided ? decided.comment : null,
    reopened: report.review.reportReopened !== null,
    damaged: report.review.damaged !== null,
    explained: report.review.summary.explained,
    unexplained: report.review.summary.unexplained,
  };
  return { file, kind: "read", identity, fileNameHint, figures, review };
}
