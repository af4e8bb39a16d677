import { readCell } from "../../../src/core/figures";
import { judge } from "../../../src/core/judge";
import { indicator, ratio, single, target, units, workRecords } from "./fixtures";

const province2025 = { level: "province", year: 2025 } as const;

describe("met and below in a target year", () => {
  it("meets a ≥ target when the ratio equals it exactly (90/100 against ≥ 90%)", () => {
    const j = judge(workRecords, ratio(90, 100), province2025);
    expect(j).toMatchObject({ status: "met", severity: "info", value: 90, gap: 0 });
    expect(j.target).toMatchObject({ value: 90, comparator: ">=", year: 2025, level: "province", basis: "target-year" });
  });

  it("falls below a ≥ target with a negative gap in percentage points (72.5% against ≥ 90%)", () => {
    expect(judge(workRecords, ratio(145, 200), province2025)).toMatchObject({ status: "below", severity: "warning", value: 72.5, gap: -17.5 });
  });

  it("needs strictly more than the target for '>' ('trên 50%': 50% is below, 50.1% is met)", () => {
    const over50 = indicator({ targets: [target({ value: 50, comparator: ">" })] });
    expect(judge(over50, ratio(50, 100), province2025)).toMatchObject({ status: "below", gap: 0 });
    expect(judge(over50, ratio(501, 1000), province2025)).toMatchObject({ status: "met" });
  });

  it("computes ratios without floating-point noise: 7/100 does not pass '> 7%'", () => {
    const over7 = indicator({ targets: [target({ value: 7, comparator: ">" })] });
    expect(judge(over7, ratio(7, 100), province2025)).toMatchObject({ status: "below", value: 7, gap: 0 });
  });

  it("keeps full precision for the comparison: 2/3 is 66.67% rounded only when shown", () => {
    const j = judge(indicator({ targets: [target({ value: 66.67 })] }), ratio(2, 3), province2025);
    expect(j.status).toBe("below");
    expect(j.value).toBeCloseTo(66.6667, 4);
  });

  it("judges a percentage entered directly, and a ratio's result entered without numerator and denominator", () => {
    const share = indicator({ unit: units.percent, levels: ["province"], consolidation: "province-only", targets: [target({ value: 10 })] });
    expect(judge(share, single(0.12, "percent", "0%"), province2025)).toMatchObject({ status: "met", value: 12, gap: 2 });
    expect(judge(workRecords, single("85,5%", "percent"), province2025)).toMatchObject({ status: "below", value: 85.5, gap: -4.5 });
  });

  it("judges a count against its target in the count's own unit", () => {
    const platforms = indicator({ unit: units.count, targets: [target({ year: 2022, value: 1 })] });
    expect(judge(platforms, single(1, "count"), { level: "province", year: 2022 })).toMatchObject({ status: "met", gap: 0 });
    expect(judge(platforms, single(0, "count"), { level: "province", year: 2022 })).toMatchObject({ status: "below", gap: -1 });
  });

  it("judges growth rates, which may be negative, against an annual target in every year of its period", () => {
    const productivity = indicator({
      unit: units.growth,
      levels: ["province"],
      targets: [target({ year: "annual", period: { from: 2021, to: 2025 }, value: 7 }), target({ year: "annual", period: { from: 2026, to: 2030 }, value: 8 })],
    });
    expect(judge(productivity, single("7,2", "growth"), { level: "province", year: 2022 })).toMatchObject({ status: "met", target: { year: 2022, annual: true, value: 7 } });
    expect(judge(productivity, single(-1.5, "growth"), { level: "province", year: 2024 })).toMatchObject({ status: "below", gap: -8.5 });
    expect(judge(productivity, single(7.5, "growth"), { level: "province", year: 2027 })).toMatchObject({ status: "below", target: { value: 8 } });
    expect(judge(productivity, single(150, "growth"), { level: "province", year: 2027 })).toMatchObject({ status: "met" });
  });
});

