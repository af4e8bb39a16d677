// Words clerks type instead of a number: "no data" markers and yes/no answers. Compared after folding
// (NFC, lower case, Vietnamese diacritics and đ removed, inner spaces collapsed), so "Không", "khong" and "KHÔNG" agree.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;

// clerks repeat the same few words thousands of times: remember their folded forms (bounded, hostile input cannot grow it)
const folded = new Map<string, string>();

export function fold(text: string): string {
  const known = folded.get(text);
  if (known !== undefined) return known;
  const result = foldUncached(text);
  if (folded.size >= 1000) folded.clear();
  folded.set(text, result);
  return result;
}

function foldUncached(text: string): string {
  return text.normalize("NFD").replace(COMBINING_MARKS, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase().replace(SPACES, " ").trim();
}

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
