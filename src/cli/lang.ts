export type Lang = "vi" | "en";

/**
 * Picks the language from --lang: Vietnamese by default, English for "en" (or "en-US"…). Anything else is null, so the
 * caller can say so instead of silently answering in a language the user did not ask for.
 */
export function parseLang(value: string | undefined): Lang | null {
  if (value === undefined) return "vi";
  const m = /^(vi|en)(?:[-_][a-z]{2,4})?$/i.exec(value.trim());
  return m ? (m[1]!.toLowerCase() as Lang) : null;
}