describe("which level's target applies", () => {
  it("uses the target of the reporting level: 75% meets the commune's 60% but not the district's 80%", () => {
    expect(judge(workRecords, ratio(75, 100), { level: "commune", year: 2025 })).toMatchObject({ status: "met", target: { value: 60, level: "commune" } });
    expect(judge(workRecords, ratio(75, 100), { level: "district", year: 2025 })).toMatchObject({ status: "below", target: { value: 80, level: "district" } });
  });

  it("prefers a level-specific target over one for all levels", () => {
    const mixed = indicator({ targets: [target({ level: "all", value: 100 }), target({ level: "commune", value: 50 })] });
    expect(judge(mixed, ratio(60, 100), { level: "commune", year: 2025 })).toMatchObject({ status: "met", target: { value: 50, level: "commune" } });
    expect(judge(mixed, ratio(60, 100), { level: "district", year: 2025 })).toMatchObject({ status: "below", target: { value: 100, level: "all" } });
  });

  it("says not-applicable, never missing, for a level that does not report the indicator", () => {
    const provinceOnly = indicator({ levels: ["province"], consolidation: "province-only", targets: [target({ level: "province", value: 10 })] });
    expect(judge(provinceOnly, {}, { level: "commune", year: 2025 })).toMatchObject({ status: "not-applicable", severity: "info", reason: "level", target: null });
  });

  it("never judges a qualitative indicator", () => {
    const qualitative = indicator({ qualitative: true, targets: [] });
    expect(judge(qualitative, single(50, "percent"), province2025)).toMatchObject({ status: "not-applicable", reason: "qualitative" });
  });

  it("keeps a figure for consolidation but does not judge it when the level has no target", () => {
    const provinceTarget = indicator({ targets: [target({ level: "province", value: 70 })] });
    expect(judge(provinceTarget, ratio(30, 100), { level: "commune", year: 2025 })).toMatchObject({ status: "not-applicable", reason: "no-target", value: 30 });
  });
});

describe("before a target year: a straight path decides on-track or off-track", () => {
  const broadband = indicator({ targets: [target({ value: 50, comparator: ">" })], baselines: [{ year: 2020, value: 38.3, source: { clause: "I" } }] });

  it("builds the path from the latest baseline before the year (38.3% in 2020 → 50% in 2025: 45.32% needed in 2023)", () => {
    const j = judge(broadband, ratio(46, 100), { level: "province", year: 2023 });
    expect(j).toMatchObject({ status: "on-track", severity: "info", target: { basis: "path", compareWith: 45.32, year: 2025, pathFrom: { year: 2020, value: 38.3, kind: "baseline" } } });
    expect(j.gap).toBeCloseTo(0.68, 9);
  });

  it("is off-track below the path, with a warning", () => {
    expect(judge(broadband, ratio(44, 100), { level: "province", year: 2023 })).toMatchObject({ status: "off-track", severity: "warning", gap: -1.32 });
  });

  it("starts the 2030 path from the level's 2025 target, not from the baseline (commune 60% → 70%: 64% in 2027)", () => {
    const withBaseline = { ...workRecords, baselines: [{ year: 2020, value: 10, source: { clause: "I" } }] };
    const j = judge(withBaseline, ratio(63, 100), { level: "commune", year: 2027 });
    expect(j).toMatchObject({ status: "off-track", target: { year: 2030, value: 70, compareWith: 64, pathFrom: { year: 2025, value: 60, kind: "target" } } });
    expect(judge(withBaseline, ratio(64, 100), { level: "commune", year: 2027 }).status).toBe("on-track");
  });

  it("without a baseline compares with the final target and says so", () => {
    const j = judge(workRecords, ratio(85, 100), { level: "province", year: 2023 });
    expect(j).toMatchObject({ status: "off-track", target: { basis: "final-no-path", compareWith: 90, year: 2025 }, gap: -5 });
    expect(j.notes).toContainEqual({ code: "note.no-path", params: { year: 2025 } });
    expect(judge(workRecords, ratio(95, 100), { level: "province", year: 2023 }).status).toBe("on-track");
  });

  it("ignores a baseline from the reporting year itself or later", () => {
    const late = indicator({ targets: [target({ value: 80 })], baselines: [{ year: 2023, value: 79, source: { clause: "I" } }] });
    expect(judge(late, ratio(70, 100), { level: "province", year: 2023 }).target?.basis).toBe("final-no-path");
  });
});

describe("after the last target year", () => {
  it("compares with the last target, met or below, and says so", () => {
    const platforms = indicator({ unit: units.count, targets: [target({ year: 2022, value: 1 })] });
    const j = judge(platforms, single(1, "count"), { level: "province", year: 2025 });
    expect(j).toMatchObject({ status: "met", target: { basis: "after-last", year: 2022 } });
    expect(j.notes).toContainEqual({ code: "note.after-last-target", params: { year: 2022, reportYear: 2025 } });
    expect(judge(workRecords, ratio(95, 100), { level: "province", year: 2031 })).toMatchObject({ status: "below", target: { year: 2030, value: 100 } });
  });
});

