import { readdirSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { parseArgs } from "node:util";
import { defaultCatalog, findIndicator, type Catalog } from "../../core/catalog";
import { checkWorkbook, type CheckReport, type LocatedFinding } from "../../core/check";
import { setAsideMessage } from "../../core/history/describe";
import { earlierReportsFromBytes } from "../../hosts/xlsx/earlier-report";
import { fromEarlierFile, type EarlierReport } from "../../core/history/baselines";
import type { Level } from "../../core/catalog";
import { ChitieuError } from "../../core/errors";
import { formatFinding } from "../../core/findings";
import { parseSavedMappingText, type SavedMapping } from "../../core/mapping";
import { formatMessage, msg } from "../../core/messages";
import { decisionMessage, DECISION_TERM, reopenedMessage, REPORT_DECISION_TERM, reportReopenedMessage, shortfallKind } from "../../core/review";
import { createFileHost } from "../../hosts/xlsx/file-host";
import { fillEmptyCells } from "../../hosts/xlsx/fill-empty";
import { readInput, refuseInputAsOutput, refuseOutputKind, refuseWrongExtension, registryFrom, writeOutput } from "../files";
import type { Io } from "../io";
import type { Lang } from "../lang";
import { parseLevel, parseYear, resolveUnit } from "../options";
import { t } from "../strings";
import { entryLine } from "./map";
import { userText } from "../user-text";
import type { UnitRegistry } from "../../core/units";
import { conflictText } from "../conflicts";

// `chitieu check`: one or more workbooks; one bad file is reported and the others still run.

export interface JsonReport {
  file: string;
  unit: string | null;
  level: string;
  year: number;
  findings: {
    indicator: string;
    sheet: string | null;
    cell: string | null;
    status: string;
    severity: string;
    value: number | null;
    target: number | null;
    comparator: string | null;
    gap: number | null;
    message: string;
    /** The clerk's explanation (Ghi chú / Minh chứng, or a mapped note column), or null. */
    explanation: string | null;
    /** For an unmet target: whether it was explained; null for any other status. */
    shortfall: "explained" | "unexplained" | null;
    decision: "accepted" | "returned" | null;
    decisionComment: string | null;
    decisionBy: string | null;
    decisionAt: string | null;
    /** A decision reopened because the figure changed since it was made: what it was, and on which figure. */
    reopened: { decision: "accepted" | "returned"; by: string; at: string; figure: string; message: string } | null;
    /** With --history: the unit's earlier values, the pace (per year, null with too little history) and the year the
     * next target is reached at that pace (null: not at this pace; absent: too little history). */
    history?: { year: number; value: number }[];
    pace?: number | null;
    projectedYear?: number | null;
    doubleCheck?: string[];
  }[];
  /** The whole report's review: its decision (null while open), and why one was reopened or could not be read. */
  review: {
    decision: "approved" | "returned" | null;
    comment: string | null;
    by: string | null;
    at: string | null;
    reopened: string | null;
    damaged: string | null;
    shortfalls: { explained: number; unexplained: number };
  };
  notFound: string[];
  /** Options that contradict what the file states (the options were used), each with its warning; empty when none. */
  conflicts: { field: string; stated: string | number; given: string | number; statedBy: string; cell?: string; message: string }[];
  /** With --history: the earlier reports used, and those set aside (another unit, not earlier…) with why. */
  history?: { used: { source: string; year: number; kind: string }[]; setAside: { source: string; year: number; unit: string | null; reason: string; message: string }[] };
  summary: CheckReport["summary"];
  /** For an office's own layout: which mapping was used, rows to confirm (not judged), the office's own targets. */
  mapping?: {
    source: "saved" | "workbook" | "detected";
    storedProblems?: string[];
    toConfirm: { indicator: string; sheet: string; labelCell: string | null; label: string; confidence: number; reasons: string[] }[];
    notReported: string[];
    officeTargets: { indicator: string; sheet: string; cell: string; office: number; resolution: number; message: string }[];
    history: { indicator: string; year: number; part: string; sheet: string; cell: string }[];
  };
}

/** A file that could not be checked, kept in the multi-file JSON so a program reading it sees every file it gave. */
export interface JsonUnusable {
  file: string;
  error: { code: string; message: string };
}

export function toJsonReport(file: string, report: CheckReport, lang: Lang, registry: UnitRegistry): JsonReport {
  return {
    file,
    unit: report.context.unitCode,
    level: report.context.level,
    year: report.context.year,
    findings: report.findings.map((f) => ({
      indicator: f.indicator,
      sheet: f.sheet,
      cell: f.cell,
      status: f.status,
      severity: f.severity,
      value: f.value,
      target: f.target?.value ?? null,
      comparator: f.target?.comparator ?? null,
      gap: f.gap,
      message: formatFinding(f, lang),
      explanation: f.explanation,
      shortfall: shortfallKind(f),
      decision: f.decision?.kind ?? null,
      decisionComment: f.decision ? f.decision.comment : null,
      decisionBy: f.decision?.by ?? null,
      decisionAt: f.decision?.at ?? null,
      reopened: f.reopened ? { decision: f.reopened.kind, by: f.reopened.by, at: f.reopened.at, figure: f.reopened.figure, message: formatMessage(reopenedMessage(f)!, lang) } : null,
      ...(f.history ? historyJson(f, lang) : {}),
    })),
    review: {
      decision: report.review.report?.kind ?? null,
      comment: report.review.report ? report.review.report.comment : null,
      by: report.review.report?.by ?? null,
      at: report.review.report?.at ?? null,
      reopened: report.review.reportReopened ? formatMessage(reportReopenedMessage(report.review)!, lang) : null,
      damaged: report.review.damaged?.[lang] ?? null,
      shortfalls: { explained: report.review.summary.explained, unexplained: report.review.summary.unexplained },
    },
    notFound: report.notFound,
    conflicts: (report.conflicts ?? []).map((c) => ({
      field: c.field,
      stated: c.stated,
      given: c.given,
      statedBy: c.statedBy,
      ...(c.cell ? { cell: `${c.cell.sheet}!${c.cell.cell}` } : {}),
      message: conflictText(c, registry, lang),
    })),
    summary: report.summary,
    ...(report.history
      ? { history: { used: report.history.used, setAside: report.history.setAside.map((a) => ({ source: a.source, year: a.year, unit: a.unitCode, reason: a.reason, message: formatMessage(setAsideMessage(a, basename(a.source)), lang) })) } }
      : {}),
    ...(report.mapping
      ? {
          mapping: {
            source: report.mapping.source,
            ...(report.mapping.storedProblems ? { storedProblems: report.mapping.storedProblems } : {}),
            toConfirm: report.mapping.toConfirm.map((e) => ({ indicator: e.indicator, sheet: e.sheet, labelCell: e.labelCell, label: e.label, confidence: e.confidence, reasons: e.reasons.map((r) => formatMessage(r, lang)) })),
            notReported: report.mapping.notReported,
            officeTargets: report.mapping.officeTargets.map((o) => ({ indicator: o.indicator, sheet: o.sheet, cell: o.cell, office: o.office, resolution: o.resolution, message: o.message[lang] })),
            history: report.mapping.history.map((h) => ({ indicator: h.indicator, year: h.year, part: h.part, sheet: h.sheet, cell: h.cell })),
          },
        }
      : {}),
  };
}

function historyJson(f: LocatedFinding, lang: Lang): Pick<JsonReport["findings"][number], "history" | "pace" | "projectedYear" | "doubleCheck"> {
  const h = f.history!;
  const doubleCheck = f.details.filter((d) => d.key.startsWith("history.check.")).map((d) => formatMessage(d, lang));
  return {
    history: h.series.map((p) => ({ year: p.year, value: p.value })),
    ...(h.projectedYear !== undefined ? { pace: h.pace, projectedYear: h.projectedYear } : {}),
    ...(doubleCheck.length > 0 ? { doubleCheck } : {}),
  };
}

const WORKBOOK_EXTENSIONS = new Set([".xlsx", ".xlsm"]);

/** --history paths: a file as given, a folder as its workbooks (not its subfolders), in name order. */
export function historyFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let isFolder = false;
    try {
      isFolder = statSync(p).isDirectory();
    } catch {
      // a missing path is said by readInput when it is read, like any input
    }
    if (!isFolder) {
      files.push(p);
      continue;
    }
    const names = readdirSync(p).filter((n) => WORKBOOK_EXTENSIONS.has(extname(n).toLowerCase()) && !n.startsWith("~$")).sort();
    for (const n of names) {
      const full = join(p, n);
      if (statSync(full).isFile()) files.push(full);
    }
  }
  return files;
}

