import { RESOLUTION_PERIOD } from "../core/catalog/period";
import type { Level } from "../core/catalog/schema";
import { unitsForYear, type ReportingUnit, type UnitRegistry } from "../core/units";

// The template the user last chose (level, year, unit): remembered so the ribbon's "insert" repeats it.

export interface Choice {
  level: Level;
  year: number;
  unitCode: string;
}

export const DEFAULT_UNIT = "tinh-lai-chau";
const STORAGE_KEY = "chitieu.choice";

export function clampYear(year: number): number {
  return Math.min(RESOLUTION_PERIOD.to, Math.max(RESOLUTION_PERIOD.from, Math.trunc(year)));
}

export function yearsOfResolution(): number[] {
  const { from, to } = RESOLUTION_PERIOD;
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Tỉnh Lai Châu for the current year (clamped to the resolution's period). */
export function defaultChoice(today: Date = new Date()): Choice {
  return { level: "province", year: clampYear(today.getFullYear()), unitCode: DEFAULT_UNIT };
}

/** Units selectable for this year and level; the choice's unit if still valid, else the first one. */
export function unitsFor(reg: UnitRegistry, year: number, level: Level): ReportingUnit[] {
  return unitsForYear(reg, year, level);
}

/** Keeps a choice consistent after the level or year changed: the unit must exist then (null when none does). */
export function reconcileUnit(reg: UnitRegistry, choice: Choice): Choice & { unitCode: string } {
  const units = unitsFor(reg, choice.year, choice.level);
  if (units.some((u) => u.code === choice.unitCode)) return choice;
  return { ...choice, unitCode: units[0]?.code ?? "" };
}

/** Minimal storage both localStorage and Office document settings can stand behind. */
export interface ChoiceStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export function localChoiceStore(): ChoiceStore | null {
  try {
    const s = globalThis.localStorage;
    if (!s) return null;
    return { get: (k) => s.getItem(k), set: (k, v) => s.setItem(k, v) };
  } catch {
    return null; // storage disabled (private mode, sandboxed frame): nothing to remember, defaults apply
  }
}

function isChoice(v: unknown): v is Choice {
  if (typeof v !== "object" || v === null) return false;
  const c = v as Record<string, unknown>;
  return (
    (c.level === "province" || c.level === "district" || c.level === "commune") &&
    typeof c.year === "number" &&
    Number.isInteger(c.year) &&
    typeof c.unitCode === "string"
  );
}

/** The saved choice from the first store that has a valid one, else the default. */
export function loadChoice(stores: readonly (ChoiceStore | null)[], reg: UnitRegistry, today?: Date): Choice {
  for (const store of stores) {
    const raw = store?.get(STORAGE_KEY);
    if (!raw) continue;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (isChoice(parsed)) return reconcileUnit(reg, { ...parsed, year: clampYear(parsed.year) });
    } catch {
      // a damaged value is ignored on purpose: it is overwritten by the next choice
    }
  }
  return reconcileUnit(reg, defaultChoice(today));
}

export function saveChoice(stores: readonly (ChoiceStore | null)[], choice: Choice): void {
  const raw = JSON.stringify(choice);
  for (const store of stores) store?.set(STORAGE_KEY, raw);
}
