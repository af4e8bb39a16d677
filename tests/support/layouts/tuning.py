"""The tuning layouts: the matcher may be tuned on these (and they may be changed)."""
from layoutlib import Layout, figures, ratio_values, strip_marks, table

G = "tuning"


def ind_ratio(stt, code, label, cols, year=2025, **kw):
    d = {"stt": stt, "label": label, "ind": code, "values": ratio_values(code, year, cols)}
    d.update(kw)
    return d


def t01():
    L = Layout("t01-huyen-cot-F-dong-90", G, "Huyện: dữ liệu riêng ở A1:E80, bảng chỉ tiêu bắt đầu ở F90 với Số lượng | Tổng số | Tỷ lệ % | Mục tiêu", "district", 2025)
    ws = L.sheet("Số liệu")
    L.filler(ws, 1, 1, 80, width=5)
    cols = [("stt", None), ("label", None), ("numerator", 2025), ("denominator", 2025), ("value", 2025), ("target", 2025)]
    hdr = [[(0, 1, 1, "STT"), (1, 1, 1, "Tên chỉ tiêu"), (2, 1, 1, "Số lượng"), (3, 1, 1, "Tổng số"), (4, 1, 1, "Tỷ lệ %"), (5, 1, 1, "Mục tiêu")]]
    def ind(stt, code, label, target):
        d = ind_ratio(stt, code, label, [2, 3, 4])
        d["values"][5] = target
        return d
    table(L, ws, 90, 6, hdr, cols, [
        ind("1", "CQS-01", "DVCTT toàn trình", 100),
        ind("2", "CQS-03", "Văn bản điện tử có ký số", 95),
        ind("3", "CQS-09", "CBCCVC tham gia khai thác dữ liệu, công nghệ số", 60),
        {"stt": "4", "label": "Số camera giám sát an ninh trật tự", "values": {2: 24}},
        ind("5", "XHS-01", "Xã có hạ tầng băng rộng cáp quang", 100),
        ind("6", "XHS-07", "TYT xã triển khai HTTT trạm y tế", 100),
    ])
    return L


def t02():
    L = Layout("t02-xa-libreoffice", G, "Xã: bảng đơn giản TT | Chỉ tiêu | Tử số | Mẫu số | Tỷ lệ, lưu lại bằng LibreOffice", "commune", 2025)
    L.resave = True
    ws = L.sheet("Báo cáo xã")
    L.put(ws, 1, 1, "UBND XÃ NẬM XE - BÁO CÁO CHUYỂN ĐỔI SỐ NĂM 2025", bold=True)
    cols = [("stt", None), ("label", None), ("numerator", 2025), ("denominator", 2025), ("value", 2025)]
    hdr = [[(0, 1, 1, "TT"), (1, 1, 1, "Chỉ tiêu"), (2, 1, 1, "Tử số"), (3, 1, 1, "Mẫu số"), (4, 1, 1, "Tỷ lệ")]]
    table(L, ws, 3, 1, hdr, cols, [
        ind_ratio(1, "CQS-02", "Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng", [2, 3, 4]),
        ind_ratio(2, "CQS-04", "Tỷ lệ chế độ báo cáo thực hiện trên hệ thống thông tin báo cáo", [2, 3, 4]),
        ind_ratio(3, "CQS-11", "Cơ quan triển khai ATTT theo mô hình 4 lớp", [2, 3, 4]),
        ind_ratio(4, "XHS-12", "Bản du lịch cộng đồng số hóa 3D", [2, 3, 4]),
        ind_ratio(5, "NL-02", "Kinh phí chuyển đổi số / tổng chi ngân sách", [2, 3, 4]),
    ])
    return L


