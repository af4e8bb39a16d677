// How an office's own table is read: labels however typed, figure columns from headers, tables wherever they sit,
// and doubt shown rather than judged.

import { cpuMs } from "../../support/cpu";
import { defaultCatalog } from "../../../src/core/catalog";
import { checkWorkbook } from "../../../src/core/check";
import { loadAbbreviations, proposeMapping, stripNumbering, WordingIndex, type MappingEntry } from "../../../src/core/mapping";
import { formatMessage } from "../../../src/core/messages";
import type { RawValue, WorkbookSnapshot } from "../../../src/core/snapshot";
import { fold } from "../../../src/core/text";
import { sheetOf } from "../check/snapshot-of";

const catalog = defaultCatalog();
const book = (rows: RawValue[][], name = "Biểu"): WorkbookSnapshot => ({ sheets: [sheetOf(name, rows)], metadata: null });
const entry = (rows: RawValue[][], code: string): MappingEntry | undefined =>
  proposeMapping(book(rows), { catalog, year: 2025 }).entries.find((e) => e.indicator === code);
const HEAD: RawValue[] = ["STT", "Chỉ tiêu", "Tử số", "Mẫu số", "Tỷ lệ (%)"];

describe("labels as clerks type them", () => {
  it.each([
    "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng",
    "TỶ LỆ HỒ SƠ CÔNG VIỆC ĐƯỢC XỬ LÝ TRÊN MÔI TRƯỜNG MẠNG",
    "ty le ho so cong viec duoc xu ly tren moi truong mang",
    "1.2. Tỷ lệ HSCV xử lý trên môi trường mạng",
    "a) HSCV được xử lý trên mạng",
    "- Tỷ lệ hồ sơ công viêc xử lí trên môi trường mạng",
    "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng".normalize("NFD"),
  ])("matches %s to CQS-02 with certainty", (label) => {
    const e = entry([HEAD, [1, label, 85, 100, 85]], "CQS-02");
    expect(e).toMatchObject({ status: "certain", sheet: "Biểu", labelCell: "B2" });
    expect(e!.cells).toEqual([
      { part: "numerator", year: 2025, cell: "C2" },
      { part: "denominator", year: 2025, cell: "D2" },
      { part: "value", year: 2025, cell: "E2" },
    ]);
  });

  it("strips list numbering of every kind but not the words", () => {
    for (const [typed, plain] of [["1. abc", "abc"], ["1.2 abc", "abc"], ["ii. abc", "abc"], ["ii.1 abc", "abc"], ["a) abc", "abc"], ["+ abc", "abc"], ["- abc", "abc"], ["so hoa ho so", "so hoa ho so"]]) {
      expect(stripNumbering(typed!)).toBe(plain);
    }
  });

  it("expands abbreviations from the data file, so a new one needs no code", () => {
    const label = "Tỷ lệ QXYZ xử lý trên môi trường mạng";
    const without = new WordingIndex(catalog, loadAbbreviations()).score(label)[0]!;
    const extended = loadAbbreviations({ abbreviations: [{ short: "QXYZ", long: "hồ sơ công việc" }] });
    const withIt = new WordingIndex(catalog, extended).score(label)[0]!;
    expect(withIt.indicator.code).toBe("CQS-02");
    expect(withIt.score).toBeGreaterThan(without.score + 0.1);
  });

  it("rejects an abbreviation file that is not valid, naming the problem", () => {
    expect(() => loadAbbreviations({ abbreviations: [{ short: "CQ NN", long: "x" }] })).toThrow(/abbreviations\.0\.short/);
    expect(() => loadAbbreviations({ abbreviations: [{ short: "CQ", long: "a" }, { short: "cq", long: "b" }] })).toThrow(/listed twice/);
  });

  it("joins a label split over two rows", () => {
    const e = entry([HEAD, [1, "Tỷ lệ cơ sở giáo dục tiểu học", 10, 12, 83.3], [null, "triển khai dạy học trực tuyến", null, null, null]], "XHS-10");
    expect(e).toMatchObject({ status: "certain", labelCell: "B2", label: "Tỷ lệ cơ sở giáo dục tiểu học triển khai dạy học trực tuyến" });
    expect(e!.reasons.map((r) => r.key)).toContain("mapping.reason.joined");
  });

  it("says why, in Vietnamese and English: the code, or the content score, and the column", () => {
    const byCode = proposeMapping(book([["Mã", "Chỉ tiêu", "Kết quả năm 2025"], ["cqs-02", "Hồ sơ", 85]]), { catalog }).entries[0]!;
    expect(byCode.reasons.map((r) => formatMessage(r, "vi"))).toEqual(["mã CQS-02", "cột Kết quả năm 2025"]);
    const byContent = entry([HEAD, [1, "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", 85, 100, 85]], "CQS-02")!;
    expect(formatMessage(byContent.reasons[0]!, "vi")).toMatch(/^khớp nội dung (0,\d+|1)$/);
    expect(formatMessage(byContent.reasons[0]!, "en")).toMatch(/^content match (0\.\d+|1)$/);
  });
});

