// Judging one indicator's entry against the target that applies to the level and year. Pure; target lookups are cached.

import { LEVELS, type Indicator } from "../catalog/schema";
import type { ReadResult } from "../figures";
import type { Severity, Status } from "../highlight-plan";
import { holds, roundFloat, signedGap } from "./compare";
import { resolveTarget, type EarlierValue, type Resolution } from "./targets";
import type { AppliedTarget, Entry, EntryPart, Figure, JudgeContext, Judgement, JudgeNote, JudgeProblem } from "./types";

const NONE: readonly never[] = Object.freeze([]);
const NO_FIGURE: Figure = Object.freeze({ value: null, numerator: null, denominator: null });

/**
 * Judges what was entered for one indicator at a level and year.
 * Order: qualitative or not reported at this level → not-applicable; unreadable or malformed → invalid;
 * nothing entered → missing; no target for this level → not-applicable; else the target decides
 * (met/below in or after a target year, on-track/off-track on the way to the next one).
 */
export function judge(indicator: Indicator, entry: Entry, ctx: JudgeContext): Judgement {
  if (indicator.qualitative) return notApplicable("qualitative", NO_FIGURE, null, NONE);
  if (!indicator.levels.includes(ctx.level)) return notApplicable("level", NO_FIGURE, null, NONE);

  const measured = measure(indicator, entry, ctx);
  const resolution = resolveFor(indicator, ctx, measured.figure.answer !== undefined, entry.earlier);
  const applied = resolution ? applyTarget(indicator, resolution, ctx) : null;

  if (measured.kind === "invalid") {
    const onlyAmbiguous = measured.problems.every((p) => p.code === "problem.ambiguous-number");
    return result("invalid", onlyAmbiguous ? "warning" : "error", applied?.target ?? null, null, null, measured.figure, measured.problems, measured.notes);
  }
  if (measured.kind === "missing") return result("missing", "info", applied?.target ?? null, null, null, measured.figure, NONE, measured.notes);
  if (applied === null) return notApplicable("no-target", measured.figure, measured.value, measured.notes);

  const { target } = applied;
  // both sides on the same 1e-9 grid, so the status and the sign of the gap always agree
  const value = roundFloat(measured.value);
  const inTargetYear = target.basis === "target-year" || target.basis === "after-last";
  const notes = applied.notes.length === 0 ? measured.notes : measured.notes.length === 0 ? applied.notes : [...measured.notes, ...applied.notes];

  if (measured.figure.answer !== undefined) return judgeAnswer(measured.figure, target, inTargetYear, notes);

  const ok = holds(value, target.comparator, target.compareWith);
  const status: Status = inTargetYear ? (ok ? "met" : "below") : ok ? "on-track" : "off-track";
  return result(status, ok ? "info" : "warning", target, value, signedGap(value, target.comparator, target.compareWith), measured.figure, NONE, notes);
}

/** One unit's yes/no: yes meets the target; no falls short, but only as information when the target is a share below 100%. */
function judgeAnswer(figure: Figure, target: AppliedTarget, inTargetYear: boolean, notes: readonly JudgeNote[]): Judgement {
  const yes = figure.answer === "yes";
  const status: Status = inTargetYear ? (yes ? "met" : "below") : yes ? "on-track" : "off-track";
  if (yes) return result(status, "info", target, 100, null, figure, NONE, notes);
  const shareBelowAll = target.value < 100;
  const shareNote: JudgeNote = { code: "note.yes-no-share", params: { comparator: target.comparator, target: target.value } };
  return result(status, shareBelowAll ? "info" : "warning", target, 0, null, figure, NONE, shareBelowAll ? [...notes, shareNote] : notes);
}

// ---- measuring: turning the read cells into one checked number ----

type Measured =
  | { kind: "ok"; value: number; figure: Figure; notes: readonly JudgeNote[] }
  | { kind: "missing"; figure: Figure; notes: readonly JudgeNote[] }
  | { kind: "invalid"; figure: Figure; problems: JudgeProblem[]; notes: readonly JudgeNote[] };

