import { defaultCatalog } from "../../../src/core/catalog";
import { checkWorkbook } from "../../../src/core/check";
import { ChitieuError } from "../../../src/core/errors";
import { buildTemplateLayout, fillTemplateLayout } from "../../../src/core/template";
import { caught } from "../../support/caught";
import { sheetOf, snapshotOfLayout } from "./snapshot-of";

// What the workbook states (its metadata, its template header, an office's title) against what the user gives: the
// user's choice is used and each contradiction is reported; a workbook with nothing to check says so before asking.

const catalog = defaultCatalog();

function communeTemplate(year: number) {
  const layout = buildTemplateLayout({ catalog, unit: { code: "xa-sin-suoi-ho", name: "Sìn Suối Hồ", kind: "xã", level: "commune" }, year });
  return snapshotOfLayout(fillTemplateLayout(layout, new Map([["CQS-02", { numerator: 65, denominator: 100 }]])));
}

describe("options that contradict what the workbook states", () => {
  it("a year other than the template's: checked for the year given, the contradiction named with both years and the unit", () => {
    const report = checkWorkbook(communeTemplate(2026), { catalog, year: 2025 });
    expect(report.context).toMatchObject({ year: 2025, level: "commune", unitCode: "xa-sin-suoi-ho" });
    expect(report.conflicts).toEqual([{ field: "year", stated: 2026, given: 2025, statedBy: "metadata", statedUnit: "xa-sin-suoi-ho" }]);
  });

  it("level and unit too, in the order unit, level, year", () => {
    const report = checkWorkbook(communeTemplate(2026), { catalog, year: 2026, level: "district", unitCode: "xa-muong-kim" });
    expect(report.context.level).toBe("district");
    expect(report.conflicts?.map((c) => [c.field, c.stated, c.given])).toEqual([
      ["unit", "xa-sin-suoi-ho", "xa-muong-kim"],
      ["level", "commune", "district"],
    ]);
  });

  it("options that agree with the file, or none, report nothing", () => {
    expect(checkWorkbook(communeTemplate(2026), { catalog, year: 2026, level: "commune", unitCode: "xa-sin-suoi-ho" }).conflicts).toBeUndefined();
    expect(checkWorkbook(communeTemplate(2026), { catalog }).conflicts).toBeUndefined();
  });

  it("a template whose properties were dropped: compared with its visible header", () => {
    const snapshot = { ...communeTemplate(2026), metadata: null };
    const report = checkWorkbook(snapshot, { catalog, year: 2027 });
    expect(report.context.year).toBe(2027);
    expect(report.conflicts).toEqual([{ field: "year", stated: 2026, given: 2027, statedBy: "header", statedUnit: "xa-sin-suoi-ho" }]);
  });

  it("an office's own sheet: compared with its title, naming the cell", () => {
    const sheet = sheetOf("Báo cáo", [
      ["UBND HUYỆN TAM ĐƯỜNG"],
      ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025"],
      [],
      ["Mã", "Chỉ tiêu", "Tử số", "Mẫu số"],
      ["CQS-02", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", 85, 100],
    ]);
    const report = checkWorkbook({ sheets: [sheet], metadata: null }, { catalog, level: "commune", year: 2025 });
    expect(report.context.level).toBe("commune");
    expect(report.conflicts).toEqual([
      { field: "level", stated: "district", given: "commune", statedBy: "sheet", statedUnit: null, cell: { sheet: "Báo cáo", cell: "A1", text: "UBND HUYỆN TAM ĐƯỜNG" } },
    ]);
  });
});

describe("a workbook with no indicator table", () => {
  const list = { sheets: [sheetOf("Danh sách", [["Họ tên", "Tuổi"], ["An", 30]])], metadata: null };

  it("says so before anything else, even with no level or year given", () => {
    expect(caught(() => checkWorkbook(list, { catalog }), ChitieuError).code).toBe("no-indicators");
  });

  it("an indicator table without level or year still asks for them", () => {
    const table = { sheets: [sheetOf("Số liệu", [["Mã", "Tử số", "Mẫu số"], ["CQS-02", 85, 100]])], metadata: null };
    expect(caught(() => checkWorkbook(table, { catalog }), ChitieuError).code).toBe("no-context");
  });
});
