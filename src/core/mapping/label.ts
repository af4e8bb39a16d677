import { fold } from "../text";
import type { Expansions } from "./abbreviations";

// A label as a clerk typed it → the words it means: NFC + case + diacritics folded (both spellings are typed),
// numbering stripped ("1.", "1.2", "a)", "-", "+", "I.", "II.1"), abbreviations expanded, punctuation dropped.

/** Leading list markers: arabic or roman numbering with dots, "a)" / "b." letters, bullets. Applied repeatedly. */
const NUMBERING = /^(?:\d+(?:\.\d+)*[.)]?|[ivxlc]+(?:\.\d+)*[.)]?|[a-zđ][.)]|[-+•*–—])\s+/;

export function stripNumbering(folded: string): string {
  let text = folded;
  for (let i = 0; i < 4; i++) {
    const next = text.replace(NUMBERING, "");
    if (next === text) break;
    text = next;
  }
  return text;
}

/** Folded, unnumbered words of a label, abbreviations expanded ("HSCV" → "ho so cong viec"). */
export function labelWords(text: string, expansions: Expansions): string[] {
  const folded = stripNumbering(fold(text.normalize("NFC")));
  const words: string[] = [];
  for (const raw of folded.split(/[^a-z0-9]+/)) {
    if (raw.length === 0) continue;
    const long = expansions.get(raw);
    if (long) words.push(...long);
    else words.push(raw);
  }
  return words;
}