function isAbsent(r: ReadResult | undefined): boolean {
  return r === undefined || (!r.ok && r.kind === "missing");
}

function measure(indicator: Indicator, entry: Entry, ctx: JudgeContext): Measured {
  const unit = indicator.unit;
  switch (unit.kind) {
    case "ratio":
      // a ratio's result typed straight in (or a "no data" marker in its place) stands for the ratio
      if (isAbsent(entry.numerator) && isAbsent(entry.denominator) && entry.value !== undefined) return measureSingle(entry.value, "percent", 0);
      return measureRatio(entry, unit.quantity === "count");
    case "rank":
      return measureSingle(entry.value, "rank", ctx.fieldSizeNow ?? unit.fieldSize);
    case "yesno":
      // above the answering units' level the share is entered as units-with / all units
      if (entry.numerator !== undefined || entry.denominator !== undefined) return measureRatio(entry, true);
      return measureSingle(entry.value, "yesno", 0);
    default:
      return measureSingle(entry.value, unit.kind, 0);
  }
}

function measureSingle(read: ReadResult | undefined, kind: "percent" | "growth" | "count" | "rank" | "yesno", field: number): Measured {
  if (read === undefined || (!read.ok && read.kind === "missing")) {
    const marker = read !== undefined && !read.ok && read.kind === "missing" ? read.marker : undefined;
    return { kind: "missing", figure: marker === undefined ? NO_FIGURE : { ...NO_FIGURE, marker }, notes: NONE };
  }
  if (!read.ok) return { kind: "invalid", figure: NO_FIGURE, problems: [readProblem(read, "value")], notes: NONE };

  const value = read.value;
  const notes = read.notes.length === 0 ? NONE : read.notes.map((n) => ({ code: n.code, params: n.params, part: "value" as const }));
  const figure: Figure = read.answer === undefined ? { value, numerator: null, denominator: null } : { value, numerator: null, denominator: null, answer: read.answer };
  const problem = checkSingle(value, kind, field, read.answer !== undefined);
  if (problem !== null) return { kind: "invalid", figure, problems: [problem], notes };
  return { kind: "ok", value, figure, notes };
}

function checkSingle(value: number, kind: "percent" | "growth" | "count" | "rank" | "yesno", field: number, isAnswer: boolean): JudgeProblem | null {
  switch (kind) {
    case "growth":
      return null;
    case "count":
      if (value < 0) return problem("problem.negative-value", { value });
      if (!Number.isInteger(value)) return problem("problem.count-not-integer", { value });
      return null;
    case "rank":
      if (!Number.isInteger(value)) return problem("problem.rank-not-integer", { value });
      if (value < 1 || value > field) return problem("problem.rank-out-of-field", { value, field });
      return null;
    case "yesno":
      if (isAnswer) return null;
    // a share of units: a percentage like any other
    // falls through
    case "percent":
      if (value < 0) return problem("problem.negative-value", { value });
      if (value > 100) return problem("problem.percent-over-100", { value });
      return null;
  }
}

/** A count of schools or communes that is not whole (2.5): judged as read, but said, since the sheet may show "3". */
function fractionalCounts(numerator: number, denominator: number): JudgeNote[] {
  const notes: JudgeNote[] = [];
  if (!Number.isInteger(numerator)) notes.push({ code: "note.fractional-count", params: { value: numerator }, part: "numerator" });
  if (!Number.isInteger(denominator)) notes.push({ code: "note.fractional-count", params: { value: denominator }, part: "denominator" });
  return notes;
}

