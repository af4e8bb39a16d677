import { inputUnit, type Catalog, type Indicator, type Level } from "../catalog";
import { provincesInRanking } from "../check";
import type { ReadResult } from "../figures";
import type { Status } from "../highlight-plan";
import { judge, type Entry } from "../judge";
import type { MessageKey } from "../messages";
import { unitTitle, type ReportingUnit, type UnitRegistry } from "../units";
import { formatMessages } from "./reason";
import { reviewTime } from "../review/apply";
import { expectedLevel, expectedUnits, periodLabel, type Period } from "./period";
import type {
  ByUnit, ConsolidationReport, IndicatorRollup, Partial, Reason, Submission, UnitFigure, UnitFindings, UnitRow,
} from "./types";

// The provincial roll-up. Files are added one at a time (their workbooks already dropped); `finish` sorts them into
// expected units, conflicts and unusable files, then adds up each indicator: ratio of sums, share of units, or the
// province's own workbook. Nothing is guessed: a conflict, a bare percentage or a wrong file is left out, with a reason.

export interface ConsolidateOptions {
  catalog: Catalog;
  registry: UnitRegistry;
  period: Period;
  /** The level whose units report; by default the one the registry has on the period's last day. */
  level?: Level;
  /** Roll up only reports the reviewer approved; the others are listed as left out, with their review state. */
  approvedOnly?: boolean;
}

const reason = (key: MessageKey, params: Record<string, string | number> = {}, terms?: Record<string, MessageKey>): Reason => ({
  message: terms ? { key, params, terms } : { key, params },
});

const LEVEL_TERM: Record<Level, MessageKey> = { province: "term.level.province", district: "term.level.district", commune: "term.level.commune" };

const ok = (value: number): ReadResult => ({ ok: true, value, notes: [] });

type Read = Extract<Submission, { kind: "read" }>;

export class Consolidator {
  private readonly submissions: Submission[] = [];
  readonly level: Level;
  readonly expected: ReportingUnit[];

  constructor(private readonly opts: ConsolidateOptions) {
    this.level = opts.level ?? expectedLevel(opts.registry, opts.period);
    this.expected = expectedUnits(opts.registry, opts.period, this.level);
  }

  add(s: Submission): void {
    this.submissions.push(s);
  }

