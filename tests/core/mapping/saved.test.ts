// A confirmed mapping as a small JSON document: validated when read, and used by the check instead of detection.

import { defaultCatalog } from "../../../src/core/catalog";
import { checkWorkbook } from "../../../src/core/check";
import { parseSavedMapping, parseSavedMappingText, proposeMapping, toSavedMapping } from "../../../src/core/mapping";
import { ChitieuError } from "../../../src/core/errors";
import type { RawValue, WorkbookSnapshot } from "../../../src/core/snapshot";
import { sheetOf } from "../check/snapshot-of";

const catalog = defaultCatalog();
const rows: RawValue[][] = [
  ["STT", "Nội dung", "Số A", "Số B"],
  [1, "Dòng 1 (tên riêng của đơn vị)", 85, 100],
  [2, "Tỷ lệ dân số có hồ sơ sức khỏe điện tử", 700, 1000],
];
const book: WorkbookSnapshot = { sheets: [sheetOf("Biểu", rows)], metadata: null };

describe("a saved mapping", () => {
  const saved = parseSavedMapping({
    format: "chitieu-mapping",
    version: 1,
    catalogId: catalog.id,
    level: "district",
    year: 2025,
    entries: [
      { indicator: "CQS-02", status: "confirmed", sheet: "Biểu", cells: [{ part: "numerator", year: 2025, cell: "C2" }, { part: "denominator", year: 2025, cell: "D2" }] },
      { indicator: "XHS-06", status: "not-reported", sheet: "Biểu", cells: [] },
    ],
  });

  it("is what the check uses, with the level and year it carries, and says so", () => {
    const report = checkWorkbook(book, { catalog, mapping: saved });
    expect(report.context).toMatchObject({ level: "district", year: 2025 });
    expect(report.mapping).toMatchObject({ source: "saved", notReported: ["XHS-06"], toConfirm: [] });
    expect(report.findings.map((f) => [f.indicator, f.status, f.cell])).toEqual([["CQS-02", "met", "C2"]]);
    expect(report.notFound).not.toContain("XHS-06");
  });

  it("round-trips through JSON text", () => {
    const detected = proposeMapping({ sheets: [sheetOf("Biểu", [["STT", "Chỉ tiêu", "Tử số", "Mẫu số"], [1, "Hồ sơ công việc xử lý trên môi trường mạng", 8, 10]])], metadata: null }, { catalog, year: 2025 });
    const json = JSON.stringify(toSavedMapping(detected.entries, catalog.id, { level: "commune", year: 2025 }));
    expect(parseSavedMappingText(json)).toEqual({
      format: "chitieu-mapping", version: 1, catalogId: catalog.id, level: "commune", year: 2025,
      entries: [{ indicator: "CQS-02", status: "confirmed", sheet: "Biểu", label: "Hồ sơ công việc xử lý trên môi trường mạng", cells: [{ part: "numerator", year: 2025, cell: "C2" }, { part: "denominator", year: 2025, cell: "D2" }] }],
    });
  });

  it.each([
    ["not JSON", "{", /JSON/],
    ["another format", JSON.stringify({ format: "x", version: 1, catalogId: "c", entries: [] }), /format/],
    ["a bad cell", JSON.stringify({ format: "chitieu-mapping", version: 1, catalogId: "c", entries: [{ indicator: "CQS-02", status: "confirmed", sheet: "S", cells: [{ part: "value", year: 2025, cell: "C0" }] }] }), /entries\.0\.cells\.0\.cell/],
    ["an indicator twice", JSON.stringify({ format: "chitieu-mapping", version: 1, catalogId: "c", entries: [{ indicator: "CQS-02", status: "confirmed", sheet: "S", cells: [] }, { indicator: "CQS-02", status: "confirmed", sheet: "S", cells: [] }] }), /mapped twice/],
  ])("is refused when it is %s, naming the problem", (_, text, problem) => {
    expect(() => parseSavedMappingText(text)).toThrow(ChitieuError);
    expect(() => parseSavedMappingText(text)).toThrow(problem);
  });
});
