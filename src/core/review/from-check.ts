import type { Catalog } from "../catalog";
import type { CheckReport } from "../check";
import { findUnits, unitTitle, type UnitRegistry } from "../units";
import { buildReviewRecord, type ReviewRecord } from "./record";

// The review record of a check, as every surface makes it: the CLI's `chitieu review`, the pane and the browser mode.

export interface RecordOptions {
  catalog: Catalog;
  registry: UnitRegistry;
  /** The name typed for this record; else the name on the report's decision; else a line to sign on. */
  reviewer?: string | null;
  /** yyyy-mm-dd */
  date: string;
}

export function recordOfCheck(report: CheckReport, opts: RecordOptions): ReviewRecord {
  const { context } = report;
  const unit = context.unitCode ? findUnits(opts.registry, context.unitCode)[0] : undefined;
  return buildReviewRecord({
    catalog: opts.catalog,
    unit: unit ? unitTitle(unit) : context.unitCode,
    level: context.level,
    year: context.year,
    // the check has already joined each finding with the clerk's explanation and the decision kept in the workbook
    findings: report.findings,
    reportDecision: report.review.report,
    reviewer: opts.reviewer?.trim() || report.review.report?.by || null,
    date: opts.date,
  });
}

/** Today's date where the record is made (the reviewer's own calendar day), yyyy-mm-dd. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
