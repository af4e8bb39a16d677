// Comparing what people type: NFC first, then case, Vietnamese diacritics and đ folded away, spaces collapsed,
// so "Không", "khong" and "KHÔNG", or "Mường Tè" and "muong te", compare equal.

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const SPACES = /\s+/g;

export function fold(text: string): string {
  return text.normalize("NFD").replace(COMBINING_MARKS, "").replace(/[đĐ]/g, "d").toLowerCase().replace(SPACES, " ").trim();
}
