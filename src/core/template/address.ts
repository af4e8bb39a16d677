// A1 addressing helpers for the layout (1-based rows and columns).

export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`column must be a positive integer, got ${column}`);
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) throw new RangeError(`not a column name: ${letters}`);
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellRef(column: string, row: number): string {
  return `${column}${row}`;
}

export function parseRef(ref: string): { column: string; row: number } {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m || !m[1] || !m[2]) throw new RangeError(`not an A1 cell address: ${ref}`);
  return { column: m[1], row: Number(m[2]) };
}
