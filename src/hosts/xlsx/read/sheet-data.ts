// One worksheet's <sheetData> -> the cells that exist, collected sparsely. The dense snapshot is built later,
// only over the rectangle those cells span, so a claimed dimension (or a stray far cell) never drives allocation.

import { ChitieuError } from "../../../core/errors";
import { msg } from "../../../core/messages";
import type { CellError, RawValue } from "../../../core/snapshot";
import type { Deadline } from "../limits";
import { decodeOoxmlEscapes } from "../xml/entities";
import { END, EOF, START, XmlScanner } from "../xml/scanner";
import { cellAddress, tryParseCell } from "../../../core/a1";
import { isoToSerial } from "./dates";
import { readRichText } from "./rich-text";
import { type CompiledFormula, compileFormula, renderShifted } from "./shared-formula";

export interface SparseCells {
  rows: number[];
  cols: number[];
  values: RawValue[];
  styles: number[];
  /** Present only when the sheet has a formula; aligned with the other arrays. */
  formulas: (string | null)[] | null;
  /** Whether each cell has a value or formula (styled empty cells only lend their format). */
  content: boolean[];
  /** Bounds of the cells with content; minRow > maxRow when there are none. */
  minRow: number;
  maxRow: number;
  minCol: number;
  maxCol: number;
}

interface SharedMaster {
  row: number;
  col: number;
  text: string;
  compiled?: CompiledFormula;
}

export interface SheetReadContext {
  sharedStrings: string[] | null;
  date1904: boolean;
  deadline: Deadline;
  /** Shared budget of `<c>` elements over the whole workbook. */
  cellBudget: { remaining: number; limit: number };
  sheetName: string;
}

function tooManyCells(limit: number): ChitieuError {
  return new ChitieuError("error.too-many-cells", { limit });
}

function parseBool(v: string): boolean {
  return v === "1" || v === "true" || v === "TRUE";
}

/** Scans the worksheet part; everything outside <sheetData> is only checked for well-formedness. */
export function readSheetData(text: string, part: string, ctx: SheetReadContext): SparseCells {
  const sc = new XmlScanner(text, part, ctx.deadline);
  const out: SparseCells = {
    rows: [], cols: [], values: [], styles: [], formulas: null, content: [],
    minRow: Infinity, maxRow: -1, minCol: Infinity, maxCol: -1,
  };
  const sharedMasters = new Map<string, SharedMaster>();
  let row = -1;
  let col = -1;
  let inSheetData = false;

  for (;;) {
    const k = sc.next();
    if (k === EOF) break;
    if (k === START) {
      const name = sc.local;
      if (!inSheetData) {
        if (name === "sheetData" && sc.depth === 2) inSheetData = !sc.selfClosing;
        continue;
      }
      if (name === "row") {
        const r = sc.attr("r");
        row = r !== undefined && /^\d+$/.test(r) ? Number(r) - 1 : row + 1;
        col = -1;
        continue;
      }
      if (name === "c") {
        if (--ctx.cellBudget.remaining < 0) throw tooManyCells(ctx.cellBudget.limit);
        readCell(sc, ctx, out, sharedMasters, row < 0 ? (row = 0) : row, col);
        col = out.cols[out.cols.length - 1]!;
        row = out.rows[out.rows.length - 1]!;
        continue;
      }
      // other elements inside sheetData are not cells
    } else if (k === END && inSheetData && sc.local === "sheetData" && sc.depth === 1) {
      inSheetData = false;
    }
  }
  return out;
}

function readCell(
  sc: XmlScanner,
  ctx: SheetReadContext,
  out: SparseCells,
  sharedMasters: Map<string, SharedMaster>,
  rowOfRow: number,
  prevCol: number,
): void {
  const r = sc.attr("r");
  let row = rowOfRow;
  let col = prevCol + 1;
  if (r !== undefined) {
    const ref = tryParseCell(r);
    if (!ref) sc.fail(msg("xml.bad-cell-reference", { ref: r }));
    row = ref.row;
    col = ref.col;
  }
  const t = sc.attr("t") ?? "n";
  const s = sc.attr("s");
  const style = s === undefined ? 0 : Number(s) || 0;

  let v: string | null = null;
  let inline: string | null = null;
  let formula: string | null = null;
  if (!sc.selfClosing) {
    const base = sc.depth;
    for (;;) {
      const k = sc.next();
      if (k === END && sc.depth < base) break;
      if (k === EOF) break;
      if (k !== START) continue;
      const name = sc.local;
      if (name === "v") v = sc.readText();
      else if (name === "is") inline = readRichText(sc);
      else if (name === "f") {
        const ft = sc.attr("t");
        const si = sc.attr("si");
        const text = sc.readText();
        if (ft === "shared" && si !== undefined) {
          if (text) {
            sharedMasters.set(si, { row, col, text });
            formula = text;
          } else {
            const m = sharedMasters.get(si);
            if (m) m.compiled ??= compileFormula(m.text);
            formula = m ? renderShifted(m.compiled!, row - m.row, col - m.col) : null;
          }
        } else if (text) formula = text;
      } else sc.skipElement();
    }
  } else {
    sc.next(); // the END of <c/>
  }

  let value: RawValue = null;
  switch (t) {
    case "s": {
      if (v === null || v === "") break;
      const idx = Number(v);
      const str = ctx.sharedStrings?.[idx];
      if (str === undefined) {
        const where = { cell: cellAddress(row, col), sheet: ctx.sheetName, index: v };
        throw new ChitieuError(ctx.sharedStrings ? "error.missing-part.shared-string" : "error.missing-part.shared-strings", where);
      }
      value = str;
      break;
    }
    case "inlineStr":
      value = inline ?? (v !== null ? decodeOoxmlEscapes(v).normalize("NFC") : null);
      break;
    case "str":
      value = v === null ? null : decodeOoxmlEscapes(v).normalize("NFC");
      break;
    case "b":
      value = v === null || v === "" ? null : parseBool(v.trim());
      break;
    case "e":
      value = v === null ? null : ({ error: v.trim() } satisfies CellError);
      break;
    case "d": {
      if (v === null || v === "") break;
      value = isoToSerial(v, ctx.date1904) ?? v.normalize("NFC");
      break;
    }
    default: {
      if (v === null) break;
      const trimmed = v.trim();
      if (trimmed === "") break;
      const n = Number(trimmed);
      value = Number.isFinite(n) ? n : v.normalize("NFC");
    }
  }

  // A "str" cell with an empty <v> and no formula holds nothing (openpyxl agrees); an explicit empty shared or
  // inline string, or a formula's "" result, is kept as "".
  if (t === "str" && value === "" && formula === null) value = null;
  const hasContent = value !== null || formula !== null;
  out.rows.push(row);
  out.cols.push(col);
  out.values.push(value);
  out.styles.push(style);
  out.content.push(hasContent);
  if (formula !== null && out.formulas === null) out.formulas = new Array<string | null>(out.rows.length - 1).fill(null);
  if (out.formulas) out.formulas.push(formula);
  if (hasContent) {
    if (row < out.minRow) out.minRow = row;
    if (row > out.maxRow) out.maxRow = row;
    if (col < out.minCol) out.minCol = col;
    if (col > out.maxCol) out.maxCol = col;
  }
}
