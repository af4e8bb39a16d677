import fc from "fast-check";
import type { Comparator, Target } from "../../../src/core/catalog/schema";
import { readCell } from "../../../src/core/figures";
import { holds, judge } from "../../../src/core/judge";
import { indicator, target, units } from "./fixtures";

const comparator = fc.constantFrom<Comparator>(">=", ">", "<=");
const year = fc.integer({ min: 2021, max: 2030 });
/** Targets as the resolution writes them: at most two decimals. */
const targetValue = fc.integer({ min: 0, max: 10000 }).map((x) => x / 100);

describe("judging random figures against random targets in their target year", () => {
  it("says met exactly when the comparator holds, with the gap's sign agreeing", () => {
    fc.assert(
      fc.property(comparator, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }), targetValue, year,
        (cmp, num, extra, targetValue, y) => {
          const ind = indicator({ targets: [target({ year: y, value: targetValue, comparator: cmp })] });
          const j = judge(ind, { numerator: readCell(num, "General", "count"), denominator: readCell(num + extra, "General", "count") }, { level: "commune", year: y });
          if (j.status !== "met" && j.status !== "below") return false;
          const value = j.value!;
          const gap = j.gap!;
          const met = j.status === "met";
          if (met !== holds(value, cmp, targetValue)) return false;
          // ≥ and ≤: met ⇔ gap ≥ 0; >: met ⇔ gap > 0
          return cmp === ">" ? met === gap > 0 : met === gap >= 0;
        }),
      { numRuns: 3000 },
    );
  });

  it("says on-track before a target year exactly when the figure is on the path's side of the comparator", () => {
    fc.assert(
      fc.property(comparator, targetValue, targetValue, fc.integer({ min: 2021, max: 2024 }), fc.double({ min: 0, max: 100, noNaN: true }),
        (cmp, baseline, targetValue, y, value) => {
          const ind = indicator({ unit: units.percent, targets: [target({ value: targetValue, comparator: cmp })], baselines: [{ year: 2020, value: baseline, source: { clause: "I" } }] });
          const j = judge(ind, { value: readCell(value, "General", "percent") }, { level: "province", year: y });
          if (j.status !== "on-track" && j.status !== "off-track") return false;
          const path = j.target!.compareWith;
          const onTrack = j.status === "on-track";
          const between = path >= Math.min(baseline, targetValue) - 1e-6 && path <= Math.max(baseline, targetValue) + 1e-6;
          return between && onTrack === holds(Math.round(value * 1e9) / 1e9, cmp, path) && (onTrack ? j.gap! >= 0 : j.gap! <= 0);
        }),
      { numRuns: 3000 },
    );
  });

  it("compares ranks by relative position when the field changed, the gap's sign agreeing with met", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 63 }), fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 80 }), (targetRank, fieldNow, rankSeed) => {
        const rank = 1 + (rankSeed % fieldNow);
        const dti = indicator({ unit: units.rank, targets: [target({ value: targetRank, comparator: "<=" })] });
        const j = judge(dti, { value: readCell(rank, "General", "count") }, { level: "province", year: 2025, fieldSizeNow: fieldNow });
        const met = j.status === "met";
        const relativeHolds = rank / fieldNow <= targetRank / 63 + 1e-12;
        return (j.status === "met" || j.status === "below") && met === relativeHolds && met === j.gap! >= 0;
      }),
      { numRuns: 3000 },
    );
  });

  it("never lets a malformed ratio through: numerator above denominator or a zero denominator is always invalid", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (den, extra) => {
        const ind = indicator();
        const over = judge(ind, { numerator: readCell(den + extra, "General", "count"), denominator: readCell(den, "General", "count") }, { level: "province", year: 2025 });
        const zero = judge(ind, { numerator: readCell(extra, "General", "count"), denominator: readCell(0, "General", "count") }, { level: "province", year: 2025 });
        return over.status === "invalid" && over.severity === "error" && zero.status === "invalid";
      }),
    );
  });

  it("gives the same answer for the same level and year however many times it is asked (target lookups are cached)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ y: year, v: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 5 }), year, (specs, y) => {
        const targets: Target[] = specs.map((s) => target({ year: s.y, value: s.v }));
        const ind = indicator({ targets });
        const entry = { value: readCell(50, "General", "percent") };
        const a = judge(ind, entry, { level: "district", year: y });
        const b = judge(ind, entry, { level: "district", year: y });
        return JSON.stringify(a) === JSON.stringify(b);
      }),
    );
  });
});
