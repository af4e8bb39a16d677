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

  // mapping an office's own layout: why a row was matched, and what the sheet says about the report
  "mapping.reason.code": "mã {code}",
  "mapping.reason.content": "khớp nội dung {score}",
  "mapping.reason.column": "cột {header}",
  "mapping.reason.joined": "nhãn ghép từ hai dòng",
  "mapping.reason.count-label": "dòng ghi số lượng, không phải tỷ lệ",
  "mapping.reason.transposed": "bảng theo cột (chỉ tiêu ở tiêu đề cột)",
  "mapping.reason.total-row": "dòng {label}",
  "mapping.reason.saved": "theo ánh xạ đã xác nhận",
  "mapping.reason.picked": "ô do người dùng chọn",
  "mapping.guess.level": "{level} (theo ô {cell}: \"{text}\")",
  "mapping.guess.year": "năm {year} (theo ô {cell}: \"{text}\")",
  "mapping.guess.year-columns": "năm {year} (cột năm mới nhất của bảng)",
  "mapping.status.certain": "đã khớp",
  "mapping.status.confirm": "cần xác nhận",
  "mapping.status.not-reported": "không báo cáo",
  "mapping.status.not-found": "không tìm thấy",
  "mapping.office-target": "Mục tiêu đơn vị ghi ở {cell} ({office}) khác mục tiêu Nghị quyết ({comparator} {target}): dùng mục tiêu Nghị quyết",
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof vi;
