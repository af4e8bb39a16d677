// A1 addresses as Office.js speaks them: "'Báo cáo'!B3:C9" (sheet-qualified, quoted), and cells merged into areas.

import type { Area } from "../../core/a1";

// The parser itself is the core's (core/a1.ts); only what Office.js adds lives here: sheet-qualified addresses.

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
