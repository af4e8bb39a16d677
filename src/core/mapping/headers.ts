import { fold } from "../text";
import type { Part } from "./types";

// What a header cell says about its column: a figure (value, numerator, denominator, target), the label, the code,
// the row number; and the year it names. Compared after folding, so "Tử số", "TU SO" and "tu so" agree.

/** "explanation": the clerk's words on a row (Ghi chú, Giải trình, Minh chứng), which explain a shortfall. */
export type HeaderRole = Part | "label" | "code" | "stt" | "unit" | "note" | "explanation";

export interface HeaderInfo {
  role: HeaderRole | null;
  year: number | null;
}

/** First match wins: a target ("Kế hoạch năm 2025") before a value ("năm 2025"). */
const RULES: readonly [RegExp, HeaderRole][] = [
  [/^(stt|tt|so tt|so thu tu)$/, "stt"],
  [/^(ma|ma so|ma chi tieu|ma ct)$/, "code"],
  [/^(dvt|don vi tinh|don vi)$/, "unit"],
  [/^(ghi chu|giai trinh|minh chung|ly do|nguyen nhan)\b/, "explanation"],
  [/^(danh gia|nguon so lieu|nguon)\b/, "note"],
  [/^tu so\b/, "numerator"],
  [/^mau so\b/, "denominator"],
  [/^(so luong|so dat duoc|so da thuc hien)$/, "numerator"],
  [/^(tong so)$/, "denominator"],
  [/^(ke hoach|muc tieu|chi tieu giao|kh giao|kh)((?: (?:nam|nq|nghi|quyet|tu|giao|de ra|den|dat|\d{1,4}))*)$/, "target"],
  [/^(ten chi tieu|chi tieu|noi dung|noi dung chi tieu|ten chi so|chi so)$/, "label"],
  // only the keyword and words of time after it: "Tỷ lệ dân số có hồ sơ…" is a label, "Tỷ lệ (%)" a header
  [/^(ket qua thuc hien|ket qua|thuc hien|uoc thuc hien|uoc th|uoc dat|ty le dat|ty le|gia tri|so lieu|th)((?: (?:nam|ca|den|het|thang|quy|bao cao|dat duoc|\d{1,4}))*)$/, "value"],
  [/^(nam|nam bao cao)\s+20[2-3]\d$/, "value"],
  [/^20[2-3]\d$/, "value"],
];

const YEAR = /\b(20[2-3]\d)\b/;
/** Header cells are short; a longer text is a label or a sentence, whatever words it starts with. */
const MAX_HEADER = 40;

/**
 * Folded form of each Vietnamese letter (and Latin-1 letter): a table instead of NFD + a regex per cell, for speed.
 * Made on first use: it costs a few milliseconds, which every `chitieu check` of our template would pay for nothing.
 */
let foldedChar: Map<number, string> | undefined;
function foldedChars(): Map<number, string> {
  if (foldedChar) return foldedChar;
  foldedChar = new Map<number, string>();
  for (let cp = 0xc0; cp <= 0x1ef9; cp++) {
    const ch = String.fromCodePoint(cp);
    const f = fold(ch);
    if (f !== ch) foldedChar.set(cp, f);
  }
  return foldedChar;
}

/** fold() for short text, without normalising the whole string first (combining marks are dropped as met). */
function foldShort(v: string): string {
  const folded = foldedChars();
  let out = "";
  for (let i = 0; i < v.length; i++) {
    const code = v.charCodeAt(i);
    if (code < 0x80) out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : v[i];
    else if (code >= 0x300 && code <= 0x36f) continue;
    else out += folded.get(code) ?? v[i]!.toLowerCase();
  }
  return out;
}

/** How every header above starts (folded): any other text is data, rejected after folding its first few letters. */
const HEADER_START =
  /^[\s(]*(stt|tt\b|so (tt|thu|luong|dat|da|lieu)|ma\b|dvt|don vi|ghi chu|giai trinh|minh chung|ly do|nguyen nhan|danh gia|nguon|tu so|mau so|tong so|ke hoach|muc tieu|chi tieu|kh\b|ten chi|noi dung|chi so|ket qua|thuc hien|uoc|ty le|gia tri|th\b|nam\b|20\d\d)/;

const cache = new Map<string, HeaderInfo>();
const NONE: HeaderInfo = { role: null, year: null };

/** The header reading of a cell; text longer than a header (a sentence, a note) is none. */
export function headerInfo(v: unknown): HeaderInfo {
  if (typeof v !== "string" || v.length === 0 || v.length > MAX_HEADER) return NONE;
  const hit = cache.get(v);
  if (hit) return hit;
  if (!HEADER_START.test(foldShort(v.slice(0, 12)))) return NONE;
  const text = foldShort(v).replace(/[()%:.,/-]/g, " ").replace(/\s+/g, " ").trim();
  let role: HeaderRole | null = null;
  for (const [re, r] of RULES) {
    if (re.test(text)) {
      role = r;
      break;
    }
  }
  const y = YEAR.exec(text);
  const info: HeaderInfo = { role, year: y ? Number(y[1]) : null };
  if (cache.size > 50_000) cache.clear();
  cache.set(v, info);
  return info;
}

export function isFigureRole(role: HeaderRole | null): role is Part {
  return role === "value" || role === "numerator" || role === "denominator" || role === "target";
}

/** A total row's label: the unit's own figure in a table of its communes, schools, agencies. */
export function isTotalLabel(v: unknown): boolean {
  if (typeof v !== "string" || v.length > 40) return false;
  return /^(tong cong|tong|cong|toan huyen|toan xa|toan tinh|tong so|tong toan huyen|toan thanh pho|toan thi xa)$/.test(fold(v));
}