describe("what the sheet says about the report", () => {
  it("takes the issuer's level from an official header (the superior body is named first) and the year from the title, saying where", () => {
    const m = proposeMapping(book([["UBND TỈNH LAI CHÂU"], ["UBND HUYỆN TAM ĐƯỜNG"], ["BÁO CÁO CHUYỂN ĐỔI SỐ NĂM 2024"], HEAD, [1, "Hồ sơ công việc xử lý trên môi trường mạng", 8, 10, 80]]), { catalog });
    expect(m.level).toEqual({ value: "district", sheet: "Biểu", cell: "A2", text: "UBND HUYỆN TAM ĐƯỜNG" });
    expect(m.year).toEqual({ value: 2024, sheet: "Biểu", cell: "A3", text: "BÁO CÁO CHUYỂN ĐỔI SỐ NĂM 2024" });
    expect(m.entries[0]!.cells[0]).toEqual({ part: "numerator", year: 2024, cell: "C5" });
  });

  it("does not read a period (giai đoạn 2021 – 2025) or a pillar as a level or a year", () => {
    const m = proposeMapping(book([["Chỉ tiêu chuyển đổi số giai đoạn 2021 - 2025, năm 2025 là năm cuối"], ["XÃ HỘI SỐ"], HEAD]), { catalog });
    expect([m.level, m.year]).toEqual([null, null]);
  });
});

describe("rows that are not indicators", () => {
  it.each([
    ["Số lớp tập huấn kỹ năng số đã tổ chức", "Lớp"],
    ["Tổng cộng", ""],
    ["CHÍNH QUYỀN SỐ", ""],
    ["Số máy tính trang bị cho cán bộ xã", "Cái"],
  ])("never takes %s for a certain match", (label, unit) => {
    const m = proposeMapping(book([["STT", "Nội dung", "ĐVT", "Thực hiện năm 2025"], [1, label, unit, 5]]), { catalog, year: 2025 });
    expect(m.entries.filter((e) => e.status === "certain")).toEqual([]);
  });
});

