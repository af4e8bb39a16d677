import { defaultCatalog } from "../../../src/core/catalog";
import {
  consolidate, earlierYearFromConsolidated, earlierYears, formatReason, missesTarget, submissionOf, unreadable, withHistory,
  type ConsolidationReport, type HistoryItem, type IndicatorRollup, type Submission,
} from "../../../src/core/consolidate";
import { ChitieuError } from "../../../src/core/errors";
import { loadUnits } from "../../../src/core/units";
import { writeConsolidatedXlsx } from "../../../src/hosts/xlsx/consolidated";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { truncated, unitWorkbook, type Figures } from "../../support/unit-workbooks";

// Consolidation across years: earlier years' unit workbooks rolled up by the same core as this year's, joined into
// series with a pace and a projected year. Every expected figure is worked out by hand in the comment above it.

const catalog = defaultCatalog();
const registry = loadUnits();

function submit(file: string, bytes: Uint8Array): Submission {
  try {
    return submissionOf(file, readWorkbook(bytes), catalog, registry);
  } catch (e) {
    if (e instanceof ChitieuError) return unreadable(file, { vi: e.text("vi"), en: e.text("en") });
    throw e;
  }
}

const unit = (code: string, year: number, figures: Figures): Submission => submit(`${year}/${code}.xlsx`, unitWorkbook(code, figures, { year }));

function indicator(r: ConsolidationReport, code: string): IndicatorRollup {
  const i = r.indicators.find((x) => x.indicator === code);
  if (!i) throw new Error(`no ${code}`);
  return i;
}
const byUnit = (r: ConsolidationReport, code: string, u: string) => indicator(r, code).byUnit.find((b) => b.unit === u)!;

function withEarlier(year: number, current: Submission[], earlier: HistoryItem[]): ConsolidationReport {
  const report = consolidate(current, { catalog, registry, period: { year, half: null } });
  const read = earlierYears(earlier, { catalog, registry, year, period: String(year) });
  return withHistory(report, read.earlier, { catalog, registry, unused: read.unused });
}

