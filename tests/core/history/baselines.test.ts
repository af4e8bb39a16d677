// A unit's own history from its earlier reports, and what a finding says with it: the path from the latest earlier
// figure, the pace, the projected year and figures to double-check. Every expected figure is worked out by hand in
// the comments, on the bundled catalog.

import { defaultCatalog, findIndicator } from "../../../src/core/catalog";
import { buildBaselines, historyOf, type EarlierReport } from "../../../src/core/history/baselines";
import { describeHistory, earlierStart } from "../../../src/core/history/describe";
import { judge, requiredLevel } from "../../../src/core/judge";
import { formatMessage } from "../../../src/core/messages";
import { loadUnits } from "../../../src/core/units";
import { ratio } from "../judge/fixtures";

const catalog = defaultCatalog();
const units = loadUnits();
// CQS-07 (all levels): ≥ 70% in 2025, ≥ 100% in 2030; no catalog baseline, so without history a 2023 report has no path
const cqs07 = findIndicator(catalog, "CQS-07")!;
// XHS-10 primary schools (all levels): ≥ 60% in 2025, ≥ 90% in 2030
const xhs10 = findIndicator(catalog, "XHS-10")!;

const DISTRICT = "huyen-tam-duong";

function report(year: number, figures: EarlierReport["figures"], over: Partial<EarlierReport> = {}): EarlierReport {
  return { source: `tam-duong-${year}.xlsx`, kind: "file", unitCode: DISTRICT, level: "district", year, figures, ...over };
}

function share(value: number, denominator?: number): EarlierReport["figures"][string] {
  return denominator === undefined ? { value } : { value, numerator: (value * denominator) / 100, denominator };
}

/** Judges this year's figures with the unit's history, as the check does, and gives the finding's words in Vietnamese. */
function withHistory(code: "CQS-07" | "XHS-10", year: number, numerator: number, denominator: number, reports: EarlierReport[], unitCode = DISTRICT, level: "district" | "commune" = "district") {
  const indicator = code === "CQS-07" ? cqs07 : xhs10;
  const baselines = buildBaselines(reports, { unitCode, level, year, units });
  const hist = historyOf(baselines, code);
  const start = earlierStart(indicator, hist);
  const j = judge(indicator, { ...ratio(numerator, denominator), ...(start ? { earlier: start } : {}) }, { level, year });
  const { history, details } = describeHistory(indicator, j, hist, baselines);
  return { j, history, words: details.map((d) => formatMessage(d, "vi")), baselines };
}

describe("the path to the next target from the unit's latest earlier figure", () => {
  it("runs from 2022's 40% to 2025's 70%, so 2023 needs 50% (one third of the way), not 70%", () => {
    // 40 + (70 − 40) × (2023 − 2022) / (2025 − 2022) = 40 + 10 = 50
    expect(requiredLevel(cqs07, { level: "district", year: 2023 }, false, { year: 2022, value: 40 })).toMatchObject({ basis: "path", compareWith: 50, pathFrom: { year: 2022, value: 40, kind: "earlier" } });
    // without it, the same report is compared with the final target, and says so
    expect(requiredLevel(cqs07, { level: "district", year: 2023 })).toMatchObject({ basis: "final-no-path", compareWith: 70 });
  });

  it("turns a 2023 report of 52% that doubled since 2022 from 'behind' into 'on track', naming the figure and its year", () => {
    const { j, words } = withHistory("CQS-07", 2023, 52, 100, [report(2022, { "CQS-07": share(26) })]);
    // 26 + (70 − 26) / 3 = 40.666…: 52 is above it
    expect(j.status).toBe("on-track");
    expect(j.target?.compareWith).toBeCloseTo(40.6667, 4);
    expect(words).toContain("Lộ trình tính thẳng từ kết quả năm 2022 của đơn vị (26%, theo báo cáo tam-duong-2022.xlsx) đến mục tiêu năm 2025");
  });

  it("keeps the previous target as the start when it is more recent than the unit's figure (2027 report, 2024 figure)", () => {
    // path from the 2025 target (70) to 2030 (100): 2027 needs 70 + 30 × 2/5 = 82
    expect(requiredLevel(cqs07, { level: "district", year: 2027 }, false, { year: 2024, value: 40 })).toMatchObject({ compareWith: 82, pathFrom: { year: 2025, kind: "target" } });
    // but the unit's own 2026 figure of 80 is newer: 80 + 20 × 1/4 = 85
    expect(requiredLevel(cqs07, { level: "district", year: 2027 }, false, { year: 2026, value: 80 })).toMatchObject({ compareWith: 85, pathFrom: { year: 2026, kind: "earlier" } });
  });

  it("asks for the target itself when the earlier figure already met it, rather than a line sloping down to it", () => {
    expect(requiredLevel(cqs07, { level: "district", year: 2024 }, false, { year: 2023, value: 75 })).toMatchObject({ compareWith: 70, pathFrom: { value: 75 } });
  });

  it("leaves a target year alone: 2025 is judged against 2025's target whatever came before", () => {
    expect(requiredLevel(cqs07, { level: "district", year: 2025 }, false, { year: 2024, value: 10 })).toMatchObject({ basis: "target-year", compareWith: 70 });
  });
});

