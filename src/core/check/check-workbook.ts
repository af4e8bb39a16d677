import { indicatorsForLevel, inputUnit, type Catalog, type Indicator, type Level, type UnitSpec } from "../catalog";
import { readCell, type ExpectedKind } from "../figures";
import { formatFinding, summarize, toFinding, type Finding, type Summary } from "../findings";
import { applyReview, explanationOf, figureKeyOf, storedReview, type ReviewedFinding, type ReviewFields, type ReviewOutcome } from "../review";
import type { HighlightPlan, Mark, Watch } from "../highlight-plan";
import { judge, type Entry, type EntryPart, type Judgement } from "../judge";
import { fromSavedMapping, proposeMapping, storedMapping, type SavedMapping } from "../mapping";
import type { WorkbookSnapshot } from "../snapshot";
import { ChitieuError } from "../errors";
import { identityFromHeader } from "../consolidate/identify";
import { loadUnits, type UnitRegistry } from "../units";
import { contextConflicts, resolveContext, type CheckContext, type ContextConflict, type ContextOptions } from "./context";
import { rowsFromMapping, type MappingUse } from "./from-mapping";
import { liveCondition } from "./live-rule";
import { locateIndicators, type Located, type LocatedCell, type LocatedRow } from "./locate";
import { buildBaselines, historyOf, type Baselines, type EarlierFigure, type EarlierReport, type SetAside } from "../history/baselines";
import { describeHistory, earlierStart } from "../history/describe";

// One check: locate the indicators, read each figure, judge it, and say which cells to mark. Pure: hosts do the I/O.

export interface LocatedFinding extends ReviewedFinding, ReviewFields {
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
  /** Options that contradict what the workbook states (the options were used): present only when there are some. */
  conflicts?: ContextConflict[];
  /** Explained and unexplained shortfalls, and the reviewer's decisions kept in the workbook. */
  review: ReviewOutcome;
  /** The unit's earlier figures used (earlier reports given, an office's year columns): which, and which set aside. */
  history?: { used: Baselines["used"]; setAside: SetAside[]; newSince: string | null };
  /** With fillPrevious: what to write into "Kết quả năm trước" from last year's report. */
  previousFill?: PreviousFill;
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
  /** The day of the check (ISO yyyy-mm-dd) that the notes of marks state; the hosts' today when absent. */
  checkedOn?: string;
  /**
   * The unit's earlier reports (each checked on its own, see earlierFromReport): the path to the next target starts
   * from the latest earlier figure, findings show the series, pace and projection. Other units' reports are set aside.
   */
  history?: readonly EarlierReport[];
  /**
   * Plan to fill the empty "Kết quả năm trước" cells from last year's report among `history` (report.previousFill);
   * a cell that holds anything is kept as the clerk typed it.
   */
  fillPrevious?: boolean;
  /** false: no highlight plan (its marks' texts are most of a check's formatting; the consolidation reads no marks). */
  highlights?: boolean;
}

/** Last year's results to write into the empty "Kết quả năm trước" cells, and the cells kept because they hold something. */
export interface PreviousFill {
  fills: { sheet: string; cell: string; value: number; indicator: string }[];
  kept: { sheet: string; cell: string; indicator: string }[];
}

let bundledUnits: UnitRegistry | undefined;
const defaultUnits = (): UnitRegistry => (bundledUnits ??= loadUnits());

/** Our template is located by its metadata; an office's own layout by a saved mapping or by detection. */
function locate(snapshot: WorkbookSnapshot, opts: CheckOptions): { context: CheckContext; located: Located; mapping?: MappingUse; conflicts: ContextConflict[] } {
  if (snapshot.metadata) {
    const context = resolveContext(opts, snapshot.metadata);
    return { context, located: locateIndicators(snapshot, opts.catalog), conflicts: contextConflicts(opts, { ...snapshot.metadata, by: "metadata" }) };
  }
  // our template whose document properties a tool dropped (openpyxl, some WPS, mail gateways): its header cells say
  // unit, level and year, and what they say is the default
  const header = opts.mapping === undefined ? identityFromHeader(snapshot, opts.units ?? defaultUnits()) : null;
  if (header) {
    const context = resolveContext(opts, header, "header");
    const located = locateIndicators(snapshot, opts.catalog);
    if (located.rows.length > 0) return { context, located, conflicts: contextConflicts(opts, { ...header, by: "header" }) };
  }
  // a mapping given by the caller (an imported file) wins over the one kept in the workbook
  const inWorkbook = storedMapping(snapshot);
  snapshot = inWorkbook.snapshot;
  const saved = opts.mapping ?? inWorkbook.stored?.mapping ?? undefined;
  const year0 = opts.year ?? saved?.year;
  const proposed = saved ? fromSavedMapping(saved) : proposeMapping(snapshot, { catalog: opts.catalog, ...(year0 !== undefined ? { year: year0 } : {}) });
  // no indicator table at all: say so first, before asking for a level and year that could not help
  if (!saved && proposed.entries.length === 0) throw new ChitieuError("error.no-indicators");
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
  // what the sheet's title states (only when detected: a saved mapping holds the user's own earlier answer)
  const stated = {
    by: "sheet" as const,
    level: proposed.level?.value ?? null,
    year: proposed.year?.value ?? null,
    cells: { ...(proposed.level ? { level: cellOf(proposed.level) } : {}), ...(proposed.year ? { year: cellOf(proposed.year) } : {}) },
  };
  return { context, located: { rows, duplicates: [] }, mapping: use, conflicts: saved ? [] : contextConflicts(opts, stated) };
}

