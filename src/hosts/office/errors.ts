// Office.js failures turned into HostError with a Vietnamese and an English message the pane can show as is.

import { HostError } from "../host";

interface OfficeErrorLike {
  code?: unknown;
  message?: unknown;
  debugInfo?: { errorLocation?: unknown };
}

const BY_CODE: Record<string, { code: string; vi: string; en: string }> = {
  AccessDenied: {
    code: "sheet-protected",
    vi: "Trang tính đang được bảo vệ nên Chỉ tiêu CĐS không ghi được. Hãy bỏ bảo vệ trang tính (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại.",
    en: "The sheet is protected, so Chỉ tiêu CĐS cannot change it. Unprotect it (Review › Unprotect Sheet) and try again.",
  },
  InvalidOperationInCellEditMode: {
    code: "cell-edit-mode",
    vi: "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để kết thúc việc nhập rồi thử lại.",
    en: "Excel is in cell-edit mode. Press Enter or Esc to finish typing, then try again.",
  },
  ApiNotFound: {
    code: "api-not-supported",
    vi: "Phiên bản Excel này không hỗ trợ thao tác cần dùng. Hãy cập nhật Office hoặc dùng chế độ trình duyệt.",
    en: "This version of Excel does not support an operation we need. Update Office or use the browser mode.",
  },
  ItemNotFound: {
    code: "not-found",
    vi: "Không tìm thấy trang tính hoặc đối tượng cần thao tác; sổ tính có thể vừa thay đổi. Hãy kiểm tra lại và thử lại.",
    en: "A sheet or object we needed was not found; the workbook may have just changed. Check it and try again.",
  },
  ItemAlreadyExists: {
    code: "already-exists",
    vi: "Sổ tính đã có một đối tượng trùng tên.",
    en: "The workbook already has an object with that name.",
  },
  RequestPayloadSizeLimitExceeded: {
    code: "too-large",
    vi: "Lượng dữ liệu gửi tới Excel quá lớn cho một lần. Hãy thu nhỏ vùng dữ liệu hoặc chia sổ tính.",
    en: "Too much data for one request to Excel. Reduce the data range or split the workbook.",
  },
  ResponsePayloadSizeLimitExceeded: {
    code: "too-large",
    vi: "Dữ liệu Excel phải gửi về quá lớn cho một lần (Excel trên web giới hạn 5 MB). Hãy xóa các vùng dữ liệu không dùng đến, tách bớt trang tính sang sổ khác, hoặc dùng Excel trên máy tính hay chế độ trình duyệt.",
    en: "The data Excel has to send back is too large for one response (Excel on the web allows 5 MB). Remove unused data ranges, move sheets to another workbook, or use desktop Excel or the browser mode.",
  },
  InvalidArgument: {
    code: "invalid-argument",
    vi: "Excel từ chối một giá trị hoặc địa chỉ ô không hợp lệ.",
    en: "Excel rejected an invalid value or cell address.",
  },
};

/** Wraps any failure of an Office.js batch; a HostError passes through untouched. */
export function toHostError(e: unknown, action: { vi: string; en: string }): HostError {
  if (e instanceof HostError) return e;
  const err = (typeof e === "object" && e !== null ? e : {}) as OfficeErrorLike;
  const excelCode = typeof err.code === "string" ? err.code : "";
  const known = BY_CODE[excelCode];
  const detail = typeof err.message === "string" ? err.message : String(e);
  const where = typeof err.debugInfo?.errorLocation === "string" ? ` [${err.debugInfo.errorLocation}]` : "";
  if (known) {
    return new HostError(
      known.code,
      `${action.vi}: ${known.vi} (mã lỗi Excel: ${excelCode})`,
      `${action.en}: ${known.en} (Excel error code: ${excelCode}${where})`,
    );
  }
  return new HostError(
    "excel-error",
    `${action.vi}: Excel báo lỗi${excelCode ? ` ${excelCode}` : ""} — ${detail}`,
    `${action.en}: Excel reported an error${excelCode ? ` ${excelCode}` : ""}${where} — ${detail}`,
  );
}

export function excelCode(e: unknown): string | undefined {
  const code = (e as OfficeErrorLike | null)?.code;
  return typeof code === "string" ? code : undefined;
}
