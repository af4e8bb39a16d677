import type { Catalog } from "../catalog";
import type { CheckReport } from "../check";
import { findUnits, unitTitle, type UnitRegistry } from "../units";
import { buildReviewRecord, type ReviewRecord } from "./record";
import { reviewedFindings, type ReviewStore } from "./reviewed";

// The review record of a check, as every surface makes it: the CLI's `chitieu review`, the pane and the browser mode.

export interface RecordOptions {
  catalog: Catalog;
  registry: UnitRegistry;
  store: ReviewStore;
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
    findings: reviewedFindings(report, opts.store),
    reportDecision: opts.store.report,
    reviewer: opts.reviewer?.trim() || opts.store.report?.by || null,
    date: opts.date,
  });
}

/** Today's date where the record is made (the reviewer's own calendar day), yyyy-mm-dd. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