  /** The report; the files added so far are let go (call once). */
  finish(): ConsolidationReport {
    const { registry, period, catalog } = this.opts;
    const label = periodLabel(period);
    const byCode = new Map(registry.units.map((u) => [u.code, u]));
    const expectedCodes = new Set(this.expected.map((u) => u.code));
    const rows: UnitRow[] = [];
    const candidates = new Map<string, Read[]>();
    const provinceFiles: Read[] = [];

    for (const s of this.submissions) {
      if (s.kind === "unreadable") {
        rows.push({ unit: null, unitName: null, file: s.file, status: "unreadable", reason: s.reason });
        continue;
      }
      if (s.kind === "unidentified") {
        const hint = s.fileNameHint ? (nameOf(byCode.get(s.fileNameHint)) ?? s.fileNameHint) : null;
        // a saved mapping that does not say whose the workbook is: that is the reason (with the file name's hint)
        const r = s.why
          ? reason(s.why, { hint: hint ?? "–" })
          : hint
            ? reason("consolidate.reason.unidentified-hint", { hint })
            : reason("consolidate.reason.unidentified");
        rows.push({ unit: null, unitName: null, file: s.file, status: "unidentified", reason: r });
        continue;
      }
      const id = s.identity;
      const unit = byCode.get(id.unitCode);
      const row = (status: UnitRow["status"], r: Reason): UnitRow => ({
        unit: id.unitCode, unitName: nameOf(unit), file: s.file, status, reason: r, recognisedBy: id.source, review: s.review,
      });
      if (!unit) rows.push(row("unknown-unit", reason("consolidate.reason.unknown-unit", { unit: id.unitCode })));
      else if (id.year !== period.year) rows.push(row("wrong-period", reason("consolidate.reason.wrong-period", { year: id.year, period: label })));
      else if (unit.level === "province" && id.level === "province" && this.level !== "province") provinceFiles.push(s);
      else if (id.level !== this.level || unit.level !== this.level)
        rows.push(row("wrong-level", reason("consolidate.reason.wrong-level", { period: label }, { level: LEVEL_TERM[id.level], expected: LEVEL_TERM[this.level] })));
      else if (!expectedCodes.has(unit.code))
        rows.push(row("wrong-period", reason("consolidate.reason.not-in-period", { unit: unitTitle(unit), period: label, from: unit.validFrom ?? "…", to: unit.validTo ?? "…" })));
      else {
        const list = candidates.get(unit.code) ?? [];
        list.push(s);
        candidates.set(unit.code, list);
      }
    }

    // one file per expected unit is used; two or more are a conflict shown with every file, none chosen
    const used = new Map<string, Read>();
    const conflicted = new Set<string>();
    const notApproved = new Set<string>();
    const expectedRows: UnitRow[] = [];
    for (const u of this.expected) {
      const files = candidates.get(u.code) ?? [];
      if (files.length === 0) {
        expectedRows.push({ unit: u.code, unitName: unitTitle(u), file: null, status: "missing", reason: reason("consolidate.reason.missing") });
      } else if (files.length === 1 && !this.admitted(files[0]!)) {
        const s = files[0]!;
        notApproved.add(u.code);
        expectedRows.push({ unit: u.code, unitName: unitTitle(u), file: s.file, status: "not-approved", reason: notApprovedReason(s), recognisedBy: s.identity.source, review: s.review });
      } else if (files.length === 1) {
        const s = files[0]!;
        used.set(u.code, s);
        const r = s.identity.source === "header" ? reason("consolidate.reason.from-header") : s.identity.source === "mapping" ? reason("consolidate.reason.from-mapping") : null;
        expectedRows.push({ unit: u.code, unitName: unitTitle(u), file: s.file, status: "received", reason: r, recognisedBy: s.identity.source, review: s.review });
      } else {
        conflicted.add(u.code);
        const names = files.map((f) => f.file).join("; ");
        for (const s of files) {
          expectedRows.push({
            unit: u.code, unitName: unitTitle(u), file: s.file, status: "duplicate",
            reason: reason("consolidate.reason.duplicate", { count: files.length, files: names }), recognisedBy: s.identity.source, review: s.review,
          });
        }
      }
    }
    // consolidating at province level (--level tinh): the province's own file is the expected one
    let province: Read | null = this.level === "province" ? (used.values().next().value ?? null) : null;
    if (provinceFiles.length === 1 && !this.admitted(provinceFiles[0]!)) {
      const s = provinceFiles[0]!;
      rows.unshift({ unit: s.identity.unitCode, unitName: nameOf(byCode.get(s.identity.unitCode)), file: s.file, status: "not-approved", reason: notApprovedReason(s), recognisedBy: s.identity.source, review: s.review });
    } else if (provinceFiles.length === 1) {
      province = provinceFiles[0]!;
      const u = byCode.get(province.identity.unitCode);
      rows.unshift({ unit: province.identity.unitCode, unitName: nameOf(u), file: province.file, status: "province", reason: reason("consolidate.reason.province"), recognisedBy: province.identity.source, review: province.review });
    } else if (provinceFiles.length > 1) {
      const names = provinceFiles.map((f) => f.file).join("; ");
      for (const s of provinceFiles)
        rows.unshift({ unit: s.identity.unitCode, unitName: nameOf(byCode.get(s.identity.unitCode)), file: s.file, status: "duplicate", reason: reason("consolidate.reason.duplicate", { count: provinceFiles.length, files: names }), recognisedBy: s.identity.source });
    }

    const indicators = catalog.indicators
      .filter((ind) => !ind.qualitative)
      .map((ind) =>
        this.level !== "province" && ind.consolidation !== "province-only" && ind.levels.includes(this.level)
          ? this.rollUp(ind, used, conflicted, notApproved)
          : fromProvince(ind, province, period.year),
      );

    const findings: UnitFindings[] = [];
    for (const u of this.expected) {
      const s = used.get(u.code);
      if (!s) continue;
      const list = s.figures.filter((f) => f.messages).map(unitFinding);
      findings.push({ unit: u.code, file: s.file, findings: list });
    }
    if (province) {
      const list = province.figures.filter((f) => f.messages).map(unitFinding);
      findings.unshift({ unit: province.identity.unitCode, file: province.file, findings: list });
    }

    this.submissions.length = 0;
    return {
      period: label,
      year: period.year,
      level: this.level,
      expected: this.expected.length,
      received: used.size,
      units: [...expectedRows, ...rows],
      approvedOnly: this.opts.approvedOnly ?? false,
      indicators,
      findings,
    };
  }

