"""The held-out layouts: written before the matcher was tuned and never changed afterwards (see the README beside them)."""
from layoutlib import Layout, figures, ratio_values, strip_marks, table

G = "held-out"


def h01():
    L = Layout("h01-huyen-ke-hoach-thuc-hien", G, "Huyện: STT, nội dung, ĐVT, kế hoạch và thực hiện năm 2025 (tỷ lệ %), mục lớn La Mã, dòng không phải chỉ tiêu xen giữa", "district", 2025)
    ws = L.sheet("Báo cáo")
    L.put(ws, 1, 1, "UBND HUYỆN TAM ĐƯỜNG", bold=True)
    L.put(ws, 2, 1, "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2025", bold=True)
    cols = [("stt", None), ("label", None), ("unit", None), ("target", 2025), ("value", 2025), ("note", None)]
    hdr = [[(0, 1, 1, "STT"), (1, 1, 1, "Nội dung chỉ tiêu"), (2, 1, 1, "Đơn vị tính"), (3, 1, 1, "Kế hoạch năm 2025"), (4, 1, 1, "Thực hiện năm 2025"), (5, 1, 1, "Ghi chú")]]
    def ind(stt, code, label, target, salt=0):
        return {"stt": stt, "label": label, "unit": "%", "ind": code, "values": {3: target, 4: figures(code, 2025, salt)[2]}}
    rows = [
        {"stt": "I", "label": "CHÍNH QUYỀN SỐ", "bold": True},
        ind("1", "CQS-01", "Tỷ lệ TTHC đủ điều kiện cung cấp dịch vụ công trực tuyến toàn trình", 100),
        ind("2", "CQS-02", "Tỷ lệ hồ sơ công việc cấp huyện được xử lý trên môi trường mạng", 90),
        ind("3", "CQS-03", "Tỷ lệ văn bản đi được ký số, gửi nhận dưới dạng điện tử", 80),
        {"stt": "4", "label": "Số lớp tập huấn kỹ năng số đã tổ chức", "unit": "Lớp", "values": {3: 4, 4: 5}},
        ind("5", "CQS-08", "Tỷ lệ cán bộ, công chức, viên chức được tập huấn kỹ năng số cơ bản", 100),
        ind("6", "CQS-11", "Tỷ lệ cơ quan bảo đảm an toàn thông tin theo mô hình 4 lớp", 100),
        {"stt": "II", "label": "XÃ HỘI SỐ", "bold": True},
        ind("1", "XHS-02", "Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang", 80),
        ind("2", "XHS-06", "Tỷ lệ dân số có hồ sơ sức khỏe điện tử", 90),
        {"stt": "3", "label": "Số tổ công nghệ số cộng đồng được thành lập", "unit": "Tổ", "values": {3: 95, 4: 97}},
        ind("4", "XHS-10", "Tỷ lệ trường tiểu học tổ chức dạy học trực tuyến", 100),
        {"stt": "III", "label": "NỀN TẢNG VÀ NGUỒN LỰC", "bold": True},
        {"stt": "1", "label": "Kinh phí sự nghiệp thông tin đã giải ngân", "unit": "Triệu đồng", "values": {3: 850, 4: 812}},
        ind("2", "NL-03", "Tỷ lệ cơ quan nhà nước có ít nhất 01 cán bộ chuyên trách CNTT", 100),
    ]
    table(L, ws, 4, 1, hdr, cols, rows)
    return L


