// The fake's own reading of A1 addresses, written apart from the host's (src/hosts/office/a1.ts) so that an
// addressing mistake in the host is not shared, and so agreed with, by the Excel it is tested against.

export interface Area {
  /** 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "B3" → {row: 2, col: 1}; "$B$3" too. Throws RangeError for anything else or outside the grid. */
export function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?([0-9]+)$/.exec(ref.trim());
  if (!m) throw new RangeError(`not a cell: ${ref}`);
  const col = colNumber(m[1]!);
  const row = Number(m[2]);
  if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) throw new RangeError(`outside the sheet: ${ref}`);
  return { row: row - 1, col: col - 1 };
}

/** "B3", "B3:D9", "B:D" or "3:5". */
export function parseArea(ref: string): Area {
  const parts = ref.trim().split(":");
  if (parts.length > 2) throw new RangeError(`not an area: ${ref}`);
  const [a, b = a] = parts as [string, string?];
  const strip = (s: string) => s.replace(/\$/g, "");
  if (/^\$?[A-Za-z]+$/.test(a) && /^\$?[A-Za-z]+$/.test(b)) {
    const l = colNumber(strip(a)) - 1;
    const r = colNumber(strip(b)) - 1;
    return { top: 0, bottom: MAX_ROW - 1, left: Math.min(l, r), right: Math.max(l, r) };
  }
  if (/^\$?\d+$/.test(a) && /^\$?\d+$/.test(b)) {
    const t = Number(strip(a)) - 1;
    const u = Number(strip(b)) - 1;
    return { top: Math.min(t, u), bottom: Math.max(t, u), left: 0, right: MAX_COL - 1 };
  }
  const p = parseCell(a);
  const q = parseCell(b);
  return { top: Math.min(p.row, q.row), bottom: Math.max(p.row, q.row), left: Math.min(p.col, q.col), right: Math.max(p.col, q.col) };
}

export function cellAddress(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}

export function areaAddress(a: Area): string {
  const first = cellAddress(a.top, a.left);
  return a.top === a.bottom && a.left === a.right ? first : `${first}:${cellAddress(a.bottom, a.right)}`;
}

/**
 * Whether Excel can read `name` unquoted before "!". Excel leaves a name bare only when it is made of word characters
 * and dots, does not start with a digit, and cannot be read as something else: a cell in A1 style (Q1, XFD1), the
 * start of an R1C1 reference (R1C1, RC2, R, C), or a boolean. Rules as observed in Excel, since the specification is
 * not published: jmcnamara/XlsxWriter issue #1078 ("Some notes on worksheet name quoting"), EPPlusSoftware/EPPlus
 * issue #214 (names starting with R1C1 references), apache/poi pull request #545.
 */
export function bareNameAllowed(name: string): boolean {
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return false;
  const a1 = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (a1 && colNumber(a1[1]!) <= MAX_COL && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROW) return false;
  if (/^[RrCc]$/.test(name) || /^([Rr]\d*[Cc]\d*|[Rr]\d+|[Cc]\d+)(?![A-Za-z])/.test(name)) return false;
  return !/^(true|false)$/i.test(name);
}

/** How Excel writes a sheet name in the addresses it reports. */
export function quoteSheet(name: string): string {
  return bareNameAllowed(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * "'Báo cáo'!B3:C4" → {sheet: "Báo cáo", area: "B3:C4"}; no sheet part → sheet undefined. A bare name Excel would
 * read as a cell, an R1C1 reference or a boolean is refused, as Excel refuses the address (InvalidArgument).
 */
export function splitAddress(address: string): { sheet: string | undefined; area: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: undefined, area: address };
  const raw = address.slice(0, bang);
  const area = address.slice(bang + 1);
  if (raw.startsWith("'")) {
    if (!raw.endsWith("'") || raw.length < 3 || /(^|[^'])'([^']|$)/.test(raw.slice(1, -1))) throw new RangeError(`badly quoted sheet name: ${address}`);
    return { sheet: raw.slice(1, -1).replace(/''/g, "'"), area };
  }
  if (!bareNameAllowed(raw)) throw new RangeError(`the sheet name in ${address} must be quoted`);
  return { sheet: raw, area };
}
