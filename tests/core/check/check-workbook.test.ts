import { ChitieuError } from "../../../src/core/errors";
import { caught } from "../../support/caught";
import { defaultCatalog } from "../../../src/core/catalog";
import { checkWorkbook, provincesInRanking } from "../../../src/core/check";
import { formatMessage } from "../../../src/core/messages";
import { buildTemplateLayout, fillTemplateLayout, type IndicatorFigures } from "../../../src/core/template";
import { sheetOf, snapshotOfLayout } from "./snapshot-of";

const catalog = defaultCatalog();

function filledCommuneTemplate(year: number, figures: [string, IndicatorFigures][]) {
  const layout = buildTemplateLayout({ catalog, unit: { code: "xa-muong-kim", name: "Mường Kim", level: "commune" }, year });
  return fillTemplateLayout(layout, new Map(figures));
}

describe("checking a filled template", () => {
  const layout = filledCommuneTemplate(2025, [
    ["CQS-02", { numerator: 50, denominator: 100 }], // commune target 60%: 10 points short
    ["CQS-03", { numerator: 120, denominator: 100 }], // malformed
    ["XHS-06", { numerator: 80, denominator: 100 }], // 70% target: met by 10 points
    ["CQS-06", { value: "Có" }],
  ]);
  const report = checkWorkbook(snapshotOfLayout(layout), { catalog });
  const byCode = new Map(report.findings.map((f) => [f.indicator, f]));
  const rowOf = (code: string) => layout.rows.find((r) => r.indicatorCode === code)!;

  it("takes unit, level and year from the template's metadata", () => {
    expect(report.context).toMatchObject({ level: "commune", year: 2025, unitCode: "xa-muong-kim", source: "metadata" });
  });

  it("judges each figure against the commune's own 2025 target, with the signed gap", () => {
    expect(byCode.get("CQS-02")).toMatchObject({ status: "below", severity: "warning", value: 50, gap: -10 });
    expect(byCode.get("XHS-06")).toMatchObject({ status: "met", value: 80, gap: 10 });
    expect(byCode.get("CQS-06")).toMatchObject({ status: "met" });
    expect(byCode.get("CQS-03")).toMatchObject({ status: "invalid", severity: "error" });
    expect(formatMessage(byCode.get("CQS-03")!.message, "vi")).toBe("Tử số (120) lớn hơn mẫu số (100)");
  });

  it("finds every indicator a commune reports, and reports the empty ones as missing", () => {
    expect(report.notFound).toEqual([]);
    expect(report.findings).toHaveLength(layout.rows.length);
    expect(report.summary.byStatus.missing).toBe(layout.rows.length - 4);
  });

  it("marks the result cell of a shortfall and the faulty input of a malformed figure, never a met one", () => {
    const marks = new Map(report.plan.marks.map((m) => [m.indicator, m]));
    expect(marks.get("CQS-02")).toMatchObject({ cell: rowOf("CQS-02").cells.result, severity: "warning" });
    expect(marks.get("CQS-03")).toMatchObject({ cell: rowOf("CQS-03").cells.numerator, severity: "error" });
    expect(marks.get("CQS-03")!.message.vi).toContain("Tử số (120) lớn hơn mẫu số (100)");
    expect(marks.get("CQS-03")!.message.en).toContain("120");
    expect(marks.has("XHS-06")).toBe(false);
    expect(marks.get("CQS-01")).toMatchObject({ status: "missing", severity: "info", cell: rowOf("CQS-01").cells.numerator });
  });
});

describe("checking before a target year", () => {
  it("judges a 2027 figure on the path from the 2025 target to the 2030 one", () => {
    // commune work records: 60% in 2025 → 70% in 2030, so 64% expected in 2027
    const onTrack = checkWorkbook(snapshotOfLayout(filledCommuneTemplate(2027, [["CQS-02", { numerator: 65, denominator: 100 }]])), { catalog });
    expect(onTrack.findings.find((f) => f.indicator === "CQS-02")).toMatchObject({ status: "on-track", gap: 1 });
    const offTrack = checkWorkbook(snapshotOfLayout(filledCommuneTemplate(2027, [["CQS-02", { numerator: 62, denominator: 100 }]])), { catalog });
    expect(offTrack.findings.find((f) => f.indicator === "CQS-02")).toMatchObject({ status: "off-track", severity: "warning", gap: -2 });
  });
});

