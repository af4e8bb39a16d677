// Words clerks type instead of a number: "no data" markers and yes/no answers. Compared after folding
// (NFC, lower case, Vietnamese diacritics and đ removed, inner spaces collapsed), so "Không", "khong" and "KHÔNG" agree.

export { fold } from "../text";

/** Markers meaning "no figure" (folded). "x" and "không" mean yes and no for a yes/no indicator instead. */
const MISSING_MARKERS: ReadonlySet<string> = new Set([
  "-", "–", "—", "--", ".", "x", "khong", "chua co so lieu", "chua co", "khong co so lieu", "n/a", "na", "kcs",
]);

/** Yes/no answers (folded). "x" is a tick in a yes/no column; "chưa đạt" is a plain no. */
const YES_WORDS: ReadonlySet<string> = new Set(["co", "x", "yes", "y", "dat", "true", "✓", "✔"]);
const NO_WORDS: ReadonlySet<string> = new Set(["khong", "no", "n", "false", "chua dat", "khong dat"]);

export function isMissingMarker(folded: string): boolean {
  return MISSING_MARKERS.has(folded);
}

export function yesNoAnswer(folded: string): "yes" | "no" | null {
  if (YES_WORDS.has(folded)) return "yes";
  if (NO_WORDS.has(folded)) return "no";
  return null;
}
