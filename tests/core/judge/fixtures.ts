// Small indicators built from the schema types, so each test states exactly the targets it relies on.

import type { Indicator, Target, UnitSpec } from "../../../src/core/catalog/schema";
import { readCell, type ExpectedKind } from "../../../src/core/figures";
import type { Entry } from "../../../src/core/judge";
import type { RawValue } from "../../../src/core/snapshot";

const source = { clause: "II.2.2.1.a" };
const words = { vi: "đơn vị", en: "units" };

export const units = {
  ratio: { kind: "ratio", numerator: words, denominator: words, quantity: "count" },
  percent: { kind: "percent" },
  growth: { kind: "growth" },
  count: { kind: "count", of: words },
  rank: { kind: "rank", fieldSize: 63 },
  yesno: { kind: "yesno", subject: words, unitLevel: "commune" },
} satisfies Record<string, UnitSpec>;

export function target(t: Partial<Target> & Pick<Target, "value">): Target {
  return { year: 2025, level: "all", comparator: ">=", source, ...t } as Target;
}

export function indicator(over: Partial<Indicator> = {}): Indicator {
  return {
    code: "TST-01",
    pillar: "digital-government",
    text: "Chỉ tiêu thử",
    label: { vi: "Chỉ tiêu thử", en: "Test indicator" },
    unit: units.ratio,
    levels: ["province", "district", "commune"],
    consolidation: "ratio-of-sums",
    targets: [target({ value: 80 })],
    baselines: [],
    exclusions: [],
    aliases: [],
    keywords: [],
    qualitative: false,
    ...over,
  };
}

/** Work records processed online: 90% province, 80% district, 60% commune in 2025; 100/100/70 in 2030. */
export const workRecords = indicator({
  code: "CQS-02",
  targets: [
    target({ year: 2025, level: "province", value: 90 }),
    target({ year: 2025, level: "district", value: 80 }),
    target({ year: 2025, level: "commune", value: 60 }),
    target({ year: 2030, level: "province", value: 100 }),
    target({ year: 2030, level: "district", value: 100 }),
    target({ year: 2030, level: "commune", value: 70 }),
  ],
});

export function ratio(numerator: RawValue, denominator: RawValue, format = "General"): Entry {
  return { numerator: readCell(numerator, format, "count"), denominator: readCell(denominator, format, "count") };
}

export function single(value: RawValue, expect: ExpectedKind, format = "General"): Entry {
  return { value: readCell(value, format, expect) };
}
