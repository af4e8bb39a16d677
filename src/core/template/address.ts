// A1 addressing helpers for the layout (1-based rows and columns).

import { columnIndex, columnLetters } from "../a1";

export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`column must be a positive integer, got ${column}`);
  return columnLetters(column - 1);
}

export function columnNumber(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) throw new RangeError(`not a column name: ${letters}`);
  return columnIndex(letters) + 1;
}

export function cellRef(column: string, row: number): string {
  return `${column}${row}`;
}

export function parseRef(ref: string): { column: string; row: number } {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m || !m[1] || !m[2]) throw new RangeError(`not an A1 cell address: ${ref}`);
  return { column: m[1], row: Number(m[2]) };
}
