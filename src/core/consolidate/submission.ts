import type { Catalog } from "../catalog/schema";
import { checkWorkbook } from "../check";
import { ChitieuError } from "../errors";
import type { WorkbookSnapshot } from "../snapshot";
import type { UnitRegistry } from "../units";
import { identify } from "./identify";
import type { Reason, Submission, UnitFigure } from "./types";

// One file's contribution, made as soon as it is read so the workbook itself can be dropped: who sent it and each
// indicator's figure as the unit entered it, judged at the unit's level by the same check as `chitieu check`.

const NEEDS_ATTENTION = new Set(["below", "off-track", "invalid", "missing"]);

export function unreadable(file: string, detail: { vi: string; en: string }): Submission {
  const reason: Reason = { message: { key: "consolidate.reason.unreadable", params: {} }, detail };
  return { file, kind: "unreadable", reason };
}

export function submissionOf(file: string, snapshot: WorkbookSnapshot, catalog: Catalog, registry: UnitRegistry): Submission {
  const { identity, fileNameHint } = identify(snapshot, file, registry);
  if (identity === null) return { file, kind: "unidentified", fileNameHint };
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
    if (NEEDS_ATTENTION.has(f.status)) fig.messages = [f.message, ...f.details];
    return fig;
  });
  return { file, kind: "read", identity, fileNameHint, figures };
}
