import { formatMessage, type Lang } from "../messages";
import type { Finding } from "./types";

/** The finding as one text: the message, then its details, in one language. */
export function formatFinding(finding: Finding, lang: Lang): string {
  const parts = [formatMessage(finding.message, lang)];
  for (const d of finding.details) parts.push(formatMessage(d, lang));
  return parts.join(". ");
}
