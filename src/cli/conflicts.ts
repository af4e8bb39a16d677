import type { ContextConflict } from "../core/check";
import { findUnits, unitTitle, type UnitRegistry } from "../core/units";
import type { Lang } from "./lang";
import { t } from "./strings";

// The warning for an option that contradicts what the file states: both values, where the file states its own, and
// that the option was used. Units are named ("xã Sìn Suối Hồ"), not only coded.

function unitName(registry: UnitRegistry, code: string): string {
  const unit = findUnits(registry, code)[0];
  return unit ? unitTitle(unit) : code;
}

export function conflictText(c: ContextConflict, registry: UnitRegistry, lang: Lang): string {
  const where =
    c.statedBy === "sheet" && c.cell
      ? t(lang, "check.conflict.by.sheet", { cell: `${c.cell.sheet}!${c.cell.cell}`, text: c.cell.text })
      : t(lang, c.statedBy === "header" ? "check.conflict.by.header" : "check.conflict.by.metadata");
  const of = c.statedUnit ? t(lang, "check.conflict.of", { unit: unitName(registry, c.statedUnit) }) : "";
  switch (c.field) {
    case "unit":
      return t(lang, "check.conflict.unit", { stated: unitName(registry, c.stated), given: unitName(registry, c.given), where });
    case "level":
      return t(lang, "check.conflict.level", { stated: t(lang, `level.${c.stated}`), given: t(lang, `level.${c.given}`), where, of });
    case "year":
      return t(lang, "check.conflict.year", { stated: c.stated, given: c.given, where, of });
  }
}
