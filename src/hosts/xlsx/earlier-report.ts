// An earlier report file (our template or a mapped layout) as the numbers a history needs: checked on its own, its
// unit and year from the file. Shared by the CLI's --history and the browser mode's "last year's file".

import type { Catalog, Level } from "../../core/catalog";
import { checkWorkbook, earlierFromReport } from "../../core/check";
import { consolidatedSheetsRead, earlierYearFromConsolidated, type EarlierYear } from "../../core/consolidate";
import { ChitieuError } from "../../core/errors";
import type { EarlierFigure, EarlierReport } from "../../core/history/baselines";
import { loadUnits, type UnitRegistry } from "../../core/units";
import { readSheetsInfo, readWorkbook } from "./read";

export interface EarlierOptions {
  catalog: Catalog;
  /** The unit a mapped layout that does not say its own is taken to be (the user named it); never overrides a file's. */
  unitCode?: string;
  level?: Level;
}

/** Throws the reader's or the check's ChitieuError for a file that cannot be used (the caller says it and goes on). */
export function earlierReportFromBytes(bytes: Uint8Array, source: string, opts: EarlierOptions): EarlierReport {
  const report = checkWorkbook(readWorkbook(bytes), { catalog: opts.catalog, ...(opts.level ? { level: opts.level } : {}), guessContext: true });
  const earlier = earlierFromReport(report, source);
  return earlier.unitCode === null && opts.unitCode !== undefined ? { ...earlier, unitCode: opts.unitCode } : earlier;
}

/**
 * An earlier file as the reports it holds: a unit's own report (one), or the province's consolidated workbook of that
 * year, written by `chitieu consolidate` (one per unit of its scorecard; the check keeps only its own unit's). A file
 * that is neither is refused as a unit report would be.
 */
export function earlierReportsFromBytes(bytes: Uint8Array, source: string, opts: EarlierOptions & { units?: UnitRegistry }): EarlierReport[] {
  // ours first: a consolidated workbook's summary table would otherwise pass for a province's own report
  const read = consolidatedYear(bytes, source);
  if (read === null) return [earlierReportFromBytes(bytes, source, opts)];
  const registry = opts.units ?? loadUnits();
  const levelOf = new Map(registry.units.map((u) => [u.code, u.level]));
  const reports: EarlierReport[] = [];
  // the provincial values are the province's own earlier figures (a province-level report's history)
  const province = registry.units.find((u) => u.level === "province");
  const rows: [string, ReadonlyMap<string, number>][] = [...(province && read.province.size > 0 ? [[province.code, read.province] as [string, ReadonlyMap<string, number>]] : []), ...read.units];
  for (const [unitCode, values] of rows) {
    const level = levelOf.get(unitCode);
    if (level === undefined) continue;
    const figures: Record<string, EarlierFigure> = {};
    for (const [code, value] of values) figures[code] = { value };
    reports.push({ source, kind: "consolidated", unitCode, level, year: read.year, figures });
  }
  return reports;
}

/** The year's figures of one of our consolidated workbooks, or null for any other workbook (or a half-year one). */
function consolidatedYear(bytes: Uint8Array, source: string): EarlierYear | null {
  try {
    const present = new Set(readSheetsInfo(bytes).sheets.filter((x) => x.kind === "worksheet").map((x) => x.name));
    const sheets = consolidatedSheetsRead().filter((n) => present.has(n));
    if (sheets.length === 0) return null;
    const read = earlierYearFromConsolidated(readWorkbook(bytes, { sheets }), source);
    return read.kind === "year" ? read.year : null;
  } catch (e) {
    if (e instanceof ChitieuError) return null;
    throw e;
  }
}
