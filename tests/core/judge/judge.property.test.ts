import fc from "fast-check";
import type { Comparator, Target } from "../../../src/core/catalog/schema";
import { readCell } from "../../../src/core/figures";
import { judge } from "../../../src/core/judge";
import { indicator, target, units } from "./fixtures";

const comparator = fc.constantFrom<Comparator>(">=", ">", "<=");
const year = fc.integer({ min: 2021, max: 2030 });

describe("judging random figures against random targets in their target year", () => {
  it("says met exactly when integer cross-multiplication says so, with the gap's sign and size agreeing", () => {
    // independent oracle: num/den·100 against cents/100 ⇔ num·100·100 against cents·den, all integers (exact)
    fc.assert(
      fc.property(comparator, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 10000 }), year,
        (cmp, num, extra, cents, y) => {
          const den = num + extra;
          fc.pre(den > 0);
          const ind = indicator({ targets: [target({ year: y, value: cents / 100, comparator: cmp })] });
          const j = judge(ind, { numerator: readCell(num, "General", "count"), denominator: readCell(den, "General", "count") }, { level: "commune", year: y });
          const lhs = num * 100 * 100;
          const rhs = cents * den;
          const met = cmp === ">=" ? lhs >= rhs : cmp === ">" ? lhs > rhs : lhs <= rhs;
          expect(j.status).toBe(met ? "met" : "below");
          // the gap in percentage points, value − target (target − value for ≤), to the 1e-9 the judge rounds to
          const gap = (cmp === "<=" ? rhs - lhs : lhs - rhs) / (100 * den);
          expect(Math.abs(j.gap! - gap)).toBeLessThan(1e-6);
          expect(j.value! * 100 * den).toBeCloseTo(lhs, 3);
        }),
      { numRuns: 3000 },
    );
  });

  it("puts exact ties on the right side: a figure equal to the target meets ≥ and ≤ but not >", () => {
    fc.assert(
      fc.property(comparator, fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 40 }), year, (cmp, percent, scale, y) => {
        // num/den is exactly percent% (den = 100·scale), so the figure equals the target
        const ind = indicator({ targets: [target({ year: y, value: percent, comparator: cmp })] });
        const j = judge(ind, { numerator: readCell(percent * scale, "General", "count"), denominator: readCell(100 * scale, "General", "count") }, { level: "commune", year: y });
        expect([j.status, j.gap]).toEqual([cmp === ">" ? "below" : "met", 0]);
      }),
      { numRuns: 500 },
    );
  });

  it("says on-track before a target year exactly when the figure is on the right side of the straight path from the 2020 baseline", () => {
    // independent oracle in integer hundredths: the path in year 2020+k is (B·(5−k) + T·k)/5, so compare V·5 with B·(5−k) + T·k
    const cents = fc.integer({ min: 0, max: 10000 });
    fc.assert(
      fc.property(comparator, cents, cents, fc.integer({ min: 1, max: 4 }), cents, (cmp, b, t, k, v) => {
        const ind = indicator({ unit: units.percent, targets: [target({ value: t / 100, comparator: cmp })], baselines: [{ year: 2020, value: b / 100, source: { clause: "I" } }] });
        const j = judge(ind, { value: readCell(v / 100, "General", "percent") }, { level: "province", year: 2020 + k });
        const lhs = v * 5;
        const rhs = b * (5 - k) + t * k;
        const onTrack = cmp === ">=" ? lhs >= rhs : cmp === ">" ? lhs > rhs : lhs <= rhs;
        expect(j.status).toBe(onTrack ? "on-track" : "off-track");
        expect(Math.abs(j.gap! - (cmp === "<=" ? rhs - lhs : lhs - rhs) / 500)).toBeLessThan(1e-6);
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
