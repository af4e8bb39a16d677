export type Lang = "vi" | "en";

/** Picks the language from --lang; Vietnamese unless English is asked for. */
export function parseLang(value: string | undefined): Lang {
  return value?.toLowerCase().startsWith("en") ? "en" : "vi";
}