  /** Whether a file's figures may be rolled up: any, or with approvedOnly only a report the reviewer approved. */
  private admitted(s: Read): boolean {
    return !this.opts.approvedOnly || s.review.state === "approved";
  }

  private rollUp(ind: Indicator, used: Map<string, Read>, conflicted: Set<string>, notApproved: Set<string>): IndicatorRollup {
    const year = this.opts.period.year;
    const atUnit = inputUnit(ind.unit, this.level);
    const byUnit: ByUnit[] = [];
    let missing = 0;
    let leftOut = 0;
    let num = 0;
    let den = 0;
    let contributing = 0;
    const shareOfUnits = atUnit.kind === "yesno";
    const summable = atUnit.kind === "ratio" || shareOfUnits || (ind.consolidation === "sum" && atUnit.kind === "count");

    for (const u of this.expected) {
      const s = used.get(u.code);
      if (!s) {
        missing++;
        const r = conflicted.has(u.code)
          ? reason("consolidate.leftout.conflict")
          : notApproved.has(u.code)
            ? reason("consolidate.leftout.not-approved")
            : reason("consolidate.leftout.no-file");
        byUnit.push({ unit: u.code, value: null, numerator: null, denominator: null, status: "no-file", reason: r });
        continue;
      }
      const f: UnitFigure | undefined = s.figures.find((x) => x.indicator === ind.code);
      const entry: ByUnit = { unit: u.code, value: f?.value ?? null, numerator: f?.numerator ?? null, denominator: f?.denominator ?? null, status: f?.status ?? "missing", reason: null };
      // an explanation never changes the status: it sets an unmet target apart from the unexplained ones
      if (f?.explanation && (f.status === "below" || f.status === "off-track")) entry.explanation = f.explanation;
      byUnit.push(entry);
      const leave = (r: Reason) => {
        leftOut++;
        entry.reason = r;
      };
      if (!f || f.status === "missing") leave(reason("consolidate.leftout.missing"));
      else if (f.status === "invalid")
        leave(f.messages ? { ...reason("consolidate.leftout.invalid"), detail: { vi: formatMessages(f.messages, "vi"), en: formatMessages(f.messages, "en") } } : reason("consolidate.leftout.invalid"));
      else if (!summable) leave(reason("consolidate.leftout.not-summable"));
      else if (shareOfUnits) {
        if (f.answer === undefined) leave(reason("consolidate.leftout.missing"));
        else {
          contributing++;
          if (f.answer === "yes") num++;
        }
      } else if (atUnit.kind === "ratio") {
        if (f.numerator === null || f.denominator === null) leave(reason("consolidate.leftout.bare-percentage", { value: f.value ?? 0 }));
        else {
          contributing++;
          num += f.numerator;
          den += f.denominator;
        }
      } else if (f.value !== null) {
        contributing++;
        num += f.value;
      }
      if (entry.reason !== null) entry.status = entry.status === "invalid" || entry.status === "missing" ? entry.status : "left-out";
    }
    // share of units: over every unit expected, not only those that answered
    if (shareOfUnits) den = this.expected.length;

    const partial: Partial | null = missing + leftOut > 0 ? { expected: this.expected.length, missing, leftOut } : null;
    const method = shareOfUnits ? "share-of-units" : atUnit.kind === "ratio" ? "ratio-of-sums" : "sum";
    if (!summable) return { indicator: ind.code, method, value: null, numerator: null, denominator: null, target: null, status: "not-applicable", partial, byUnit, reason: reason("consolidate.leftout.not-summable") };
    if (contributing === 0 || (method !== "sum" && den === 0)) {
      return { indicator: ind.code, method, value: null, numerator: null, denominator: null, target: targetOf(ind, year), status: "missing", partial, byUnit, reason: reason("consolidate.reason.no-figures") };
    }
    const atProvince = { ...ind, unit: inputUnit(ind.unit, "province") };
    const entryAtProvince: Entry = method === "sum" ? { value: ok(num) } : { numerator: ok(num), denominator: ok(den) };
    const j = judge(atProvince, entryAtProvince, { level: "province", year, fieldSizeNow: provincesInRanking(year) });
    return {
      indicator: ind.code,
      method,
      value: j.value,
      numerator: method === "sum" ? null : num,
      denominator: method === "sum" ? null : den,
      target: j.target ? { value: j.target.value, comparator: j.target.comparator, year: j.target.year } : null,
      status: j.status,
      partial,
      byUnit,
      reason: null,
    };
  }
}