describe("carried and aspirational targets", () => {
  const carried = indicator({ targets: [target({ value: 30 }), target({ year: 2030, value: 30, carried: true })] });

  it("applies a carried 2030 target like any other and notes that it is carried over from 2025", () => {
    const j = judge(carried, ratio(25, 100), { level: "province", year: 2030 });
    expect(j).toMatchObject({ status: "below", target: { carried: true, year: 2030 } });
    expect(j.notes).toContainEqual({ code: "note.carried", params: { year: 2030 } });
  });

  it("notes an aspirational target ('phấn đấu') without judging it differently", () => {
    const aspired = indicator({ targets: [target({ value: 20, aspirational: true })] });
    const j = judge(aspired, ratio(25, 100), province2025);
    expect(j).toMatchObject({ status: "met", target: { aspirational: true } });
    expect(j.notes.map((n) => n.code)).toContain("note.aspirational");
  });
});

describe("ranks: a lower position is better", () => {
  const dti = indicator({ unit: units.rank, levels: ["province"], targets: [target({ value: 45, comparator: "<=" })], baselines: [{ year: 2020, value: 50, source: { clause: "I" } }] });

  it("meets '≤ 45/63' with rank 40 (gap +5 places) and misses it with rank 50 (gap −5)", () => {
    expect(judge(dti, single(40, "count"), province2025)).toMatchObject({ status: "met", gap: 5 });
    expect(judge(dti, single(50, "count"), province2025)).toMatchObject({ status: "below", severity: "warning", gap: -5 });
  });

  it("compares relative positions when the field changed (45/63 ≈ 24.29/34): 24/34 meets, 25/34 does not", () => {
    const ctx = { level: "province", year: 2025, fieldSizeNow: 34 } as const;
    const met = judge(dti, single(24, "count"), ctx);
    expect(met.status).toBe("met");
    expect(met.target?.compareWith).toBeCloseTo((45 * 34) / 63, 9);
    expect(met.notes).toContainEqual({ code: "note.rank-relative", params: { target: 45, targetField: 63, field: 34, equivalent: 24.29 } });
    expect(judge(dti, single(25, "count"), ctx).status).toBe("below");
  });

  it("follows a path from the baseline rank (50 in 2020 → 45 in 2025: rank 47 needed in 2023)", () => {
    expect(judge(dti, single(47, "count"), { level: "province", year: 2023 })).toMatchObject({ status: "on-track", gap: 0, target: { compareWith: 47 } });
    expect(judge(dti, single(48, "count"), { level: "province", year: 2023 })).toMatchObject({ status: "off-track", gap: -1 });
  });

  it("rejects a rank that is not whole or lies outside 1..field", () => {
    expect(judge(dti, single(12.5, "count"), province2025)).toMatchObject({ status: "invalid", severity: "error", problems: [{ code: "problem.rank-not-integer" }] });
    expect(judge(dti, single(0, "count"), province2025).problems[0]).toMatchObject({ code: "problem.rank-out-of-field", params: { value: 0, field: 63 } });
    expect(judge(dti, single(40, "count"), { ...province2025, fieldSizeNow: 34 }).problems[0]).toMatchObject({ code: "problem.rank-out-of-field", params: { field: 34 } });
  });
});

describe("yes/no indicators", () => {
  const network = indicator({ unit: units.yesno, consolidation: "share-of-units", targets: [target({ value: 100 })] });
  const smartCity = indicator({ unit: { ...units.yesno, unitLevel: "district" }, consolidation: "share-of-units", levels: ["province", "district"], targets: [target({ value: 40 })] });
  const commune2025 = { level: "commune", year: 2025 } as const;

  it("meets the target with yes and falls short with no (share target 100%: a warning)", () => {
    expect(judge(network, single("Có", "yesno"), commune2025)).toMatchObject({ status: "met", severity: "info", figure: { answer: "yes" } });
    expect(judge(network, single("Không", "yesno"), commune2025)).toMatchObject({ status: "below", severity: "warning", figure: { answer: "no" } });
  });

  it("treats 'no' under a share target below 100% as below, but only as information", () => {
    const j = judge(smartCity, single(false, "yesno"), { level: "district", year: 2025 });
    expect(j).toMatchObject({ status: "below", severity: "info" });
    expect(j.notes).toContainEqual({ code: "note.yes-no-share", params: { comparator: ">=", target: 40 } });
  });

  it("judges a share of units entered above unit level as a percentage", () => {
    expect(judge(smartCity, single(0.375, "yesno", "0.0%"), province2025)).toMatchObject({ status: "below", value: 37.5, gap: -2.5 });
  });

  it("judges a share of units entered above unit level as units-with / all units", () => {
    expect(judge(network, ratio(30, 38), province2025)).toMatchObject({ status: "below", figure: { numerator: 30, denominator: 38 } });
    expect(judge(network, ratio(38, 38), province2025)).toMatchObject({ status: "met", value: 100 });
    expect(judge(network, ratio(39, 38), province2025)).toMatchObject({ status: "invalid", problems: [{ code: "problem.numerator-exceeds-denominator" }] });
  });

  it("uses another level's share target to weigh a unit's answer when its own level has none", () => {
    const provinceShare = indicator({ unit: units.yesno, targets: [target({ level: "province", value: 100 })] });
    expect(judge(provinceShare, single("không", "yesno"), commune2025)).toMatchObject({ status: "below", severity: "warning", target: { level: "province" } });
  });

  it("rejects an unreadable answer", () => {
    expect(judge(network, single("đang triển khai", "yesno"), commune2025)).toMatchObject({ status: "invalid", severity: "error", problems: [{ code: "problem.not-yes-no" }] });
  });
});

