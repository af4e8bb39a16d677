import type { Lang } from "./lang";

/** A calendar date as people read it: dd/mm/yyyy in Vietnamese text, ISO (unambiguous) in English. */
export function displayDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || lang === "en") return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}
