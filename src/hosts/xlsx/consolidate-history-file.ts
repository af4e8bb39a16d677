import type { Catalog } from "../../core/catalog";
import { consolidatedSheetsRead, earlierYearFromConsolidated, type HistoryItem, type Submission } from "../../core/consolidate";
import { ChitieuError } from "../../core/errors";
import type { UnitRegistry } from "../../core/units";
import { submissionFromBytes } from "./consolidate-file";
import { readSheetsInfo, readWorkbook } from "./read";

// One file of the earlier years' folder: a unit's workbook (read as for the roll-up), or, when no unit is recognised
// in it, perhaps a consolidated workbook we wrote for an earlier year. A file we cannot read keeps its reason.

/** A file no unit was recognised in, tried as one of our consolidated workbooks; otherwise left as it was. */
export function consolidatedOr(unidentified: Submission, bytes: Uint8Array): HistoryItem {
  let snapshot;
  try {
    // only its summary and scorecard: the findings sheet of a large province can be long
    const present = new Set(readSheetsInfo(bytes).sheets.filter((x) => x.kind === "worksheet").map((x) => x.name));
    const sheets = consolidatedSheetsRead().filter((n) => present.has(n));
    if (sheets.length === 0) return unidentified;
    snapshot = readWorkbook(bytes, { sheets });
  } catch (e) {
    if (e instanceof ChitieuError) return unidentified;
    throw e;
  }
  const read = earlierYearFromConsolidated(snapshot, unidentified.file);
  return read.kind === "other" ? unidentified : { file: unidentified.file, kind: "consolidated", read };
}

export function historyItemFromBytes(file: string, bytes: Uint8Array, catalog: Catalog, registry: UnitRegistry): HistoryItem {
  const s = submissionFromBytes(file, bytes, catalog, registry);
  return s.kind === "unidentified" ? consolidatedOr(s, bytes) : s;
}
