import { formatMessage, type Lang } from "../messages";
import type { Reason } from "./types";

/** A reason as text in one language; a reader's refusal (already bilingual) is appended in the same language. */
export function formatReason(r: Reason, lang: Lang): string {
  const text = formatMessage(r.message, lang);
  return r.detail ? `${text}: ${r.detail[lang]}` : text;
}
