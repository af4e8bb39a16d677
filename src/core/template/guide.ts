// The "Hướng dẫn" sheet: short instructions for the clerk, in Vietnamese.

import type { Level } from "../catalog/schema";
import { COLUMN_LETTERS as C } from "./columns";
import { levelTitle } from "./header";

export const GUIDE_SHEET_NAME = "Hướng dẫn";

export function guideLines(reportYear: number, level: Level, sheetName: string): string[] {
  return [
    `1. Chỉ nhập số liệu vào các ô nền vàng trên trang "${sheetName}". Các ô khác được khóa để tránh sửa nhầm công thức (trang tính được bảo vệ, không đặt mật khẩu).`,
    `2. Chỉ tiêu tính theo tỷ lệ: nhập Tử số (cột ${C.numerator}) và Mẫu số (cột ${C.denominator}); Kết quả (cột ${C.result}) tự tính bằng Tử số chia Mẫu số.`,
    `3. Chỉ tiêu nhập trực tiếp (tỷ lệ %, tốc độ tăng, số lượng, thứ hạng): nhập vào cột Giá trị (cột ${C.value}). Tỷ lệ và tốc độ tăng nhập theo đơn vị %, ví dụ 12,5 nghĩa là 12,5%.`,
    `4. Chỉ tiêu Có/Không: chọn "Có" hoặc "Không" trong danh sách ở cột Giá trị.`,
    "5. Ô nền xám là ô không dùng cho chỉ tiêu đó.",
    `6. Cột Chênh lệch: số âm là còn thiếu so với mục tiêu (tính bằng điểm phần trăm với chỉ tiêu tỷ lệ; với thứ hạng là số bậc còn kém).`,
    `7. Cột Đánh giá tự hiện "Đạt" (nền xanh) hoặc "Chưa đạt" (nền đỏ) so với cột "Mức cần đạt năm ${reportYear}" áp dụng cho ${levelTitle(level, "vi").toLocaleLowerCase("vi-VN")}.`,
    "8. Lộ trình: năm không có mục tiêu riêng thì mức cần đạt được chia đều theo từng năm, từ mục tiêu (hoặc số liệu gốc) năm trước đó đến mục tiêu năm kế tiếp. Ô mức cần đạt ghi rõ lộ trình đi từ mức nào, năm nào, đến mức nào, năm nào.",
    "9. Ghi chú và Minh chứng: ghi nguồn số liệu, số và ngày văn bản, đường dẫn tài liệu minh chứng.",
    `10. Kết quả năm trước (cột ${C.previous}): nhập kết quả năm ${reportYear - 1} của chính đơn vị (tỷ lệ theo %, ví dụ 48 nghĩa là 48%), hoặc để công cụ điền từ báo cáo năm trước. Năm không có mục tiêu riêng thì lộ trình tính từ kết quả này.`,
    "11. Không đổi tên trang tính, không chèn hoặc xóa dòng, cột trong bảng: phần kiểm tra số liệu dựa vào vị trí các ô.",
  ];
}
