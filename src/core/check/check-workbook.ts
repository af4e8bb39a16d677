import { indicatorsForLevel, inputUnit, type Catalog, type Indicator, type Level, type UnitSpec } from "../catalog";
import { readCell, type ExpectedKind } from "../figures";
import { formatFinding, summarize, toFinding, type Finding, type Summary } from "../findings";
import type { HighlightPlan, Mark } from "../highlight-plan";
import { judge, type Entry, type EntryPart, type Judgement } from "../judge";
import { fromSavedMapping, proposeMapping, storedMapping, type SavedMapping } from "../mapping";
import type { WorkbookSnapshot } from "../snapshot";
import { ChitieuError } from "../errors";
import { identityFromHeader } from "../consolidate/identify";
import { loadUnits, type UnitRegistry } from "../units";
import { resolveContext, type CheckContext, type ContextOptions } from "./context";
import { rowsFromMapping, type MappingUse } from "./from-mapping";
import { locateIndicators, type Located, type LocatedCell, type LocatedRow } from "./locate";

// One check: locate the indicators, read each figure, judge it, and say which cells to mark. Pure: hosts do the I/O.

export interface LocatedFinding extends Finding {
  /** Where the finding is shown; null for an indicator the workbook does not contain. */
  sheet: string | null;
  cell: string | null;
}

export interface CheckReport {
  context: CheckContext;
  findings: LocatedFinding[];
  /** Indicators this level reports that the workbook does not contain. */
  notFound: string[];
  /** Indicators found twice: only the first row counts. */
  duplicates: { code: string; sheet: string; row: number }[];
  summary: Summary;
  plan: HighlightPlan;
  /** For an office's own layout: the mapping used (saved or detected), rows to confirm, history, office targets. */
  mapping?: MappingUse;
}

export interface CheckOptions extends ContextOptions {
  catalog: Catalog;
  /** A confirmed mapping (kept in the workbook, or imported): used instead of detection for an office's own layout. */
  mapping?: SavedMapping;
  /** Judge matches that are still "to confirm" too (otherwise they are listed and not judged). */
  acceptUncertain?: boolean;
  /**
   * Take the level and year an office's sheet states (a title "UBND HUYỆN …", "… NĂM 2025") when not given; the
   * report says where they came from. Off by default: a page that asks the user keeps asking.
   */
  guessContext?: boolean;
  /** The units a template's header may name (the bundled Lai Châu registry by default). */
  units?: UnitRegistry;
  /** false: no highlight plan (its marks' texts are most of a check's formatting; the consolidation reads no marks). */
  highlights?: boolean;
}

let bundledUnits: UnitRegistry | undefined;
const defaultUnits = (): UnitRegistry => (bundledUnits ??= loadUnits());

/** Our template is located by its metadata; an office's own layout by a saved mapping or by detection. */
function locate(snapshot: WorkbookSnapshot, opts: CheckOptions): { context: CheckContext; located: Located; mapping?: MappingUse } {
  if (snapshot.metadata) {
    const context = resolveContext(opts, snapshot.metadata);
    return { context, located: locateIndicators(snapshot, opts.catalog) };
  }
  // our template whose document properties a tool dropped (openpyxl, some WPS, mail gateways): its header cells say
  // unit, level and year, and what they say is the default
  const header = opts.mapping === undefined ? identityFromHeader(snapshot, opts.units ?? defaultUnits()) : null;
  if (header) {
    const context = resolveContext(opts, header, "header");
    const located = locateIndicators(snapshot, opts.catalog);
    if (located.rows.length > 0) return { context, located };
  }
  // a mapping given by the caller (an imported file) wins over the one kept in the workbook
  const inWorkbook = storedMapping(snapshot);
  snapshot = inWorkbook.snapshot;
  const saved = opts.mapping ?? inWorkbook.stored?.mapping ?? undefined;
  const year0 = opts.year ?? saved?.year;
  const proposed = saved ? fromSavedMapping(saved) : proposeMapping(snapshot, { catalog: opts.catalog, ...(year0 !== undefined ? { year: year0 } : {}) });
  const guessed: MappingUse["guessed"] = {};
  let level = opts.level ?? saved?.level;
  let year = year0;
  if (level === undefined && proposed.level && opts.guessContext) {
    level = proposed.level.value;
    guessed.level = proposed.level;
  }
  if (year === undefined && proposed.year && opts.guessContext) {
    year = proposed.year.value;
    guessed.year = proposed.year;
  } else if (year === undefined && proposed.columnYears.length > 0 && opts.guessContext) {
    year = proposed.columnYears[proposed.columnYears.length - 1]!;
    guessed.year = { value: year, fromColumns: true };
  }
  const context = resolveContext({ ...opts, ...(level ? { level } : {}), ...(year !== undefined ? { year } : {}) }, null);
  if (guessed.level || guessed.year) context.source = "sheet";
  const { rows, use } = rowsFromMapping(snapshot, proposed, {
    catalog: opts.catalog,
    level: context.level,
    year: context.year,
    source: opts.mapping ? "saved" : saved ? "workbook" : "detected",
    acceptUncertain: opts.acceptUncertain ?? false,
    guessed,
  });
  if (!opts.mapping && inWorkbook.stored && inWorkbook.stored.problems.length > 0) use.storedProblems = inWorkbook.stored.problems;
  return { context, located: { rows, duplicates: [] }, mapping: use };
}

