import { PILLARS, type Pillar } from "../catalog/schema";
import { ChitieuError } from "../errors";
import type { Status } from "../highlight-plan";
import type { Message } from "../messages";
import { emptyReviewStore, type ReviewStore, type StoredFindingDecision, type StoredReview } from "./store";
import type { FindingDecision, ReportDecision, ReviewedFinding } from "./types";

// Explanations and decisions as the check report carries them. An explanation never changes a figure's status: an
// unmet target with one is "Chưa đạt — có giải trình", said apart from unexplained shortfalls. A decision is kept
// while the figure it was made on is unchanged, and reopened (the reviewer told) when it changed.

/** An unmet target: below it, or off the path to it. */
export function isShortfall(status: Status): boolean {
  return status === "below" || status === "off-track";
}

export type ShortfallKind = "explained" | "unexplained";

/** For an unmet target, whether the clerk explained it; null for anything else (an explanation is never required). */
export function shortfallKind(f: Pick<ReviewedFinding, "status" | "explanation">): ShortfallKind | null {
  if (!isShortfall(f.status)) return null;
  return f.explanation !== null ? "explained" : "unexplained";
}

export const SHORTFALL_TERM = { explained: "term.shortfall.explained", unexplained: "term.shortfall.unexplained" } as const;
export const DECISION_TERM = { accepted: "term.decision.accepted", returned: "term.decision.returned", open: "term.decision.open" } as const;
export const REPORT_DECISION_TERM = { approved: "term.report-decision.approved", returned: "term.report-decision.returned", open: "term.report-decision.open" } as const;

/** What the review adds to a located finding: the figure's key, and a decision reopened because the figure changed. */
export interface ReviewFields {
  /** The figure as its input cells hold it ("45 / 60", "87,5", "Có"): what a decision is made on. */
  figureKey: string;
  /** A decision made on another figure, reopened (so `decision` is null). */
  reopened: (FindingDecision & { figure: string }) | null;
}

export interface ShortfallCounts {
  explained: number;
  unexplained: number;
}

export interface ReviewSummary extends ShortfallCounts {
  byPillar: Record<Pillar, ShortfallCounts>;
  decisions: { accepted: number; returned: number; reopened: number };
}

export interface ReviewOutcome {
  /** The report's decision, while no figure changed since. */
  report: ReportDecision | null;
  /** A report decision reopened because figures changed since it was made. */
  reportReopened: ReportDecision | null;
  /** A digest of every figure of the report, recorded with the report's decision. */
  figures: string;
  summary: ReviewSummary;
  /** Why the decisions kept in the workbook could not be read (every finding is then open). */
  damaged: { vi: string; en: string } | null;
  /** The decisions as kept, for recording the next one. */
  store: ReviewStore | null;
}

type Unreviewed<F> = Omit<F, "explanation" | "decision" | "figureKey" | "reopened">;

/** 32-bit FNV-1a as 8 hex digits: a digest of the figures, short enough to keep, not a security measure. */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

export function figuresDigest(findings: readonly { indicator: string; figureKey: string }[]): string {
  return digest(
    findings
      .map((f) => `${f.indicator}=${f.figureKey}`)
      .sort()
      .join("\n"),
  );
}

function asDecision(d: StoredFindingDecision): FindingDecision {
  return { kind: d.kind, comment: d.comment, by: d.by, at: d.at };
}