describe("the 2024 provincial report with the districts' reports of 2021 to 2023", () => {
  // CQS-02 (ratio; province ≥ 90% in 2025, district ≥ 80%), work records processed online / all work records:
  //   year   tp-lai-chau     huyen-tam-duong   province (sum / sum)
  //   2021   300/1000 = 30   50/200 = 25       350/1200 = 29.1667 (an average of percentages would say 27.5)
  //   2022   450/1000 = 45   no report         450/1000 = 45
  //   2023   600/1000 = 60   80/200 = 40       680/1200 = 56.6667
  //   2024   700/1000 = 70   70/200 = 35       770/1200 = 64.1667
  // XHS-06 (≥ 70% in 2025), only tp-lai-chau: 50 (2022), 45 (2023), 40 (2024): a falling series.
  // CQS-07 (≥ 70% in 2025), only tp-lai-chau: 20 (2023), 30 (2024): a single earlier value.
  const earlier: HistoryItem[] = [
    unit("tp-lai-chau", 2021, { "CQS-02": { numerator: 300, denominator: 1000 } }),
    unit("huyen-tam-duong", 2021, { "CQS-02": { numerator: 50, denominator: 200 } }),
    unit("tp-lai-chau", 2022, { "CQS-02": { numerator: 450, denominator: 1000 }, "XHS-06": { numerator: 50, denominator: 100 }, "XHS-09": { value: "Có" } }),
    unit("tp-lai-chau", 2023, { "CQS-02": { numerator: 600, denominator: 1000 }, "XHS-06": { numerator: 45, denominator: 100 }, "CQS-07": { numerator: 20, denominator: 100 }, "XHS-09": { value: "Có" } }),
    unit("huyen-tam-duong", 2023, { "CQS-02": { numerator: 80, denominator: 200 } }),
    // a broken download and a later year's report in the folder: each listed with its reason, neither stops anything
    submit("2023/tan-uyen.xlsx", truncated(unitWorkbook("huyen-tan-uyen", {}, { year: 2023 }))),
    unit("huyen-sin-ho", 2025, { "CQS-02": { numerator: 1, denominator: 1 } }),
  ];
  const current = [
    unit("tp-lai-chau", 2024, { "CQS-02": { numerator: 700, denominator: 1000 }, "XHS-06": { numerator: 40, denominator: 100 }, "CQS-07": { numerator: 30, denominator: 100 }, "XHS-09": { value: "Có" } }),
    unit("huyen-tam-duong", 2024, { "CQS-02": { numerator: 70, denominator: 200 } }),
  ];
  const r = withEarlier(2024, current, earlier);

  it("paces a share of units at province level, never one unit's yes/no answer", () => {
    // XHS-09 (≥ 40% of districts in 2025): only the city says yes, each year: 1 of 8 = 12.5%, flat
    const t = indicator(r, "XHS-09").trend!;
    expect(t.history).toEqual([{ year: 2022, value: 12.5 }, { year: 2023, value: 12.5 }]);
    expect(t.pace).toBe(0);
    expect(t.projection).toEqual({ kind: "not-at-this-pace" });
    const tp = byUnit(r, "XHS-09", "tp-lai-chau").trend!;
    expect(tp.history.map((p) => p.value)).toEqual([100, 100]);
    expect(tp).toMatchObject({ pace: null, projection: null });
  });

  it("rolls each earlier year up as this year's (ratio of sums) and gives the provincial series", () => {
    const t = indicator(r, "CQS-02").trend!;
    expect(t.history).toEqual([
      { year: 2021, value: expect.closeTo(29.1667, 4) },
      { year: 2022, value: 45 },
      { year: 2023, value: expect.closeTo(56.6667, 4) },
    ]);
    expect(indicator(r, "CQS-02").value).toBeCloseTo(64.1667, 4);
  });

  it("gives the provincial pace by least squares and the year 90% is reached at that pace", () => {
    // years 2021..2024 centred at 2022.5 (−1.5, −0.5, 0.5, 1.5; sum of squares 5); values centred at 48.75:
    // slope = (1.5 × (64.1667 − 29.1667) + 0.5 × (56.6667 − 45)) / 5 = (52.5 + 5.8333) / 5 = 11.6667 points a year.
    // From 64.1667, 90 − 64.1667 = 25.8333 to go: 25.8333 / 11.6667 = 2.2 → 3 years → 2027, two years after 2025.
    const t = indicator(r, "CQS-02").trend!;
    expect(t.pace).toBeCloseTo(11.6667, 4);
    expect(t.projection).toEqual({ kind: "reached", year: 2027, delayYears: 2 });
    expect(t.target).toEqual({ value: 90, comparator: ">=", year: 2025 });
    expect(missesTarget(t)).toBe(true);
  });

  it("draws the target path from the first known value to the target when the resolution gives no baseline", () => {
    // 29.1667 in 2021 to 90 in 2025: + 15.2083 a year
    expect(indicator(r, "CQS-02").trend!.path.map((p) => [p.year, Math.round(p.value * 100) / 100])).toEqual([
      [2021, 29.17], [2022, 44.38], [2023, 59.58], [2024, 74.79], [2025, 90],
    ]);
  });

  it("gives each unit its own series, pace and projected year against its own level's target", () => {
    // tp-lai-chau 30, 45, 60, 70: slope = (1.5 × 40 + 0.5 × 15) / 5 = 13.5; 80 − 70 = 10 → 1 year → 2025, on time
    const tp = byUnit(r, "CQS-02", "tp-lai-chau").trend!;
    expect(tp.history.map((p) => p.value)).toEqual([30, 45, 60]);
    expect(tp.pace).toBeCloseTo(13.5, 6);
    expect(tp.projection).toEqual({ kind: "reached", year: 2025, delayYears: 0 });
    expect(tp.target).toEqual({ value: 80, comparator: ">=", year: 2025 });
    expect(missesTarget(tp)).toBe(false);
  });

  it("leaves a gap for a year with a missing report and takes the pace over the known years", () => {
    // huyen-tam-duong 25 (2021), — (2022), 40 (2023), 35 (2024): years centred at 2022.6667, values at 33.3333;
    // slope = 18.3333 / 4.6667 = 55/14 = 3.9286; 80 − 35 = 45 → 45 / 3.9286 = 11.45 → 12 years → 2036, 11 late
    const td = byUnit(r, "CQS-02", "huyen-tam-duong").trend!;
    expect(td.history).toEqual([{ year: 2021, value: 25 }, { year: 2023, value: 40 }]);
    expect(td.pace).toBeCloseTo(55 / 14, 6);
    expect(td.projection).toEqual({ kind: "reached", year: 2036, delayYears: 11 });
    expect(formatReason(td.note!, "vi")).toBe(
      "Không có báo cáo của đơn vị cho năm 2022: chuỗi số liệu bị khuyết ở (các) năm này, tốc độ tính trên các năm có số liệu",
    );
    // the province's 2022 figure is partial (Tam Đường missing) but it is still that year's provincial figure
    expect(indicator(r, "CQS-02").trend!.history.map((p) => p.year)).toEqual([2021, 2022, 2023]);
  });

  it("says a falling series does not reach its target without speeding up", () => {
    // XHS-06: 50, 45, 40 over 2022..2024: slope −5; at 40 and ≥ 70 needed, moving away
    const t = indicator(r, "XHS-06").trend!;
    expect(t.history.map((p) => p.value)).toEqual([50, 45]);
    expect(t.pace).toBe(-5);
    expect(t.projection).toEqual({ kind: "not-at-this-pace" });
    expect(missesTarget(t)).toBe(true);
  });

  it("draws no pace or projection from a single earlier value", () => {
    const t = indicator(r, "CQS-07").trend!;
    expect(t.history).toEqual([{ year: 2023, value: 20 }]);
    expect(t.pace).toBeNull();
    expect(t.projection).toEqual({ kind: "too-little-history" });
    expect(missesTarget(t)).toBe(false);
  });

  it("lists the earlier years used and every history file not used, with why", () => {
    expect(r.history!.years.map((y) => [y.year, y.source, y.files.length])).toEqual([[2021, "units", 2], [2022, "units", 1], [2023, "units", 2]]);
    const unused = r.history!.unused.map((u) => [u.file, formatReason(u.reason, "vi")]);
    expect(unused).toContainEqual(["2025/huyen-sin-ho.xlsx", "Báo cáo năm 2025 không phải năm trước kỳ 2024: không dùng làm số liệu các năm trước"]);
    expect(unused.find((u) => u[0] === "2023/tan-uyen.xlsx")?.[1]).toMatch(/^Không đọc được tệp: /);
    expect(unused).toHaveLength(2);
  });
});

