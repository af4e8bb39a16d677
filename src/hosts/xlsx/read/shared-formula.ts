// A shared formula is written once, on its first cell; the other cells hold only `<f t="shared" si="n"/>`.
// Their text is the master's with relative references moved by the offset, as Excel shows it.
// The master is tokenised once; each dependent only re-renders the references.

import { columnLetters, MAX_COLS, MAX_ROWS, tryParseColumn } from "../../../core/a1";

const CELL = /(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})/y;
const COLS = /(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})/y;
const ROWS = /(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})/y;

interface Ref {
  kind: "cell" | "cols" | "rows";
  /** For cell: [colAbs, col, rowAbs, row]; for cols: [abs1, col1, abs2, col2]; for rows: [abs1, row1, abs2, row2]. */
  a: boolean;
  x: number;
  b: boolean;
  y: number;
}

export type CompiledFormula = (string | Ref)[];

function isWordChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const k = c.charCodeAt(0);
  return (k >= 48 && k <= 57) || (k >= 65 && k <= 90) || (k >= 97 && k <= 122) || k === 95 || k === 46 || k === 92 || k > 127;
}

/** Beyond the grid (XFE…ZZZ) reads as MAX_COLS, which no reference may reach. */
function colIndex(letters: string): number {
  return tryParseColumn(letters) ?? MAX_COLS;
}

function refAt(formula: string, at: number): { ref: Ref; end: number } | null {
  for (const re of [COLS, ROWS]) {
    re.lastIndex = at;
    const m = re.exec(formula);
    if (m && !isWordChar(formula[re.lastIndex]) && formula[re.lastIndex] !== "(") {
      const cols = re === COLS;
      const x = cols ? colIndex(m[2]!) : Number(m[2]) - 1;
      const y = cols ? colIndex(m[4]!) : Number(m[4]) - 1;
      return { ref: { kind: cols ? "cols" : "rows", a: m[1] === "$", x, b: m[3] === "$", y }, end: re.lastIndex };
    }
  }
  CELL.lastIndex = at;
  const m = CELL.exec(formula);
  if (!m) return null;
  const end = CELL.lastIndex;
  const next = formula[end];
  if (isWordChar(next) || next === "(" || next === "!" || next === "$") return null;
  const col = colIndex(m[2]!);
  if (col >= MAX_COLS) return null;
  return { ref: { kind: "cell", a: m[1] === "$", x: col, b: m[3] === "$", y: Number(m[4]) - 1 }, end };
}

/** Splits a formula into literal text and references (strings, quoted sheet names and structured references stay literal). */
export function compileFormula(formula: string): CompiledFormula {
  const out: CompiledFormula = [];
  let lit = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      for (; j < n; j++) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j++;
          else break;
        }
      }
      lit += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      lit += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const startsToken = (isWordChar(ch) || ch === "$") && !isWordChar(formula[i - 1]) && formula[i - 1] !== "$";
    if (startsToken) {
      const r = refAt(formula, i);
      if (r) {
        if (lit) out.push(lit);
        lit = "";
        out.push(r.ref);
        i = r.end;
        continue;
      }
      // not a reference: take the whole word so its tail is not mistaken for one (LOG10, Sheet1, 1.5E3)
      let j = i;
      while (j < n && (isWordChar(formula[j]) || formula[j] === "$")) j++;
      lit += formula.slice(i, Math.max(j, i + 1));
      i = Math.max(j, i + 1);
      continue;
    }
    lit += ch;
    i++;
  }
  if (lit) out.push(lit);
  return out;
}

function col(abs: boolean, c: number, d: number): string | null {
  const v = abs ? c : c + d;
  return v < 0 || v >= MAX_COLS ? null : (abs ? "$" : "") + columnLetters(v);
}

function row(abs: boolean, r: number, d: number): string | null {
  const v = abs ? r : r + d;
  return v < 0 || v >= MAX_ROWS ? null : (abs ? "$" : "") + String(v + 1);
}

/** Renders a compiled formula moved by (dRow, dCol). A reference moved off the sheet becomes #REF!. */
export function renderShifted(compiled: CompiledFormula, dRow: number, dCol: number): string {
  let out = "";
  for (const p of compiled) {
    if (typeof p === "string") {
      out += p;
      continue;
    }
    let a: string | null;
    let b: string | null;
    if (p.kind === "cell") {
      a = col(p.a, p.x, dCol);
      b = row(p.b, p.y, dRow);
      out += a && b ? a + b : "#REF!";
    } else {
      a = p.kind === "cols" ? col(p.a, p.x, dCol) : row(p.a, p.x, dRow);
      b = p.kind === "cols" ? col(p.b, p.y, dCol) : row(p.b, p.y, dRow);
      out += a && b ? `${a}:${b}` : "#REF!";
    }
  }
  return out;
}

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return renderShifted(compileFormula(formula), dRow, dCol);
}