def t03():
    L = Layout("t03-xa-ba-nam-tu-mau", G, "Xã: Năm 2023, 2024, 2025 gộp ô trên Tử số | Mẫu số", "commune", 2025)
    ws = L.sheet("CĐS")
    cols = [("stt", None), ("label", None)] + [(p, y) for y in (2023, 2024, 2025) for p in ("numerator", "denominator")]
    hdr = [[(0, 1, 2, "STT"), (1, 1, 2, "Nội dung"), (2, 2, 1, "Năm 2023"), (4, 2, 1, "Năm 2024"), (6, 2, 1, "Năm 2025")],
           [(2 + 2 * i + j, 1, 1, t) for i in range(3) for j, t in enumerate(["Tử số", "Mẫu số"])]]
    def ind(stt, code, label):
        v = {}
        for i, y in enumerate((2023, 2024, 2025)):
            v.update(ratio_values(code, y, [2 + 2 * i, 3 + 2 * i]))
        return {"stt": stt, "label": label, "ind": code, "values": v}
    table(L, ws, 2, 1, hdr, cols, [
        ind(1, "CQS-02", "Hồ sơ công việc được xử lý trên môi trường mạng"),
        ind(2, "CQS-08", "Cán bộ, công chức được phổ cập kỹ năng số"),
        ind(3, "XHS-02", "HGĐ có đường truyền Internet băng rộng"),
        ind(4, "XHS-10", "Trường tiểu học dạy học trực tuyến"),
        ind(5, "XHS-11", "Trường THCS, THPT, GDTX dạy học trực tuyến"),
    ])
    return L


def t04():
    L = Layout("t04-huyen-theo-xa-khong-dau", G, "Huyện: bảng chuyển vị không dấu, dòng Toàn huyện; lưu lại bằng LibreOffice", "district", 2025)
    L.resave = True
    ws = L.sheet("Tong hop xa")
    inds = [("CQS-01", "Ty le DVC truc tuyen toan trinh"), ("CQS-08", "CBCCVC tap huan ky nang so"), ("KTS-10", "San pham OCOP len san TMDT")]
    top = 3
    L.put(ws, 1, 1, "TONG HOP SO LIEU CAC XA NAM 2025", bold=True)
    L.merge(ws, top, 1, top + 1, 1, "TT")
    L.merge(ws, top, 2, top + 1, 2, "Don vi")
    for i, (code, label) in enumerate(inds):
        c = 3 + 2 * i
        L.merge(ws, top, c, top, c + 1, label)
        L.put(ws, top + 1, c, "Tu so", bold=True)
        L.put(ws, top + 1, c + 1, "Mau so", bold=True)
    communes = ["Xa Ta Leng", "Xa Ho Thau", "Xa Ban Giang", "Xa Nung Nang", "Xa Khun Ha"]
    sums = [[0, 0] for _ in inds]
    for k, name in enumerate(communes):
        r = top + 2 + k
        L.put(ws, r, 1, k + 1)
        L.put(ws, r, 2, name)
        for i, (code, _) in enumerate(inds):
            num, den, _ = figures(code, 2025, salt=k + 3)
            L.put(ws, r, 3 + 2 * i, num)
            L.put(ws, r, 4 + 2 * i, den)
            sums[i][0] += num
            sums[i][1] += den
    r = top + 2 + len(communes)
    L.put(ws, r, 2, "Toan huyen", bold=True)
    for i, (code, _) in enumerate(inds):
        L.put(ws, r, 3 + 2 * i, sums[i][0])
        L.put(ws, r, 4 + 2 * i, sums[i][1])
        L.answer(ws, r, 3 + 2 * i, code, "numerator")
        L.answer(ws, r, 4 + 2 * i, code, "denominator")
    return L


