import type { Level, UnitSpec } from "./schema";

// How a unit enters an indicator at its own level: the same indicator is a yes/no for a commune and a count of communes above.

const LEVEL_RANK: Record<Level, number> = { commune: 0, district: 1, province: 2 };
const UNITS_OF_LEVEL: Record<Level, { vi: string; en: string }> = {
  commune: { vi: "xã, phường", en: "communes and wards" },
  district: { vi: "huyện, thành phố", en: "districts and towns" },
  province: { vi: "tỉnh", en: "provinces" },
};

/**
 * How a unit of `level` enters the indicator. A yes/no asked of communes becomes, for a district or the province,
 * the share of its communes answering yes: a numerator (how many) over a denominator (how many in all).
 */
export function inputUnit(unit: UnitSpec, level: Level): UnitSpec {
  if (unit.kind !== "yesno" || LEVEL_RANK[level] <= LEVEL_RANK[unit.unitLevel]) return unit;
  const units = UNITS_OF_LEVEL[unit.unitLevel];
  return {
    kind: "ratio",
    numerator: { vi: `Số ${units.vi} đạt: ${unit.subject.vi}`, en: `Number of ${units.en} where: ${unit.subject.en}` },
    denominator: { vi: `Tổng số ${units.vi}`, en: `Total ${units.en}` },
    quantity: "count",
  };
}