/**
 * The unit's earlier reports, each checked on its own (its unit and year from the file; a mapped layout that does
 * not say its unit takes --unit's). One unreadable file is said and skipped; the others are still used.
 */
async function readHistory(paths: readonly string[], catalog: Catalog, unitCode: string | undefined, level: Level | undefined, lang: Lang, io: Io): Promise<EarlierReport[]> {
  const reports: EarlierReport[] = [];
  for (const file of historyFiles(paths)) {
    try {
      reports.push(...earlierReportsFromBytes(readInput(file), basename(file), { catalog, ...(unitCode ? { unitCode } : {}), ...(level ? { level } : {}) }));
    } catch (e) {
      const reason = userText(e, lang);
      if (reason === null) throw e;
      io.err(t(lang, "check.history.unusable", { file, reason }) + "\n");
    }
  }
  return reports;
}

/** The mapping file given with --mapping, read and validated; a bad one names the file and each problem. */
function readMapping(path: string): SavedMapping {
  const text = new TextDecoder().decode(readInput(path));
  return parseSavedMappingText(text, msg("file.mapping-at", { path }));
}

function printMapping(report: CheckReport, mappingFile: string | undefined, lang: Lang, io: Io): void {
  const m = report.mapping;
  if (!m) return;
  const certain = m.entries.filter((e) => e.status === "certain").length;
  io.out(
    m.source === "saved"
      ? t(lang, "check.mapping.saved", { file: mappingFile ?? "" })
      : m.source === "workbook"
        ? t(lang, "check.mapping.workbook")
        : t(lang, "check.mapping.detected", { certain, confirm: m.toConfirm.length }),
  );
  io.out("\n");
  if (m.storedProblems) io.out(`${t(lang, "check.mapping.stored-unusable", { problems: m.storedProblems.join("; ") })}\n`);
  const g = m.guessed;
  if (g.level) io.out(`${t(lang, "check.guess.level", { cell: `${g.level.sheet}!${g.level.cell}`, text: g.level.text })}\n`);
  if (g.year && "fromColumns" in g.year) io.out(`${t(lang, "check.guess.year-columns", { year: g.year.value })}\n`);
  else if (g.year) io.out(`${t(lang, "check.guess.year", { cell: `${g.year.sheet}!${g.year.cell}`, text: g.year.text })}\n`);
}