describe("checking an official's own table", () => {
  const own = sheetOf("Biểu 01", [
    ["BÁO CÁO SỐ LIỆU CHUYỂN ĐỔI SỐ NĂM 2025"],
    [],
    ["STT", "Chỉ tiêu", "Tử số", "Mẫu số", "Tỷ lệ (%)", "Ghi chú"],
    [1, "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", 850, 1000, 0.85, ""],
    [2, "Tỷ lệ dân số có hồ sơ sức khỏe điện tử", "52.300", "80.000", null, "số liệu Sở Y tế"],
    [3, "Một dòng không phải chỉ tiêu", 1, 2, null, ""],
  ]);

  it("needs the level and year when the workbook has no metadata and its sheet does not state them, and says so in Vietnamese", () => {
    const untitled = sheetOf("Biểu 01", own.values.slice(2));
    const e = caught(() => checkWorkbook({ sheets: [untitled], metadata: null }, { catalog }), ChitieuError);
    expect(e.code).toBe("no-context");
    expect(e.text("vi")).toContain("cấp báo cáo và năm báo cáo");
    expect(e.text("en")).toContain("the reporting level and the reporting year");
  });

  it("reads the year from the sheet's title when asked to (saying where), and still asks for the level it does not state", () => {
    const e = caught(() => checkWorkbook({ sheets: [own], metadata: null }, { catalog, guessContext: true }), ChitieuError);
    expect(e.text("vi")).toContain("cấp báo cáo");
    expect(e.text("vi")).not.toContain("năm báo cáo");
    const report = checkWorkbook({ sheets: [own], metadata: null }, { catalog, level: "district", guessContext: true });
    expect(report.context).toMatchObject({ year: 2025, source: "sheet" });
    // a page that asks the user (the pane) does not take the sheet's word
    expect(() => checkWorkbook({ sheets: [own], metadata: null }, { catalog, level: "district" })).toThrow(ChitieuError);
    expect(report.mapping?.guessed.year).toMatchObject({ value: 2025, sheet: "Biểu 01", cell: "A1" });
  });

  it("recognises indicators by their wording and reads Vietnamese-typed numbers", () => {
    const report = checkWorkbook({ sheets: [own], metadata: null }, { catalog, level: "district", year: 2025 });
    const records = report.findings.find((f) => f.indicator === "CQS-02")!;
    expect(records).toMatchObject({ status: "met", value: 85, gap: 5, sheet: "Biểu 01" }); // district target 80%
    const health = report.findings.find((f) => f.indicator === "XHS-06")!;
    // 52,300 / 80,000 = 65.375% < 70%; typed as text, so the mark sits on the numerator to retype as a number
    expect(health).toMatchObject({ status: "below", cell: "C5" });
    expect(health.value).toBeCloseTo(65.375, 6);
    expect(report.findings).toHaveLength(2);
    expect(report.notFound).toContain("CQS-01");
  });

  it("refuses a workbook with no indicator table, explaining what it looks for", () => {
    const blank = sheetOf("Sheet1", [["Họ tên", "Ngày sinh"], ["Nguyễn Văn A", 1990]]);
    expect(() => checkWorkbook({ sheets: [blank], metadata: null }, { catalog, level: "commune", year: 2025 })).toThrow(/no Chỉ tiêu CĐS template and no indicator table/);
  });
});

describe("the ranking field", () => {
  it("has 63 provinces before the 2025 assessment and 34 from it", () => {
    expect(provincesInRanking(2024)).toBe(63);
    expect(provincesInRanking(2025)).toBe(34);
  });
});
