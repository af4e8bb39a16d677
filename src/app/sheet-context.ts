import { useState } from "react";
import type { Catalog } from "../core/catalog";
import { ChitieuError } from "../core/errors";
import { proposeMapping, storedMapping, type ProposedMapping } from "../core/mapping";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { UnitRegistry } from "../core/units";
import { clampYear, reconcileUnit, type Choice } from "./choice";

// When a check must ask for the level and year of an office's own sheet, the sheet often states them in its title
// ("UBND HUYỆN …", "… NĂM 2025"): they are offered as the answer, with the cell they were read from, instead of blank.

/** The level and year an office's own sheet states, each with its cell; null for our template or when it says nothing. */
export type SheetContext = Pick<ProposedMapping, "level" | "year">;

export function sheetContext(snapshot: WorkbookSnapshot, catalog: Catalog): SheetContext | null {
  if (snapshot.metadata) return null;
  const { level, year } = proposeMapping(storedMapping(snapshot).snapshot, { catalog });
  return level || year ? { level, year } : null;
}

/** The choice with what the sheet says put in (the unit kept when it still exists at that level and year). */
export function withSheetContext(choice: Choice, ctx: SheetContext, registry: UnitRegistry): Choice {
  return reconcileUnit(registry, { ...choice, ...(ctx.level ? { level: ctx.level.value } : {}), ...(ctx.year ? { year: clampYear(ctx.year.value) } : {}) });
}

/**
 * For a page's check: `offer(snapshot, error)` after a check failed for want of level or year puts what the sheet
 * says into the choice (not remembered as the user's own) and keeps it, with where it was read, for the question.
 */
export function useSheetContext(catalog: Catalog, registry: UnitRegistry, setChoice: (update: (c: Choice) => Choice) => void) {
  const [guess, setGuess] = useState<SheetContext | null>(null);
  const offer = (snapshot: WorkbookSnapshot, error: unknown) => {
    if (!(error instanceof ChitieuError) || !error.is("error.no-context")) return;
    const found = sheetContext(snapshot, catalog);
    setGuess(found);
    if (found) setChoice((c) => withSheetContext(c, found, registry));
  };
  return { guess, offer };
}
