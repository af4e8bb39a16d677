// The fake's evaluation of a custom conditional format's formula: enough of Excel's formula language for the rules
// our marks write (IF, AND, OR, NOT, ISNUMBER, ROUND, INT, arithmetic, comparisons, text literals, A1 references).
// Anything else is refused loudly, so a test never rests on a behaviour the fake merely guesses.
//
// Sources:
// - A format's formula is "the formula, if required, on which to evaluate the conditional format rule", also given
//   in R1C1 notation (learn.microsoft.com/javascript/api/excel/excel.conditionalformatrule: formula, formulaR1C1):
//   the A1 text is relative to one cell of the range. That cell is the range's top-left one: the reference's own
//   example writes the rule for a whole selection with the top-left cell's address, "=" +
//   selectedRange.getCell(0, 0).getAddress() + ">" + … (learn.microsoft.com/javascript/api/office-scripts/excelscript
//   /excelscript.conditionalformatrule, example "A light-green fill is applied to a cell if the value is larger than
//   the value in the row's previous column"). So for another cell of the range, relative references move by its offset
//   from the top-left cell; "$" parts stay.
// - AND "returns True if all its arguments are True" (learn.microsoft.com/office/vba/api/excel.worksheetfunction.and):
//   the fake evaluates every argument of AND and OR, and only the branch IF takes, so a rule that relies on AND to
//   skip a division by zero fails here as it may in Excel. That a rule whose formula ends in an error formats nothing
//   is the fake's assumption, not a documented fact; our rules never reach one (every division sits behind an IF).

import { parseCell } from "./a1";

export type FormulaValue = number | string | boolean | { error: string } | null;

/** What a reference reads: the cell's value, null for an empty cell, an error value for a formula's error. */
export type CellReader = (row: number, col: number) => FormulaValue;

type Node =
  | { kind: "num"; value: number }
  | { kind: "str"; value: string }
  | { kind: "bool"; value: boolean }
  | { kind: "ref"; row: number; col: number; absRow: boolean; absCol: boolean }
  | { kind: "call"; name: string; args: Node[] }
  | { kind: "neg"; arg: Node }
  | { kind: "bin"; op: string; left: Node; right: Node };

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|("(?:[^"]|"")*")|(\$?[A-Za-z]{1,3}\$?\d+)(?![A-Za-z0-9_(])|([A-Za-z][A-Za-z0-9.]*)\s*\(|(TRUE|FALSE)\b|(<>|<=|>=|[-+*/=<>(),]))/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`the fake cannot read the formula "${text}" at ${at}`);
    at = TOKEN.lastIndex;
    if (m[4] !== undefined) out.push(`${m[4].toUpperCase()}(`);
    else out.push((m[1] ?? m[2] ?? m[3] ?? m[5] ?? m[6])!);
  }
  return out;
}

const FUNCTIONS = new Set(["IF", "AND", "OR", "NOT", "ISNUMBER", "ROUND", "INT"]);

function parse(text: string): Node {
  const t = tokenize(text.replace(/^=/, ""));
  let i = 0;
  const peek = () => t[i];
  const take = (want?: string) => {
    const tok = t[i++];
    if (tok === undefined || (want !== undefined && tok !== want)) throw new Error(`the fake cannot read the formula "${text}": expected ${want ?? "more"}`);
    return tok;
  };
  const comparison = (): Node => {
    let left = additive();
    while (["=", "<>", "<", ">", "<=", ">="].includes(peek() ?? "")) left = { kind: "bin", op: take(), left, right: additive() };
    return left;
  };
  const additive = (): Node => {
    let left = multiplicative();
    while (peek() === "+" || peek() === "-") left = { kind: "bin", op: take(), left, right: multiplicative() };
    return left;
  };
  const multiplicative = (): Node => {
    let left = unary();
    while (peek() === "*" || peek() === "/") left = { kind: "bin", op: take(), left, right: unary() };
    return left;
  };
  const unary = (): Node => (peek() === "-" ? (take(), { kind: "neg", arg: unary() }) : primary());
  const primary = (): Node => {
    const tok = take();
    if (tok === "(") {
      const inner = comparison();
      take(")");
      return inner;
    }
    if (/^\d/.test(tok)) return { kind: "num", value: Number(tok) };
    if (tok.startsWith('"')) return { kind: "str", value: tok.slice(1, -1).replace(/""/g, '"') };
    if (tok === "TRUE" || tok === "FALSE") return { kind: "bool", value: tok === "TRUE" };
    if (tok.endsWith("(")) {
      const name = tok.slice(0, -1);
      if (!FUNCTIONS.has(name)) throw new Error(`the fake does not evaluate ${name}() in "${text}"`);
      const args: Node[] = [];
      if (peek() !== ")") {
        args.push(comparison());
        while (peek() === ",") {
          take();
          args.push(comparison());
        }
      }
      take(")");
      return { kind: "call", name, args };
    }
    const m = /^(\$?)([A-Za-z]+)(\$?)(\d+)$/.exec(tok);
    if (m) {
      const { row, col } = parseCell(`${m[2]}${m[4]}`);
      return { kind: "ref", row, col, absCol: m[1] === "$", absRow: m[3] === "$" };
    }
    throw new Error(`the fake cannot read "${tok}" in "${text}"`);
  };
  const node = comparison();
  if (i !== t.length) throw new Error(`the fake cannot read the formula "${text}": "${t[i]}" left over`);
  return node;
}