def t05():
    L = Layout("t05-xa-danh-so-xuong-dong", G, "Xã: đánh số a), b), -, +, 1.2; nhãn xuống hai dòng; dòng không phải chỉ tiêu xen giữa", "commune", 2025)
    ws = L.sheet("Bieu 01")
    cols = [("stt", None), ("label", None), ("numerator", 2025), ("denominator", 2025), ("value", 2025)]
    hdr = [[(0, 1, 1, "TT"), (1, 1, 1, "Tên chỉ tiêu"), (2, 1, 1, "Tử số"), (3, 1, 1, "Mẫu số"), (4, 1, 1, "Tỷ lệ (%)")]]
    table(L, ws, 5, 1, hdr, cols, [
        {"stt": "1", "label": "Chính quyền số", "bold": True},
        ind_ratio("", "CQS-01", "a) Tỷ lệ dịch vụ công trực tuyến", [2, 3, 4], label2="toàn trình được cung cấp"),
        ind_ratio("", "CQS-07", "b) Hồ sơ, kết quả giải quyết TTHC được số hóa", [2, 3, 4]),
        {"stt": "", "label": "c) Số lượt truy cập cổng thông tin điện tử xã", "values": {2: 15320}},
        ind_ratio("", "CQS-12", "- Cuộc kiểm tra thực hiện qua môi trường số", [2, 3, 4]),
        {"stt": "2", "label": "Xã hội số", "bold": True},
        ind_ratio("", "XHS-06", "+ Dân số có hồ sơ sức khỏe điện tử", [2, 3, 4]),
        {"stt": "", "label": "+ Số thành viên tổ công nghệ số cộng đồng", "values": {2: 48}},
        ind_ratio("1.2", "XHS-10", "1.2 Cơ sở giáo dục tiểu học", [2, 3, 4], label2="triển khai dạy học trực tuyến"),
    ])
    return L


def t06():
    L = Layout("t06-tinh-ke-hoach-danh-gia", G, "Tỉnh: Kế hoạch 2025 | Thực hiện 2025 | Đánh giá; kế hoạch của đơn vị khác mục tiêu Nghị quyết ở vài dòng", "province", 2025)
    ws = L.sheet("Danh gia")
    cols = [("stt", None), ("label", None), ("unit", None), ("target", 2025), ("value", 2025), ("note", None)]
    hdr = [[(0, 1, 1, "STT"), (1, 1, 1, "Chỉ tiêu"), (2, 1, 1, "ĐVT"), (3, 1, 1, "Kế hoạch 2025"), (4, 1, 1, "Thực hiện 2025"), (5, 1, 1, "Đánh giá")]]
    def ind(stt, code, label, target, unit="%"):
        return {"stt": stt, "label": label, "unit": unit, "ind": code, "values": {3: target, 4: figures(code, 2025)[2]}}
    table(L, ws, 3, 1, hdr, cols, [
        ind("1", "KTS-03", "Tỷ trọng kinh tế số trong từng ngành, lĩnh vực", 10),
        ind("2", "KTS-05", "Doanh nghiệp ứng dụng CĐS", 50),
        ind("3", "KTS-07", "CSDL tài nguyên môi trường xây dựng, cập nhật", 90),
        ind("4", "XHS-08", "Đơn vị y tế ứng dụng quản trị thông minh", 70),
        {"stt": "5", "label": "Tổng vốn đầu tư cho hạ tầng số", "unit": "Tỷ đồng", "values": {3: 120, 4: 98}},
        ind("6", "XHS-13", "Tài liệu quý hiếm, địa chí được số hóa", 100),
        ind("7", "KTS-11", "SP nông nghiệp chủ lực lên sàn TMĐT", 100),
    ])
    return L


def t07():
    L = Layout("t07-huyen-hai-bang-canh-nhau", G, "Huyện: hai bảng chỉ tiêu cạnh nhau trong một sheet (A và I), tiêu đề ở dòng khác nhau", "district", 2025)
    ws = L.sheet("Tổng hợp CĐS")
    cols = [("stt", None), ("label", None), ("numerator", 2025), ("denominator", 2025)]
    L.put(ws, 1, 1, "A. CHÍNH QUYỀN SỐ", bold=True)
    table(L, ws, 2, 1, [[(0, 1, 1, "TT"), (1, 1, 1, "Chỉ tiêu"), (2, 1, 1, "Tử số"), (3, 1, 1, "Mẫu số")]], cols, [
        ind_ratio(1, "CQS-02", "HSCV xử lý trên môi trường mạng", [2, 3]),
        ind_ratio(2, "CQS-03", "VB điện tử ký số chuyên dùng", [2, 3]),
        ind_ratio(3, "CQS-09", "CBCCVC khai thác dữ liệu và công nghệ số", [2, 3]),
        ind_ratio(4, "NL-03", "CQNN có biên chế chuyên trách CNTT", [2, 3]),
    ])
    L.put(ws, 4, 9, "B. XÃ HỘI SỐ", bold=True)
    table(L, ws, 5, 9, [[(0, 1, 1, "TT"), (1, 1, 1, "Chỉ tiêu"), (2, 1, 1, "Tử số"), (3, 1, 1, "Mẫu số")]], cols, [
        ind_ratio(1, "XHS-02", "Hộ gia đình có cáp quang", [2, 3]),
        ind_ratio(2, "XHS-06", "Người dân có HSSK điện tử", [2, 3]),
        ind_ratio(3, "XHS-12", "Bản du lịch cộng đồng được số hóa 3D", [2, 3]),
    ])
    return L