function printMappingDetails(report: CheckReport, catalog: Catalog, lang: Lang, io: Io): void {
  const m = report.mapping;
  if (!m) return;
  if (m.toConfirm.length > 0) {
    io.out(`\n${t(lang, "check.toConfirm")}\n${m.toConfirm.map((e) => entryLine(e, catalog, lang)).join("\n")}\n`);
  }
  if (m.officeTargets.length > 0) io.out(`\n${t(lang, "check.officeTargets")}\n${m.officeTargets.map((o) => `  ${o.indicator.padEnd(7)} ${o.message[lang]}`).join("\n")}\n`);
}

function counts(byStatus: CheckReport["summary"]["byStatus"]) {
  return {
    met: byStatus.met + byStatus["on-track"],
    notMet: byStatus.below + byStatus["off-track"],
    invalid: byStatus.invalid,
    missing: byStatus.missing,
    na: byStatus["not-applicable"],
  };
}

function findingLine(f: LocatedFinding, catalog: Catalog, lang: Lang): string {
  const where = f.cell ? `${f.sheet}!${f.cell}` : "";
  const label = findIndicator(catalog, f.indicator)?.label[lang] ?? "";
  const indent = `  ${" ".repeat(25)}`;
  const lines = [`  ${f.indicator.padEnd(7)} ${where.padEnd(16)} ${label}`, `${indent}→ ${formatFinding(f, lang)}`];
  if (f.explanation !== null) lines.push(`${indent}  ${formatMessage({ key: "review.explanation", params: { text: f.explanation } }, lang)}`);
  if (f.decision) lines.push(`${indent}  ${formatMessage(decisionMessage(f.decision, DECISION_TERM), lang)}`);
  const reopened = reopenedMessage(f);
  if (reopened) lines.push(`${indent}  ${formatMessage(reopened, lang)}`);
  return lines.join("\n");
}

