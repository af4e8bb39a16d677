# Produces the corrected copy of the resolution text from the OCR'd one. Each fix is listed so a reviewer can audit it.
import sys, unicodedata, re
FIXES = [
    ("Đen năm", "Đến năm"), ("y té", "y tế"), ("tích họp", "tích hợp"), ("Tích họp", "Tích hợp"), ("phối họp", "phối hợp"),
    ("Trung tâm tích họp", "Trung tâm tích hợp"), ("QUAN ĐIẺM", "QUAN ĐIỂM"), ("Chuyển đối số", "Chuyển đổi số"),
    ("kỉnh", "kinh"), ("vãn bản", "văn bản"), ("điện từ,", "điện tử,"), ("két quả", "kết quả"), ("sàn phẩm", "sản phẩm"),
    ("ngầy", "ngày"), ("hạ tâng", "hạ tầng"), ("găn với", "gắn với"), ("nhãn lực", "nhân lực"), ("bỏ lạỉ", "bỏ lại"),
    ("tìr Trung ương", "từ Trung ương"), ("trực tuyển", "trực tuyến"), ("quàn lý", "quản lý"), ("đặc trung", "đặc trưng"),
    ("chưorng", "chương"), ("vặ tự động", "và tự động"), ("giải pháp đảm an toàn", "giải pháp đảm bảo an toàn"),
    ("‘xã hội", "xã hội"), (".về chương", " về chương"), ("1 .1.", "1.1."), ("QĐ- TTg", "QĐ-TTg"),
    ("chuyển đổi so\n", "chuyển đổi số\n"), ("Chuyển đổi sổ", "Chuyển đổi số"), ("hạ tầng sổ", "hạ tầng số"), ("một sổ lĩnh vực", "một số lĩnh vực"),
    ("%)", "%"), ("; – •\n", ";\n"), ("– ít nhất", "– Ít nhất"), ("– ứng dụng", "– Ứng dụng"), ("\nứng dụng triệt để", "\nỨng dụng triệt để"),
    ("hiệu quả. xếp hạng", "hiệu quả. Xếp hạng"), ("khu vực đô thị. xếp hạng", "khu vực đô thị. Xếp hạng"),
    ("dạng điện tử, được ký số", "dạng điện tử, được ký số"), ("\n7\n", "\n"), ("\nTải xuống", ""), ("Nông sản lên", "nông sản lên"),
]
src = unicodedata.normalize("NFC", open(sys.argv[1], encoding="utf-8").read())
for bad, good in FIXES:
    src = src.replace(unicodedata.normalize("NFC", bad), unicodedata.normalize("NFC", good))
src = re.sub(r"[ \t]+\n", "\n", src)
open(sys.argv[2], "w", encoding="utf-8").write(src)
