import fc from "fast-check";
import { defaultCatalog, findIndicator } from "../../../src/core/catalog";
import type { Indicator } from "../../../src/core/catalog/schema";
import { readCell } from "../../../src/core/figures";
import { check, formatFinding, summarize, type Finding } from "../../../src/core/findings";
import { formatMessage } from "../../../src/core/messages";
import { indicator, ratio, single, target, units, workRecords } from "../judge/fixtures";

const province2025 = { level: "province", year: 2025 } as const;
const vi = (f: Finding) => formatFinding(f, "vi");
const en = (f: Finding) => formatFinding(f, "en");

describe("what a clerk reads for each finding", () => {
  it("explains a shortfall with the figure, the target and the gap in percentage points", () => {
    const f = check(indicator({ targets: [target({ value: 80 })] }), ratio(145, 200), province2025);
    expect(vi(f)).toBe("Chưa đạt mục tiêu 2025: 72,5% so với mục tiêu ≥ 80% (thiếu 7,5 điểm %)");
    expect(en(f)).toBe("2025 target not met: 72.5% against a target of ≥ 80% (7.5 percentage points short)");
    expect(f).toMatchObject({ indicator: "TST-01", pillar: "digital-government", status: "below", severity: "warning", gap: -7.5, figure: { numerator: 145, denominator: 200 } });
    expect(f.target).toEqual({ value: 80, comparator: ">=", year: 2025, level: "all", carried: false, aspirational: false, basis: "target-year", compareWith: 80 });
  });

  it("confirms a met target", () => {
    expect(vi(check(workRecords, ratio(9, 10), province2025))).toBe("Đạt mục tiêu 2025: 90% so với mục tiêu ≥ 90%");
  });

  it("names the numerator and denominator when the numerator is larger", () => {
    const f = check(workRecords, ratio(120, 100), province2025);
    expect(vi(f)).toBe("Tử số (120) lớn hơn mẫu số (100)");
    expect(f.severity).toBe("error");
  });

  it("names the Excel error and the cell holding it", () => {
    expect(vi(check(workRecords, ratio(5, { error: "#DIV/0!" }), province2025))).toBe("Ô mẫu số chứa lỗi Excel #DIV/0!: hãy sửa công thức hoặc nhập trực tiếp số liệu");
    expect(vi(check(workRecords, single("#VALUE!", "percent"), province2025))).toMatch(/^Ô số liệu chứa lỗi Excel #VALUE!/);
  });

  it("lists every problem, the first as the message and the rest as details", () => {
    const f = check(workRecords, ratio("abc", "#REF!"), province2025);
    expect(formatMessage(f.message, "vi")).toBe('Ô tử số ghi "abc", không phải là một số');
    expect(f.details.map((d) => formatMessage(d, "vi"))).toContain("Ô mẫu số chứa lỗi Excel #REF!: hãy sửa công thức hoặc nhập trực tiếp số liệu");
  });

  it("asks the clerk to re-enter an ambiguous number, showing both readings unmistakably", () => {
    const growth = indicator({ unit: units.growth, targets: [target({ value: 7 })] });
    const f = check(growth, single("1.079", "growth"), province2025);
    expect(f.severity).toBe("warning");
    expect(vi(f)).toBe('Ô số liệu ghi "1.079": không rõ là 1079 hay 1,079; hãy nhập lại số không có dấu phân cách hàng nghìn, phần thập phân sau dấu phẩy');
    expect(en(f)).toContain("it could be 1079 or 1.079");
  });

  it("says what is missing", () => {
    expect(vi(check(workRecords, {}, province2025))).toBe("Chưa nhập số liệu");
    expect(vi(check(workRecords, ratio(5, null), province2025))).toBe("Chưa nhập mẫu số");
    expect(vi(check(workRecords, single("chưa có số liệu", "percent"), province2025))).toBe('Ô ghi "chưa có số liệu": chưa có số liệu');
  });

  it("explains a path: on or off track, what the year needs, where the path starts", () => {
    const broadband = indicator({ targets: [target({ value: 50, comparator: ">" })], baselines: [{ year: 2020, value: 38.3, source: { clause: "I" } }] });
    const f = check(broadband, ratio(44, 100), { level: "province", year: 2023 });
    expect(vi(f)).toBe(
      "Chậm so với lộ trình đến mục tiêu 2025: 44%, mức cần đạt năm 2023 là 45,32% (thiếu 1,32 điểm %; mục tiêu > 50%). " +
        "Lộ trình tính thẳng từ số liệu gốc năm 2020 (38,3%) đến mục tiêu năm 2025",
    );
  });

  it("says when a '>' target is only reached, not passed", () => {
    const over50 = indicator({ targets: [target({ value: 50, comparator: ">" })] });
    expect(vi(check(over50, ratio(1, 2), province2025))).toBe("Chưa đạt mục tiêu 2025: 50% mới bằng ngưỡng, mục tiêu là > 50%");
  });

  it("explains a rank compared relatively after the field changed", () => {
    const dti = indicator({ unit: units.rank, levels: ["province"], targets: [target({ value: 45, comparator: "<=" })] });
    const f = check(dti, single(30, "count"), { ...province2025, fieldSizeNow: 34 });
    expect(vi(f)).toBe(
      "Chưa đạt mục tiêu 2025: xếp hạng 30/34 so với mục tiêu ≤ 45/63 (kém 5,71 bậc). " +
        "Số tỉnh, thành phố đã thay đổi (mục tiêu đặt trên 63, nay là 34): so sánh theo vị trí tương đối, hạng 45/63 tương đương hạng 24,29/34",
    );
  });

  it("says a carried target keeps the 2025 level", () => {
    const carried = indicator({ targets: [target({ value: 30 }), target({ year: 2030, value: 30, carried: true })] });
    expect(vi(check(carried, ratio(25, 100), { level: "province", year: 2030 }))).toContain("Mục tiêu năm 2030 giữ nguyên mức năm 2025");
  });

  it("flags a bare fraction for a percentage, raising a met figure to a warning", () => {
    const low = indicator({ unit: units.percent, targets: [target({ value: 0.1 })] });
    const f = check(low, single(0.383, "percent"), province2025);
    expect(f.status).toBe("met");
    expect(f.severity).toBe("warning");
    expect(vi(f)).toContain('Ô số liệu ghi 0,383 (không có định dạng %): đã hiểu là 0,383%; nếu ý là 38,3% hãy ghi "38,3%"');
  });

  it("does not mention the percent format of a normal percent cell", () => {
    const share = indicator({ unit: units.percent, targets: [target({ value: 10 })] });
    expect(check(share, single(0.12, "percent", "0%"), province2025).details).toEqual([]);
  });

  it("answers yes/no findings in words", () => {
    const network = indicator({ unit: units.yesno, targets: [target({ value: 100 })] });
    expect(vi(check(network, single("không", "yesno"), { level: "commune", year: 2025 }))).toBe("Chưa đạt mục tiêu 2025: đơn vị trả lời Không (mục tiêu ≥ 100% đơn vị)");
  });

  it("names the level for a not-applicable indicator", () => {
    const provinceOnly = indicator({ levels: ["province"], targets: [target({ level: "province", value: 10 })] });
    expect(vi(check(provinceOnly, {}, { level: "commune", year: 2025 }))).toBe("Chỉ tiêu không áp dụng cho cấp xã");
  });

  it("produces only NFC text with every placeholder filled, in both languages", () => {
    const entries = [ratio(145, 200), ratio(120, 100), ratio(1, 0), ratio(null, null), ratio("x", 3), single("1.079", "growth"), single(true, "count")];
    for (const entry of entries) {
      const f = check(workRecords, entry, { level: "district", year: 2023 });
      for (const text of [vi(f), en(f)]) {
        expect(text).not.toMatch(/\{\w+\}|undefined|NaN/);
        expect(text).toBe(text.normalize("NFC"));
      }
    }
  });
});

describe("the bundled catalog", () => {
  const catalog = defaultCatalog();
  const byCode = (code: string): Indicator => {
    const found = findIndicator(catalog, code);
    if (!found) throw new Error(`catalog has no ${code}`);
    return found;
  };

  it("judges work records online with 90/80/60% by level in 2025", () => {
    const records = byCode("CQS-02");
    const entry = ratio(70, 100);
    expect(check(records, entry, { level: "province", year: 2025 })).toMatchObject({ status: "below", gap: -20 });
    expect(check(records, entry, { level: "district", year: 2025 })).toMatchObject({ status: "below", gap: -10 });
    expect(check(records, entry, { level: "commune", year: 2025 })).toMatchObject({ status: "met", gap: 10 });
  });

  it("tracks commune work records toward 70% in 2030 starting from the 2025 target of 60%", () => {
    const f = check(byCode("CQS-02"), ratio(61, 100), { level: "commune", year: 2027 });
    expect(f).toMatchObject({ status: "off-track", target: { year: 2030, compareWith: 64 } });
  });

  it("judges the DTI rank against 45/63 relatively when 34 provinces are ranked", () => {
    expect(check(byCode("NL-01"), single(20, "count"), { level: "province", year: 2025, fieldSizeNow: 34 }).status).toBe("met");
  });

  it("keeps province-only indicators out of commune reports", () => {
    expect(check(byCode("KTS-01"), {}, { level: "commune", year: 2025 }).status).toBe("not-applicable");
  });

  it("judges every quantified catalog indicator at every level and year without a broken message", () => {
    for (const ind of catalog.indicators) {
      for (const level of ["province", "district", "commune"] as const) {
        for (const year of [2021, 2023, 2025, 2027, 2030, 2032]) {
          const expect_ = ind.unit.kind === "ratio" ? "count" : ind.unit.kind === "rank" ? "count" : ind.unit.kind;
          const entry = ind.unit.kind === "ratio" ? ratio(40, 50) : { value: readCell(ind.unit.kind === "yesno" ? "có" : 12, "General", expect_) };
          const f = check(ind, entry, { level, year, fieldSizeNow: 34 });
          expect(formatFinding(f, "vi")).not.toMatch(/\{\w+\}|undefined|NaN/);
          if (ind.qualitative) expect(f.status).toBe("not-applicable");
        }
      }
    }
  });
});

describe("findings for arbitrary cells of catalog indicators", () => {
  const catalog = defaultCatalog();
  const raw = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double({ min: -10, max: 5000, noNaN: true }),
    fc.integer({ min: -5, max: 200_000 }),
    fc.constantFrom("-", "x", "không", "có", "38,3%", "1.079", "1,234", "#DIV/0!", "N/A", "abc", "12,5", "80.000", " "),
    fc.record({ error: fc.constantFrom("#REF!", "#N/A", "#NAME?") }),
  );
  const level = fc.constantFrom("province", "district", "commune" as const);

  it("always explain themselves in both languages, with errors exactly for malformed figures", () => {
    fc.assert(
      fc.property(fc.constantFrom(...catalog.indicators), raw, raw, raw, level, fc.integer({ min: 2021, max: 2032 }), fc.constantFrom("General", "0.0%", "#,##0"),
        (ind, a, b, c, lvl, year, format) => {
          const kind = ind.unit.kind === "ratio" || ind.unit.kind === "rank" ? "count" : ind.unit.kind;
          const entry = { numerator: readCell(a, format, "count"), denominator: readCell(b, format, "count"), value: readCell(c, format, kind) };
          const f = check(ind, ind.unit.kind === "ratio" ? entry : { value: entry.value }, { level: lvl, year, fieldSizeNow: 34 });
          for (const lang of ["vi", "en"] as const) {
            const text = formatFinding(f, lang);
            if (/\{\w+\}|undefined|NaN/.test(text) || text !== text.normalize("NFC")) return false;
          }
          return (f.severity === "error") === (f.status === "invalid" && f.message.key !== "problem.ambiguous-number");
        }),
      { numRuns: 2000 },
    );
  });
});

