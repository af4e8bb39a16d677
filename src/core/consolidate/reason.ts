import { formatMessage, type Lang, type Message } from "../messages";
import type { Reason } from "./types";

/** A unit's finding as one text: its message, then its details (as `formatFinding` writes it). */
export function formatMessages(messages: readonly Message[], lang: Lang): string {
  return messages.map((m) => formatMessage(m, lang)).join(". ");
}

/** A reason as text in one language; a reader's refusal (already bilingual) is appended in the same language. */
export function formatReason(r: Reason, lang: Lang): string {
  const text = formatMessage(r.message, lang);
  return r.detail ? `${text}: ${r.detail[lang]}` : text;
}
