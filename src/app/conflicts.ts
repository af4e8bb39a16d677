import type { ContextConflict } from "../core/check";
import type { Lang } from "../core/messages";
import { findUnits, unitTitle, type UnitRegistry } from "../core/units";
import { translate } from "./i18n/translate";

// The warning for a level, year or unit the user chose that contradicts what the workbook states: both values, where
// the workbook states its own, and that the user's choice was used. Shared by the pane, the browser and the legacy pane.

function unitName(registry: UnitRegistry, code: string): string {
  const unit = findUnits(registry, code)[0];
  return unit ? unitTitle(unit) : code;
}

export function conflictText(c: ContextConflict, registry: UnitRegistry, lang: Lang): string {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(lang, key, params);
  const where =
    c.statedBy === "sheet" && c.cell
      ? t("conflict.by.sheet", { cell: c.cell.cell, sheet: c.cell.sheet, text: c.cell.text })
      : t(c.statedBy === "header" ? "conflict.by.header" : "conflict.by.metadata");
  const of = c.statedUnit ? t("conflict.of", { unit: unitName(registry, c.statedUnit) }) : "";
  switch (c.field) {
    case "unit":
      return t("conflict.unit", { stated: unitName(registry, c.stated), given: unitName(registry, c.given), where });
    case "level":
      return t("conflict.level", { stated: t(`level.${c.stated}`).toLowerCase(), given: t(`level.${c.given}`).toLowerCase(), where, of });
    case "year":
      return t("conflict.year", { stated: String(c.stated), given: String(c.given), where, of });
  }
}