def h02():
    L = Layout("h02-xa-ba-nam", G, "Xã: ba cột năm 2023, 2024, 2025 cạnh nhau (tỷ lệ %), một số nhãn không dấu", "commune", 2025)
    ws = L.sheet("Chi tieu CDS")
    L.put(ws, 1, 1, "UBND XÃ BẢN HON", bold=True)
    L.put(ws, 2, 1, "Tổng hợp chỉ tiêu chuyển đổi số giai đoạn 2023 - 2025", bold=True)
    cols = [("stt", None), ("label", None), ("value", 2023), ("value", 2024), ("value", 2025)]
    hdr = [[(0, 1, 1, "TT"), (1, 1, 1, "Chỉ tiêu"), (2, 1, 1, "Năm 2023"), (3, 1, 1, "Năm 2024"), (4, 1, 1, "Năm 2025")]]
    def ind(stt, code, label):
        return {"stt": stt, "label": label, "ind": code, "values": {2: figures(code, 2023)[2], 3: figures(code, 2024)[2], 4: figures(code, 2025)[2]}}
    rows = [
        ind(1, "CQS-02", "Tỷ lệ hồ sơ công việc của xã xử lý trên môi trường mạng"),
        ind(2, "CQS-04", strip_marks("Chế độ báo cáo thực hiện trên Hệ thống thông tin báo cáo")),
        {"stt": 3, "label": "UBND xã kết nối mạng truyền số liệu chuyên dùng", "ind": "CQS-06", "values": {2: "Không", 3: "Có", 4: "Có"}},
        ind(4, "CQS-07", strip_marks("Tỷ lệ kết quả giải quyết TTHC được số hóa")),
        {"stt": 5, "label": "Số máy tính trang bị cho cán bộ xã", "values": {2: 12, 3: 14, 4: 15}},
        ind(6, "XHS-06", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử"),
        {"stt": 7, "label": strip_marks("Trạm y tế xã triển khai hệ thống thông tin trạm y tế"), "ind": "XHS-07", "values": {2: "Co", 3: "Co", 4: "Co"}},
        {"stt": 8, "label": "Tổng số hộ nghèo", "values": {2: 212, 3: 190, 4: 171}},
        ind(9, "KTS-10", "Tỷ lệ sản phẩm OCOP của xã được đưa lên sàn TMĐT"),
    ]
    table(L, ws, 4, 1, hdr, cols, rows)
    return L


def h03():
    L = Layout("h03-xa-tieu-de-gop-cot-F", G, "Xã: bảng bắt đầu ở cột F dòng 10, tiêu đề hai tầng gộp ô (Kết quả năm 2024/2025 trên Tử số | Mẫu số | Tỷ lệ), bên trái là danh sách lớp tập huấn", "commune", 2025)
    ws = L.sheet("Sheet1")
    L.put(ws, 1, 1, "Danh sách lớp tập huấn năm 2025", bold=True)
    table(L, ws, 2, 1, [[(0, 1, 1, "STT"), (1, 1, 1, "Tên lớp"), (2, 1, 1, "Số học viên"), (3, 1, 1, "Kinh phí (đồng)")]],
          [("stt", None), ("label", None), None, None],
          [{"stt": i, "label": f"Lớp bồi dưỡng kỹ năng số cho tổ CNSCĐ bản {b}", "values": {2: 20 + i, 3: 4500000 + i * 100000}} for i, b in enumerate(["Hon", "Thẳm", "Phiêng", "Nà Cóc", "Lùng"], 1)])
    cols = [("stt", None), ("label", None), ("numerator", 2024), ("denominator", 2024), ("value", 2024), ("numerator", 2025), ("denominator", 2025), ("value", 2025)]
    hdr = [
        [(0, 1, 2, "TT"), (1, 1, 2, "Tên chỉ tiêu"), (2, 3, 1, "Kết quả năm 2024"), (5, 3, 1, "Kết quả năm 2025")],
        [(2, 1, 1, "Tử số"), (3, 1, 1, "Mẫu số"), (4, 1, 1, "Tỷ lệ (%)"), (5, 1, 1, "Tử số"), (6, 1, 1, "Mẫu số"), (7, 1, 1, "Tỷ lệ (%)")],
    ]
    def ind(stt, code, label):
        v = ratio_values(code, 2024, [2, 3, 4])
        v.update(ratio_values(code, 2025, [5, 6, 7]))
        return {"stt": stt, "label": label, "ind": code, "values": v}
    rows = [
        ind(1, "CQS-01", "Tỷ lệ DVC trực tuyến toàn trình / TTHC đủ điều kiện"),
        ind(2, "CQS-02", "Tỷ lệ HSCV được xử lý trên môi trường mạng"),
        ind(3, "CQS-03", "Tỷ lệ VB trao đổi dưới dạng điện tử có ký số"),
        ind(4, "CQS-08", "CBCCVC được tập huấn kỹ năng số cơ bản"),
        ind(5, "XHS-02", "Hộ gia đình có Internet băng rộng cáp quang"),
        ind(6, "XHS-10", "Cơ sở giáo dục tiểu học dạy học trực tuyến"),
        ind(7, "NL-02", "Chi cho CĐS/tổng chi cân đối ngân sách xã"),
    ]
    table(L, ws, 10, 6, hdr, cols, rows)
    return L


def h04():
    L = Layout("h04-huyen-theo-xa-chuyen-vi", G, "Huyện: bảng chuyển vị, chỉ tiêu theo cột (Tử số | Mẫu số), các xã theo dòng, dòng Tổng cộng là số của huyện", "district", 2025)
    ws = L.sheet("Theo xã")
    L.put(ws, 1, 1, "PHÒNG VĂN HÓA VÀ THÔNG TIN HUYỆN PHONG THỔ", bold=True)
    L.put(ws, 2, 1, "Số liệu chuyển đổi số các xã, thị trấn năm 2025", bold=True)
    inds = [("CQS-02", "Hồ sơ công việc xử lý trên môi trường mạng"), ("XHS-02", "Hộ gia đình có Internet băng rộng"), ("XHS-06", "Dân số có hồ sơ sức khỏe điện tử")]
    top = 4
    L.merge(ws, top, 1, top + 1, 1, "STT")
    L.merge(ws, top, 2, top + 1, 2, "Xã, thị trấn")
    for i, (code, label) in enumerate(inds):
        c = 3 + 2 * i
        L.merge(ws, top, c, top, c + 1, label)
        L.put(ws, top + 1, c, "Tử số", bold=True)
        L.put(ws, top + 1, c + 1, "Mẫu số", bold=True)
    communes = ["TT Phong Thổ", "Xã Mường So", "Xã Khổng Lào", "Xã Hoang Thèn", "Xã Bản Lang", "Xã Dào San", "Xã Sì Lở Lầu"]
    sums = [[0, 0] for _ in inds]
    for k, name in enumerate(communes):
        r = top + 2 + k
        L.put(ws, r, 1, k + 1)
        L.put(ws, r, 2, name)
        for i, (code, _) in enumerate(inds):
            num, den, _ = figures(code, 2025, salt=k)
            L.put(ws, r, 3 + 2 * i, num)
            L.put(ws, r, 4 + 2 * i, den)
            sums[i][0] += num
            sums[i][1] += den
    r = top + 2 + len(communes)
    L.put(ws, r, 2, "Tổng cộng", bold=True)
    for i, (code, _) in enumerate(inds):
        L.put(ws, r, 3 + 2 * i, sums[i][0], bold=True)
        L.put(ws, r, 4 + 2 * i, sums[i][1], bold=True)
        L.answer(ws, r, 3 + 2 * i, code, "numerator")
        L.answer(ws, r, 4 + 2 * i, code, "denominator")
    return L


def h05():
    L = Layout("h05-xa-khong-dau-dong-150", G, "Xã: bảng không dấu, viết tắt, nằm ở dòng 150 dưới danh sách hộ dân", "commune", 2025)
    ws = L.sheet("Ho dan")
    L.filler(ws, 1, 1, 140)
    L.put(ws, 148, 1, "BANG CHI TIEU CHUYEN DOI SO NAM 2025", bold=True)
    cols = [("stt", None), ("label", None), ("numerator", 2025), ("denominator", 2025), ("value", 2025)]
    hdr = [[(0, 1, 1, "TT"), (1, 1, 1, "Chi tieu"), (2, 1, 1, "Tu so"), (3, 1, 1, "Mau so"), (4, 1, 1, "Ty le (%)")]]
    def ind(stt, code, label):
        return {"stt": stt, "label": label, "ind": code, "values": ratio_values(code, 2025, [2, 3, 4])}
    rows = [
        ind(1, "CQS-02", "Ty le HSCV xu ly tren moi truong mang"),
        ind(2, "CQS-07", "So hoa ho so, ket qua giai quyet TTHC"),
        ind(3, "CQS-08", "CBCCVC duoc tap huan ky nang so co ban"),
        {"stt": 4, "label": "So lop tap huan ky nang so", "values": {2: 3}},
        ind(5, "XHS-02", "Ho gia dinh co Internet bang rong"),
        ind(6, "XHS-06", "Dan so co HSSK dien tu"),
        ind(7, "KTS-10", "San pham OCOP len san TMDT"),
        {"stt": 8, "label": "Tong cong", "values": {2: 999, 3: 1999}},
    ]
    table(L, ws, 150, 1, hdr, cols, rows)
    return L


def h06():
    L = Layout("h06-tinh-moi-tru-cot-mot-sheet", G, "Tỉnh: mỗi trụ cột một sheet, nhãn xuống dòng hai ô hoặc gộp hai dòng; lưu lại bằng LibreOffice", "province", 2025)
    L.resave = True
    cols = [("stt", None), ("label", None), ("numerator", 2025), ("denominator", 2025), ("value", 2025), ("note", None)]
    hdr = [[(0, 1, 1, "STT"), (1, 1, 1, "Chỉ tiêu"), (2, 1, 1, "Tử số"), (3, 1, 1, "Mẫu số"), (4, 1, 1, "Kết quả (%)"), (5, 1, 1, "Ghi chú")]]
    def ind(stt, code, label, **kw):
        d = {"stt": stt, "label": label, "ind": code, "values": ratio_values(code, 2025, [2, 3, 4])}
        d.update(kw)
        return d
    def pct(stt, code, label, **kw):
        d = {"stt": stt, "label": label, "ind": code, "values": {4: figures(code, 2025)[2]}}
        d.update(kw)
        return d
    ws = L.sheet("Chính quyền số")
    L.put(ws, 1, 1, "1. CHÍNH QUYỀN SỐ", bold=True)
    table(L, ws, 3, 1, hdr, cols, [
        ind("1.1", "CQS-01", "Tỷ lệ dịch vụ công trực tuyến toàn trình", label2="trên tổng số TTHC đủ điều kiện"),
        ind("1.2", "CQS-05", "Tỷ lệ CSDL dùng chung, chuyên ngành được kết nối, chia sẻ qua LGSP"),
        ind("1.3", "CQS-09", "Tỷ lệ CBCCVC tham gia khai thác dữ liệu", label2="và công nghệ số"),
        ind("1.4", "CQS-12", "Tỷ lệ hoạt động kiểm tra thực hiện qua môi trường số", merged=True),
    ])
    ws = L.sheet("Kinh tế số")
    L.put(ws, 1, 1, "2. KINH TẾ SỐ", bold=True)
    table(L, ws, 3, 1, hdr, cols, [
        pct("2.1", "KTS-01", "Tỷ trọng kinh tế số trong GRDP của tỉnh"),
        ind("2.2", "KTS-05", "Tỷ lệ doanh nghiệp ứng dụng chuyển đổi số"),
        ind("2.3", "KTS-11", "Sản phẩm nông nghiệp chủ lực được đưa lên", label2="sàn thương mại điện tử"),
        {"stt": "2.4", "label": "Số doanh nghiệp công nghệ số đang hoạt động", "values": {2: 41}},
    ])
    ws = L.sheet("Xã hội số")
    L.put(ws, 1, 1, "3. XÃ HỘI SỐ", bold=True)
    table(L, ws, 3, 1, hdr, cols, [
        ind("3.1", "XHS-08", "Đơn vị ngành y tế ứng dụng quản trị y tế thông minh"),
        ind("3.2", "XHS-11", "Cơ sở giáo dục trung học, GDTX dạy học trực tuyến", merged=True),
        ind("3.3", "XHS-13", "Tài liệu quý hiếm, tài liệu địa chí được số hóa"),
    ])
    ws = L.sheet("Nền tảng")
    L.put(ws, 1, 1, "4. NỀN TẢNG, NGUỒN LỰC", bold=True)
    table(L, ws, 3, 1, hdr, cols, [
        ind("4.1", "NL-02", "Chi cho chuyển đổi số trên tổng chi cân đối ngân sách địa phương"),
        ind("4.2", "NL-03", "Cơ quan nhà nước có biên chế chuyên trách CNTT"),
    ])
    return L


def h07():
    L = Layout("h07-huyen-nhieu-bang-mot-sheet", G, "Huyện: ba bảng trong một sheet (dự toán kinh phí, chỉ tiêu có cột Mã ở một số dòng, lớp tập huấn)", "district", 2025)
    ws = L.sheet("Tổng hợp")
    L.put(ws, 1, 1, "I. DỰ TOÁN KINH PHÍ CHUYỂN ĐỔI SỐ", bold=True)
    table(L, ws, 2, 1, [[(0, 1, 1, "STT"), (1, 1, 1, "Nội dung"), (2, 1, 1, "Dự toán 2025"), (3, 1, 1, "Thực hiện 2025")]],
          [("stt", None), ("label", None), None, None],
          [{"stt": i, "label": t, "values": {2: a, 3: b}} for i, (t, a, b) in enumerate([
              ("Mua sắm thiết bị cho bộ phận một cửa", 320, 305), ("Duy trì hệ thống quản lý văn bản", 120, 120),
              ("Tập huấn chuyển đổi số cho tổ CNSCĐ", 85, 80), ("Tuyên truyền về chuyển đổi số", 40, 36), ("Tổng cộng", 565, 541)], 1)])
    L.put(ws, 12, 1, "II. KẾT QUẢ CÁC CHỈ TIÊU", bold=True)
    cols = [("code", None), ("label", None), ("unit", None), ("value", 2025)]
    hdr = [[(0, 1, 1, "Mã"), (1, 1, 1, "Chỉ tiêu"), (2, 1, 1, "ĐVT"), (3, 1, 1, "Kết quả 2025")]]
    def ind(code, label, write_code=True):
        d = {"label": label, "ind": code, "unit": "%", "values": {3: figures(code, 2025)[2]}}
        if write_code:
            d["code"] = code
        return d
    table(L, ws, 13, 1, hdr, cols, [
        ind("CQS-02", "Hồ sơ công việc xử lý trên mạng"),
        ind("CQS-04", "Báo cáo qua hệ thống thông tin báo cáo"),
        ind("CQS-10", "CBCCVC được bồi dưỡng kỹ năng phân tích dữ liệu", write_code=False),
        ind("KTS-09", "Tỷ lệ diện tích rừng được giám sát bằng hệ thống quản lý rừng thông minh", write_code=False),
        dict(ind("XHS-09", "Huyện triển khai dịch vụ đô thị thông minh"), unit="Có/Không", values={3: "Có"}),
        ind("XHS-12", "Điểm, bản du lịch cộng đồng được số hóa 3D", write_code=False),
    ])
    L.put(ws, 22, 1, "III. LỚP TẬP HUẤN", bold=True)
    table(L, ws, 23, 1, [[(0, 1, 1, "STT"), (1, 1, 1, "Đối tượng"), (2, 1, 1, "Số lớp"), (3, 1, 1, "Số học viên")]],
          [("stt", None), ("label", None), None, None],
          [{"stt": 1, "label": "Cán bộ, công chức cấp xã", "values": {2: 3, 3: 95}},
           {"stt": 2, "label": "Tổ công nghệ số cộng đồng", "values": {2: 7, 3: 310}},
           {"stt": 3, "label": "Hộ kinh doanh, hợp tác xã", "values": {2: 2, 3: 64}}])
    return L


def h08():
    L = Layout("h08-tinh-viet-tat-loi-go", G, "Tỉnh: nhãn viết tắt và gõ sai, cột Mục tiêu NQ riêng của đơn vị, Ước thực hiện 2025, xếp hạng và tốc độ tăng", "province", 2025)
    ws = L.sheet("Uoc TH 2025")
    L.put(ws, 1, 2, "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH LAI CHÂU", bold=True)
    L.put(ws, 2, 2, "Ước thực hiện các chỉ tiêu Nghị quyết 09-NQ/TU năm 2025", bold=True)
    cols = [("stt", None), ("label", None), ("target", 2025), ("value", 2025), ("note", None)]
    hdr = [[(0, 1, 1, "STT"), (1, 1, 1, "Chỉ tiêu"), (2, 1, 1, "Mục tiêu NQ 09"), (3, 1, 1, "Ước thực hiện 2025"), (4, 1, 1, "Ghi chú")]]
    def ind(stt, code, label, target, value):
        return {"stt": stt, "label": label, "ind": code, "values": {2: target, 3: value}}
    table(L, ws, 4, 2, hdr, cols, [
        ind("1", "NL-01", "Xếp hạng chỉ số DTI của tỉnh", 45, 41),
        ind("2", "KTS-01", "Tỷ trọng kinh tê số trong GRDP (%)", 10, 6.8),
        ind("3", "KTS-02", "Tốc độ tăng năng xuất lao động hàng năm (%)", 7, 6.2),
        ind("4", "KTS-06", "Tỷ lệ DN giao dịch điện tử trong hoạt đông tài chính", 80, 71.5),
        ind("5", "XHS-04", "Tỷ lệ người dùng điện thoại thông minh sử dụng DV chính quyền điện tử", 60, 48.2),
        ind("6", "XHS-05", "Tỷ lệ người trưởng thành sử dụng dịch vụ thanh toán điện tử", 50, 52.3),
        {"stt": "7", "label": "Số thuê bao di động có sử dụng Internet (nghìn thuê bao)", "values": {3: 312}},
        ind("8", "KTS-07", "Tỷ lệ CSDL tài nguyên và môi trường được xây dựng, cập nhật", 100, 85),
        ind("9", "CQS-05", "CSDL dùng chung được kết nối chia sẻ qua nền tảng LGSP", 100, 92),
    ])
    return L


LAYOUTS = [h01, h02, h03, h04, h05, h06, h07, h08]
