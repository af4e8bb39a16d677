// One indicator's history as a finding shows it: the earlier values, the pace, when the next target is reached at that
// pace, which earlier figure the path started from, and figures to double-check. Numbers here, words in the catalog.

import type { Indicator } from "../catalog/schema";
import type { Judgement } from "../judge";
import { holds } from "../judge/compare";
import { msg, type Message, type MessageKey, type MessageRef } from "../messages";
import type { Baselines, EarlierKind, IndicatorHistory, SetAside } from "./baselines";
import { doubleChecks, type DoubleCheck } from "./double-check";
import { MIN_EARLIER_VALUES, pace, project, type YearValue } from "./trend";

/** What a finding carries about the unit's own past (absent when no history was asked for). */
export interface FindingHistory {
  /** Earlier values in year order (this year's figure is not one). */
  series: YearValue[];
  /** This year's judged figure, when there is one (the last point of a sparkline). */
  current?: YearValue;
  /** Points (or units) per year over the earlier values and this year's; null with fewer than two earlier values. */
  pace: number | null;
  /**
   * When the next target is reached at that pace: a year, null when not at this pace, absent (undefined) with too
   * little history to say.
   */
  projectedYear?: number | null;
  /** The target the projection aims at. */
  projectedTarget?: { value: number; comparator: ">=" | ">" | "<="; year: number };
  /** Where the path to the next target started from, when it was an earlier figure of the unit. */
  pathFrom?: { year: number; value: number };
  doubleChecks: DoubleCheck[];
}

type Family = "share" | "count" | "other";

function familyOf(indicator: Indicator): Family {
  switch (indicator.unit.kind) {
    case "ratio":
      return "share";
    case "percent":
    case "yesno":
      return "share";
    case "count":
      return "count";
    default:
      // growth rates and ranks: a rank's field changed in 2025 (63 → 34) and a growth rate is already a change
      return "other";
  }
}

function unitSign(indicator: Indicator): string {
  return familyOf(indicator) === "share" ? "%" : "";
}

/** The words for where an earlier figure came from. */
export function sourceMessage(kind: EarlierKind, source: string, year: number): MessageRef {
  if (kind === "file") return msg("history.source.file", { file: source });
  if (kind === "consolidated") return msg("history.source.consolidated", { file: source });
  if (kind === "year-columns") return msg("history.source.year-columns", { year });
  return msg("history.source.column");
}

function round2(x: number): number {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r;
}

/** The earlier figure the path starts from: the latest, for indicators whose figures compare across years. */
export function earlierStart(indicator: Indicator, hist: IndicatorHistory): YearValue | undefined {
  if (hist.latest === null || familyOf(indicator) === "other") return undefined;
  return { year: hist.latest.year, value: hist.latest.value };
}

/**
 * The history part of a finding and the sentences it adds. `j` was judged with the earlier start (so its target's
 * path says whether that start was used).
 */
