import { defaultCatalog } from "../../../src/core/catalog";
import { consolidate, formatMessages, formatReason, parsePeriod, submissionOf, unreadable, type ConsolidationReport, type IndicatorRollup, type Submission } from "../../../src/core/consolidate";
import { loadUnits } from "../../../src/core/units";
import { readWorkbook } from "../../../src/hosts/xlsx/read";
import { ChitieuError } from "../../../src/core/errors";
import { truncated, unitWorkbook, withoutProperties } from "../../support/unit-workbooks";

// The provincial roll-up from the units' own workbooks. Every expected figure below is worked out by hand in the
// comment above it, from the figures typed into the fixtures: the code under test is never its own oracle.

const catalog = defaultCatalog();
const registry = loadUnits();

/** What a host does with one file: read it, or record why it cannot be read. */
function submit(file: string, bytes: Uint8Array): Submission {
  try {
    return submissionOf(file, readWorkbook(bytes), catalog, registry);
  } catch (e) {
    if (e instanceof ChitieuError) return unreadable(file, { vi: e.text("vi"), en: e.text("en") });
    throw e;
  }
}

function indicator(r: ConsolidationReport, code: string): IndicatorRollup {
  const i = r.indicators.find((x) => x.indicator === code);
  if (!i) throw new Error(`no ${code}`);
  return i;
}