describe("figure columns", () => {
  it("reads years side by side: each column its year", () => {
    const e = entry([["TT", "Chỉ tiêu", "Năm 2023", "Năm 2024", "Năm 2025"], [1, "Tỷ lệ dân số có hồ sơ sức khỏe điện tử", 50, 60, 72]], "XHS-06")!;
    expect(e.cells).toEqual([
      { part: "value", year: 2023, cell: "C2" },
      { part: "value", year: 2024, cell: "D2" },
      { part: "value", year: 2025, cell: "E2" },
    ]);
  });

  it("reads a merged year header over Tử số | Mẫu số | Tỷ lệ", () => {
    const rows: RawValue[][] = [
      ["TT", "Tên chỉ tiêu", "Kết quả năm 2024", null, null, "Kết quả năm 2025", null, null],
      [null, null, "Tử số", "Mẫu số", "Tỷ lệ (%)", "Tử số", "Mẫu số", "Tỷ lệ (%)"],
      [1, "Hộ gia đình có Internet băng rộng cáp quang", 60, 100, 60, 70, 100, 70],
    ];
    expect(entry(rows, "XHS-02")!.cells).toEqual([
      { part: "numerator", year: 2024, cell: "C3" },
      { part: "denominator", year: 2024, cell: "D3" },
      { part: "value", year: 2024, cell: "E3" },
      { part: "numerator", year: 2025, cell: "F3" },
      { part: "denominator", year: 2025, cell: "G3" },
      { part: "value", year: 2025, cell: "H3" },
    ]);
  });

  it("reads the office's own target column, and the check reports a different target while judging by the resolution", () => {
    const rows: RawValue[][] = [
      ["STT", "Chỉ tiêu", "Kế hoạch năm 2025", "Thực hiện năm 2025"],
      [1, "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", 70, 75],
    ];
    expect(entry(rows, "CQS-02")!.cells).toEqual([
      { part: "target", year: 2025, cell: "C2" },
      { part: "value", year: 2025, cell: "D2" },
    ]);
    const report = checkWorkbook(book(rows), { catalog, level: "district", year: 2025 });
    expect(report.findings.find((f) => f.indicator === "CQS-02")).toMatchObject({ status: "below", cell: "D2" }); // resolution: ≥ 80%
    expect(report.mapping!.officeTargets).toEqual([
      expect.objectContaining({ indicator: "CQS-02", cell: "C2", office: 70, resolution: 80 }),
    ]);
    expect(report.mapping!.officeTargets[0]!.message.vi).toBe("Mục tiêu đơn vị ghi ở Biểu!C2 (70) khác mục tiêu Nghị quyết (≥ 80): dùng mục tiêu Nghị quyết");
  });

  it("judges the report year and keeps earlier years as history", () => {
    const rows: RawValue[][] = [["TT", "Chỉ tiêu", "Năm 2024", "Năm 2025"], [1, "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", 60, 85]];
    const report = checkWorkbook(book(rows), { catalog, level: "district", year: 2025 });
    expect(report.findings.find((f) => f.indicator === "CQS-02")).toMatchObject({ value: 85, cell: "D2" });
    expect(report.mapping!.history).toEqual([{ indicator: "CQS-02", year: 2024, part: "value", sheet: "Biểu", cell: "C2", raw: 60 }]);
  });
});