def t08():
    L = Layout("t08-xa-nam-2024", G, "Xã: báo cáo năm 2024 (tiêu đề ghi năm), cột Năm 2023 và Ước TH năm 2024", "commune", 2024)
    ws = L.sheet("BC 2024")
    L.put(ws, 1, 1, "UBND XÃ HUA BUM", bold=True)
    L.put(ws, 2, 1, "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2024", bold=True)
    cols = [("stt", None), ("label", None), ("value", 2023), ("value", 2024)]
    hdr = [[(0, 1, 1, "STT"), (1, 1, 1, "Chỉ tiêu"), (2, 1, 1, "Năm 2023"), (3, 1, 1, "Ước TH năm 2024")]]
    def ind(stt, code, label):
        return {"stt": stt, "label": label, "ind": code, "values": {2: figures(code, 2023)[2], 3: figures(code, 2024)[2]}}
    table(L, ws, 4, 1, hdr, cols, [
        ind("I.1", "CQS-02", "Xử lý hồ sơ công việc trên môi trường mạng"),
        {"stt": "I.2", "label": "Kết nối mạng TSLCD", "ind": "CQS-06", "values": {2: "Có", 3: "Có"}},
        ind("I.3", "CQS-08", strip_marks("CBCCVC được phổ cập kỹ năng số cơ bản")),
        {"stt": "II.1", "label": "Hạ tầng cáp quang đến xã", "ind": "XHS-01", "values": {2: "Không", 3: "Có"}},
        {"stt": "II.2", "label": "Trạm y tế triển khai hệ thống thông tin", "ind": "XHS-07", "values": {2: "Có", 3: "Có"}},
        {"stt": "II.3", "label": "Số hộ được hỗ trợ lắp đặt Internet", "values": {2: 35, 3: 60}},
    ])
    return L


def t09():
    L = Layout("t09-tinh-cot-ma-so", G, "Tỉnh: cột Mã số với mã chỉ tiêu (một mã gõ chữ thường, có khoảng trắng), nhãn viết tắt", "province", 2025)
    ws = L.sheet("Chi tieu")
    cols = [("code", None), ("label", None), ("numerator", 2025), ("denominator", 2025), ("value", 2025)]
    hdr = [[(0, 1, 1, "Mã số"), (1, 1, 1, "Chỉ tiêu"), (2, 1, 1, "Tử số"), (3, 1, 1, "Mẫu số"), (4, 1, 1, "Tỷ lệ (%)")]]
    def ind(code, label, written=None):
        d = ind_ratio("", code, label, [2, 3, 4])
        d["code"] = written or code
        return d
    table(L, ws, 2, 1, hdr, cols, [
        ind("CQS-01", "DVC trực tuyến toàn trình"),
        ind("CQS-05", "CSDL kết nối, chia sẻ", written=" cqs-05 "),
        ind("CQS-10", "CBCCVC bồi dưỡng phân tích dữ liệu"),
        ind("KTS-05", "DN ứng dụng CĐS"),
        ind("KTS-06", "DN giao dịch điện tử tài chính"),
        ind("XHS-11", "Cơ sở GD trung học, GDTX dạy trực tuyến"),
        {"code": "", "label": "Tổng số lớp bồi dưỡng", "values": {2: 12}},
    ])
    return L


LAYOUTS = [t01, t02, t03, t04, t05, t06, t07, t08, t09]
