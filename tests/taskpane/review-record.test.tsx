import "./support/dom-polyfills";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { ExcelApp } from "../../src/app/screens/ExcelApp";
import { BrowserApp } from "../../src/browser/BrowserApp";
import { readFileBytes } from "../../src/browser/download";
import { fillTemplateLayout } from "../../src/core/template";
import { loadUnits } from "../../src/core/units";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { writeTemplateXlsx } from "../../src/hosts/xlsx/template";
import { captureDownloads } from "./support/downloads";
import { fakeHost } from "./support/fake-host";
import { catalog, DISTRICT_FIGURES, districtLayout, districtSnapshot } from "./support/fixtures";
import { renderInFrame } from "./support/render";

// "Biên bản rà soát" after a check, in the pane and in the browser mode: the printable record of this workbook with
// the reviewer's name on it, printed through the browser's dialog, and in the browser mode as CSV or XLSX files.
// Tam Đường's figures: 2 met, 2 not met (no explanation can be read yet), 1 invalid, 18 missing.

jest.setTimeout(30_000);

const registry = loadUnits();
const TAM_DUONG = { level: "district", year: 2025, unitCode: "huyen-tam-duong" } as const;

function totalRow(): string[] {
  const page = screen.getByTestId("record-page");
  const row = within(page).getAllByRole("row").find((r) => r.textContent?.startsWith("Cộng"))!;
  return within(row).getAllByRole("cell").map((c) => c.textContent ?? "");
}

describe("the review record in the browser mode", () => {
  async function openRecord() {
    renderInFrame(<BrowserApp catalog={catalog} registry={registry} initialChoice={TAM_DUONG} />);
    const input = screen.getByLabelText("Chọn tệp .xlsx", { selector: "input" });
    fireEvent.change(input, { target: { files: [new File([writeTemplateXlsx(fillTemplateLayout(districtLayout(), DISTRICT_FIGURES)) as BlobPart], "bao-cao-tam-duong.xlsx")] } });
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    fireEvent.click(screen.getByRole("button", { name: "Biên bản rà soát" }));
    await screen.findByRole("heading", { name: "Biên bản rà soát" });
  }

  it("shows the record with the official header and the counts of this check", async () => {
    await openRecord();
    const page = screen.getByTestId("record-page");
    expect(page.textContent).toContain("BIÊN BẢN RÀ SOÁT SỐ LIỆU CHỈ TIÊU CHUYỂN ĐỔI SỐ");
    expect(page.textContent).toContain("Đơn vị báo cáo: huyện Tam Đường");
    expect(page.textContent).toContain("Kỳ báo cáo: 2025");
    // total, met, explained, unexplained, errors, missing, accepted, returned, undecided
    expect(totalRow()).toEqual(["23", "2", "0", "2", "1", "18", "0", "0", "21"]);
    expect(document.activeElement?.id).toBe("record-heading");
  });

  it("writes the reviewer's name typed into the field on the record and prints it with the browser's dialog", async () => {
    const print = jest.spyOn(window, "print").mockImplementation(() => undefined);
    try {
      await openRecord();
      fireEvent.change(screen.getByLabelText("Người rà soát (ghi trên biên bản)"), { target: { value: "Nguyễn Thị Hoa" } });
      expect(screen.getByTestId("record-page").textContent).toContain("Người rà soát: Nguyễn Thị Hoa");
      fireEvent.click(screen.getByRole("button", { name: "In biên bản rà soát" }));
      expect(print).toHaveBeenCalledTimes(1);
    } finally {
      print.mockRestore();
    }
  });

  it("downloads the record as CSV and as XLSX, named after the workbook", async () => {
    const downloads = captureDownloads();
    try {
      await openRecord();
      fireEvent.click(screen.getByRole("button", { name: "Tải CSV" }));
      await screen.findByText("Đã tạo tệp bao-cao-tam-duong-bien-ban-ra-soat.csv.");
      fireEvent.click(screen.getByRole("button", { name: "Tải Excel (.xlsx)" }));
      await screen.findByText("Đã tạo tệp bao-cao-tam-duong-bien-ban-ra-soat.xlsx.");
      expect(downloads.saved.map((d) => d.name)).toEqual(["bao-cao-tam-duong-bien-ban-ra-soat.csv", "bao-cao-tam-duong-bien-ban-ra-soat.xlsx"]);
      const csv = await readFileBytes(downloads.saved[0]!.blob);
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(csv).trimEnd().split("\r\n")).toHaveLength(1 + 23);
      const book = readWorkbook(await readFileBytes(downloads.saved[1]!.blob));
      expect(book.sheets.map((s) => s.name)).toEqual(["Biên bản rà soát", "Chi tiết chỉ tiêu"]);
      // an export is not a template: nothing of ours in its document properties
      expect(book.metadata).toBeNull();
    } finally {
      downloads.restore();
    }
  });
});

describe("the review record in the pane", () => {
  it("opens from the check's actions and closes again", async () => {
    renderInFrame(<ExcelApp host={fakeHost(districtSnapshot())} catalog={catalog} registry={registry} initialChoice={TAM_DUONG} />);
    await act(async () => {});
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra sổ tính" }));
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    fireEvent.click(screen.getByRole("button", { name: "Biên bản rà soát" }));
    await screen.findByRole("heading", { name: "Biên bản rà soát" });
    expect(screen.getByTestId("record-page").textContent).toContain("Đơn vị báo cáo: huyện Tam Đường");
    // the pane has no file to hand over: printing (→ Save as PDF) is its way out
    expect(screen.queryByRole("button", { name: "Tải CSV" })).toBeNull();
    expect(screen.getByRole("button", { name: "In biên bản rà soát" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Đóng biên bản" }));
    expect(screen.queryByTestId("record-page")).toBeNull();
  });
});
