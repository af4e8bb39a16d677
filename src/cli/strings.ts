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
  "consolidate.progress": "{done}/{total} tệp",
  "consolidate.files": "Tổng hợp {total} tệp, kỳ {period}, {level}: {expected} đơn vị phải báo cáo.",
  "consolidate.summary": "Đã nhận {received}/{expected} đơn vị; {missing} chưa nộp; {problems} tệp không dùng được.",
  "consolidate.unit": "  {status}: {unit} {file} — {reason}",
  "consolidate.indicators": "Chỉ tiêu (giá trị toàn tỉnh = tổng tử số / tổng mẫu số):",
  "consolidate.indicator": "  {code} {value} ({numerator}/{denominator}) mục tiêu {target}: {status}{partial}",
  "consolidate.written": "Đã ghi sổ tổng hợp {file}.",
  "consolidate.json": "Đã ghi báo cáo JSON {file}.",
  "consolidate.noFiles": "Không có tệp .xlsx nào trong {paths}.",
  "unit.unknown": "(không rõ đơn vị)",
  "level.province": "cấp tỉnh",
  "level.district": "cấp huyện",
  "level.commune": "cấp xã",
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
  "consolidate.progress": "{done}/{total} files",
  "consolidate.files": "Consolidating {total} files, period {period}, {level}: {expected} units expected.",
  "consolidate.summary": "Received {received}/{expected} units; {missing} not submitted; {problems} files unusable.",
  "consolidate.unit": "  {status}: {unit} {file} — {reason}",
  "consolidate.indicators": "Indicators (provincial value = sum of numerators / sum of denominators):",
  "consolidate.indicator": "  {code} {value} ({numerator}/{denominator}) target {target}: {status}{partial}",
  "consolidate.written": "Consolidated workbook written to {file}.",
  "consolidate.json": "JSON report written to {file}.",
  "consolidate.noFiles": "No .xlsx file in {paths}.",
  "unit.unknown": "(unit unknown)",
  "level.province": "province level",
  "level.district": "district level",
  "level.commune": "commune level",
};

const maps: Record<Lang, Record<CliKey, string>> = { vi, en };

export function t(lang: Lang, key: CliKey, params: Record<string, string | number> = {}): string {
  return maps[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}