describe("malformed figures are invalid, with a specific problem", () => {
  it.each([
    ["numerator larger than denominator", ratio(120, 100), "problem.numerator-exceeds-denominator", { numerator: 120, denominator: 100 }],
    ["denominator 0", ratio(5, 0), "problem.zero-denominator", { numerator: 5 }],
    ["0 out of 0", ratio(0, 0), "problem.zero-denominator", { numerator: 0 }],
    ["negative numerator", ratio(-1, 10), "problem.negative-numerator", { numerator: -1 }],
    ["negative denominator", ratio(1, -10), "problem.negative-denominator", { denominator: -10 }],
  ])("%s", (_, entry, code, params) => {
    const j = judge(workRecords, entry, province2025);
    expect(j).toMatchObject({ status: "invalid", severity: "error", value: null, gap: null });
    expect(j.problems[0]).toEqual({ code, params, part: expect.any(String) });
    expect(j.target).toMatchObject({ value: 90 }); // still tells what the target is
  });

  it("keeps the figures read so the clerk sees them", () => {
    expect(judge(workRecords, ratio(120, 100), province2025).figure).toEqual({ value: null, numerator: 120, denominator: 100 });
  });

  it("rejects a percentage above 100 except for growth rates", () => {
    const share = indicator({ unit: units.percent, targets: [target({ value: 10 })] });
    expect(judge(share, single("120%", "percent"), province2025).problems[0]).toMatchObject({ code: "problem.percent-over-100", params: { value: 120 } });
    expect(judge(share, single(-3, "percent"), province2025).problems[0]).toMatchObject({ code: "problem.negative-value" });
  });

  it("rejects a negative or fractional count", () => {
    const count = indicator({ unit: units.count, targets: [target({ value: 1 })] });
    expect(judge(count, single(-2, "count"), province2025).problems[0]).toMatchObject({ code: "problem.negative-value" });
    expect(judge(count, single("2,5", "count"), province2025).problems[0]).toMatchObject({ code: "problem.count-not-integer", params: { value: 2.5 } });
  });

  it("names the part holding an Excel error, and lists problems of both parts", () => {
    const j = judge(workRecords, ratio({ error: "#REF!" }, "#DIV/0!"), province2025);
    expect(j.problems).toEqual([
      { code: "problem.excel-error", params: { error: "#REF!" }, part: "numerator" },
      { code: "problem.excel-error", params: { error: "#DIV/0!" }, part: "denominator" },
    ]);
  });

  it("reports an ambiguous figure as invalid with a warning (not an error), carrying both readings", () => {
    const growth = indicator({ unit: units.growth, targets: [target({ value: 7 })] });
    const j = judge(growth, single("1.079", "growth"), province2025);
    expect(j).toMatchObject({ status: "invalid", severity: "warning", problems: [{ code: "problem.ambiguous-number", params: { text: "1.079", first: 1079, second: 1.079 } }] });
    expect(j.problems[0]?.readings).toHaveLength(2);
  });
});

describe("missing figures", () => {
  it("is missing when nothing was entered, with the target still given", () => {
    expect(judge(workRecords, {}, province2025)).toMatchObject({ status: "missing", severity: "info", target: { value: 90 } });
  });

  it("keeps the 'no data' marker the cell held", () => {
    expect(judge(workRecords, single("chưa có số liệu", "percent"), province2025).figure.marker).toBe("chưa có số liệu");
  });

  it("says which part of a ratio is missing and keeps the other", () => {
    const j = judge(workRecords, { numerator: readCell(50, "General", "count"), denominator: readCell("-", "General", "count") }, province2025);
    expect(j).toMatchObject({ status: "missing", figure: { numerator: 50, denominator: null, missingParts: ["denominator"] } });
  });

  it("prefers invalid over missing when one part is broken and the other empty", () => {
    expect(judge(workRecords, ratio("#N/A", null), province2025).status).toBe("invalid");
  });
});
