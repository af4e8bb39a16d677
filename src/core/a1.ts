// A1 addresses <-> 0-based rows and columns: the one parser every host and the core use.
// Addresses from outside (a file, Excel, a user) go through the try* functions, which return null; the throwing
// ones are for addresses we made ourselves, where a bad one is a bug.

/** The sheet grid Excel allows: A1:XFD1048576. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** A cell, 0-based. */
export interface Cell {
  row: number;
  col: number;
}

/** A rectangle of cells, 0-based and inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const DOLLAR = 36;

/** Reads column letters ("AB", any case) from `from`; [0-based column, index after] or null when none or too many. */
function scanColumn(ref: string, from: number): [number, number] | null {
  let i = from;
  let col = 0;
  for (; i < ref.length; i++) {
    let c = ref.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === from || i - from > 3 || col > MAX_COLS) return null;
  return [col - 1, i];
}

/** Reads a row number to the end of `ref`; 0-based row or null. */
function scanRow(ref: string, from: number): number | null {
  if (from >= ref.length) return null;
  let row = 0;
  for (let i = from; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
    if (row > MAX_ROWS) return null;
  }
  return row < 1 || row > MAX_ROWS ? null : row - 1;
}

/** "AB12" or "$AB$12" (any case) → 0-based cell; null when it is not a single cell inside the grid. */
export function tryParseCell(ref: string): Cell | null {
  let i = ref.charCodeAt(0) === DOLLAR ? 1 : 0;
  const c = scanColumn(ref, i);
  if (!c) return null;
  i = ref.charCodeAt(c[1]) === DOLLAR ? c[1] + 1 : c[1];
  const row = scanRow(ref, i);
  return row === null ? null : { row, col: c[0] };
}

/** "AB" or "$AB" → 0-based column; null when it is not a column inside the grid. */
export function tryParseColumn(letters: string): number | null {
  const from = letters.charCodeAt(0) === DOLLAR ? 1 : 0;
  const c = scanColumn(letters, from);
  return c && c[1] === letters.length ? c[0] : null;
}

/** "12" or "$12" → 0-based row; null when it is not a row inside the grid. */
export function tryParseRow(digits: string): number | null {
  return scanRow(digits, digits.charCodeAt(0) === DOLLAR ? 1 : 0);
}

/** "B3", "B3:D9", "B:D" (whole columns) or "3:5" (whole rows), corners in any order; null otherwise. */
export function tryParseArea(ref: string): Area | null {
  const parts = ref.split(":");
  if (parts.length > 2) return null;
  const a = parts[0] ?? "";
  const b = parts[1] ?? a;
  const p = tryParseCell(a);
  const q = tryParseCell(b);
  if (p && q) return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
  if (parts.length !== 2) return null;
  const l = tryParseColumn(a);
  const r = tryParseColumn(b);
  if (l !== null && r !== null) return { top: 0, left: Math.min(l, r), bottom: MAX_ROWS - 1, right: Math.max(l, r) };
  const t = tryParseRow(a);
  const u = tryParseRow(b);
  if (t !== null && u !== null) return { top: Math.min(t, u), left: 0, bottom: Math.max(t, u), right: MAX_COLS - 1 };
  return null;
}

/** A cell address we made ourselves; a bad one is a bug, so it throws. */
export function parseCell(ref: string): Cell {
  const cell = tryParseCell(ref);
  if (!cell) throw new RangeError(`not an A1 cell address: ${ref}`);
  return cell;
}

/** An area address we made ourselves (or Excel gave us); a bad one is a bug, so it throws. */
export function parseArea(ref: string): Area {
  const area = tryParseArea(ref);
  if (!area) throw new RangeError(`not an A1 area address: ${ref}`);
  return area;
}

/** 0-based column → "AB". */
export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based row and column → "AB12". */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "B3" for a single cell, "B3:D9" otherwise. */
export function areaAddress(a: Area): string {
  const first = cellAddress(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? first : `${first}:${cellAddress(a.bottom, a.right)}`;
}
