import { findIndicator, type Catalog, type Indicator, type Pillar } from "../core/catalog";
import type { LocatedFinding } from "../core/check";
import type { StatusCounts } from "../core/findings";
import type { Severity } from "../core/highlight-plan";
import { shortfallKind } from "../core/review";
import type { FindingHistory } from "../core/history/describe";

// Pure shaping of a check report for the screens: headline counts, gap bars, findings grouped for reading.

export interface HeadlineCounts {
  met: number;
  notMet: number;
  invalid: number;
  missing: number;
  total: number;
}

/** "Met" includes on-track figures, "not met" includes off-track ones: what a clerk acts on. */
export function headline(c: StatusCounts): HeadlineCounts {
  const s = c.byStatus;
  return { met: s.met + s["on-track"], notMet: s.below + s["off-track"], invalid: s.invalid, missing: s.missing, total: c.total };
}

export type GapUnit = "points" | "places" | "count";

export interface GapBar {
  code: string;
  indicator: Indicator | undefined;
  /** The shortfall as a positive number in `unit`. */
  shortfall: number;
  unit: GapUnit;
  /** 0..1: the bar's length, relative to a scale that suits the unit. */
  fraction: number;
  sheet: string | null;
  cell: string | null;
}

function gapUnit(ind: Indicator | undefined): GapUnit {
  if (ind?.unit.kind === "rank") return "places";
  if (ind?.unit.kind === "count") return "count";
  return "points";
}

/** One bar per indicator that falls short, largest shortfall first. Percentage points on a 0–100 scale; ranks and counts relative to what was expected. */
export function gapBars(findings: readonly LocatedFinding[], catalog: Catalog): GapBar[] {
  const bars: GapBar[] = [];
  for (const f of findings) {
    if ((f.status !== "below" && f.status !== "off-track") || f.gap === null || f.gap >= 0) continue;
    const indicator = findIndicator(catalog, f.indicator);
    const unit = gapUnit(indicator);
    const shortfall = Math.round(-f.gap * 100) / 100;
    const scale = unit === "points" ? 100 : unit === "places" && indicator?.unit.kind === "rank" ? indicator.unit.fieldSize : Math.max(1, Math.abs(f.target?.compareWith ?? shortfall));
    bars.push({ code: f.indicator, indicator, shortfall, unit, fraction: Math.min(1, shortfall / scale), sheet: f.sheet, cell: f.cell });
  }
  return bars.sort((a, b) => b.fraction - a.fraction || a.code.localeCompare(b.code));
}

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

export interface PillarGroup {
  pillar: Pillar;
  findings: LocatedFinding[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  pillars: PillarGroup[];
}

/** Errors, then warnings, then information; inside each, pillars in the catalog's order, findings in report order. */
export function groupFindings(findings: readonly LocatedFinding[], catalog: Catalog): SeverityGroup[] {
  const pillarOrder = [...catalog.pillars].sort((a, b) => a.order - b.order).map((p) => p.id);
  const groups: SeverityGroup[] = [];
  for (const severity of SEVERITY_ORDER) {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    if (ofSeverity.length === 0) continue;
    const pillars = pillarOrder
      .map((pillar) => ({ pillar, findings: ofSeverity.filter((f) => f.pillar === pillar) }))
      .filter((g) => g.findings.length > 0);
    groups.push({ severity, count: ofSeverity.length, pillars });
  }
  return groups;
}

/** Groups of the findings list: errors, unmet targets unexplained, unmet targets explained, other warnings, information. */
export type ReviewGroupKey = "error" | "unexplained" | "explained" | "warning" | "info";
export const REVIEW_GROUP_ORDER: readonly ReviewGroupKey[] = ["error", "unexplained", "explained", "warning", "info"];

export interface ReviewGroup {
  key: ReviewGroupKey;
  count: number;
  pillars: PillarGroup[];
}

function reviewGroupOf(f: LocatedFinding): ReviewGroupKey {
  // an explanation never changes a status: it only sets an unmet target apart from the unexplained ones
  return shortfallKind(f) ?? f.severity;
}

/** As groupFindings, with unmet targets said apart by whether the clerk explained them. */
export function reviewGroups(findings: readonly LocatedFinding[], catalog: Catalog): ReviewGroup[] {
  const pillarOrder = [...catalog.pillars].sort((a, b) => a.order - b.order).map((p) => p.id);
  const groups: ReviewGroup[] = [];
  for (const key of REVIEW_GROUP_ORDER) {
    const of = findings.filter((f) => reviewGroupOf(f) === key);
    if (of.length === 0) continue;
    groups.push({ key, count: of.length, pillars: pillarOrder.map((pillar) => ({ pillar, findings: of.filter((f) => f.pillar === pillar) })).filter((g) => g.findings.length > 0) });
  }
  return groups;
}

/** What the clerk must act on first: findings the reviewer returned, in report order. */
export function returnedFindings(findings: readonly LocatedFinding[]): LocatedFinding[] {
  return findings.filter((f) => f.decision?.kind === "returned");
}

/** A sparkline's geometry in its own viewBox: the series by year, this year's point, and the target's level. */
export interface SparklineShape {
  width: number;
  height: number;
  points: { x: number; y: number }[];
  current: { x: number; y: number } | null;
  /** The y of the target the projection aims at, when there is one. */
  target: number | null;
}

const SPARK_W = 96;
const SPARK_H = 28;
const SPARK_PAD = 3;

/** Earlier values then this year's, spaced by year (a missing year leaves its gap); null with fewer than two points. */
export function sparkline(history: FindingHistory): SparklineShape | null {
  const all = [...history.series, ...(history.current ? [history.current] : [])];
  if (all.length < 2) return null;
  const target = history.projectedTarget?.value;
  const values = target === undefined ? all.map((p) => p.value) : [...all.map((p) => p.value), target];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const first = all[0]!.year;
  const span = Math.max(1, all[all.length - 1]!.year - first);
  const x = (year: number) => round1(SPARK_PAD + ((year - first) / span) * (SPARK_W - 2 * SPARK_PAD));
  // higher is drawn higher; a flat series sits in the middle
  const y = (v: number) => round1(hi === lo ? SPARK_H / 2 : SPARK_PAD + ((hi - v) / (hi - lo)) * (SPARK_H - 2 * SPARK_PAD));
  const points = all.map((p) => ({ x: x(p.year), y: y(p.value) }));
  return { width: SPARK_W, height: SPARK_H, points, current: history.current ? points[points.length - 1]! : null, target: target === undefined ? null : y(target) };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
