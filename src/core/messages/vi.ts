// Vietnamese messages (the reference catalog: every other language has exactly these keys and placeholders).
// {name} is replaced by a parameter; numbers are written the Vietnamese way (38,3; 12.345).

export const vi = {
  // terms substituted into other messages
  "term.level.province": "cấp tỉnh",
  "term.level.district": "cấp huyện",
  "term.level.commune": "cấp xã",
  "term.cell.value": "Ô số liệu",
  "term.cell.numerator": "Ô tử số",
  "term.cell.denominator": "Ô mẫu số",

  // a cell that cannot be read
  "problem.excel-error": "{cell} chứa lỗi Excel {error}: hãy sửa công thức hoặc nhập trực tiếp số liệu",
  "problem.not-a-number": "{cell} ghi \"{text}\", không phải là một số",
  "problem.not-finite": "{cell} chứa giá trị không hợp lệ ({text})",
  "problem.not-yes-no": "{cell} ghi \"{text}\": hãy ghi \"Có\" hoặc \"Không\"",
  "problem.boolean-not-number": "{cell} chứa giá trị đúng/sai ({text}) trong khi cần một số",
  "problem.percent-for-count": "{cell} ghi tỷ lệ phần trăm ({text}) trong khi cần một số lượng",
  "problem.ambiguous-number": "{cell} ghi \"{text}\": không rõ là {first} hay {second}; hãy nhập lại số không có dấu phân cách hàng nghìn, phần thập phân sau dấu phẩy",

  // a figure that was read but cannot be right
  "problem.numerator-exceeds-denominator": "Tử số ({numerator}) lớn hơn mẫu số ({denominator})",
  "problem.zero-denominator": "Mẫu số bằng 0: không tính được tỷ lệ",
  "problem.negative-numerator": "Tử số không được âm ({numerator})",
  "problem.negative-denominator": "Mẫu số không được âm ({denominator})",
  "problem.negative-value": "Số liệu không được âm ({value})",
  "problem.percent-over-100": "Tỷ lệ {value}% lớn hơn 100%",
  "problem.count-not-integer": "Số lượng phải là số nguyên, ô ghi {value}",
  "problem.rank-not-integer": "Thứ hạng phải là số nguyên, ô ghi {value}",
  "problem.rank-out-of-field": "Thứ hạng {value} nằm ngoài khoảng từ 1 đến {field}",

  // nothing entered
  "missing.empty": "Chưa nhập số liệu",
  "missing.marker": "Ô ghi \"{marker}\": chưa có số liệu",
  "missing.numerator": "Chưa nhập tử số",
  "missing.denominator": "Chưa nhập mẫu số",

  // results: percentages (ratios, shares, growth rates)
  "result.met.percent": "Đạt mục tiêu {year}: {value}% so với mục tiêu {comparator} {target}%",
  "result.below.percent": "Chưa đạt mục tiêu {year}: {value}% so với mục tiêu {comparator} {target}% (thiếu {shortfall} điểm %)",
  "result.below.at-threshold": "Chưa đạt mục tiêu {year}: {value}{unit} mới bằng ngưỡng, mục tiêu là {comparator} {target}{unit}",
  "result.on-track.percent": "Đúng lộ trình đến mục tiêu {year}: {value}%, mức cần đạt năm {reportYear} là {expected}% (mục tiêu {comparator} {target}%)",
  "result.off-track.percent": "Chậm so với lộ trình đến mục tiêu {year}: {value}%, mức cần đạt năm {reportYear} là {expected}% (thiếu {shortfall} điểm %; mục tiêu {comparator} {target}%)",
  // results: counts
  "result.met.count": "Đạt mục tiêu {year}: {value} so với mục tiêu {comparator} {target}",
  "result.below.count": "Chưa đạt mục tiêu {year}: {value} so với mục tiêu {comparator} {target} (thiếu {shortfall})",
  "result.on-track.count": "Đúng lộ trình đến mục tiêu {year}: {value}, mức cần đạt năm {reportYear} là {expected} (mục tiêu {comparator} {target})",
  "result.off-track.count": "Chậm so với lộ trình đến mục tiêu {year}: {value}, mức cần đạt năm {reportYear} là {expected} (thiếu {shortfall}; mục tiêu {comparator} {target})",
  // results: ranks (lower is better)
  "result.met.rank": "Đạt mục tiêu {year}: xếp hạng {value}/{field} so với mục tiêu {comparator} {target}/{targetField}",
  "result.below.rank": "Chưa đạt mục tiêu {year}: xếp hạng {value}/{field} so với mục tiêu {comparator} {target}/{targetField} (kém {shortfall} bậc)",
  "result.on-track.rank": "Đúng lộ trình đến mục tiêu {year}: xếp hạng {value}/{field}, mức cần đạt năm {reportYear} là hạng {expected}/{field} (mục tiêu {comparator} {target}/{targetField})",
  "result.off-track.rank": "Chậm so với lộ trình đến mục tiêu {year}: xếp hạng {value}/{field}, mức cần đạt năm {reportYear} là hạng {expected}/{field} (kém {shortfall} bậc; mục tiêu {comparator} {target}/{targetField})",
  // results: one unit's yes/no answer
  "result.met.yes": "Đạt mục tiêu {year}: đơn vị trả lời Có (mục tiêu {comparator} {target}% đơn vị)",
  "result.below.no": "Chưa đạt mục tiêu {year}: đơn vị trả lời Không (mục tiêu {comparator} {target}% đơn vị)",
  "result.on-track.yes": "Đúng lộ trình đến mục tiêu {year}: đơn vị trả lời Có",
  "result.off-track.no": "Chưa thực hiện: đơn vị trả lời Không (mục tiêu {year}: {comparator} {target}% đơn vị)",
  // not judged
  "result.not-applicable.level": "Chỉ tiêu không áp dụng cho {level}",
  "result.not-applicable.qualitative": "Chỉ tiêu định tính: không đánh giá đạt hay chưa đạt",
  "result.not-applicable.no-target": "Không có mục tiêu cho {level} năm {year}: số liệu được ghi nhận để tổng hợp",

  // notes shown under a finding
  "note.percent-format": "{cell} có định dạng phần trăm: số được đọc theo điểm phần trăm",
  "note.probably-fraction": "{cell} ghi {stored} (không có định dạng %): đã hiểu là {stored}%; nếu ý là {suggested}% hãy ghi \"{suggested}%\"",
  "note.reading-chosen": "{cell} ghi \"{text}\": đã hiểu là {chosen} vì {discarded} không hợp với chỉ tiêu này; hãy kiểm tra lại",
  "note.carried": "Mục tiêu năm {year} giữ nguyên mức năm 2025 (Nghị quyết không nêu lại chỉ tiêu này)",
  "note.aspirational": "Đây là mục tiêu phấn đấu",
  "note.after-last-target": "Năm {reportYear} đã qua năm mục tiêu cuối cùng: so với mục tiêu năm {year}",
  "note.no-path": "Không có số liệu gốc để dựng lộ trình: so sánh trực tiếp với mục tiêu năm {year}",
  "note.path-from-baseline": "Lộ trình tính thẳng từ số liệu gốc năm {fromYear} ({fromValue}{unit}) đến mục tiêu năm {year}",
  "note.path-from-target": "Lộ trình tính thẳng từ mục tiêu năm {fromYear} ({fromValue}{unit}) đến mục tiêu năm {year}",
  "note.rank-relative": "Số tỉnh, thành phố đã thay đổi (mục tiêu đặt trên {targetField}, nay là {field}): so sánh theo vị trí tương đối, hạng {target}/{targetField} tương đương hạng {equivalent}/{field}",
  "note.yes-no-share": "Chỉ tiêu tính theo tỷ lệ đơn vị ({comparator} {target}%): câu trả lời Không chỉ làm giảm tỷ lệ chung",

  // consolidation: completeness of the units' files
  "consolidate.status.received": "Đã nhận",
  "consolidate.status.missing": "Chưa nộp",
  "consolidate.status.duplicate": "Trùng tệp",
  "consolidate.status.wrong-period": "Sai kỳ báo cáo",
  "consolidate.status.wrong-level": "Sai cấp",
  "consolidate.status.unknown-unit": "Đơn vị không có trong danh sách",
  "consolidate.status.unreadable": "Không đọc được",
  "consolidate.status.unidentified": "Không nhận ra đơn vị",
  "consolidate.status.province": "Sổ tính cấp tỉnh",
  "consolidate.reason.missing": "Chưa nhận được sổ tính của đơn vị này",
  "consolidate.reason.duplicate": "Có {count} tệp cho cùng một đơn vị ({files}): chưa dùng tệp nào, hãy giữ lại một tệp rồi tổng hợp lại",
  "consolidate.reason.wrong-period": "Sổ tính báo cáo năm {year}, không thuộc kỳ tổng hợp {period}",
  "consolidate.reason.not-in-period": "{unit} không tồn tại trong kỳ {period} (hiệu lực từ {from} đến {to})",
  "consolidate.reason.wrong-level": "Sổ tính của {level}, trong khi kỳ {period} tổng hợp {expected}",
  "consolidate.reason.unknown-unit": "Mã đơn vị \"{unit}\" không có trong danh sách đơn vị báo cáo",
  "consolidate.reason.unreadable": "Không đọc được tệp",
  "consolidate.reason.unidentified": "Không nhận ra đơn vị báo cáo: tệp không có thông tin của biểu mẫu và phần đầu biểu (Đơn vị, Cấp, Năm báo cáo) không đọc được",
  "consolidate.reason.unidentified-hint": "Không nhận ra đơn vị báo cáo: tên tệp gợi ý {hint}, nhưng tên tệp không đủ để xác định đơn vị; hãy dùng biểu mẫu chuẩn hoặc ghi lại phần đầu biểu (Đơn vị, Cấp, Năm báo cáo)",
  "consolidate.reason.from-header": "Nhận đơn vị từ phần đầu biểu (tệp đã mất thông tin của biểu mẫu khi được lưu bằng công cụ khác)",
  "consolidate.reason.province": "Dùng cho các chỉ tiêu chỉ cấp tỉnh báo cáo",
  "consolidate.reason.no-figures": "Chưa có đơn vị nào có số liệu dùng được để tổng hợp",
  "consolidate.reason.no-province-workbook": "Chỉ tiêu do cấp tỉnh báo cáo: chưa nhận được sổ tính cấp tỉnh",
  "consolidate.reason.province-missing-figure": "Chỉ tiêu do cấp tỉnh báo cáo: sổ tính cấp tỉnh {file} không có chỉ tiêu này",
  "consolidate.reason.from-province": "Lấy từ sổ tính cấp tỉnh {file}",
  // consolidation: why one unit's figure is not in the sums
  "consolidate.leftout.no-file": "Không có sổ tính dùng được của đơn vị",
  "consolidate.leftout.conflict": "Có nhiều tệp cho đơn vị này: không tính cho đến khi chỉ còn một tệp",
  "consolidate.leftout.missing": "Đơn vị chưa nhập số liệu: không tính vào tổng",
  "consolidate.leftout.invalid": "Số liệu sai, không tính vào tổng",
  "consolidate.leftout.bare-percentage": "Chỉ ghi tỷ lệ {value}% mà không có tử số và mẫu số: không cộng được nên không tính vào tổng (không tự suy ra mẫu số)",
  "consolidate.leftout.not-summable": "Chỉ tiêu này không cộng dồn được theo đơn vị",
  "consolidate.partial": "Chưa đầy đủ: thiếu {missing}/{expected} đơn vị, {leftOut} đơn vị không tính được",
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;