describe("consolidating the first half of 2025 from the 8 districts", () => {
  const files: [string, Uint8Array][] = [
    ["tp-lai-chau.xlsx", unitWorkbook("tp-lai-chau", { "CQS-02": { numerator: 700, denominator: 1000 }, "XHS-06": { numerator: 30, denominator: 40 }, "XHS-09": { value: "Có" } })],
    ["tam-duong.xlsx", unitWorkbook("huyen-tam-duong", { "CQS-02": { numerator: 150, denominator: 200 }, "XHS-06": { numerator: 45, denominator: 60 }, "XHS-09": { value: "Không" } })],
    // Phong Thổ typed only "80" (%) for CQS-02: no denominator to add up
    ["phong-tho.xlsx", unitWorkbook("huyen-phong-tho", { "XHS-06": { numerator: 10, denominator: 20 }, "XHS-09": { value: "Có" } }, { barePercent: { "CQS-02": 80 } })],
    // Sìn Hồ sent two different files: a conflict, neither used
    ["sin-ho.xlsx", unitWorkbook("huyen-sin-ho", { "CQS-02": { numerator: 500, denominator: 500 } })],
    ["sin-ho (ban sua).xlsx", unitWorkbook("huyen-sin-ho", { "CQS-02": { numerator: 400, denominator: 500 } })],
    // Mường Tè sent nothing
    // Than Uyên's file went through openpyxl: the custom properties are gone, the visible header remains
    ["than-uyen.xlsx", withoutProperties(unitWorkbook("huyen-than-uyen", { "CQS-02": { numerator: 90, denominator: 100 }, "XHS-06": { numerator: 12, denominator: 16 }, "XHS-09": { value: "Có" } }))],
    // Tân Uyên's download was cut short
    ["tan-uyen.xlsx", truncated(unitWorkbook("huyen-tan-uyen", { "CQS-02": { numerator: 1, denominator: 1 } }))],
    // Nậm Nhùn sent last year's report
    ["nam-nhun-2024.xlsx", unitWorkbook("huyen-nam-nhun", { "CQS-02": { numerator: 1, denominator: 1 } }, { year: 2024 })],
    // a commune's 2025 report is not a district report
    ["muong-kim.xlsx", unitWorkbook("xa-muong-kim", { "CQS-02": { numerator: 1, denominator: 1 } })],
    // properties gone and the unit cell overtyped: the name of the file is only a hint
    ["bao-cao-huyen-muong-te.xlsx", withoutProperties(unitWorkbook("huyen-muong-te", { "CQS-02": { numerator: 1, denominator: 1 } }, { blankHeader: true }))],
  ];
  const report = consolidate(files.map(([name, bytes]) => submit(name, bytes)), { catalog, registry, period: parsePeriod("2025-H1")! });
  const unit = (code: string) => report.units.filter((u) => u.unit === code);

  it("expects the 8 districts, since the period ends on 30 June 2025", () => {
    expect(report.level).toBe("district");
    expect(report.expected).toBe(8);
    // tp-lai-chau, tam-duong, phong-tho, than-uyen
    expect(report.received).toBe(4);
  });

  it("lists every expected unit once, a conflicting unit with both its files, and each unusable file with its reason", () => {
    expect(unit("huyen-muong-te")).toEqual([expect.objectContaining({ status: "missing", file: null })]);
    expect(unit("huyen-sin-ho").map((u) => [u.file, u.status])).toEqual([["sin-ho.xlsx", "duplicate"], ["sin-ho (ban sua).xlsx", "duplicate"]]);
    expect(formatReason(unit("huyen-sin-ho")[0]!.reason!, "vi")).toBe(
      "Có 2 tệp cho cùng một đơn vị (sin-ho.xlsx; sin-ho (ban sua).xlsx): chưa dùng tệp nào, hãy giữ lại một tệp rồi tổng hợp lại",
    );
    // the expected unit is still missing; its wrong file is listed beside it
    expect(unit("huyen-nam-nhun").map((u) => [u.status, u.file])).toEqual([["missing", null], ["wrong-period", "nam-nhun-2024.xlsx"]]);
    const byFile = (f: string) => report.units.find((u) => u.file === f)!;
    expect(byFile("nam-nhun-2024.xlsx").status).toBe("wrong-period");
    expect(formatReason(byFile("nam-nhun-2024.xlsx").reason!, "vi")).toBe("Sổ tính báo cáo năm 2024, không thuộc kỳ tổng hợp 2025-H1");
    expect(byFile("muong-kim.xlsx").status).toBe("wrong-level");
    expect(formatReason(byFile("muong-kim.xlsx").reason!, "vi")).toBe("Sổ tính của cấp xã, trong khi kỳ 2025-H1 tổng hợp cấp huyện");
    expect(formatReason(byFile("muong-kim.xlsx").reason!, "en")).toBe("The workbook is at commune level, while the period 2025-H1 consolidates district level");
    expect(byFile("tan-uyen.xlsx").status).toBe("unreadable");
    expect(formatReason(byFile("tan-uyen.xlsx").reason!, "vi")).toMatch(/^Không đọc được tệp: .+/);
    expect(byFile("bao-cao-huyen-muong-te.xlsx").status).toBe("unidentified");
    expect(formatReason(byFile("bao-cao-huyen-muong-te.xlsx").reason!, "vi")).toContain("tên tệp gợi ý huyện Mường Tè, nhưng tên tệp không đủ");
  });

  it("recognises the file whose properties were dropped by its visible header, and says so", () => {
    const tu = unit("huyen-than-uyen")[0]!;
    expect(tu).toMatchObject({ status: "received", file: "than-uyen.xlsx", recognisedBy: "header" });
    expect(formatReason(tu.reason!, "vi")).toContain("Nhận đơn vị từ phần đầu biểu");
  });

  it("adds numerators and denominators for a ratio, leaving out the bare percentage (CQS-02)", () => {
    // used: tp 700/1000, tam-duong 150/200, than-uyen 90/100; phong-tho only typed 80%: left out
    // (700 + 150 + 90) / (1000 + 200 + 100) = 940 / 1300 = 72.3077 %; province target 2025 ≥ 90 % → below
    // (an average of the three percentages would be (70 + 75 + 90) / 3 = 78.33 %: not what we report)
    const i = indicator(report, "CQS-02");
    expect(i).toMatchObject({ method: "ratio-of-sums", numerator: 940, denominator: 1300, status: "below", target: { value: 90, comparator: ">=", year: 2025 } });
    expect(i.value).toBeCloseTo(72.3077, 4);
    // missing: sin-ho (conflict), muong-te, tan-uyen (unreadable), nam-nhun (wrong period) = 4 of 8; left out: phong-tho = 1
    expect(i.partial).toEqual({ expected: 8, missing: 4, leftOut: 1 });
    const pt = i.byUnit.find((b) => b.unit === "huyen-phong-tho")!;
    expect(pt).toMatchObject({ status: "left-out", value: 80, numerator: null, denominator: null });
    expect(formatReason(pt.reason!, "vi")).toBe("Chỉ ghi tỷ lệ 80% mà không có tử số và mẫu số: không cộng được nên không tính vào tổng (không tự suy ra mẫu số)");
    expect(i.byUnit.find((b) => b.unit === "huyen-sin-ho")).toMatchObject({ status: "no-file" });
    expect(i.byUnit.find((b) => b.unit === "tp-lai-chau")).toMatchObject({ numerator: 700, denominator: 1000, value: 70, status: "below" });
  });

  it("meets a ratio target on the sums (XHS-06)", () => {
    // (30 + 45 + 10 + 12) / (40 + 60 + 20 + 16) = 97 / 136 = 71.3235 %; target 2025 ≥ 70 % → met
    const i = indicator(report, "XHS-06");
    expect(i).toMatchObject({ numerator: 97, denominator: 136, status: "met", partial: { expected: 8, missing: 4, leftOut: 0 } });
    expect(i.value).toBeCloseTo(71.3235, 4);
  });

  it("counts a share of units over every unit expected (XHS-09, districts with smart-city services)", () => {
    // yes: tp-lai-chau, phong-tho, than-uyen = 3; no: tam-duong; over 8 expected = 37.5 %; target 2025 ≥ 40 % → below
    const i = indicator(report, "XHS-09");
    expect(i).toMatchObject({ method: "share-of-units", numerator: 3, denominator: 8, value: 37.5, status: "below" });
  });

  it("takes province-only indicators from the province workbook only, and says none came", () => {
    const i = indicator(report, "KTS-01");
    expect(i).toMatchObject({ method: "province-workbook", value: null, status: "missing", byUnit: [] });
    expect(formatReason(i.reason!, "vi")).toBe("Chỉ tiêu do cấp tỉnh báo cáo: chưa nhận được sổ tính cấp tỉnh");
  });

  it("keeps each used unit's findings that need attention", () => {
    const tp = report.findings.find((f) => f.unit === "tp-lai-chau")!;
    // CQS-02 at 70 % against the district target 80 %
    expect(tp.findings.find((f) => f.indicator === "CQS-02")).toMatchObject({ status: "below" });
    expect(formatMessages(tp.findings.find((f) => f.indicator === "CQS-02")!.messages, "vi")).toContain("Chưa đạt mục tiêu");
  });
});

