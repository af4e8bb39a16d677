import type { Lang } from "./lang";

// The command line's own words (messages about figures come from src/core/messages). Both maps have the same keys.

export const vi = {
  "template.written": "Đã tạo biểu mẫu {file}: {unit}, {level}, năm {year}, {rows} chỉ tiêu.",
  "check.header": "Tệp {file} — {unit}, {level}, năm {year}",
  "check.context.metadata": "(đơn vị, cấp và năm lấy từ biểu mẫu)",
  "check.summary": "Tổng hợp: {met} đạt, {notMet} chưa đạt, {invalid} sai số liệu, {missing} thiếu số liệu, {na} không áp dụng",
  "check.pillar": "  {pillar}: {met} đạt, {notMet} chưa đạt, {invalid} sai, {missing} thiếu",
  "check.group.error": "Lỗi số liệu (cần sửa):",
  "check.group.warning": "Chưa đạt / cần xem lại:",
  "check.group.missing": "Thiếu số liệu:",
  "check.notFound": "Không có trong sổ tính: {codes}",
  "check.duplicates": "Chỉ tiêu lặp lại (chỉ tính dòng đầu): {list}",
  "check.marked": "Đã ghi bản đánh dấu {file}: {marked} ô được tô màu.",
  "check.json": "Đã ghi báo cáo JSON {file}.",
  "check.unusable": "Không dùng được tệp {file}: {reason}",
  "check.batch": "{ok}/{total} tệp đã kiểm tra.",
  "clear.done": "Đã xóa đánh dấu: {file}.",
  "clear.none": "Tệp không có đánh dấu của Chỉ tiêu CĐS; đã ghi bản sao không đổi {file}.",
  "unit.unknown": "(không rõ đơn vị)",
  "level.province": "cấp tỉnh",
  "level.district": "cấp huyện",
  "level.commune": "cấp xã",
  "usage.unknown-command": "Lệnh không rõ: {command}",
  "usage.bad-option": "Tùy chọn không hợp lệ: {detail}",
  "units.code": "Mã",
  "units.unit": "Đơn vị",
  "units.level": "Cấp",
  "units.from": "Hiệu lực từ",
  "units.to": "Đến hết",
  "units.title": "Các đơn vị có trong năm {year}: {count}",
  "catalog.code": "Mã",
  "catalog.name": "Chỉ tiêu",
  "catalog.unit": "Đơn vị",
  "catalog.levels": "Cấp báo cáo",
  "catalog.targets": "Mục tiêu",
  "catalog.qualitative": "định tính, không chấm điểm",
  "catalog.title": "Danh mục chỉ tiêu — Nghị quyết số {resolution} ngày 25/02/2022 ({count} chỉ tiêu)",
} as const;

export type CliKey = keyof typeof vi;

export const en: Record<CliKey, string> = {
  "template.written": "Template written to {file}: {unit}, {level}, year {year}, {rows} indicators.",
  "check.header": "File {file} — {unit}, {level}, year {year}",
  "check.context.metadata": "(unit, level and year from the template)",
  "check.summary": "Summary: {met} met, {notMet} not met, {invalid} invalid, {missing} missing, {na} not applicable",
  "check.pillar": "  {pillar}: {met} met, {notMet} not met, {invalid} invalid, {missing} missing",
  "check.group.error": "Malformed figures (to fix):",
  "check.group.warning": "Not met / to review:",
  "check.group.missing": "Missing figures:",
  "check.notFound": "Not in the workbook: {codes}",
  "check.duplicates": "Indicators found twice (first row used): {list}",
  "check.marked": "Highlighted copy written to {file}: {marked} cells coloured.",
  "check.json": "JSON report written to {file}.",
  "check.unusable": "Cannot use {file}: {reason}",
  "check.batch": "{ok}/{total} files checked.",
  "clear.done": "Highlights removed: {file}.",
  "clear.none": "The file has no Chỉ tiêu CĐS highlights; an unchanged copy was written to {file}.",
  "unit.unknown": "(unit unknown)",
  "level.province": "province level",
  "level.district": "district level",
  "level.commune": "commune level",
  "usage.unknown-command": "Unknown command: {command}",
  "usage.bad-option": "Invalid option: {detail}",
  "units.code": "Code",
  "units.unit": "Unit",
  "units.level": "Level",
  "units.from": "Valid from",
  "units.to": "Valid to",
  "units.title": "Units existing in {year}: {count}",
  "catalog.code": "Code",
  "catalog.name": "Indicator",
  "catalog.unit": "Unit",
  "catalog.levels": "Reported by",
  "catalog.targets": "Targets",
  "catalog.qualitative": "qualitative, not scored",
  "catalog.title": "Indicator catalog — Resolution {resolution} of 25 Feb 2022 ({count} indicators)",
};

const maps: Record<Lang, Record<CliKey, string>> = { vi, en };

export function t(lang: Lang, key: CliKey, params: Record<string, string | number> = {}): string {
  return maps[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}
