// A shared formula is written once, on its first cell; the other cells hold only `<f t="shared" si="n"/>`.
// Their text is the master's with relative references moved by the offset, as Excel shows it.

import { columnLetters, MAX_COLS, MAX_ROWS } from "./cell-ref";

const CELL = /(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})/y;
const COLS = /(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})/y;
const ROWS = /(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})/y;

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_.\\]/.test(c);
}

function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

function moveCol(abs: string, letters: string, d: number): string | null {
  if (abs) return abs + letters;
  const c = colIndex(letters) + d;
  return c < 0 || c >= MAX_COLS ? null : columnLetters(c);
}

function moveRow(abs: string, digits: string, d: number): string | null {
  if (abs) return abs + digits;
  const r = Number(digits) + d;
  return r < 1 || r > MAX_ROWS ? null : String(r);
}

/** Moves the relative references of `formula` by (dRow, dCol). A reference moved off the sheet becomes #REF!. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      // string literal or quoted sheet name; a doubled quote escapes itself
      let j = i + 1;
      for (; j < n; j++) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j++;
          else break;
        }
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      // structured reference (Table1[[#This Row],[Col]]): never shifted
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (isWordChar(ch) && !isWordChar(formula[i - 1]) && formula[i - 1] !== "$") {
      const moved = tryShiftAt(formula, i, dRow, dCol);
      if (moved) {
        out += moved.text;
        i = moved.end;
        continue;
      }
      // not a reference: copy the whole word so its tail is not mistaken for one
      let j = i;
      while (j < n && (isWordChar(formula[j]) || formula[j] === "$")) j++;
      out += formula.slice(i, j);
      i = j;
      continue;
    }
    if (ch === "$" && !isWordChar(formula[i - 1])) {
      const moved = tryShiftAt(formula, i, dRow, dCol);
      if (moved) {
        out += moved.text;
        i = moved.end;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

function endsReference(formula: string, end: number): boolean {
  const next = formula[end];
  return !isWordChar(next) && next !== "(" && next !== "!" && next !== "$";
}

function tryShiftAt(formula: string, at: number, dRow: number, dCol: number): { text: string; end: number } | null {
  for (const re of [COLS, ROWS]) {
    re.lastIndex = at;
    const m = re.exec(formula);
    if (m && !isWordChar(formula[re.lastIndex]) && formula[re.lastIndex] !== "(") {
      const isCols = re === COLS;
      const a = isCols ? moveCol(m[1]!, m[2]!, dCol) : moveRow(m[1]!, m[2]!, dRow);
      const b = isCols ? moveCol(m[3]!, m[4]!, dCol) : moveRow(m[3]!, m[4]!, dRow);
      return { text: a && b ? `${a}:${b}` : "#REF!", end: re.lastIndex };
    }
  }
  CELL.lastIndex = at;
  const m = CELL.exec(formula);
  if (!m) return null;
  const end = CELL.lastIndex;
  if (!endsReference(formula, end) || colIndex(m[2]!) >= MAX_COLS) return null;
  const col = moveCol(m[1]!, m[2]!, dCol);
  const row = moveRow(m[3]!, m[4]!, dRow);
  return { text: col && row ? `${col}${row}` : "#REF!", end };
}