describe("consolidating the year 2025 from the 38 communes and wards, with the province workbook", () => {
  const files: [string, Uint8Array][] = [
    ["muong-kim.xlsx", unitWorkbook("xa-muong-kim", { "CQS-06": { value: "Có" }, "CQS-01": { numerator: 12, denominator: 12 } })],
    ["khoen-on.xlsx", unitWorkbook("xa-khoen-on", { "CQS-06": { value: "Có" }, "CQS-01": { numerator: 7, denominator: 9 } })],
    ["than-uyen.xlsx", unitWorkbook("xa-than-uyen", { "CQS-06": { value: "Không" }, "CQS-01": { numerator: 30, denominator: 25 } })],
    ["tinh.xlsx", unitWorkbook("tinh-lai-chau", { "KTS-01": { value: 8.5 } })],
    // a district's report for the whole of 2025: districts ended on 30 June
    ["tam-duong.xlsx", unitWorkbook("huyen-tam-duong", { "CQS-02": { numerator: 1, denominator: 1 } })],
  ];
  const report = consolidate(files.map(([name, bytes]) => submit(name, bytes)), { catalog, registry, period: parsePeriod("2025")! });

  it("expects the 38 communes and wards", () => {
    expect(report).toMatchObject({ level: "commune", expected: 38, received: 3 });
    expect(report.units.filter((u) => u.status === "missing")).toHaveLength(35);
    expect(report.units.find((u) => u.file === "tam-duong.xlsx")).toMatchObject({ status: "wrong-level" });
    expect(report.units.find((u) => u.file === "tinh.xlsx")).toMatchObject({ status: "province", unit: "tinh-lai-chau" });
  });

  it("counts communes on the data network over all 38 (CQS-06)", () => {
    // yes: muong-kim, khoen-on = 2; over 38 expected = 5.2632 %; target 2025 ≥ 100 % → below; 35 units missing
    const i = indicator(report, "CQS-06");
    expect(i).toMatchObject({ numerator: 2, denominator: 38, status: "below", partial: { expected: 38, missing: 35, leftOut: 0 } });
    expect(i.value).toBeCloseTo(5.2632, 4);
  });

  it("leaves out a malformed figure (numerator above denominator) from the sums (CQS-01)", () => {
    // than-uyen 30/25 is invalid; (12 + 7) / (12 + 9) = 19 / 21 = 90.4762 %; target 2025 ≥ 100 % → below
    const i = indicator(report, "CQS-01");
    expect(i).toMatchObject({ numerator: 19, denominator: 21, status: "below", partial: { expected: 38, missing: 35, leftOut: 1 } });
    expect(i.value).toBeCloseTo(90.4762, 4);
    const tu = i.byUnit.find((b) => b.unit === "xa-than-uyen")!;
    expect(tu.status).toBe("invalid");
    expect(formatReason(tu.reason!, "vi")).toBe("Số liệu sai, không tính vào tổng: Tử số (30) lớn hơn mẫu số (25)");
  });

  it("takes a province-only indicator from the province workbook (KTS-01, digital economy share of GRDP)", () => {
    // typed 8.5 %; province target 2025 ≥ 10 % → below
    expect(indicator(report, "KTS-01")).toMatchObject({ method: "province-workbook", value: 8.5, status: "below", target: { value: 10 } });
    expect(formatReason(indicator(report, "KTS-01").reason!, "en")).toBe("Taken from the province workbook tinh.xlsx");
  });
});