function printReview(report: CheckReport, lang: Lang, io: Io): void {
  const { review } = report;
  const state = review.report ? formatMessage(decisionMessage(review.report, REPORT_DECISION_TERM), lang) : formatMessage({ key: REPORT_DECISION_TERM.open, params: {} }, lang);
  io.out(`${t(lang, "check.review", { state })}\n`);
  const reopened = reportReopenedMessage(review);
  if (reopened) io.out(`${formatMessage(reopened, lang)}\n`);
  if (review.damaged) io.out(`${review.damaged[lang]}\n`);
}

function printHistory(report: CheckReport, lang: Lang, io: Io): void {
  const h = report.history;
  if (!h) return;
  const files = h.used.filter((u) => fromEarlierFile(u.kind));
  if (files.length > 0) {
    const reports = files.map((u) => msg("history.used-report", { source: msg("history.source.file", { file: basename(u.source) }), year: u.year }));
    io.out(`\n${formatMessage(msg("history.used", { reports }), lang)}\n`);
  }
  for (const a of h.setAside) io.out(`${formatMessage(setAsideMessage(a, basename(a.source)), lang)}\n`);
}

export function printReport(file: string, report: CheckReport, catalog: Catalog, lang: Lang, io: Io, registry: UnitRegistry, mappingFile?: string): void {
  const { context, summary } = report;
  const unit = context.unitCode ?? t(lang, "unit.unknown");
  io.out(t(lang, "check.header", { file: basename(file), unit, level: t(lang, `level.${context.level}`), year: context.year }));
  io.out(context.source === "metadata" ? ` ${t(lang, "check.context.metadata")}\n` : "\n");
  for (const c of report.conflicts ?? []) io.out(`${conflictText(c, registry, lang)}\n`);
  printMapping(report, mappingFile, lang, io);
  io.out(t(lang, "check.summary", counts(summary.byStatus)) + "\n");
  const { explained, unexplained } = report.review.summary;
  if (explained + unexplained > 0) io.out(t(lang, "check.shortfalls", { explained, unexplained }) + "\n");
  printReview(report, lang, io);
  for (const pillar of [...catalog.pillars].sort((a, b) => a.order - b.order)) {
    const p = summary.byPillar[pillar.id];
    if (p.total > 0) io.out(t(lang, "check.pillar", { pillar: pillar.heading[lang], ...counts(p.byStatus) }) + "\n");
  }
  // unmet targets apart from other warnings, and explained ones apart from unexplained ones
  const groups: [string, (f: LocatedFinding) => boolean][] = [
    [t(lang, "check.group.error"), (f) => f.severity === "error" && shortfallKind(f) === null],
    [t(lang, "check.group.unexplained"), (f) => shortfallKind(f) === "unexplained"],
    [t(lang, "check.group.explained"), (f) => shortfallKind(f) === "explained"],
    [t(lang, "check.group.warning"), (f) => f.severity === "warning" && shortfallKind(f) === null],
    [t(lang, "check.group.missing"), (f) => f.severity === "info" && f.status === "missing"],
  ];
  for (const [title, pick] of groups) {
    const list = report.findings.filter(pick);
    if (list.length === 0) continue;
    io.out(`\n${title}\n${list.map((f) => findingLine(f, catalog, lang)).join("\n")}\n`);
  }
  const doubleChecks = report.findings.filter((f) => (f.history?.doubleChecks.length ?? 0) > 0);
  if (doubleChecks.length > 0) io.out(`\n${t(lang, "check.group.double-check")}\n${doubleChecks.map((f) => findingLine(f, catalog, lang)).join("\n")}\n`);
  // met and on-track findings are listed nowhere else: their trend is news too
  const trends = report.findings.filter((f) => f.history !== undefined && f.history.series.length > 0 && f.severity === "info" && f.status !== "missing" && !doubleChecks.includes(f));
  if (trends.length > 0) io.out(`\n${t(lang, "check.group.trend")}\n${trends.map((f) => findingLine(f, catalog, lang)).join("\n")}\n`);
  printHistory(report, lang, io);
  if (report.notFound.length > 0) io.out(`\n${t(lang, "check.notFound", { codes: report.notFound.join(", ") })}\n`);
  if (report.duplicates.length > 0) {
    io.out(`${t(lang, "check.duplicates", { list: report.duplicates.map((d) => `${d.code} (${d.sheet}!${d.row})`).join(", ") })}\n`);
  }
  printMappingDetails(report, catalog, lang, io);
}

