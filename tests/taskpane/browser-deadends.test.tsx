import "./support/dom-polyfills";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import type { Choice } from "../../src/app/choice";
import { BrowserApp } from "../../src/browser/BrowserApp";
import { clearedFileName, markedFileName, readFileBytes } from "../../src/browser/download";
import { fillTemplateLayout } from "../../src/core/template";
import { loadUnits } from "../../src/core/units";
import { hasHighlights } from "../../src/hosts/xlsx/mark";
import { writeTemplateXlsx } from "../../src/hosts/xlsx/template";
import { catalog, DISTRICT_FIGURES, districtLayout } from "./support/fixtures";
import { renderInFrame } from "./support/render";
import { captureDownloads } from "./support/downloads";
import { plainWorkbook } from "../support/plain-workbook";

// Browser mode leaves no dead end: a re-check sees the file as it is now, marks can be removed, names do not pile
// up suffixes, several files are each checked, and focus lands on the results.

const registry = loadUnits();

function renderBrowser(initialChoice: Choice = { level: "district", year: 2025, unitCode: "huyen-tam-duong" }) {
  return renderInFrame(<BrowserApp catalog={catalog} registry={registry} initialChoice={initialChoice} />);
}


const input = () => screen.getByLabelText("Chọn tệp .xlsx", { selector: "input" });

function upload(...files: File[]) {
  fireEvent.change(input(), { target: { files } });
}

const filled = (figures = DISTRICT_FIGURES) => writeTemplateXlsx(fillTemplateLayout(districtLayout(), figures));

/** A file whose content on disk changes between reads, as when the clerk fixes it in Excel and saves. */
function changingFile(name: string, versions: Uint8Array[]): File {
  const f = new File([versions[0]! as BlobPart], name);
  let read = 0;
  f.arrayBuffer = () => Promise.resolve(Uint8Array.from(versions[Math.min(read++, versions.length - 1)]!).buffer);
  return f;
}

/** The same workbook without docProps/custom.xml, as openpyxl or a mail gateway leaves it: level/year unknown. */
function withoutMetadata(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  delete parts["docProps/custom.xml"];
  return zipSync(parts);
}

/** As withoutMetadata, and the header no longer says the year ("Năm báo cáo" relabelled): nothing says level and year. */
function withoutMetadataOrHeader(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(withoutMetadata(bytes));
  for (const [name, data] of Object.entries(parts)) {
    if (name.endsWith(".xml")) parts[name] = strToU8(strFromU8(data).split("Năm báo cáo").join("Kỳ"));
  }
  return zipSync(parts);
}

const count = (id: string) => within(screen.getByTestId(id)).getByRole("definition").textContent;

describe("file names of downloaded copies", () => {
  it("a marked copy of a marked copy is named with the suffix once", () => {
    expect(markedFileName("bao-cao.xlsx")).toBe("bao-cao-da-danh-dau.xlsx");
    expect(markedFileName("bao-cao-da-danh-dau.xlsx")).toBe("bao-cao-da-danh-dau.xlsx");
    expect(markedFileName("bao-cao-da-xoa-danh-dau.xlsx")).toBe("bao-cao-da-danh-dau.xlsx");
    expect(clearedFileName("bao-cao-da-danh-dau.xlsx")).toBe("bao-cao-da-xoa-danh-dau.xlsx");
  });
});

describe("browser mode: re-checking", () => {
  it("\"Kiểm tra lại\" reads the file again, so a figure fixed on disk is seen", async () => {
    const fixed = new Map(DISTRICT_FIGURES);
    fixed.set("CQS-09", { numerator: 40, denominator: 100 });
    renderBrowser();
    upload(changingFile("bao-cao.xlsx", [filled(), filled(fixed)]));
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    expect(count("count-notMet")).toBe("2");
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra lại" }));
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    await act(async () => undefined);
    expect(count("count-notMet")).toBe("1");
  });

  it("keeps the level and year chosen by hand", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderBrowser({ level: "province", year: 2025, unitCode: "tinh-lai-chau" });
    upload(new File([withoutMetadataOrHeader(filled()) as BlobPart], "bao-cao.xlsx"));
    const retry = within(await screen.findByTestId("context-retry"));
    fireEvent.change(retry.getByLabelText("Cấp báo cáo"), { target: { value: "district" } });
    fireEvent.click(retry.getByRole("button", { name: "Kiểm tra với lựa chọn này" }));
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    expect(screen.getByTestId("check-context").textContent).toBe("Cấp Huyện · năm 2025");
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra lại" }));
    await act(async () => undefined);
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    expect(screen.queryByTestId("context-retry")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByTestId("check-context").textContent).toBe("Cấp Huyện · năm 2025");
  });

  it("moves focus to the results heading when the results appear", async () => {
    renderBrowser();
    upload(new File([filled() as BlobPart], "bao-cao.xlsx"));
    const heading = await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    expect(document.activeElement).toBe(heading);
  });
});

