import { findIndicator, inputUnit, PILLARS, type Bilingual, type Catalog, type Level, type Pillar } from "../catalog";
import type { Status } from "../highlight-plan";
import type { Figure } from "../judge";
import type { FindingTarget } from "../findings";
import type { FindingDecision, FindingDecisionKind, ReportDecision, ReviewedFinding } from "./types";

// The review record of one workbook, as data: the official header, counts per pillar and the findings with their
// explanations and decisions. Every rendering (printable page, PDF, CSV, XLSX) is made from this one model.

/** Where a finding stands in the record: a shortfall is split by whether the clerk explained it. */
export type RecordStatus = "met" | "explained" | "unexplained" | "error" | "missing";

export interface RecordCounts {
  met: number;
  /** Below the target (or off its path) with an explanation. */
  explained: number;
  /** Below the target (or off its path) without one. */
  unexplained: number;
  /** Figures that cannot be right (status invalid). */
  errors: number;
  missing: number;
  accepted: number;
  returned: number;
  /** Findings that call for a decision (all but met ones) and have none. */
  open: number;
  /** Findings listed (every judged or unjudgeable figure; "not applicable" ones are not part of the record). */
  total: number;
}

export interface RecordLine {
  code: string;
  label: Bilingual;
  pillar: Pillar;
  status: RecordStatus;
  /** The finding's own status (met and on-track, below and off-track are told apart in the text). */
  findingStatus: Status;
  figure: Figure;
  value: number | null;
  /** Whether the value is a percentage (a ratio or a share of units at this level). */
  percent: boolean;
  /** Whether the figure is a yes/no answer at this level (its target is "yes"). */
  yesNo: boolean;
  target: FindingTarget | null;
  explanation: string | null;
  decision: FindingDecision | null;
}

export interface RecordHeader {
  /** The unit's title ("xã Mường Kim"), or null when the workbook does not say. */
  unit: string | null;
  level: Level;
  year: number;
  /** The reporting period as written on the record ("2025", "2025-H1"). */
  period: string;
  reviewer: string | null;
  /** The record's date, yyyy-mm-dd. */
  date: string;
}

export interface ReviewRecord {
  header: RecordHeader;
  reportDecision: ReportDecision | null;
  pillars: { pillar: Pillar; heading: Bilingual; counts: RecordCounts }[];
  total: RecordCounts;
  lines: RecordLine[];
}

export interface RecordInput {
  catalog: Catalog;
  unit: string | null;
  level: Level;
  year: number;
  period?: string;
  findings: readonly ReviewedFinding[];
  reportDecision: ReportDecision | null;
  reviewer: string | null;
  /** yyyy-mm-dd */
  date: string;
}

/** The record's status of a finding, or null for one that is not part of the record (not applicable). */
export function recordStatus(f: Pick<ReviewedFinding, "status" | "explanation">): RecordStatus | null {
  switch (f.status) {
    case "met":
    case "on-track":
      return "met";
    case "below":
    case "off-track":
      return hasText(f.explanation) ? "explained" : "unexplained";
    case "invalid":
      return "error";
    case "missing":
      return "missing";
    case "not-applicable":
      return null;
  }
}

function hasText(s: string | null): s is string {
  return s !== null && s.trim() !== "";
}

function emptyCounts(): RecordCounts {
  return { met: 0, explained: 0, unexplained: 0, errors: 0, missing: 0, accepted: 0, returned: 0, open: 0, total: 0 };
}

const STATUS_FIELD: Record<RecordStatus, "met" | "explained" | "unexplained" | "errors" | "missing"> = {
  met: "met",
  explained: "explained",
  unexplained: "unexplained",
  error: "errors",
  missing: "missing",
};

function add(c: RecordCounts, status: RecordStatus, decision: FindingDecisionKind | null): void {
  c.total++;
  c[STATUS_FIELD[status]]++;
  if (decision === "accepted") c.accepted++;
  else if (decision === "returned") c.returned++;
  else if (status !== "met") c.open++;
}

const PERCENT_KINDS: ReadonlySet<string> = new Set(["ratio", "percent", "growth"]);

/** Lines in the catalog's pillar order, then the report's order; counts per pillar (every pillar present) and in all. */
export function buildReviewRecord(input: RecordInput): ReviewRecord {
  const pillarOrder = [...input.catalog.pillars].sort((a, b) => a.order - b.order);
  const rank = new Map(pillarOrder.map((p, i) => [p.id, i]));
  const lines: RecordLine[] = [];
  for (const f of input.findings) {
    const status = recordStatus(f);
    if (status === null) continue;
    const indicator = findIndicator(input.catalog, f.indicator);
    const unit = indicator ? inputUnit(indicator.unit, input.level) : null;
    lines.push({
      code: f.indicator,
      label: indicator?.label ?? { vi: f.indicator, en: f.indicator },
      pillar: f.pillar,
      status,
      findingStatus: f.status,
      figure: f.figure,
      value: f.value,
      percent: unit !== null && PERCENT_KINDS.has(unit.kind),
      yesNo: unit?.kind === "yesno",
      target: f.target,
      explanation: hasText(f.explanation) ? f.explanation.trim() : null,
      decision: f.decision,
    });
  }
  const order = new Map(lines.map((l, i) => [l, i]));
  lines.sort((a, b) => (rank.get(a.pillar) ?? 99) - (rank.get(b.pillar) ?? 99) || order.get(a)! - order.get(b)!);
  const byPillar = new Map<Pillar, RecordCounts>(PILLARS.map((p) => [p, emptyCounts()]));
  const total = emptyCounts();
  for (const l of lines) {
    add(byPillar.get(l.pillar)!, l.status, l.decision?.kind ?? null);
    add(total, l.status, l.decision?.kind ?? null);
  }
  return {
    header: { unit: input.unit, level: input.level, year: input.year, period: input.period ?? String(input.year), reviewer: input.reviewer?.trim() || null, date: input.date },
    reportDecision: input.reportDecision,
    pillars: pillarOrder.map((p) => ({ pillar: p.id, heading: p.heading, counts: byPillar.get(p.id)! })),
    total,
    lines,
  };
}