/** Findings with their explanations and decisions, and the review's outcome. */
export function applyReview<F extends ReviewedFinding & ReviewFields>(
  findings: readonly (Unreviewed<F> & { figureKey: string; explanation: string | null })[],
  kept: StoredReview,
): { findings: F[]; review: ReviewOutcome } {
  const byIndicator = new Map((kept.store?.findings ?? []).map((d) => [d.indicator, d]));
  const summary: ReviewSummary = { explained: 0, unexplained: 0, byPillar: {} as ReviewSummary["byPillar"], decisions: { accepted: 0, returned: 0, reopened: 0 } };
  for (const p of PILLARS) summary.byPillar[p] = { explained: 0, unexplained: 0 };
  const out: F[] = [];
  for (const f of findings) {
    const stored = byIndicator.get(f.indicator);
    const same = stored !== undefined && stored.figure === f.figureKey;
    const reviewed = {
      ...f,
      decision: same ? asDecision(stored) : null,
      reopened: stored && !same ? { ...asDecision(stored), figure: stored.figure } : null,
    } as unknown as F;
    const kind = shortfallKind(reviewed);
    if (kind) {
      summary[kind]++;
      summary.byPillar[reviewed.pillar][kind]++;
    }
    if (reviewed.decision) summary.decisions[reviewed.decision.kind]++;
    if (reviewed.reopened) summary.decisions.reopened++;
    out.push(reviewed);
  }
  const figures = figuresDigest(out);
  const r = kept.store?.report ?? null;
  const reportDecision: ReportDecision | null = r ? { kind: r.kind, comment: r.comment, by: r.by, at: r.at } : null;
  const unchanged = r !== null && r.figures === figures;
  return {
    findings: out,
    review: {
      report: unchanged ? reportDecision : null,
      reportReopened: unchanged ? null : reportDecision,
      figures,
      summary,
      damaged: kept.damaged,
      store: kept.store,
    },
  };
}

/** What recording a decision needs from a check report. */
export interface Reviewable {
  findings: readonly { indicator: string; figureKey: string }[];
  review: Pick<ReviewOutcome, "store" | "figures">;
}

function checkedWho<K extends string>(d: { kind: K; comment: string; by: string; at: string }, commentRequired: boolean) {
  const by = d.by.trim();
  if (by === "") throw new ChitieuError("error.review.name-required");
  const comment = d.comment.trim();
  if (commentRequired && comment === "") throw new ChitieuError("error.review.comment-required");
  return { kind: d.kind, comment, by, at: d.at };
}

/** The decisions with this finding's decided (or reopened, with null), on the figure it has in this report. */
export function withFindingDecision(report: Reviewable, indicator: string, decision: FindingDecision | null): ReviewStore {
  const finding = report.findings.find((f) => f.indicator === indicator);
  if (!finding) throw new ChitieuError("error.review.not-a-finding", { indicator });
  const store = report.review.store ?? emptyReviewStore();
  const others = store.findings.filter((d) => d.indicator !== indicator);
  if (decision === null) return { ...store, findings: others };
  const d = checkedWho(decision, decision.kind === "returned");
  return { ...store, findings: [...others, { indicator, ...d, figure: finding.figureKey }] };
}

/** The decisions with the report's decided (or reopened, with null), on the figures it has now. */
export function withReportDecision(report: Reviewable, decision: ReportDecision | null): ReviewStore {
  const store = report.review.store ?? emptyReviewStore();
  if (decision === null) return { ...store, report: null };
  return { ...store, report: { ...checkedWho(decision, decision.kind === "returned"), figures: report.review.figures } };
}

/** A decision's time as Vietnamese offices read it: day/month/year and the time in Vietnam (UTC+7, no summer time). */
export function reviewTime(at: string): string {
  const t = new Date(Date.parse(at) + 7 * 3600_000);
  if (Number.isNaN(t.getTime())) return at;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}`;
}

/** "Chấp nhận — Nguyễn Văn A, 27/11/2026 09:30: …" as a message. */
export function decisionMessage(d: FindingDecision | ReportDecision, terms: Record<string, string>): Message {
  const term = terms[d.kind] as Message["key"];
  return d.comment
    ? { key: "review.decision-comment", params: { by: d.by, at: reviewTime(d.at), comment: d.comment }, terms: { decision: term } }
    : { key: "review.decision", params: { by: d.by, at: reviewTime(d.at) }, terms: { decision: term } };
}

/** Why a decision was reopened, as a message. */
export function reopenedMessage(f: ReviewFields): Message | null {
  const d = f.reopened;
  if (!d) return null;
  const empty = (s: string) => (s === "" ? "—" : s);
  return { key: "review.reopened", params: { by: d.by, at: reviewTime(d.at), before: empty(d.figure), after: empty(f.figureKey) }, terms: { decision: DECISION_TERM[d.kind] } };
}

export function reportReopenedMessage(review: ReviewOutcome): Message | null {
  const d = review.reportReopened;
  if (!d) return null;
  return { key: "review.report-reopened", params: { by: d.by, at: reviewTime(d.at) }, terms: { decision: REPORT_DECISION_TERM[d.kind] } };
}