describe("browser mode: removing marks", () => {
  it("\"Xóa đánh dấu\" downloads a clean copy of a marked file", async () => {
    const downloads = captureDownloads();
    try {
      renderBrowser();
      upload(new File([filled() as BlobPart], "bao-cao.xlsx"));
      await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
      fireEvent.click(screen.getByRole("button", { name: "Tải bản đã đánh dấu" }));
      await screen.findByText("Đã tạo tệp bao-cao-da-danh-dau.xlsx.");
      const markedBytes = await readFileBytes(downloads.saved[0]!.blob);
      expect(hasHighlights(markedBytes)).toBe(true);
      fireEvent.click(screen.getByRole("button", { name: "Mở tệp khác" }));
      upload(new File([markedBytes as BlobPart], "bao-cao-da-danh-dau.xlsx"));
      await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
      fireEvent.click(screen.getByRole("button", { name: "Xóa đánh dấu" }));
      await screen.findByText("Đã tạo bản sạch (không đánh dấu) bao-cao-da-xoa-danh-dau.xlsx.");
      expect(downloads.saved.map((d) => d.name)).toEqual(["bao-cao-da-danh-dau.xlsx", "bao-cao-da-xoa-danh-dau.xlsx"]);
      expect(hasHighlights(await readFileBytes(downloads.saved[1]!.blob))).toBe(false);
    } finally {
      downloads.restore();
    }
  });
});

describe("browser mode: several files at once", () => {
  it("checks each dropped file and lists them, a broken one with its reason, and points to consolidation", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderBrowser();
    const zone = screen.getByTestId("drop-zone");
    const files = [new File([filled() as BlobPart], "tam-duong.xlsx"), new File(["không phải sổ tính"], "hong.xlsx")];
    fireEvent.drop(zone, { dataTransfer: { files } });
    const heading = await screen.findByRole("heading", { name: "Kết quả của 2 tệp" });
    expect(document.activeElement).toBe(heading);
    const items = screen.getAllByTestId("many-result").map((li) => li.textContent);
    expect(items[0]).toContain("tam-duong.xlsx: 2 đạt, 2 chưa đạt, 1 sai số liệu, 18 thiếu");
    expect(items[1]).toMatch(/^hong\.xlsx: không dùng được — \S/);
    fireEvent.click(screen.getByRole("button", { name: "Chuyển sang Tổng hợp nhiều tệp" }));
    expect(await screen.findByRole("heading", { name: "Tổng hợp báo cáo của các đơn vị" })).toBeTruthy();
  });

  it("opens one of them in detail", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderBrowser();
    upload(new File([filled() as BlobPart], "a.xlsx"), new File([filled() as BlobPart], "b.xlsx"));
    await screen.findByRole("heading", { name: "Kết quả của 2 tệp" });
    fireEvent.click(screen.getAllByRole("button", { name: "Xem chi tiết" })[1]!);
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    expect(screen.getByTestId("open-file").textContent).toBe("Đang xem: b.xlsx");
  });
});

describe("browser mode: the drop zone", () => {
  it("opens the file picker when clicked anywhere in it", () => {
    renderBrowser();
    const picker = jest.spyOn(input() as HTMLInputElement, "click").mockImplementation(() => undefined);
    fireEvent.click(screen.getByTestId("drop-zone"));
    expect(picker).toHaveBeenCalledTimes(1);
  });
});

