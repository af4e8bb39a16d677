// From a judgement to a finding a clerk can act on: the status plus a message naming the figure, the target and the gap.

import type { Indicator } from "../catalog/schema";
import type { ProblemCode } from "../figures";
import type { Severity } from "../highlight-plan";
import { judge, type Entry, type EntryPart, type JudgeContext, type Judgement, type JudgeNote, type JudgeProblem } from "../judge";
import { comparatorSymbol, type Message, type MessageKey } from "../messages";
import type { Finding, FindingTarget } from "./types";

// every code the reader or the judge can produce has a message (compile-time check)
type AssertKeys<T extends MessageKey> = T;
export type ProblemMessages = AssertKeys<ProblemCode | JudgeProblem["code"] | JudgeNote["code"]>;

const CELL_TERM: Record<EntryPart, MessageKey> = {
  value: "term.cell.value",
  numerator: "term.cell.numerator",
  denominator: "term.cell.denominator",
};
/** Read notes that deserve the clerk's attention even when the target is met. */
const WARNING_NOTES: ReadonlySet<string> = new Set(["note.probably-fraction", "note.reading-chosen", "note.number-as-text", "note.answer-not-from-list", "note.fractional-count"]);
/** Normal and unremarkable: not listed under a finding. */
const SILENT_NOTES: ReadonlySet<string> = new Set(["note.percent-format"]);

/** Reads nothing, judges and explains: the one call most callers need. */
export function check(indicator: Indicator, entry: Entry, ctx: JudgeContext): Finding {
  return toFinding(indicator, judge(indicator, entry, ctx), ctx);
}

export function toFinding(indicator: Indicator, j: Judgement, ctx: JudgeContext): Finding {
  const details: Message[] = [];
  for (let i = 1; i < j.problems.length; i++) details.push(problemMessage(j.problems[i]!));
  for (const note of j.notes) if (!SILENT_NOTES.has(note.code)) details.push(noteMessage(note));
  const path = pathMessage(indicator, j);
  if (path) details.push(path);
  return {
    indicator: indicator.code,
    pillar: indicator.pillar,
    status: j.status,
    severity: raise(j.severity, j.notes),
    figure: j.figure,
    value: j.value,
    target: j.target ? findingTarget(j.target) : null,
    gap: j.gap,
    message: mainMessage(indicator, j, ctx),
    details,
  };
}

function findingTarget(t: NonNullable<Judgement["target"]>): FindingTarget {
  return {
    value: t.value,
    comparator: t.comparator,
    year: t.year,
    level: t.level,
    carried: t.carried,
    aspirational: t.aspirational,
    basis: t.basis,
    compareWith: t.compareWith,
  };
}

function raise(severity: Severity, notes: readonly JudgeNote[]): Severity {
  if (severity !== "info") return severity;
  return notes.some((n) => WARNING_NOTES.has(n.code)) ? "warning" : severity;
}

function mainMessage(indicator: Indicator, j: Judgement, ctx: JudgeContext): Message {
  switch (j.status) {
    case "not-applicable":
      if (j.reason === "qualitative") return { key: "result.not-applicable.qualitative", params: {} };
      if (j.reason === "no-target") return { key: "result.not-applicable.no-target", params: { year: ctx.year }, terms: { level: levelTerm(ctx.level) } };
      return { key: "result.not-applicable.level", params: {}, terms: { level: levelTerm(ctx.level) } };
    case "invalid":
      return j.problems[0] ? problemMessage(j.problems[0]) : { key: "missing.empty", params: {} };
    case "missing":
      return missingMessage(j);
    default:
      return resultMessage(indicator, j, ctx);
  }
}

function levelTerm(level: string): MessageKey {
  return level === "province" ? "term.level.province" : level === "district" ? "term.level.district" : "term.level.commune";
}

function missingMessage(j: Judgement): Message {
  const { figure } = j;
  const parts = figure.missingParts;
  // the other part was read, so a marker ("N/A") can only be this part's: say what was read, not "not entered"
  if (parts && parts.length === 1 && figure.marker !== undefined)
    return { key: parts[0] === "numerator" ? "missing.numerator-marker" : "missing.denominator-marker", params: { marker: figure.marker } };
  if (parts && parts.length === 1) return { key: parts[0] === "numerator" ? "missing.numerator" : "missing.denominator", params: {} };
  if (figure.marker !== undefined) return { key: "missing.marker", params: { marker: figure.marker } };
  return { key: "missing.empty", params: {} };
}

type Family = "percent" | "count" | "rank";

function familyOf(indicator: Indicator): Family {
  const kind = indicator.unit.kind;
  return kind === "count" ? "count" : kind === "rank" ? "rank" : "percent";
}

function resultMessage(indicator: Indicator, j: Judgement, ctx: JudgeContext): Message {
  const t = j.target!;
  const comparator = comparatorSymbol(t.comparator);
  const status = j.status as "met" | "below" | "on-track" | "off-track";
  if (j.figure.answer !== undefined) {
    const key: MessageKey =
      status === "met" ? "result.met.yes" : status === "below" ? "result.below.no" : status === "on-track" ? "result.on-track.yes" : "result.off-track.no";
    return { key, params: { year: t.year, comparator, target: t.value } };
  }
  const family = familyOf(indicator);
  const value = round2(j.value ?? 0);
  const shortfall = round2(Math.max(0, -(j.gap ?? 0)));
  if (status === "below" && t.comparator === ">" && j.gap === 0) {
    return { key: "result.below.at-threshold", params: { year: t.year, value, comparator, target: t.value, unit: family === "percent" ? "%" : "" } };
  }
  const params: Record<string, string | number> = { year: t.year, value, comparator, target: t.value, shortfall, expected: round2(t.compareWith), reportYear: ctx.year };
  if (family === "rank" && indicator.unit.kind === "rank") {
    params.field = ctx.fieldSizeNow ?? indicator.unit.fieldSize;
    params.targetField = indicator.unit.fieldSize;
  }
  return { key: `result.${status}.${family}` as MessageKey, params };
}

function pathMessage(indicator: Indicator, j: Judgement): Message | null {
  const t = j.target;
  // a path from the unit's own earlier figure is said with its source by the history (core/history/describe.ts)
  if (!t || t.basis !== "path" || !t.pathFrom || t.pathFrom.kind === "earlier" || (j.status !== "on-track" && j.status !== "off-track")) return null;
  const unit = familyOf(indicator) === "percent" ? "%" : "";
  return {
    key: t.pathFrom.kind === "baseline" ? "note.path-from-baseline" : "note.path-from-target",
    params: { fromYear: t.pathFrom.year, fromValue: t.pathFrom.value, unit, year: t.year },
  };
}

function problemMessage(p: JudgeProblem): Message {
  return { key: p.code, params: p.params, terms: { cell: CELL_TERM[p.part] } };
}

function noteMessage(n: JudgeNote): Message {
  return n.part === undefined ? { key: n.code, params: n.params } : { key: n.code, params: n.params, terms: { cell: CELL_TERM[n.part] } };
}

function round2(x: number): number {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r;
}