describe("the 2026 report of the new communes, across the 2025 reform", () => {
  // CQS-02. 2024: districts (tp-lai-chau 700/1000, huyen-than-uyen 90/100) → 790/1100 = 71.8182;
  // 2025: communes (xa-than-uyen 50/100, xa-muong-kim 40/100) → 90/200 = 45; 2026: 55/100 + 45/100 → 100/200 = 50.
  const earlier: HistoryItem[] = [
    unit("tp-lai-chau", 2024, { "CQS-02": { numerator: 700, denominator: 1000 } }),
    unit("huyen-than-uyen", 2024, { "CQS-02": { numerator: 90, denominator: 100 } }),
    unit("xa-than-uyen", 2025, { "CQS-02": { numerator: 50, denominator: 100 } }),
    unit("xa-muong-kim", 2025, { "CQS-02": { numerator: 40, denominator: 100 } }),
  ];
  const current = [
    unit("xa-than-uyen", 2026, { "CQS-02": { numerator: 55, denominator: 100 } }),
    unit("xa-muong-kim", 2026, { "CQS-02": { numerator: 45, denominator: 100 } }),
  ];
  const r = withEarlier(2026, current, earlier);

  it("rolls each year up at the level that reported then, and projects toward 2030's target", () => {
    // (2024, 71.8182), (2025, 45), (2026, 50): slope = (50 − 71.8182) / 2 = −10.9091: 100% by 2030 is out of reach
    const t = indicator(r, "CQS-02").trend!;
    expect(t.history).toEqual([{ year: 2024, value: expect.closeTo(71.8182, 4) }, { year: 2025, value: 45 }]);
    expect(t.pace).toBeCloseTo(-10.9091, 4);
    expect(t.target).toEqual({ value: 100, comparator: ">=", year: 2030 });
    expect(t.projection).toEqual({ kind: "not-at-this-pace" });
  });

  it("gives a new commune no district-era history of its own, and says so", () => {
    // xã Than Uyên is not huyện Than Uyên: the district's 90% of 2024 is never its figure
    const t = byUnit(r, "CQS-02", "xa-than-uyen").trend!;
    expect(t.history).toEqual([{ year: 2025, value: 50 }]);
    expect(t.pace).toBeNull();
    expect(t.projection).toEqual({ kind: "too-little-history" });
    expect(formatReason(t.note!, "vi")).toBe(
      "Đơn vị chưa tồn tại trong năm 2024 (thành lập từ 2025-07-01): không có số liệu các năm trước của riêng đơn vị, không lấy số liệu của đơn vị cũ",
    );
    expect(formatReason(t.note!, "en")).toContain("the former unit's are not used");
    expect(r.history!.units.find((u) => u.unit === "xa-muong-kim")).toBeDefined();
  });
});

