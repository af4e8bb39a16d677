import { resolveContext, missingContextFields } from "../../../src/core/check";
import { ChitieuError, isChitieuError } from "../../../src/core/errors";
import { msg } from "../../../src/core/messages";
import { caught } from "../../support/caught";

describe("a user error", () => {
  it("is a stable code, a catalog key and its parameters, with the English text as its message for logs", () => {
    const e = new ChitieuError("error.too-large.ratio", { name: "xl/worksheets/sheet1.xml", ratio: 2500, limit: 200 });
    expect({ code: e.code, key: e.key, params: e.params }).toEqual({
      code: "too-large",
      key: "error.too-large.ratio",
      params: { name: "xl/worksheets/sheet1.xml", ratio: 2500, limit: 200 },
    });
    expect(e.message).toBe(e.text("en"));
    expect(e.message).toContain("(2500:1, limit 200:1)");
    expect(e).toBeInstanceOf(Error);
  });

  it("is rendered in Vietnamese and English from the catalogs, numbers and sizes the language's way", () => {
    const e = new ChitieuError("error.too-large.total", { size: 1.5 * 1024 * 1024 * 1024, limit: 512 * 1024 * 1024 });
    expect(e.text("vi")).toBe("Tệp khi giải nén chiếm 1536,0 MB, vượt giới hạn 512,0 MB. Hãy chia nhỏ bảng tính hoặc xóa dữ liệu, hình ảnh không cần thiết.");
    expect(e.text("en")).toBe("The file inflates to 1536.0 MB, over the 512.0 MB limit. Split the workbook or remove unneeded data and images.");
    expect(new ChitieuError("error.too-many-cells", { limit: 2_000_000 }).text("vi")).toContain("hơn 2.000.000 ô");
    expect(new ChitieuError("error.timeout", { seconds: 2.5 }).text("vi")).toContain("quá 2,5 giây");
  });

  it("renders a nested message in the same language", () => {
    const e = new ChitieuError("error.corrupt-zip", { detail: msg("zip.entry-cut-off", { name: "xl/styles.xml" }) });
    expect(e.text("vi")).toContain('(thành phần "xl/styles.xml" bị cắt cụt)');
    expect(e.text("en")).toContain('("xl/styles.xml" is cut off)');
  });

  it("keeps Vietnamese in NFC whatever its parameters were typed in", () => {
    const decomposed = "Mường Tè".normalize("NFD");
    const text = new ChitieuError("error.unit-not-found", { query: decomposed, year: 2025 }).text("vi");
    expect(text).toBe(text.normalize("NFC"));
    expect(text).toContain('"Mường Tè"');
  });

  it("is told apart from a bug, which stays a plain Error", () => {
    expect(isChitieuError(new ChitieuError("error.no-workbook"))).toBe(true);
    expect(isChitieuError(new TypeError("x is undefined"))).toBe(false);
  });
});

describe("the core's 'which unit, level and year' error", () => {
  it("carries the missing fields as parameters, naming no command-line option", () => {
    const both = caught(() => resolveContext({}, null), ChitieuError);
    expect(missingContextFields(both)).toEqual(["level", "year"]);
    expect(both.text("vi")).toBe("Sổ tính không phải biểu mẫu chuẩn nên chưa biết cấp báo cáo và năm báo cáo.");
    expect(both.text("en")).not.toContain("--");

    const year = caught(() => resolveContext({ level: "commune" }, null), ChitieuError);
    expect(missingContextFields(year)).toEqual(["year"]);
    expect(year.text("vi")).toBe("Sổ tính không phải biểu mẫu chuẩn nên chưa biết năm báo cáo.");
  });

  it("says nothing is missing for any other error", () => {
    expect(missingContextFields(new ChitieuError("error.no-indicators"))).toEqual([]);
    expect(missingContextFields(new Error("bug"))).toEqual([]);
  });

  it("refuses a year outside the resolution's period with its own code", () => {
    const e = caught(() => resolveContext({ level: "province", year: 2035 }, null), ChitieuError);
    expect(e.code).toBe("bad-year");
    expect(e.text("vi")).toBe("Năm báo cáo 2035 nằm ngoài giai đoạn 2021–2030 của Nghị quyết.");
  });
});
