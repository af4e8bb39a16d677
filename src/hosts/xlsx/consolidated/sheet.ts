// A plain worksheet from rows of typed cells: what the consolidated workbook's sheets need, no more.
// Elements in the order CT_Worksheet requires: sheetViews, sheetFormatPr, cols, sheetData, autoFilter, mergeCells,
// pageMargins, pageSetup, drawing.

import { cellAddress } from "../../../core/a1";
import type { SharedStrings } from "../template/shared-strings";
import { attrs, XML_DECLARATION } from "../template/xml-text";
import { escapeText } from "../xml/escape";

export type Cell<S extends string> = { v: string | number | null; s: S } | null;

export interface SheetSpec<S extends string> {
  /** Column widths in characters. */
  widths: number[];
  /** Rows top to bottom; an iterable, so a long sheet's rows can be made as they are written. */
  rows: Iterable<Cell<S>[]>;
  /** Rows (1-based) above the scrolling part, and columns left of it. */
  freeze?: { rows: number; columns: number };
  merges?: string[];
  /** 1-based header row and column count for an AutoFilter. */
  filter?: { row: number; columns: number; lastRow: number };
  /** Relationship id of the sheet's drawing. */
  drawing?: string;
}

function cellXml(ref: string, cell: NonNullable<Cell<string>>, style: number, strings: SharedStrings): string {
  const v = cell.v;
  if (v === null || v === "") return `<c r="${ref}" s="${style}"/>`;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new RangeError(`cannot write a non-finite number (${v}) into ${ref}`);
    return `<c r="${ref}" s="${style}"><v>${v}</v></c>`;
  }
  return `<c r="${ref}" s="${style}" t="s"><v>${strings.index(v)}</v></c>`;
}

export function sheetXml<S extends string>(spec: SheetSpec<S>, styles: Record<S, number>, strings: SharedStrings): string {
  const out: string[] = [];
  let r = -1;
  for (const row of spec.rows) {
    r++;
    let cells = "";
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell) cells += cellXml(cellAddress(r, c), cell, styles[cell.s], strings);
    }
    if (cells) out.push(`<row r="${r + 1}">${cells}</row>`);
  }
  const f = spec.freeze;
  const pane =
    f && (f.rows > 0 || f.columns > 0)
      ? `<pane${attrs({ xSplit: f.columns || undefined, ySplit: f.rows || undefined, topLeftCell: cellAddress(f.rows, f.columns), activePane: "bottomRight", state: "frozen" })}/>`
      : "";
  const cols = spec.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  const filter = spec.filter ? `<autoFilter ref="${cellAddress(spec.filter.row - 1, 0)}:${cellAddress(spec.filter.lastRow - 1, spec.filter.columns - 1)}"/>` : "";
  const merges = spec.merges?.length ? `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${escapeText(m)}"/>`).join("")}</mergeCells>` : "";
  return (
    XML_DECLARATION +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${out.join("")}</sheetData>` +
    filter +
    merges +
    '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape"/>' +
    (spec.drawing ? `<drawing r:id="${spec.drawing}"/>` : "") +
    "</worksheet>"
  );
}