function measureRatio(entry: Entry, counts = false): Measured {
  const num = entry.numerator;
  const den = entry.denominator;
  const problems: JudgeProblem[] = [];
  if (num !== undefined && !num.ok && num.kind !== "missing") problems.push(readProblem(num, "numerator"));
  if (den !== undefined && !den.ok && den.kind !== "missing") problems.push(readProblem(den, "denominator"));
  const numerator = num !== undefined && num.ok ? num.value : null;
  const denominator = den !== undefined && den.ok ? den.value : null;
  const notes = ratioNotes(num, den);
  if (problems.length > 0) return { kind: "invalid", figure: { value: null, numerator, denominator }, problems, notes };
  if (numerator === null || denominator === null) {
    const missingParts: EntryPart[] = [];
    if (numerator === null) missingParts.push("numerator");
    if (denominator === null) missingParts.push("denominator");
    const marker = markerOf(num) ?? markerOf(den);
    const figure: Figure = { value: null, numerator, denominator, missingParts };
    return { kind: "missing", figure: marker === undefined ? figure : { ...figure, marker }, notes };
  }
  if (numerator < 0) problems.push({ ...problem("problem.negative-numerator", { numerator }), part: "numerator" });
  if (denominator < 0) problems.push({ ...problem("problem.negative-denominator", { denominator }), part: "denominator" });
  if (problems.length === 0) {
    if (denominator === 0) problems.push({ ...problem("problem.zero-denominator", { numerator }), part: "denominator" });
    else if (numerator > denominator) problems.push({ ...problem("problem.numerator-exceeds-denominator", { numerator, denominator }), part: "numerator" });
  }
  if (problems.length > 0) return { kind: "invalid", figure: { value: null, numerator, denominator }, problems, notes };
  // numerator·100/denominator, not numerator/denominator·100: 7/100·100 would be 7.000000000000001 and "pass" a "> 7"
  const value = roundFloat((numerator * 100) / denominator);
  const fractional = counts ? fractionalCounts(numerator, denominator) : [];
  return { kind: "ok", value, figure: { value, numerator, denominator }, notes: fractional.length === 0 ? notes : [...fractional, ...notes] };
}

function markerOf(r: ReadResult | undefined): string | undefined {
  return r !== undefined && !r.ok && r.kind === "missing" ? r.marker : undefined;
}

function ratioNotes(num: ReadResult | undefined, den: ReadResult | undefined): readonly JudgeNote[] {
  const numNotes = num !== undefined && num.ok ? num.notes : NONE;
  const denNotes = den !== undefined && den.ok ? den.notes : NONE;
  if (numNotes.length === 0 && denNotes.length === 0) return NONE;
  return [
    ...numNotes.map((n) => ({ code: n.code, params: n.params, part: "numerator" as const })),
    ...denNotes.map((n) => ({ code: n.code, params: n.params, part: "denominator" as const })),
  ];
}

function readProblem(read: Exclude<ReadResult, { ok: true } | { kind: "missing" }>, part: EntryPart): JudgeProblem {
  if (read.kind === "invalid") return { code: read.problem.code, params: read.problem.params, part };
  const [first, second] = read.readings;
  return {
    code: "problem.ambiguous-number",
    params: { text: read.text, first: first?.value ?? "", second: second?.value ?? "" },
    part,
    readings: read.readings,
  };
}

function problem(code: JudgeProblem["code"], params: JudgeProblem["params"]): JudgeProblem {
  return { code, params, part: "value" };
}

// ---- the target ----

/**
 * The level a report of this level and year is judged against, as `judge` applies it (the target year's target, the
 * level on the path to the next target, the last target after it; ranks scaled to today's field). The template shows
 * and compares with exactly this, so the sheet and the tool cannot disagree. `answer`: a unit's yes/no, which may be
 * judged by a share set at another level.
 */
export function requiredLevel(indicator: Indicator, ctx: JudgeContext, answer = false, earlier?: EarlierValue): AppliedTarget | null {
  const r = resolveFor(indicator, ctx, answer, earlier);
  return r ? applyTarget(indicator, r, ctx).target : null;
}

