import { pace, project, normaliseSeries } from "../../../src/core/history/trend";

describe("the pace of a series", () => {
  it("is the least-squares slope in points per year, worked by hand", () => {
    // years 2022..2024, values 40, 50, 66: mean year 2023, mean value 52; slope = (−1·−12 + 0 + 1·14) / 2 = 13
    expect(pace([{ year: 2022, value: 40 }, { year: 2023, value: 50 }, { year: 2024, value: 66 }])).toBe(13);
  });

  it("does not depend on the order the reports were read in", () => {
    expect(pace([{ year: 2024, value: 66 }, { year: 2022, value: 40 }, { year: 2023, value: 50 }])).toBe(13);
  });

  it("is negative for a falling series and null for a single year", () => {
    expect(pace([{ year: 2022, value: 80 }, { year: 2024, value: 70 }])).toBe(-5);
    expect(pace([{ year: 2022, value: 80 }])).toBeNull();
    expect(pace([])).toBeNull();
  });

  it("keeps one value per year (the later entry) and ignores non-finite values", () => {
    expect(normaliseSeries([{ year: 2023, value: 1 }, { year: 2023, value: 2 }, { year: 2022, value: NaN }])).toEqual([
      { year: 2023, value: 2 },
    ]);
  });
});

describe("the projected year", () => {
  const target2025 = { value: 70, comparator: ">=" as const, year: 2025 };

  it("counts from the latest value at the least-squares pace: 40, 45, 50 reach 70 in 2028, three years late", () => {
    const series = [{ year: 2022, value: 40 }, { year: 2023, value: 45 }, { year: 2024, value: 50 }];
    // pace 5 a year; from 50 in 2024, 20 points remain: 20 / 5 = 4 years → 2028
    expect(project(series, target2025, 2)).toEqual({ kind: "reached", year: 2028, delayYears: 3 });
  });

  it("says 'not at this pace' for a flat or falling series", () => {
    expect(project([{ year: 2022, value: 50 }, { year: 2023, value: 50 }, { year: 2024, value: 50 }], target2025, 2)).toEqual({
      kind: "not-at-this-pace",
    });
    expect(project([{ year: 2022, value: 60 }, { year: 2023, value: 55 }, { year: 2024, value: 52 }], target2025, 2)).toEqual({
      kind: "not-at-this-pace",
    });
  });

  it("never projects from a single earlier value", () => {
    expect(project([{ year: 2023, value: 40 }, { year: 2024, value: 60 }], target2025, 1)).toEqual({ kind: "too-little-history" });
  });

  it("says a target already met is reached in the latest year, on time when that is not after the target year", () => {
    expect(project([{ year: 2022, value: 60 }, { year: 2023, value: 65 }, { year: 2024, value: 72 }], target2025, 2)).toEqual({
      kind: "reached",
      year: 2024,
      delayYears: 0,
    });
  });

  it("reads a rank target (≤) as improving downwards: 50th, 48th, 46th reach 45th in the following year", () => {
    const rank = { value: 45, comparator: "<=" as const, year: 2025 };
    expect(project([{ year: 2022, value: 50 }, { year: 2023, value: 48 }, { year: 2024, value: 46 }], rank, 2)).toEqual({
      kind: "reached",
      year: 2025,
      delayYears: 0,
    });
  });

  it("needs strictly more than a '>' target: landing exactly on it takes one more year", () => {
    const over = { value: 60, comparator: ">" as const, year: 2025 };
    expect(project([{ year: 2022, value: 50 }, { year: 2023, value: 55 }], over, 2)).toEqual({
      kind: "reached",
      year: 2025,
      delayYears: 0,
    });
  });
});