describe("where tables sit", () => {
  const table: RawValue[][] = [HEAD, [1, "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", 85, 100, 85]];
  const pad = (row: RawValue[], left: number) => [...Array<RawValue>(left).fill(null), ...row];

  it.each([[0, 0], [89, 5], [149, 0], [2000, 12]])("finds a table after %i rows of other data, starting at column %i", (above, left) => {
    const filler: RawValue[][] = Array.from({ length: above }, (_, i) => [i + 1, `Hộ gia đình số ${i}`, 3, 45000 + i]);
    const e = entry([...filler, ...table.map((r) => pad(r, left))], "CQS-02")!;
    const col = String.fromCharCode(67 + left);
    expect(e.cells[0]).toEqual({ part: "numerator", year: 2025, cell: `${col}${above + 2}` });
  });

  it("reads two tables side by side, each to its own end", () => {
    const rows: RawValue[][] = [
      ["TT", "Chỉ tiêu", "Tử số", "Mẫu số", null, null, null, null],
      [1, "Hồ sơ công việc xử lý trên môi trường mạng", 8, 10, null, "TT", "Chỉ tiêu", "Tử số", "Mẫu số"],
      [2, "Văn bản điện tử có ký số", 9, 10, null, 1, "Dân số có hồ sơ sức khỏe điện tử", 7, 10],
    ];
    const m = proposeMapping(book(rows), { catalog, year: 2025 });
    expect(m.entries.map((e) => [e.indicator, e.cells[0]!.cell]).sort()).toEqual([["CQS-02", "C2"], ["CQS-03", "C3"], ["XHS-06", "H3"]]);
  });

  it("reads a transposed table: indicators over columns, communes as rows, the total row as the unit's figure", () => {
    const rows: RawValue[][] = [
      ["STT", "Xã", "Hồ sơ công việc xử lý trên môi trường mạng", null, "Dân số có hồ sơ sức khỏe điện tử", null],
      [null, null, "Tử số", "Mẫu số", "Tử số", "Mẫu số"],
      [1, "Xã Bản Hon", 10, 12, 800, 1000],
      [2, "Xã Nậm Xe", 11, 12, 700, 900],
      [null, "Tổng cộng", 21, 24, 1500, 1900],
    ];
    const m = proposeMapping(book(rows), { catalog, year: 2025 });
    expect(m.entries.map((e) => [e.indicator, e.status, e.cells.map((c) => c.cell)])).toEqual([
      ["CQS-02", "certain", ["C5", "D5"]],
      ["XHS-06", "certain", ["E5", "F5"]],
    ]);
  });

  it("maps a workbook with a 10,000 × 30 data sheet beside the table within bounded time, growing linearly", () => {
    const big = (n: number): WorkbookSnapshot => {
      const rows: RawValue[][] = [Array.from({ length: 30 }, (_, c) => (c === 5 ? "Số lượng" : `Cột ${c}`))];
      for (let r = 1; r < n; r++) rows.push(Array.from({ length: 30 }, (_, c) => (c < 8 ? `Thôn ${r} tổ ${c}` : r * c)));
      return { sheets: [sheetOf("Dữ liệu", rows), sheetOf("Chỉ tiêu", table)], metadata: null };
    };
    const time = (wb: WorkbookSnapshot) => {
      let m: ReturnType<typeof proposeMapping> | undefined;
      const ms = cpuMs(() => (m = proposeMapping(wb, { catalog, year: 2025 })));
      expect(m!.entries.map((e) => e.indicator)).toEqual(["CQS-02"]);
      return ms;
    };
    const small = big(10_000);
    const large = big(20_000);
    time(small);
    const t1 = Math.min(time(small), time(small));
    const t2 = Math.min(time(large), time(large));
    // the benchmark measures ~0.1–0.3 µs per cell; the bound leaves room for a loaded machine
    expect(t1).toBeLessThan(1_500);
    expect(t2).toBeLessThan(t1 * 3 + 50);
  });
});

describe("doubt is shown, not judged", () => {
  const rows: RawValue[][] = [
    ["STT", "Chỉ tiêu", "Kết quả (%)"],
    [1, "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", 85],
    [2, "Người dân dùng dịch vụ số", 40],
  ];

  it("marks a weak match as to confirm, lists it and does not judge it", () => {
    const m = proposeMapping(book(rows), { catalog, year: 2025 });
    const weak = m.entries.find((e) => e.labelCell === "B3");
    expect(weak).toMatchObject({ indicator: "XHS-05", status: "confirm" });
    const report = checkWorkbook(book(rows), { catalog, level: "province", year: 2025 });
    expect(report.mapping!.toConfirm.map((e) => e.indicator)).toEqual(["XHS-05"]);
    expect(report.findings.map((f) => f.indicator)).toEqual(["CQS-02"]);
    expect(report.plan.marks.some((m) => m.cell === "C3")).toBe(false);
    expect(report.notFound).not.toContain("XHS-05");
  });

  it("judges it when the user accepts uncertain matches", () => {
    const report = checkWorkbook(book(rows), { catalog, level: "province", year: 2025, acceptUncertain: true });
    expect(report.findings.map((f) => f.indicator).sort()).toEqual(["CQS-02", "XHS-05"]);
    expect(report.mapping!.toConfirm).toEqual([]);
  });

  it("folds consistently with the rest of the product", () => {
    expect(fold("Hồ Sơ")).toBe("ho so");
  });
});