/** How the value cell of an indicator is read at a level (a yes/no above its own level is a share in percent). */
function expectedKind(unit: UnitSpec): ExpectedKind {
  switch (unit.kind) {
    case "ratio":
    case "percent":
      return "percent";
    case "growth":
      return "growth";
    case "count":
    case "rank":
      return "count";
    case "yesno":
      return "yesno";
  }
}

/** The indicator as a unit of this level enters it (a commune's yes/no is a count of communes at the province). */
function asEntered(indicator: Indicator, level: Level): Indicator {
  const unit = inputUnit(indicator.unit, level);
  return unit === indicator.unit ? indicator : { ...indicator, unit };
}

function entryOf(row: LocatedRow, unit: UnitSpec): Entry {
  const entry: Entry = {};
  const read = (c: LocatedCell | undefined, kind: ExpectedKind) => (c ? readCell(c.raw, c.format, kind) : undefined);
  const value = read(row.value, expectedKind(unit));
  if (value) entry.value = value;
  if (unit.kind === "ratio") {
    // "52.300" is fifty-two thousand three hundred in a count of people, but ambiguous in hectares
    const kind: ExpectedKind = unit.quantity === "amount" ? "number" : "count";
    const numerator = read(row.numerator, kind);
    const denominator = read(row.denominator, kind);
    if (numerator) entry.numerator = numerator;
    if (denominator) entry.denominator = denominator;
  }
  return entry;
}

function cellFor(row: LocatedRow, part: EntryPart | undefined): LocatedCell | undefined {
  if (part === "numerator") return row.numerator ?? row.value;
  if (part === "denominator") return row.denominator ?? row.value;
  return row.value ?? row.result ?? row.numerator;
}

/** The cell a finding is marked on: the faulty input, the empty input, or the result that falls short. */
/** Reading notes that make a finding a warning: the doubt is about what was typed, so the input cell is marked. */
const READING_DOUBTS: ReadonlySet<string> = new Set(["note.probably-fraction", "note.reading-chosen", "note.number-as-text", "note.answer-not-from-list", "note.fractional-count"]);

function markedCell(row: LocatedRow, f: Finding, unit: UnitSpec, j: Judgement): LocatedCell | undefined {
  if (f.status === "invalid") return cellFor(row, j.problems[0]?.part);
  if (f.status === "missing") return cellFor(row, f.figure.missingParts?.[0] ?? (unit.kind === "ratio" ? "numerator" : "value"));
  const doubt = j.notes.find((n) => READING_DOUBTS.has(n.code));
  if (doubt) return cellFor(row, doubt.part);
  // an office's table may have only "Tử số | Mẫu số": the result is shown on the numerator
  return row.result ?? row.value ?? row.numerator;
}

function shouldMark(f: Finding): boolean {
  return f.severity !== "info" || f.status === "missing" || f.status === "below";
}

export function checkWorkbook(snapshot: WorkbookSnapshot, opts: CheckOptions): CheckReport {
  const { context, located, mapping } = locate(snapshot, opts);
  const expected = indicatorsForLevel(opts.catalog, context.level);
  if (located.rows.length === 0 && (mapping?.toConfirm.length ?? 0) === 0 && (mapping?.notReported.length ?? 0) === 0) {
    throw new ChitieuError("error.no-indicators");
  }
  const judgeCtx = { level: context.level, year: context.year, fieldSizeNow: context.fieldSizeNow };
  const findings: LocatedFinding[] = [];
  const marks: Mark[] = [];
  for (const row of located.rows) {
    const indicator = asEntered(row.indicator, context.level);
    const judgement = judge(indicator, entryOf(row, indicator.unit), judgeCtx);
    const finding = toFinding(indicator, judgement, judgeCtx);
    const cell = markedCell(row, finding, indicator.unit, judgement);
    findings.push({ ...finding, sheet: row.sheet, cell: cell?.address ?? null });
    if (cell && opts.highlights !== false && shouldMark(finding)) {
      marks.push({
        sheet: row.sheet,
        cell: cell.address,
        severity: finding.severity,
        status: finding.status,
        indicator: finding.indicator,
        message: { vi: formatFinding(finding, "vi"), en: formatFinding(finding, "en") },
      });
    }
  }
  // found, whether judged, still to confirm or said not to be reported: not "not in the workbook"
  const foundCodes = new Set([...located.rows.map((r) => r.indicator.code), ...(mapping?.toConfirm.map((e) => e.indicator) ?? []), ...(mapping?.notReported ?? [])]);
  const notFound = expected.filter((i) => !foundCodes.has(i.code)).map((i) => i.code);
  const report: CheckReport = { context, findings, notFound, duplicates: located.duplicates, summary: summarize(findings), plan: { marks } };
  if (mapping) report.mapping = mapping;
  return report;
}
