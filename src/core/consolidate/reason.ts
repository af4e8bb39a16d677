import { formatMessage, type Lang, type Message } from "../messages";
import { decisionMessage, REPORT_DECISION_TERM } from "../review/apply";
import type { Reason, UnitReview } from "./types";

/** A unit's finding as one text: its message, then its details (as `formatFinding` writes it). */
export function formatMessages(messages: readonly Message[], lang: Lang): string {
  return messages.map((m) => formatMessage(m, lang)).join(". ");
}

/** A reason as text in one language; a reader's refusal (already bilingual) is appended in the same language. */
export function formatReason(r: Reason, lang: Lang): string {
  const text = formatMessage(r.message, lang);
  return r.detail ? `${text}: ${r.detail[lang]}` : text;
}

/** A unit's review state as one text: "Đã duyệt — Lò Văn Hùng, 27/11/2026 09:30", "Chưa duyệt", and why it reopened. */
export function formatUnitReview(r: UnitReview, lang: Lang): string {
  const decided = r.state !== "open" && r.by !== null && r.at !== null;
  const state = decided
    ? formatMessage(decisionMessage({ kind: r.state as "approved" | "returned", comment: r.comment ?? "", by: r.by!, at: r.at! }, REPORT_DECISION_TERM), lang)
    : formatMessage({ key: REPORT_DECISION_TERM.open, params: {} }, lang);
  const notes = [state];
  if (r.reopened) notes.push(formatMessage({ key: "consolidate.review-reopened", params: {} }, lang));
  if (r.damaged) notes.push(formatMessage({ key: "consolidate.review-damaged", params: {} }, lang));
  return notes.join(". ");
}

/** "1 / 2": unmet targets with and without the clerk's explanation. */
export function formatShortfalls(r: UnitReview): string {
  return `${r.explained} / ${r.unexplained}`;
}