export async function runCheck(args: string[], lang: Lang, terminal: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      year: { type: "string" }, level: { type: "string" }, unit: { type: "string" }, units: { type: "string" },
      out: { type: "string" }, json: { type: "string" }, strict: { type: "boolean" }, force: { type: "boolean" },
      notes: { type: "boolean", default: true }, lang: { type: "string" },
      mapping: { type: "string" }, "accept-uncertain": { type: "boolean" }, history: { type: "string", multiple: true },
      "fill-previous": { type: "boolean" },
    },
    allowPositionals: true,
    allowNegative: true,
    strict: true,
  });
  if (positionals.length === 0) throw new ChitieuError("error.usage.check");
  if (positionals.length > 1 && values.out) throw new ChitieuError("error.usage.check-out");
  if (values.out) refuseOutputKind(values.out);
  if (values["fill-previous"] && (!values.out || !values.history)) throw new ChitieuError("error.usage.fill-previous");
  // `--json -`: the JSON is standard output, so the words for people go to standard error and the JSON stays parseable
  const jsonToStdout = values.json === "-";
  const io: Io = jsonToStdout ? { ...terminal, out: terminal.err } : terminal;
  for (const out of [values.out, jsonToStdout ? undefined : values.json]) if (out) refuseInputAsOutput(out, positionals);
  const catalog = defaultCatalog();
  const mapping = values.mapping ? readMapping(values.mapping) : undefined;
  const year = parseYear(values.year);
  const level = parseLevel(values.level);
  const registry = registryFrom(values.units);
  const unitCode = values.unit && year !== undefined ? resolveUnit(registry, values.unit, year, level).code : undefined;
  const history = values.history ? await readHistory(values.history, catalog, unitCode ?? values.unit, level, lang, io) : undefined;
  const reports: (JsonReport | JsonUnusable)[] = [];
  let unusable = 0;
  let errors = 0;
  for (const [i, file] of positionals.entries()) {
    if (i > 0) io.out("\n");
    try {
      const bytes = readInput(file);
      if (values.out) refuseWrongExtension(values.out, file, bytes);
      const host = createFileHost(bytes, { notesLang: lang });
      const snapshot = await host.readSnapshot();
      const checkAs = (unit: string | undefined) =>
        checkWorkbook(snapshot, {
          catalog, ...(year !== undefined ? { year } : {}), ...(level ? { level } : {}), ...(unit ? { unitCode: unit } : {}),
          ...(mapping ? { mapping } : {}), acceptUncertain: values["accept-uncertain"] ?? false, guessContext: true,
          ...(history ? { history } : {}), fillPrevious: values["fill-previous"] ?? false,
        });
      // --unit without --year: the unit is looked up in the year the file states, so a name is compared as a code
      let report = checkAs(unitCode);
      if (values.unit && year === undefined) report = checkAs(resolveUnit(registry, values.unit, report.context.year, level).code);
      printReport(file, report, catalog, lang, io, registry, values.mapping);
      errors += report.summary.bySeverity.error;
      if (values.out) {
        const applied = await host.applyHighlights(report.plan);
        let out = host.bytes();
        if (report.previousFill) {
          const filled = fillEmptyCells(out, report.previousFill.fills);
          out = filled.bytes;
          io.out(`\n${formatMessage(msg("history.filled", { written: filled.written.length, kept: report.previousFill.kept.length + filled.kept.length }), lang)}\n`);
        }
        writeOutput(values.out, out, positionals, values.force ?? false);
        io.out(`\n${t(lang, "check.marked", { file: values.out, marked: applied.marked })}\n`);
      }
      reports.push(toJsonReport(file, report, lang, registry));
    } catch (e) {
      const reason = userText(e, lang);
      if (reason === null) throw e;
      unusable++;
      io.err(t(lang, "check.unusable", { file, reason }) + "\n");
      reports.push({ file, error: { code: e instanceof ChitieuError ? e.code : "unknown", message: reason } });
    }
  }
  if (values.json) {
    const only = reports[0];
    const body = positionals.length === 1 ? (only && !("error" in only) ? only : null) : reports;
    const text = JSON.stringify(body, null, 2) + "\n";
    if (jsonToStdout) terminal.out(text);
    else {
      writeOutput(values.json, text, positionals, values.force ?? false);
      io.out(t(lang, "check.json", { file: values.json }) + "\n");
    }
  }
  if (positionals.length > 1) io.out(`\n${t(lang, "check.batch", { ok: positionals.length - unusable, total: positionals.length })}\n`);
  if (unusable > 0) return 2;
  return values.strict && errors > 0 ? 1 : 0;
}