describe("consolidating at province level (--level tinh)", () => {
  it("expects the province's own workbook and takes every indicator from it", () => {
    const r = consolidate([submit("tinh.xlsx", unitWorkbook("tinh-lai-chau", { "CQS-02": { numerator: 81, denominator: 90 } }))], {
      catalog, registry, period: parsePeriod("2025")!, level: "province",
    });
    expect(r).toMatchObject({ level: "province", expected: 1, received: 1 });
    // 81 / 90 = 90 %, the province's own figure; target 2025 ≥ 90 % → met
    expect(indicator(r, "CQS-02")).toMatchObject({ method: "province-workbook", numerator: 81, denominator: 90, value: 90, status: "met" });
  });
});

describe("periods", () => {
  it("reads a year and a first half, and refuses anything else", () => {
    expect(parsePeriod("2025-H1")).toEqual({ year: 2025, half: "H1" });
    expect(parsePeriod("2026")).toEqual({ year: 2026, half: null });
    for (const bad of ["2025-H2", "2019", "25", "2025-Q1"]) expect(parsePeriod(bad)).toBeNull();
  });

  it("expects the districts for 2024 and the communes for 2026", () => {
    expect(consolidate([], { catalog, registry, period: parsePeriod("2024")! })).toMatchObject({ level: "district", expected: 8 });
    expect(consolidate([], { catalog, registry, period: parsePeriod("2026")! })).toMatchObject({ level: "commune", expected: 38 });
  });
});