class FormulaError {
  constructor(readonly error: string) {}
}

const isError = (v: unknown): v is { error: string } => typeof v === "object" && v !== null && "error" in v;

function asNumber(v: FormulaValue): number {
  if (isError(v)) throw new FormulaError(v.error);
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = Number(v.trim());
  if (v.trim() === "" || !Number.isFinite(n)) throw new FormulaError("#VALUE!");
  return n;
}

function asBoolean(v: FormulaValue): boolean {
  if (isError(v)) throw new FormulaError(v.error);
  if (typeof v === "boolean") return v;
  if (v === null) return false;
  if (typeof v === "number") return v !== 0;
  throw new FormulaError("#VALUE!");
}

/** Excel orders numbers before text before logical values; text compares without regard to case. */
function compare(a: FormulaValue, b: FormulaValue): number {
  if (isError(a)) throw new FormulaError(a.error);
  if (isError(b)) throw new FormulaError(b.error);
  const rank = (v: FormulaValue) => (typeof v === "number" || v === null ? 0 : typeof v === "string" ? 1 : 2);
  const x = a === null ? (typeof b === "string" ? "" : typeof b === "boolean" ? false : 0) : a;
  const y = b === null ? (typeof a === "string" ? "" : typeof a === "boolean" ? false : 0) : b;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string" && typeof y === "string") return x.toLowerCase().localeCompare(y.toLowerCase());
  return Number(x) - Number(y);
}

/** Excel's ROUND: half away from zero. */
function round(x: number, digits: number): number {
  const f = 10 ** digits;
  const r = Math.round(Math.abs(x) * f) / f;
  return x < 0 ? -r : r;
}

function evaluate(node: Node, read: CellReader, dRow: number, dCol: number): FormulaValue {
  const ev = (n: Node) => evaluate(n, read, dRow, dCol);
  switch (node.kind) {
    case "num":
    case "str":
    case "bool":
      return node.value;
    case "ref": {
      const v = read(node.absRow ? node.row : node.row + dRow, node.absCol ? node.col : node.col + dCol);
      if (isError(v)) throw new FormulaError(v.error);
      return v;
    }
    case "neg":
      return -asNumber(ev(node.arg));
    case "bin": {
      const l = ev(node.left);
      const r = ev(node.right);
      switch (node.op) {
        case "+":
          return asNumber(l) + asNumber(r);
        case "-":
          return asNumber(l) - asNumber(r);
        case "*":
          return asNumber(l) * asNumber(r);
        case "/": {
          const d = asNumber(r);
          if (d === 0) throw new FormulaError("#DIV/0!");
          return asNumber(l) / d;
        }
        case "=":
          return compare(l, r) === 0;
        case "<>":
          return compare(l, r) !== 0;
        case "<":
          return compare(l, r) < 0;
        case ">":
          return compare(l, r) > 0;
        case "<=":
          return compare(l, r) <= 0;
        default:
          return compare(l, r) >= 0;
      }
    }
    case "call": {
      const a = node.args;
      switch (node.name) {
        case "IF":
          // only the branch taken is evaluated
          return asBoolean(ev(a[0]!)) ? (a[1] ? ev(a[1]) : true) : a[2] ? ev(a[2]) : false;
        case "AND": {
          const all = a.map((x) => asBoolean(ev(x)));
          return all.every(Boolean);
        }
        case "OR": {
          const all = a.map((x) => asBoolean(ev(x)));
          return all.some(Boolean);
        }
        case "NOT":
          return !asBoolean(ev(a[0]!));
        case "ISNUMBER": {
          const n = a[0]!;
          try {
            return typeof ev(n) === "number";
          } catch (e) {
            if (e instanceof FormulaError) return false;
            throw e;
          }
        }
        case "ROUND":
          return round(asNumber(ev(a[0]!)), asNumber(ev(a[1]!)));
        default:
          return Math.floor(asNumber(ev(a[0]!)));
      }
    }
  }
}

/**
 * Whether a custom format's formula applies to the cell at (row, col), the range's top-left cell being (top, left).
 * A result that is an error, or that is not TRUE, leaves the cell as it is.
 */
export function ruleApplies(formula: string, read: CellReader, at: { row: number; col: number }, topLeft: { row: number; col: number }): boolean {
  const node = parse(formula);
  try {
    const v = evaluate(node, read, at.row - topLeft.row, at.col - topLeft.col);
    return v === true || (typeof v === "number" && v !== 0);
  } catch (e) {
    if (e instanceof FormulaError) return false;
    throw e;
  }
}
