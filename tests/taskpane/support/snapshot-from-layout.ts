import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { parseCell } from "../../../src/core/a1";
import type { TemplateLayout } from "../../../src/core/template";

// A workbook snapshot as a host would read it from a (filled) template layout: values or cached formula results,
// and each cell's number format. Lets the pane tests use real template content without an .xlsx reader.

export function snapshotFromLayout(layout: TemplateLayout): WorkbookSnapshot {
  let maxRow = 0;
  let maxCol = 0;
  const placed = layout.cells.map((c) => {
    const p = parseCell(c.ref);
    const row = p.row + 1;
    const col = p.col + 1;
    maxRow = Math.max(maxRow, row);
    maxCol = Math.max(maxCol, col);
    return { row, col, cell: c };
  });
  const values = Array.from({ length: maxRow }, () => Array<WorkbookSnapshot["sheets"][number]["values"][number][number]>(maxCol).fill(null));
  const formats = Array.from({ length: maxRow }, () => Array<string>(maxCol).fill("General"));
  for (const { row, col, cell } of placed) {
    values[row - 1]![col - 1] = cell.formula !== undefined ? (cell.cached ?? null) : (cell.value ?? null);
    formats[row - 1]![col - 1] = layout.styles[cell.style].numFmt ?? "General";
  }
  return { sheets: [{ name: layout.sheetName, top: 0, left: 0, values, formats }], metadata: layout.metadata };
}