describe("summarize", () => {
  it("counts findings by status, severity and pillar, listing zeros too", () => {
    const economy = indicator({ code: "KTS-99", pillar: "digital-economy" });
    const findings = [
      check(workRecords, ratio(95, 100), province2025),
      check(workRecords, ratio(50, 100), province2025),
      check(workRecords, ratio(150, 100), province2025),
      check(economy, {}, province2025),
    ];
    const s = summarize(findings);
    expect(s.total).toBe(4);
    expect(s.byStatus).toEqual({ met: 1, below: 1, "on-track": 0, "off-track": 0, missing: 1, invalid: 1, "not-applicable": 0 });
    expect(s.bySeverity).toEqual({ error: 1, warning: 1, info: 2 });
    expect(s.byPillar["digital-government"]).toMatchObject({ total: 3, byStatus: { met: 1, below: 1, invalid: 1 } });
    expect(s.byPillar["digital-economy"]).toMatchObject({ total: 1, byStatus: { missing: 1 } });
    expect(s.byPillar.foundation.total).toBe(0);
  });

  it("summarizes nothing as all zeros", () => {
    expect(summarize([]).total).toBe(0);
  });
});

describe("silent readings are said", () => {
  it('says what a numerator held ("N/A"), not that it was never entered', () => {
    const f = check(workRecords, ratio("N/A", 100), province2025);
    expect(f.status).toBe("missing");
    expect(vi(f)).toBe('Tử số ghi "N/A": chưa có số liệu');
    expect(en(f)).toBe('The numerator says "N/A": no figure yet');
    expect(vi(check(workRecords, ratio(null, 100), province2025))).toBe("Chưa nhập tử số");
  });

  it("warns about a count that is not whole (9.5 schools, shown '10' by its format), judging it as read and saying the value", () => {
    const f = check(workRecords, ratio(9.5, 10, "#,##0"), province2025);
    expect(f.status).toBe("met"); // 95% against 90%
    expect(f.severity).toBe("warning");
    expect(f.details.map((d) => d.key)).toContain("note.fractional-count");
    expect(vi(f)).toContain("ghi 9,5: số đơn vị đếm phải là số nguyên");
    expect(en(f)).toContain("holds 9.5: a count of units must be a whole number");
    expect(check(workRecords, ratio(10, 10), province2025).severity).toBe("info");
  });
});
