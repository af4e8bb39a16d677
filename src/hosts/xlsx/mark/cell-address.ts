// A1 addresses of single cells, checked against the sheet grid Excel allows.

import { ChitieuError } from "../../../core/errors";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384; // XFD

export interface CellPosition {
  /** 0-based. */
  row: number;
  /** 0-based. */
  column: number;
}

/** Parses "H12" or "$H$12"; undefined when it is not a single cell inside the grid. */
export function parseCell(address: string): CellPosition | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  let column = 0;
  for (const ch of (m[1] ?? "").toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROWS || column < 1 || column > MAX_COLUMNS) return undefined;
  return { row: row - 1, column: column - 1 };
}

export function cellName(p: CellPosition): string {
  let n = p.column + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${p.row + 1}`;
}

export function requireCell(sheet: string, address: string): CellPosition {
  const p = parseCell(address);
  if (!p) {
    throw new ChitieuError("error.bad-cell-address", { address, sheet });
  }
  return p;
}