describe("pace and projected year", () => {
  it("projects a rising series to 2027, two years late: 40, 48 then 52 this year", () => {
    // least squares over (2022, 40) (2023, 48) (2024, 52): mean year 2023, mean value 46.67;
    // slope = [(−1)(−6.67) + 0 + (1)(5.33)] / 2 = 6 points a year; 70 − 52 = 18 → 3 years → 2027, 2 years after 2025
    const { history, words, j } = withHistory("CQS-07", 2024, 52, 100, [report(2022, { "CQS-07": share(40) }), report(2023, { "CQS-07": share(48) })]);
    expect(history.series).toEqual([{ year: 2022, value: 40 }, { year: 2023, value: 48 }]);
    expect(history.pace).toBe(6);
    expect(history.projectedYear).toBe(2027);
    expect(words).toContain("Theo tốc độ hiện nay (6 điểm %/năm), đạt 70% vào năm 2027 — chậm 2 năm so với mục tiêu năm 2025");
    // the path from 2023's 48 to 2025's 70 asks 59 of 2024: 52 is behind
    expect(j.target?.compareWith).toBe(59);
    expect(j.status).toBe("off-track");
  });

  it("says a falling series does not reach the target without speeding up, and gives no year", () => {
    // 60, 55, 50 then 45: least squares −5 a year
    const { history, words } = withHistory("CQS-07", 2024, 45, 100, [report(2021, { "CQS-07": share(60) }), report(2022, { "CQS-07": share(55) }), report(2023, { "CQS-07": share(50) })]);
    expect(history.pace).toBe(-5);
    expect(history.projectedYear).toBeNull();
    expect(words).toContain("Theo tốc độ hiện nay (-5 điểm %/năm), không đạt được mục tiêu 70% năm 2025 nếu không tăng tốc");
  });

  it("never projects from a single earlier figure: no pace, no year, and the reason said", () => {
    const { history, words } = withHistory("CQS-07", 2024, 52, 100, [report(2023, { "CQS-07": share(48) })]);
    expect(history.pace).toBeNull();
    expect(history.projectedYear).toBeUndefined();
    expect(words).toContain("Chỉ có một kết quả năm trước: chưa đủ để tính tốc độ và dự báo");
    expect(words.some((w) => w.startsWith("Theo tốc độ"))).toBe(false);
  });

  it("computes the pace over the years that have a report when one year is missing (2022)", () => {
    // (2021, 30) (2023, 50) (2024, 60): mean year 2022.67, mean 46.67; slope = 46.67 / 4.67 = 10; 60 + 10 = 70 in 2025
    const { history, words } = withHistory("CQS-07", 2024, 60, 100, [report(2021, { "CQS-07": share(30) }), report(2023, { "CQS-07": share(50) })]);
    expect(history.pace).toBe(10);
    expect(history.projectedYear).toBe(2025);
    expect(words).toContain("Không có số liệu năm 2022: tốc độ tính trên các năm có số liệu");
    expect(words).toContain("Theo tốc độ hiện nay (10 điểm %/năm), đạt 70% vào năm 2025, kịp mục tiêu năm 2025");
  });

  it("aims at 2030's target after 2025 (100%): 80 in 2025, 85 in 2026, 90 now in 2027 → 2029, in time", () => {
    // slope 5; 100 − 90 = 10 → 2 years → 2029
    const { history } = withHistory("CQS-07", 2027, 90, 100, [report(2025, { "CQS-07": share(80) }), report(2026, { "CQS-07": share(85) })]);
    expect(history.projectedTarget).toEqual({ value: 100, comparator: ">=", year: 2030 });
    expect(history.projectedYear).toBe(2029);
  });
});

