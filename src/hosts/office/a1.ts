// A1 addresses as Office.js speaks them: "'Báo cáo'!B3:C9", 0-based rows/columns inside.

import { columnIndex, columnLetters } from "../../core/a1";

export { columnLetters };

export interface Area {
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B3" → {row: 2, col: 1}; "$B$3" is accepted. */
export function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m || !m[1] || !m[2]) throw new RangeError(`not an A1 cell address: ${ref}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** "B3", "B3:D9", "B:D" (whole columns) or "3:5" (whole rows). */
export function parseArea(ref: string, maxRow = 1048575, maxCol = 16383): Area {
  const [a, b = a] = ref.split(":") as [string, string?];
  const colOnly = /^\$?[A-Za-z]{1,3}$/;
  const rowOnly = /^\$?\d+$/;
  if (colOnly.test(a) && colOnly.test(b)) {
    const l = columnIndex(a.replace("$", ""));
    const r = columnIndex(b.replace("$", ""));
    return { top: 0, left: Math.min(l, r), bottom: maxRow, right: Math.max(l, r) };
  }
  if (rowOnly.test(a) && rowOnly.test(b)) {
    const t = Number(a.replace("$", "")) - 1;
    const u = Number(b.replace("$", "")) - 1;
    return { top: Math.min(t, u), left: 0, bottom: Math.max(t, u), right: maxCol };
  }
  const p = parseCell(a);
  const q = parseCell(b);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function areaAddress(a: Area): string {
  const first = cellAddress(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? first : `${first}:${cellAddress(a.bottom, a.right)}`;
}

/**
 * Quotes a sheet name for an address unless Excel can read it bare: ASCII letters, digits, "_" and "." not starting
 * with a digit (quoting more than Excel needs is always accepted), and not readable as something else: an A1 cell
 * (Q1, XFD1), the start of an R1C1 reference (R1C1, RC2, R, C) or a boolean (TRUE). Excel's rules are not published;
 * these are as observed (jmcnamara/XlsxWriter#1078, EPPlusSoftware/EPPlus#214).
 */
export function quoteSheet(name: string): string {
  const bare =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^([RrCc]|[Rr]\d*[Cc]\d*|[Rr]\d+|[Cc]\d+)(?![A-Za-z])/.test(name) &&
    !/^(true|false)$/i.test(name);
  return bare ? name : `'${name.replace(/'/g, "''")}'`;
}

export function sheetAddress(sheet: string, area: string): string {
  return `${quoteSheet(sheet)}!${area}`;
}

/** "'Báo cáo'!B3:C4" → {sheet: "Báo cáo", area: "B3:C4"}; no sheet part → sheet undefined. */
export function splitAddress(address: string): { sheet: string | undefined; area: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: undefined, area: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, area: address.slice(bang + 1) };
}

/**
 * Merges single cells into rectangles: vertical runs in one column first, then runs of equal runs side by side.
 * Keeps the number of ranges (and so of requests) small when marks line up, as they do in a template.
 */
export function mergeCells(cells: readonly { row: number; col: number }[]): Area[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byCol.get(c.col) ?? [];
    rows.push(c.row);
    byCol.set(c.col, rows);
  }
  const runs: Area[] = [];
  for (const [col, rows] of [...byCol.entries()].sort((x, y) => x[0] - y[0])) {
    const sorted = [...new Set(rows)].sort((x, y) => x - y);
    let start = sorted[0];
    let prev = start;
    for (let i = 1; i <= sorted.length; i++) {
      const r = sorted[i];
      if (r !== undefined && prev !== undefined && r === prev + 1) {
        prev = r;
        continue;
      }
      if (start !== undefined && prev !== undefined) runs.push({ top: start, bottom: prev, left: col, right: col });
      start = r;
      prev = r;
    }
  }
  // join equal vertical runs in adjacent columns
  const out: Area[] = [];
  const open = new Map<string, Area>();
  for (const run of runs) {
    const key = `${run.top}:${run.bottom}`;
    const prev = open.get(key);
    if (prev && prev.right === run.left - 1) prev.right = run.left;
    else {
      const fresh = { ...run };
      out.push(fresh);
      open.set(key, fresh);
    }
  }
  return out;
}
