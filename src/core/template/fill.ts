// Writes figures into a layout's input cells and refreshes the cached formula results (used for filled fixtures and tests).

import { evaluateRow } from "./formulas";
import { ChitieuError } from "../errors";
import type { CellValue, LayoutCell, TemplateLayout } from "./types";

export interface IndicatorFigures {
  numerator?: number;
  denominator?: number;
  /** A number, or "Có"/"Không" for yes/no indicators. */
  value?: number | string;
  note?: string;
  evidence?: string;
}

export function fillTemplateLayout(layout: TemplateLayout, values: ReadonlyMap<string, IndicatorFigures>): TemplateLayout {
  const cells = new Map<string, LayoutCell>(layout.cells.map((c) => [c.ref, { ...c }]));
  const set = (ref: string, value: CellValue) => {
    const cell = cells.get(ref);
    if (!cell) throw new Error(`layout has no cell ${ref}`);
    cells.set(ref, { ...cell, value });
  };
  const known = new Set(layout.rows.map((r) => r.indicatorCode));
  for (const code of values.keys()) {
    if (!known.has(code))
      throw new ChitieuError("error.not-in-template", { code });
  }
  for (const row of layout.rows) {
    const figures = values.get(row.indicatorCode);
    if (!figures) continue;
    const { numerator, denominator, value } = figures;
    if ((numerator !== undefined || denominator !== undefined) && !row.cells.numerator)
      throw new ChitieuError("error.wrong-figures.value", { code: row.indicatorCode });
    if (value !== undefined && !row.cells.value)
      throw new ChitieuError("error.wrong-figures.ratio", { code: row.indicatorCode });
    if (row.cells.numerator && numerator !== undefined) set(row.cells.numerator, numerator);
    if (row.cells.denominator && denominator !== undefined) set(row.cells.denominator, denominator);
    if (row.cells.value && value !== undefined) set(row.cells.value, value);
    if (figures.note !== undefined) set(row.cells.notes, figures.note);
    if (figures.evidence !== undefined) set(row.cells.evidence, figures.evidence);

    const read = (ref: string | null): CellValue | undefined => (ref ? cells.get(ref)?.value : undefined);
    const out = evaluateRow(row.kind, row.comparator, row.targetValue, {
      numerator: read(row.cells.numerator),
      denominator: read(row.cells.denominator),
      value: read(row.cells.value),
    });
    const refresh = (ref: string, cached: CellValue) => {
      const cell = cells.get(ref);
      if (cell?.formula !== undefined) cells.set(ref, { ...cell, cached });
    };
    refresh(row.cells.result, out.result);
    refresh(row.cells.gap, out.gap);
    refresh(row.cells.assessment, out.assessment);
  }
  return { ...layout, cells: layout.cells.map((c) => cells.get(c.ref) ?? c) };
}
