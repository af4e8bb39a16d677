import { tryParseCell } from "../a1";
import type { Catalog, Indicator, Level } from "../catalog";
import { resolveTarget } from "../judge/targets";
import { readCell } from "../figures";
import { comparatorSymbol, formatMessage, type Message } from "../messages";
import type { Guess, MappingEntry, ProposedMapping } from "../mapping";
import type { RawValue, WorkbookSnapshot } from "../snapshot";
import type { LocatedCell, LocatedRow } from "./locate";

// An office's own layout, once mapped (detected, or saved after the user confirmed it), as the rows the check judges:
// the report year's cells are judged, earlier years are history, the office's own target is compared with the
// resolution's, and matches still to confirm are set apart, never judged silently.

export interface HistoryFigure {
  indicator: string;
  year: number;
  part: "value" | "numerator" | "denominator";
  sheet: string;
  cell: string;
  raw: RawValue;
}

export interface OfficeTarget {
  indicator: string;
  sheet: string;
  cell: string;
  office: number;
  resolution: number;
  comparator: ">=" | ">" | "<=";
  message: { vi: string; en: string };
}

/** How the check used a mapping of an office's own layout (absent for our template). */
export interface MappingUse {
  /** saved: a mapping file the caller gave; workbook: the one kept inside the workbook; detected: found now. */
  source: "saved" | "workbook" | "detected";
  /** A mapping kept in the workbook that could not be used (damaged or edited), so detection was used: why. */
  storedProblems?: string[];
  /** Every entry the check considered, with its status. */
  entries: MappingEntry[];
  /** Matches not judged because they are still to confirm (judged only with acceptUncertain). */
  toConfirm: MappingEntry[];
  /** Indicators the user marked as not reported. */
  notReported: string[];
  history: HistoryFigure[];
  officeTargets: OfficeTarget[];
  /** Level and year read from the sheet when the user did not give them: with where they came from. */
  guessed: { level?: Guess<Level>; year?: Guess<number> | { value: number; fromColumns: true } };
}

export interface MappedRows {
  rows: LocatedRow[];
  use: MappingUse;
}

function cellOf(snapshot: WorkbookSnapshot, sheetName: string, address: string): LocatedCell {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  const at = tryParseCell(address);
  if (!sheet || !at) return { address, raw: null, format: "General" };
  const r = at.row - sheet.top;
  const c = at.col - sheet.left;
  return { address, raw: sheet.values[r]?.[c] ?? null, format: sheet.formats[r]?.[c] ?? "General" };
}

function officeTarget(ind: Indicator, cell: LocatedCell, sheet: string, level: Level, year: number): OfficeTarget | null {
  if (ind.unit.kind === "yesno") return null;
  const read = readCell(cell.raw, cell.format, ind.unit.kind === "rank" || ind.unit.kind === "count" ? "count" : ind.unit.kind === "growth" ? "growth" : "percent");
  if (!read.ok) return null;
  const target = resolveTarget(ind, level, year)?.target;
  if (!target || Math.abs(target.value - read.value) < 1e-9) return null;
  const message: Message = {
    key: "mapping.office-target",
    params: { cell: `${sheet}!${cell.address}`, office: read.value, comparator: comparatorSymbol(target.comparator), target: target.value },
  };
  return {
    indicator: ind.code,
    sheet,
    cell: cell.address,
    office: read.value,
    resolution: target.value,
    comparator: target.comparator,
    message: { vi: formatMessage(message, "vi"), en: formatMessage(message, "en") },
  };
}

export function rowsFromMapping(
  snapshot: WorkbookSnapshot,
  mapping: ProposedMapping,
  opts: { catalog: Catalog; level: Level; year: number; source: MappingUse["source"]; acceptUncertain: boolean; guessed: MappingUse["guessed"] },
): MappedRows {
  const byCode = new Map(opts.catalog.indicators.map((i) => [i.code, i]));
  const rows: LocatedRow[] = [];
  const use: MappingUse = { source: opts.source, entries: mapping.entries, toConfirm: [], notReported: [], history: [], officeTargets: [], guessed: opts.guessed };
  for (const entry of mapping.entries) {
    const indicator = byCode.get(entry.indicator);
    if (!indicator || indicator.qualitative) continue;
    if (entry.status === "not-reported") {
      use.notReported.push(entry.indicator);
      continue;
    }
    if (entry.status === "confirm" && !opts.acceptUncertain) {
      use.toConfirm.push(entry);
      continue;
    }
    const at = tryParseCell(entry.labelCell ?? entry.cells[0]?.cell ?? "");
    const row: LocatedRow = { indicator, sheet: entry.sheet, row: at ? at.row + 1 : 0, matchedBy: entry.reasons.some((r) => r.key === "mapping.reason.code") ? "code" : "wording" };
    for (const c of entry.cells) {
      const cell = cellOf(snapshot, entry.sheet, c.cell);
      if (c.year !== opts.year) {
        if (c.part !== "target") use.history.push({ indicator: entry.indicator, year: c.year, part: c.part, sheet: entry.sheet, cell: c.cell, raw: cell.raw });
        continue;
      }
      if (c.part === "target") {
        const t = officeTarget(indicator, cell, entry.sheet, opts.level, opts.year);
        if (t) use.officeTargets.push(t);
      } else if (c.part === "value") {
        // "Giá trị | Kết quả": the first is what was entered, a second one the office's computed result
        if (row.value) row.result = cell;
        else {
          row.value = cell;
          row.result = cell;
        }
      } else row[c.part] = cell;
    }
    if (entry.note) row.explanation = [cellOf(snapshot, entry.sheet, entry.note)];
    // with no cell for the report year (only earlier years' columns) the figure is missing this year, and said so
    rows.push(row);
  }
  return { rows, use };
}