describe("an earlier year's consolidated workbook, written by us, as that year's figures", () => {
  const units2023 = [
    unit("tp-lai-chau", 2023, { "CQS-02": { numerator: 600, denominator: 1000 }, "XHS-09": { value: "Có" } }),
    unit("huyen-tam-duong", 2023, { "CQS-02": { numerator: 80, denominator: 200 }, "XHS-09": { value: "Không" } }),
  ];
  const report2023 = consolidate(units2023, { catalog, registry, period: { year: 2023, half: null } });
  const read = (lang: "vi" | "en", half = false) => {
    const r = half ? consolidate(units2023, { catalog, registry, period: { year: 2023, half: "H1" } }) : report2023;
    return earlierYearFromConsolidated(readWorkbook(writeConsolidatedXlsx(r, { catalog, lang })), `tong-hop-2023-${lang}.xlsx`);
  };

  it("reads back the provincial values and each unit's values, in either language it was written in", () => {
    for (const lang of ["vi", "en"] as const) {
      const got = read(lang);
      if (got.kind !== "year") throw new Error(`not read: ${got.kind}`);
      expect(got.year.year).toBe(2023);
      // 680/1200 as the workbook shows it, to four decimals; XHS-09: 1 of 8 districts = 12.5
      expect(got.year.province.get("CQS-02")).toBe(56.6667);
      expect(got.year.province.get("XHS-09")).toBe(12.5);
      expect(Object.fromEntries(got.year.units.get("tp-lai-chau")!)).toMatchObject({ "CQS-02": 60, "XHS-09": 100 });
      expect(Object.fromEntries(got.year.units.get("huyen-tam-duong")!)).toMatchObject({ "CQS-02": 40, "XHS-09": 0 });
    }
  });

  it("does not take a half-year consolidation as a year's figures, and prefers the units' own files of that year", () => {
    const half = read("vi", true);
    expect(half.kind).toBe("unusable");
    const whole = read("vi");
    if (whole.kind !== "year") throw new Error("not read");
    const items: HistoryItem[] = [{ file: "tong-hop-2023.xlsx", kind: "consolidated", read: whole }, ...units2023];
    const got = earlierYears(items, { catalog, registry, year: 2024, period: "2024" });
    expect(got.earlier.map((e) => [e.year, e.source])).toEqual([[2023, "units"]]);
    expect(got.earlier[0]!.province.get("CQS-02")).toBeCloseTo(56.6667, 4);
    expect(formatReason(got.unused[0]!.reason, "vi")).toBe("Năm 2023 đã có sổ tính của các đơn vị: dùng số liệu tổng hợp lại từ các sổ đó, không dùng sổ tổng hợp này");
  });

  it("uses neither of two consolidated workbooks of one year, and says why", () => {
    const whole = read("vi");
    if (whole.kind !== "year") throw new Error("not read");
    const again = read("en");
    if (again.kind !== "year") throw new Error("not read");
    const got = earlierYears(
      [{ file: "a.xlsx", kind: "consolidated", read: whole }, { file: "b.xlsx", kind: "consolidated", read: { ...again, year: { ...again.year, files: ["b.xlsx"] } } }],
      { catalog, registry, year: 2024, period: "2024" },
    );
    expect(got.earlier).toEqual([]);
    expect(got.unused.map((u) => formatReason(u.reason, "vi"))).toEqual([
      "Có 2 sổ tổng hợp cho năm 2023 (tong-hop-2023-vi.xlsx; b.xlsx): chưa dùng sổ nào",
      "Có 2 sổ tổng hợp cho năm 2023 (tong-hop-2023-vi.xlsx; b.xlsx): chưa dùng sổ nào",
    ]);
  });

  it("never takes a unit's workbook for one", () => {
    expect(earlierYearFromConsolidated(readWorkbook(unitWorkbook("tp-lai-chau", {}, { year: 2023 })), "tp.xlsx").kind).toBe("other");
  });
});
