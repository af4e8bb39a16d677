// An earlier report file (our template or a mapped layout) as the numbers a history needs: checked on its own, its
// unit and year from the file. Shared by the CLI's --history and the browser mode's "last year's file".

import type { Catalog, Level } from "../../core/catalog";
import { checkWorkbook, earlierFromReport } from "../../core/check";
import type { EarlierReport } from "../../core/history/baselines";
import { readWorkbook } from "./read";

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