describe("browser mode: a file the browser will not read again", () => {
  it("says to choose it again rather than showing an unexpected error", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderBrowser();
    const f = new File([filled() as BlobPart], "bao-cao.xlsx");
    let reads = 0;
    f.arrayBuffer = () => (reads++ === 0 ? Promise.resolve(Uint8Array.from(filled()).buffer) : Promise.reject(new DOMException("changed", "NotReadableError")));
    upload(f);
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra lại" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Trình duyệt không cho đọc lại tệp bao-cao.xlsx");
  });
});

describe("browser mode: finding a unit and help", () => {
  it("lists the units in Vietnamese alphabetical order and narrows them by a search without diacritics", () => {
    renderBrowser({ level: "commune", year: 2026, unitCode: "xa-sin-suoi-ho" });
    const select = screen.getByLabelText("Đơn vị báo cáo") as HTMLSelectElement;
    const names = Array.from(select.options).map((o) => o.textContent ?? "");
    expect(names.length).toBeGreaterThan(20);
    const collator = new Intl.Collator("vi", { sensitivity: "base" });
    const bare = names.map((n) => n.replace(/^(xã|phường|thị trấn)\s+/i, ""));
    expect(bare).toEqual([...bare].sort(collator.compare));
    fireEvent.change(screen.getByLabelText("Tìm đơn vị"), { target: { value: "muong kim" } });
    const left = Array.from(select.options).map((o) => o.textContent);
    expect(left).toEqual(["xã Mường Kim"]);
    expect(select.value).toBe("xa-muong-kim");
  });

  it("links the user guide from the first screen", () => {
    renderBrowser();
    expect(screen.getByRole("link", { name: "Hướng dẫn sử dụng" }).getAttribute("href")).toBe("assets/help.html");
  });
});

describe("browser mode: a workbook with no indicator table", () => {
  it("says so first, asks no level or year, and offers the blank template with one set of fields", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    const downloads = captureDownloads();
    try {
      renderBrowser();
      upload(new File([plainWorkbook("Danh sách", [["Họ tên", "Tuổi"], ["An", 30]]) as BlobPart], "danh-sach.xlsx"));
      const alert = await screen.findByRole("alert", {}, { timeout: 10_000 });
      expect(alert.textContent).toContain("Sổ tính này không có biểu mẫu Chỉ tiêu CĐS và không có bảng chỉ tiêu nào.");
      expect(within(alert).getByTestId("template-offer").textContent).toContain("tải biểu mẫu chuẩn");
      expect(screen.queryByTestId("context-retry")).toBeNull();
      expect(screen.getAllByLabelText("Cấp báo cáo")).toHaveLength(1);
      fireEvent.click(within(alert).getByRole("button", { name: "Tải biểu mẫu trống" }));
      await screen.findByText("Đã tạo tệp bieu-mau-huyen-tam-duong-2025.xlsx.");
      expect(downloads.saved.map((d) => d.name)).toEqual(["bieu-mau-huyen-tam-duong-2025.xlsx"]);
      // still offered after the download, for another unit or year
      expect(screen.getByRole("button", { name: "Tải biểu mẫu trống" })).toBeTruthy();
    } finally {
      downloads.restore();
    }
  });
});

describe("browser mode: a level chosen by hand that contradicts the sheet", () => {
  it("is used, and the warning names both", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderBrowser();
    const table = plainWorkbook("Báo cáo", [
      ["UBND HUYỆN TAM ĐƯỜNG"],
      ["BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025"],
      [],
      ["Mã", "Chỉ tiêu", "Tử số", "Mẫu số"],
      ["CQS-02", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", 85, 100],
    ]);
    upload(new File([table as BlobPart], "bao-cao-huyen.xlsx"));
    const retry = within(await screen.findByTestId("context-retry", {}, { timeout: 10_000 }));
    expect(screen.getAllByLabelText("Cấp báo cáo")).toHaveLength(1);
    fireEvent.change(retry.getByLabelText("Năm báo cáo"), { target: { value: "2026" } });
    fireEvent.click(retry.getByRole("button", { name: "Kiểm tra với lựa chọn này" }));
    expect((await screen.findByTestId("context-conflict")).textContent).toBe(
      'Sổ tính ghi năm 2025 (ô A2 của trang "Báo cáo": "BÁO CÁO KẾT QUẢ CHUYỂN ĐỔI SỐ NĂM 2025") nhưng bạn đã chọn năm 2026: kết quả dưới đây theo năm 2026, như bạn chọn.',
    );
  });
});