function unitFinding(f: UnitFigure): UnitFindings["findings"][number] {
  return { indicator: f.indicator, status: f.status, messages: f.messages!, explanation: f.explanation ?? null };
}

/** Why a report was left out with --approved-only: returned by the reviewer, reopened, or not reviewed yet. */
function notApprovedReason(s: Read): Reason {
  const r = s.review;
  if (r.state === "returned") return reason("consolidate.reason.returned", { by: r.by ?? "", at: reviewTime(r.at ?? ""), comment: r.comment ?? "" });
  if (r.reopened) return reason("consolidate.reason.approval-reopened");
  return reason("consolidate.reason.not-reviewed");
}

function nameOf(u: ReportingUnit | undefined): string | null {
  return u ? unitTitle(u) : null;
}

function targetOf(ind: Indicator, year: number): IndicatorRollup["target"] {
  const j = judge(ind, {}, { level: "province", year, fieldSizeNow: provincesInRanking(year) });
  return j.target ? { value: j.target.value, comparator: j.target.comparator, year: j.target.year } : null;
}

/** Province-only indicators (and those the units' level does not report): the province's own workbook, as checked. */
function fromProvince(ind: Indicator, province: Read | null, year: number): IndicatorRollup {
  const base = { indicator: ind.code, method: "province-workbook" as const, partial: null, byUnit: [] };
  const f = province?.figures.find((x) => x.indicator === ind.code);
  if (!province || !f) {
    const r = province ? reason("consolidate.reason.province-missing-figure", { file: province.file }) : reason("consolidate.reason.no-province-workbook");
    return { ...base, value: null, numerator: null, denominator: null, target: targetOf(ind, year), status: "missing" as Status, reason: r };
  }
  const j = judge(ind, {}, { level: "province", year, fieldSizeNow: provincesInRanking(year) });
  return {
    ...base,
    value: f.value,
    numerator: f.numerator,
    denominator: f.denominator,
    target: j.target ? { value: j.target.value, comparator: j.target.comparator, year: j.target.year } : null,
    status: f.status,
    reason: reason("consolidate.reason.from-province", { file: province.file }),
  };
}

/** The whole roll-up in one call, for callers that already hold every submission. */
export function consolidate(submissions: Iterable<Submission>, opts: ConsolidateOptions): ConsolidationReport {
  const c = new Consolidator(opts);
  for (const s of submissions) c.add(s);
  return c.finish();
}