export function describeHistory(indicator: Indicator, j: Judgement, hist: IndicatorHistory, baselines: Baselines): { history: FindingHistory; details: Message[] } {
  const details: Message[] = [];
  const unit = unitSign(indicator);
  const family = familyOf(indicator);
  const history: FindingHistory = { series: hist.series, pace: null, doubleChecks: [] };
  const t = j.target;

  if (t?.pathFrom?.kind === "earlier" && hist.latest !== null && (j.status === "on-track" || j.status === "off-track")) {
    history.pathFrom = { year: t.pathFrom.year, value: t.pathFrom.value };
    const source = sourceMessage(hist.latest.kind, hist.latest.source, hist.latest.year);
    const met = holds(t.pathFrom.value, t.comparator, t.value);
    const key: MessageKey = met ? "history.earlier-already-met" : "history.path-from-earlier";
    details.push({ key, params: { fromYear: t.pathFrom.year, fromValue: round2(t.pathFrom.value), unit, source, year: t.year } });
  }

  if (hist.series.length === 0) {
    // said where it changes the verdict's basis (a judged figure), not under every empty row
    if (j.value === null || j.status === "invalid" || j.status === "not-applicable") return { history, details };
    details.push({ key: "history.none", params: {} });
    if (baselines.newSince !== null) details.push({ key: "history.new-unit", params: { date: baselines.newSince.split("-").reverse().join("/") } });
    return { history, details };
  }

  details.push({ key: "history.series", params: { points: hist.series.map((p) => msg("history.point", { year: p.year, value: round2(p.value), unit })) } });
  if (hist.missingYears.length > 0) details.push({ key: "history.missing-years", params: { years: hist.missingYears.join(", ") } });

  const judged = j.value !== null && j.status !== "invalid" && j.status !== "missing" && j.status !== "not-applicable" ? j.value : null;
  if (judged !== null && j.figure.answer === undefined) history.current = { year: baselines.scope.year, value: judged };
  if (family !== "other" && j.figure.answer === undefined && t !== null) {
    const points: YearValue[] = judged === null ? [...hist.series] : [...hist.series, { year: baselines.scope.year, value: judged }];
    const target = { value: t.value, comparator: t.comparator, year: t.year };
    const projection = project(points, target, hist.series.length);
    if (projection.kind === "too-little-history") {
      details.push({ key: "history.projection.too-little", params: {} });
      if (baselines.newSince !== null && hist.series.length < MIN_EARLIER_VALUES) details.push({ key: "history.new-unit", params: { date: baselines.newSince.split("-").reverse().join("/") } });
    } else {
      const perYear = pace(points);
      history.pace = perYear;
      history.projectedTarget = target;
      const perYearTerm: MessageKey = family === "share" ? "term.pace.points" : "term.pace.units";
      const common = { pace: round2(perYear ?? 0), target: t.value, unit, year: t.year };
      if (projection.kind === "not-at-this-pace") {
        history.projectedYear = null;
        details.push({ key: "history.projection.not-at-this-pace", params: common, terms: { perYear: perYearTerm } });
      } else {
        history.projectedYear = projection.year;
        const latestYear = points[points.length - 1]!.year;
        if (projection.year === latestYear) details.push({ key: "history.projection.already", params: { target: t.value, unit, year: t.year, projected: projection.year } });
        else if (projection.delayYears > 0) details.push({ key: "history.projection.late", params: { ...common, projected: projection.year, delay: projection.delayYears }, terms: { perYear: perYearTerm } });
        else details.push({ key: "history.projection.on-time", params: { ...common, projected: projection.year }, terms: { perYear: perYearTerm } });
      }
    }
  }

  if (judged !== null && j.figure.answer === undefined) {
    history.doubleChecks = doubleChecks({ value: judged, denominator: j.figure.denominator, family }, hist.series, hist.denominators);
    for (const d of history.doubleChecks) details.push(doubleCheckMessage(d));
  }
  return { history, details };
}

function doubleCheckMessage(d: DoubleCheck): Message {
  if (d.kind === "share") return { key: "history.check.share", params: { value: round2(d.value), earlier: round2(d.earlier.value), year: d.earlier.year, change: d.change } };
  return { key: d.kind === "denominator" ? "history.check.denominator" : "history.check.count", params: { value: d.value, earlier: d.earlier.value, year: d.earlier.year, factor: d.factor } };
}

/** Why an earlier report was not used, in words; `source` as the surface names files (a base name). */
export function setAsideMessage(a: SetAside, source: string): MessageRef {
  switch (a.reason) {
    case "other-unit":
      return msg("history.set-aside.other-unit", { source, unit: a.unitCode ?? "" });
    case "unknown-unit":
      return msg("history.set-aside.unknown-unit", { source });
    case "other-level":
      return msg("history.set-aside.other-level", { source });
    case "not-earlier":
      return msg("history.set-aside.not-earlier", { source, year: a.year });
    case "before-unit-existed":
      return msg("history.set-aside.before-unit-existed", { source, year: a.year });
    case "not-in-consolidated":
      return msg("history.set-aside.not-in-consolidated", { source, year: a.year });
  }
}
