// An earlier report, once checked, as the numbers a history needs.

import type { EarlierFigure, EarlierReport } from "../history/baselines";
import type { CheckReport } from "./check-workbook";

/** A checked earlier report's figures: only values that were read and valid (an invalid one is no baseline). */
export function earlierFromReport(report: CheckReport, source: string): EarlierReport {
  const figures: Record<string, EarlierFigure> = {};
  for (const f of report.findings) {
    if (f.value === null || f.status === "invalid" || f.status === "missing") continue;
    figures[f.indicator] = { value: f.value, numerator: f.figure.numerator, denominator: f.figure.denominator };
  }
  const { unitCode, level, year } = report.context;
  return { source, kind: "file", unitCode, level, year, figures };
}
