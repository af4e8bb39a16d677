import type { TemplateLayout } from "../../../src/core/template";
import { parseCell } from "../../../src/core/a1";
import type { RawValue, SheetSnapshot, WorkbookSnapshot } from "../../../src/core/snapshot";

/** A sheet snapshot from rows of values, as a host would read it (top-left A1). */
export function sheetOf(name: string, rows: RawValue[][], formats?: string[][]): SheetSnapshot {
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...Array<RawValue>(width - r.length).fill(null)]);
  return { name, top: 0, left: 0, values, formats: formats ?? values.map((r) => r.map(() => "General")) };
}

/** What a host would read from a rendered template: values (formula cells give their cached result) and formats. */
export function snapshotOfLayout(layout: TemplateLayout): WorkbookSnapshot {
  const rows: RawValue[][] = [];
  const formats: string[][] = [];
  const width = parseCell(`${layout.lastColumn}1`).col + 1;
  for (let r = 0; r < layout.lastRow; r++) {
    rows.push(Array<RawValue>(width).fill(null));
    formats.push(Array<string>(width).fill("General"));
  }
  for (const cell of layout.cells) {
    const { row: r0, col: c } = parseCell(cell.ref);
    const row = r0 + 1;
    if (c >= width) continue;
    const value = cell.formula !== undefined ? (cell.cached ?? null) : (cell.value ?? null);
    rows[row - 1]![c] = value === "" ? null : value;
    formats[row - 1]![c] = layout.styles[cell.style].numFmt ?? "General";
  }
  return { sheets: [{ name: layout.sheetName, top: 0, left: 0, values: rows, formats }], metadata: layout.metadata };
}