function cellOf(g: { sheet: string; cell: string; text: string }) {
  return { sheet: g.sheet, cell: g.cell, text: g.text };
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

function planOf(marks: Mark[], watches: Watch[], checkedOn: string | undefined): HighlightPlan {
  const plan: HighlightPlan = { marks };
  if (watches.length > 0) plan.watches = watches;
  if (checkedOn !== undefined) plan.checkedOn = checkedOn;
  return plan;
}

export function checkWorkbook(snapshot: WorkbookSnapshot, opts: CheckOptions): CheckReport {
  // the reviewer's decisions sit on their own sheet: read, then set aside before any table is looked for
  const kept = storedReview(snapshot);
  snapshot = kept.snapshot;
  const { context, located, mapping, conflicts } = locate(snapshot, opts);
  const expected = indicatorsForLevel(opts.catalog, context.level);
  if (located.rows.length === 0 && (mapping?.toConfirm.length ?? 0) === 0 && (mapping?.notReported.length ?? 0) === 0) {
    throw new ChitieuError("error.no-indicators");
  }
  const judgeCtx = { level: context.level, year: context.year, fieldSizeNow: context.fieldSizeNow };
  const unreviewed: (Finding & { sheet: string; cell: string | null; explanation: string | null; figureKey: string })[] = [];
  const baselines = historyFor(context, opts, mapping, located.rows);
  const marks: Mark[] = [];
  const watches: Watch[] = [];
  for (const row of located.rows) {
    const indicator = asEntered(row.indicator, context.level);
    const entry = entryOf(row, indicator.unit);
    const hist = baselines ? historyOf(baselines, indicator.code) : null;
    const start = hist ? earlierStart(indicator, hist) : undefined;
    if (start) entry.earlier = start;
    const judgement = judge(indicator, entry, judgeCtx);
    let finding = toFinding(indicator, judgement, judgeCtx);
    if (baselines && hist) {
      const { history, details } = describeHistory(indicator, judgement, hist, baselines);
      finding = { ...finding, details: [...finding.details, ...details], history };
    }
    const cell = markedCell(row, finding, indicator.unit, judgement);
    unreviewed.push({
      ...finding,
      sheet: row.sheet,
      cell: cell?.address ?? null,
      explanation: explanationOf(row.explanation ?? []),
      figureKey: figureKeyOf(row, indicator.unit.kind === "ratio"),
    });
    if (!cell || opts.highlights === false) continue;
    // a doubt about what was typed is not a comparison: it stays marked until the next check
    const doubt = judgement.notes.some((n) => READING_DOUBTS.has(n.code));
    const field = indicator.unit.kind === "rank" ? (judgeCtx.fieldSizeNow ?? indicator.unit.fieldSize) : 0;
    const live = doubt ? null : liveCondition(row, indicator.unit, judgement, field);
    if (shouldMark(finding)) {
      marks.push({
        sheet: row.sheet,
        cell: cell.address,
        severity: finding.severity,
        status: finding.status,
        indicator: finding.indicator,
        message: { vi: formatFinding(finding, "vi"), en: formatFinding(finding, "en") },
        ...(live !== null ? { live } : {}),
      });
    } else if (live !== null) {
      watches.push({ sheet: row.sheet, cell: cell.address, indicator: finding.indicator, live });
    }
  }
  // found, whether judged, still to confirm or said not to be reported: not "not in the workbook"
  const foundCodes = new Set([...located.rows.map((r) => r.indicator.code), ...(mapping?.toConfirm.map((e) => e.indicator) ?? []), ...(mapping?.notReported ?? [])]);
  const notFound = expected.filter((i) => !foundCodes.has(i.code)).map((i) => i.code);
  const { findings, review } = applyReview<LocatedFinding>(unreviewed, kept.review);
  const report: CheckReport = { context, findings, notFound, duplicates: located.duplicates, summary: summarize(findings), plan: planOf(marks, watches, opts.checkedOn), review };
  if (mapping) report.mapping = mapping;
  if (conflicts.length > 0) report.conflicts = conflicts;
  if (baselines) report.history = { used: baselines.used, setAside: baselines.setAside, newSince: baselines.newSince };
  if (opts.fillPrevious) report.previousFill = previousFill(located.rows, context, opts);
  return report;
}

/** Last year's figures from the reports given (never from the column itself), for the column's empty cells only. */
function previousFill(rows: readonly LocatedRow[], context: CheckContext, opts: CheckOptions): PreviousFill {
  const files = buildBaselines(opts.history ?? [], { unitCode: context.unitCode, level: context.level, year: context.year, units: opts.units ?? defaultUnits() });
  const plan: PreviousFill = { fills: [], kept: [] };
  for (const row of rows) {
    const cell = row.previous;
    if (!cell) continue;
    const kind = asEntered(row.indicator, context.level).unit.kind;
    if (kind !== "ratio" && kind !== "percent" && kind !== "count") continue;
    const last = historyOf(files, row.indicator.code).series.find((p) => p.year === context.year - 1);
    if (!last) continue;
    const empty = cell.raw === null || cell.raw === undefined || (typeof cell.raw === "string" && cell.raw.trim() === "");
    if (empty) plan.fills.push({ sheet: row.sheet, cell: cell.address, value: last.value, indicator: row.indicator.code });
    else plan.kept.push({ sheet: row.sheet, cell: cell.address, indicator: row.indicator.code });
  }
  return plan;
}

/**
 * The unit's own earlier figures: the reports given, and an office's earlier years' columns in this very workbook.
 * Null when there are none of either, so a check without history reads exactly as before.
 */
function historyFor(context: CheckContext, opts: CheckOptions, mapping: MappingUse | undefined, rows: readonly LocatedRow[]): Baselines | null {
  const reports: EarlierReport[] = [...(opts.history ?? [])];
  const column = previousColumn(rows, context);
  if (column) reports.push(column);
  if (mapping && mapping.history.length > 0) reports.push(...yearColumns(mapping, opts.catalog, context));
  if (opts.history === undefined && reports.length === 0) return null;
  return buildBaselines(reports, { unitCode: context.unitCode, level: context.level, year: context.year, units: opts.units ?? defaultUnits() });
}

/**
 * "Kết quả năm trước" as last year's figures: a number typed like the year's own result (48 for 48%), read as the
 * sheet's own formula reads it (see template/formulas.ts pathTargetFormula), so the sheet and the tool agree.
 */
function previousColumn(rows: readonly LocatedRow[], context: CheckContext): EarlierReport | null {
  const figures: Record<string, EarlierFigure> = {};
  for (const row of rows) {
    const raw = row.previous?.raw;
    if (typeof raw !== "number" || !Number.isFinite(raw) || raw < 0) continue;
    const kind = asEntered(row.indicator, context.level).unit.kind;
    if (kind === "count" || ((kind === "ratio" || kind === "percent") && raw <= 100)) figures[row.indicator.code] = { value: raw };
  }
  if (Object.keys(figures).length === 0) return null;
  return { source: "", kind: "column", unitCode: context.unitCode, level: context.level, year: context.year - 1, figures };
}

/** An office's table with a column per year: the earlier years' cells, read and measured as the report year's are. */
function yearColumns(mapping: MappingUse, catalog: Catalog, context: CheckContext): EarlierReport[] {
  const rows = new Map<string, LocatedRow>();
  for (const h of mapping.history) {
    const key = `${h.year}|${h.indicator}`;
    let row = rows.get(key);
    if (!row) {
      const indicator = catalog.indicators.find((i) => i.code === h.indicator);
      if (!indicator) continue;
      rows.set(key, (row = { indicator, sheet: h.sheet, row: 0, matchedBy: "code" }));
    }
    row[h.part] = { address: h.cell, raw: h.raw, format: "General" };
  }
  const byYear = new Map<number, Record<string, EarlierFigure>>();
  for (const [key, row] of rows) {
    const year = Number(key.slice(0, key.indexOf("|")));
    const indicator = asEntered(row.indicator, context.level);
    const j = judge(indicator, entryOf(row, indicator.unit), { level: context.level, year });
    if (j.value === null || j.status === "invalid" || j.status === "missing") continue;
    let figures = byYear.get(year);
    if (!figures) byYear.set(year, (figures = {}));
    figures[indicator.code] = { value: j.value, numerator: j.figure.numerator, denominator: j.figure.denominator };
  }
  return [...byYear].map(([year, figures]) => ({ source: "", kind: "year-columns" as const, unitCode: context.unitCode, level: context.level, year, figures }));
}