function resolveFor(indicator: Indicator, ctx: JudgeContext, answer: boolean, earlier?: EarlierValue): Resolution | null {
  // a rank's earlier position may be out of another field (63 provinces before 2025, 34 after): no path from it
  const start = indicator.unit.kind === "rank" ? undefined : earlier;
  const own = resolveTarget(indicator, ctx.level, ctx.year, start);
  if (own !== null || indicator.unit.kind !== "yesno" || !answer) return own;
  // a unit's yes/no where only a share of units (set at another level) is targeted: that share tells how much "no" weighs
  for (const level of LEVELS) {
    if (level === ctx.level) continue;
    const other = resolveTarget(indicator, level, ctx.year);
    if (other !== null) return other;
  }
  return null;
}

interface Applied {
  target: AppliedTarget;
  notes: readonly JudgeNote[];
}

// an applied target depends only on the (cached) resolution, the report year and today's field size: share it, frozen
const appliedCache = new WeakMap<Resolution, Map<number, Applied>>();

function applyTarget(indicator: Indicator, r: Resolution, ctx: JudgeContext): Applied {
  let perResolution = appliedCache.get(r);
  if (perResolution === undefined) {
    perResolution = new Map();
    appliedCache.set(r, perResolution);
  }
  const key = ctx.year * 1000 + (ctx.fieldSizeNow ?? 0);
  let applied = perResolution.get(key);
  if (applied === undefined) {
    applied = deepFreeze(applyTargetUncached(indicator, r, ctx));
    perResolution.set(key, applied);
  }
  return applied;
}

function deepFreeze<T extends Applied>(a: T): T {
  for (const n of a.notes) {
    Object.freeze(n.params);
    Object.freeze(n);
  }
  if (a.target.pathFrom) Object.freeze(a.target.pathFrom);
  Object.freeze(a.target);
  Object.freeze(a.notes);
  return Object.freeze(a);
}

function applyTargetUncached(indicator: Indicator, r: Resolution, ctx: JudgeContext): Applied {
  const t = r.target;
  let compareWith = r.compareWith;
  const notes: JudgeNote[] = [];
  const unit = indicator.unit;
  if (unit.kind === "rank" && ctx.fieldSizeNow !== undefined && ctx.fieldSizeNow !== unit.fieldSize) {
    // the field changed (63 provinces → 34): compare relative positions, i.e. scale the compared rank to today's field
    compareWith = roundFloat((compareWith * ctx.fieldSizeNow) / unit.fieldSize);
    notes.push({
      code: "note.rank-relative",
      params: { target: r.compareWith, targetField: unit.fieldSize, field: ctx.fieldSizeNow, equivalent: round2(compareWith) },
    });
  }
  if (t.carried) notes.push({ code: "note.carried", params: { year: r.year } });
  if (t.aspirational) notes.push({ code: "note.aspirational", params: {} });
  if (r.basis === "after-last") notes.push({ code: "note.after-last-target", params: { year: r.year, reportYear: ctx.year } });
  if (r.basis === "final-no-path") notes.push({ code: "note.no-path", params: { year: r.year } });
  const target: AppliedTarget = {
    value: t.value,
    comparator: t.comparator,
    year: r.year,
    level: t.level,
    carried: t.carried === true,
    aspirational: t.aspirational === true,
    annual: t.year === "annual",
    basis: r.basis,
    compareWith,
    ...(r.pathFrom ? { pathFrom: r.pathFrom } : {}),
  };
  return { target, notes };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function notApplicable(reason: NonNullable<Judgement["reason"]>, figure: Figure, value: number | null, notes: readonly JudgeNote[]): Judgement {
  return { status: "not-applicable", severity: "info", target: null, value, gap: null, figure, problems: NONE, notes, reason };
}

function result(
  status: Status,
  severity: Severity,
  target: AppliedTarget | null,
  value: number | null,
  gap: number | null,
  figure: Figure,
  problems: readonly JudgeProblem[],
  notes: readonly JudgeNote[],
): Judgement {
  return { status, severity, target, value, gap: gap === 0 ? 0 : gap, figure, problems, notes };
}
