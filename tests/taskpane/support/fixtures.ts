import { defaultCatalog } from "../../../src/core/catalog";
import { buildTemplateLayout, fillTemplateLayout, type IndicatorFigures } from "../../../src/core/template";
import { snapshotFromLayout } from "./snapshot-from-layout";

// Tam Đường district, 2025: two indicators met, two below target, one malformed answer, the rest not entered.

export const catalog = defaultCatalog();

export const DISTRICT_FIGURES = new Map<string, IndicatorFigures>([
  ["CQS-01", { numerator: 412, denominator: 412 }], // met (100% ≥ 100%)
  ["CQS-02", { numerator: 1530, denominator: 1800 }], // met (85% ≥ 80%)
  ["CQS-09", { numerator: 22, denominator: 100 }], // below (22% < 30%), 8 points short
  ["XHS-06", { numerator: 41, denominator: 80 }], // below (51.25% < 70%)
  ["XHS-09", { value: "Có lẽ" }], // invalid: neither Có nor Không
]);

export function districtLayout() {
  return buildTemplateLayout({ catalog, unit: { code: "huyen-tam-duong", name: "Tam Đường", kind: "huyện", level: "district" }, year: 2025 });
}

export function districtSnapshot() {
  return snapshotFromLayout(fillTemplateLayout(districtLayout(), DISTRICT_FIGURES));
}

/** A workbook that is not ours: a plain list with no indicator table. */
export function strangerSnapshot() {
  return {
    sheets: [{ name: "Sheet1", top: 0, left: 0, values: [["Họ tên", "Tuổi"], ["An", 30]], formats: [["General", "General"], ["General", "General"]] }],
    metadata: null,
  };
}

/** An office's own table whose title states a district and 2025 ("UBND HUYỆN …", "… NĂM 2025"), with no metadata. */
export function officeTableSnapshot() {
  const rows = [
    ["UBND HUYỆN TAM ĐƯỜNG", null, null, null],
    ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025", null, null, null],
    [null, null, null, null],
    ["Mã", "Chỉ tiêu", "Tử số", "Mẫu số"],
    ["CQS-02", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", 85, 100],
    ["CQS-09", "Tỷ lệ dịch vụ công trực tuyến toàn trình", 22, 100],
  ];
  return { sheets: [{ name: "Báo cáo", top: 0, left: 0, values: rows, formats: rows.map((r) => r.map(() => "General")) }], metadata: null };
}
