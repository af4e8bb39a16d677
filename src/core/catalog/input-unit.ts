import { formatMessage, msg, type Lang } from "../messages";
import type { Level, UnitSpec } from "./schema";

// How a unit enters an indicator at its own level: the same indicator is a yes/no for a commune and a count of communes above.

const LEVEL_RANK: Record<Level, number> = { commune: 0, district: 1, province: 2 };

/**
 * How a unit of `level` enters the indicator. A yes/no asked of communes becomes, for a district or the province,
 * the share of its communes answering yes: a numerator (how many) over a denominator (how many in all).
 */
export function inputUnit(unit: UnitSpec, level: Level): UnitSpec {
  if (unit.kind !== "yesno" || LEVEL_RANK[level] <= LEVEL_RANK[unit.unitLevel]) return unit;
  const units = msg(`label.units-of.${unit.unitLevel}`);
  const both = (say: (lang: Lang) => string) => ({ vi: say("vi"), en: say("en") });
  return {
    kind: "ratio",
    numerator: both((lang) => formatMessage(msg("label.numerator-of", { units, subject: unit.subject[lang] }), lang)),
    denominator: both((lang) => formatMessage(msg("label.denominator-of", { units }), lang)),
    quantity: "count",
  };
}