describe("whose history: never another unit's", () => {
  it("sets aside another unit's report and a report that does not say its unit, and uses none of their figures", () => {
    const reports = [
      report(2022, { "CQS-07": share(90) }, { unitCode: "huyen-sin-ho", source: "sin-ho-2022.xlsx" }),
      report(2023, { "CQS-07": share(90) }, { unitCode: null, source: "khong-ro-2023.xlsx" }),
      report(2024, { "CQS-07": share(90) }, { source: "tam-duong-2024.xlsx" }),
    ];
    const b = buildBaselines(reports, { unitCode: DISTRICT, level: "district", year: 2024, units });
    expect(b.setAside.map((a) => [a.source, a.reason])).toEqual([
      ["sin-ho-2022.xlsx", "other-unit"],
      ["khong-ro-2023.xlsx", "unknown-unit"],
      ["tam-duong-2024.xlsx", "not-earlier"],
    ]);
    expect(historyOf(b, "CQS-07").series).toEqual([]);
  });

  it("gives a new commune of the 2025 reform no district-era history: the district's report is set aside and the reason said", () => {
    const district = report(2024, { "CQS-07": share(65) }, { unitCode: "huyen-than-uyen", source: "than-uyen-2024.xlsx" });
    const claimed = report(2024, { "CQS-07": share(65) }, { unitCode: "xa-muong-kim", level: "commune", source: "muong-kim-2024.xlsx" });
    const { history, words, baselines, j } = withHistory("CQS-07", 2025, 50, 100, [district, claimed], "xa-muong-kim", "commune");
    expect(baselines.setAside.map((a) => a.reason)).toEqual(["other-unit", "before-unit-existed"]);
    expect(history.series).toEqual([]);
    expect(words).toContain("Các báo cáo năm trước đã cho không có số liệu của chỉ tiêu này");
    expect(words).toContain("Đơn vị thành lập từ ngày 01/07/2025: không có số liệu của chính đơn vị trước đó, và không dùng số liệu của đơn vị cũ");
    expect(j.target?.pathFrom).toBeUndefined();
  });

  it("lets a new commune's own 2025 report count in 2026, as one earlier figure (no projection yet)", () => {
    // commune CQS-07: 2025 50%, 2026 now 60%; path from 50 (2025) to 100 (2030): 2026 needs 60
    const own = report(2025, { "CQS-07": share(50) }, { unitCode: "xa-muong-kim", level: "commune", source: "muong-kim-2025.xlsx" });
    const { history, words, j } = withHistory("CQS-07", 2026, 60, 100, [own], "xa-muong-kim", "commune");
    expect(j.target?.compareWith).toBe(60);
    expect(j.status).toBe("on-track");
    expect(history.projectedYear).toBeUndefined();
    expect(words).toContain("Đơn vị thành lập từ ngày 01/07/2025: không có số liệu của chính đơn vị trước đó, và không dùng số liệu của đơn vị cũ");
  });

  it("prefers the figure typed in this report's 'Kết quả năm trước' over last year's file for the same year", () => {
    const b = buildBaselines(
      [report(2023, { "CQS-07": share(40) }), { source: "", kind: "column", unitCode: null, level: "district", year: 2023, figures: { "CQS-07": share(42) } }],
      { unitCode: DISTRICT, level: "district", year: 2024, units },
    );
    expect(historyOf(b, "CQS-07").latest).toMatchObject({ year: 2023, value: 42, kind: "column" });
  });
});

describe("figures to double-check against the unit's own history", () => {
  it("flags a denominator that halves in a year (40 schools in 2023, 18 now), as information", () => {
    // 18 / 40 schools: a factor of 2.2 ≥ 2
    const { history, words, j } = withHistory("XHS-10", 2024, 12, 18, [report(2023, { "XHS-10": share(50, 40) })]);
    expect(history.doubleChecks).toEqual([{ kind: "denominator", value: 18, earlier: { year: 2023, value: 40 }, factor: 2.2 }]);
    expect(words).toContain("Cần kiểm tra lại mẫu số: năm nay 18, năm 2023 là 40 (thay đổi 2,2 lần)");
    expect(j.severity).not.toBe("error");
  });

  it("flags a share that jumps 65 points (20% → 85%) and names the earlier figure", () => {
    const { history, words } = withHistory("XHS-10", 2024, 34, 40, [report(2023, { "XHS-10": share(20, 40) })]);
    expect(history.doubleChecks.map((d) => d.kind)).toEqual(["share"]);
    expect(words).toContain("Cần kiểm tra lại: năm nay 85%, năm 2023 là 20% (thay đổi 65 điểm %)");
  });

  it("leaves ordinary change alone: 40 → 25 schools (factor 1.6) and 50% → 60%", () => {
    const { history } = withHistory("XHS-10", 2024, 15, 25, [report(2023, { "XHS-10": share(50, 40) })]);
    expect(history.doubleChecks).toEqual([]);
  });
});
