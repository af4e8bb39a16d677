import "./support/dom-polyfills";
import { fireEvent, screen, within } from "@testing-library/react";
import { BrowserApp } from "../../src/browser/BrowserApp";
import { readFileBytes } from "../../src/browser/download";
import { checkWorkbook } from "../../src/core/check";
import { fillTemplateLayout } from "../../src/core/template";
import { loadUnits } from "../../src/core/units";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { hasHighlights as marked } from "../../src/hosts/xlsx/mark";
import { writeTemplateXlsx } from "../../src/hosts/xlsx/template";
import { catalog, DISTRICT_FIGURES, districtLayout } from "./support/fixtures";
import { renderInFrame } from "./support/render";
import { captureDownloads } from "./support/downloads";

const registry = loadUnits();

function renderBrowser() {
  return renderInFrame(<BrowserApp catalog={catalog} registry={registry} initialChoice={{ level: "district", year: 2025, unitCode: "huyen-tam-duong" }} />);
}


function upload(name: string, bytes: Uint8Array) {
  const input = screen.getByLabelText("Chọn tệp .xlsx", { selector: "input" });
  fireEvent.change(input, { target: { files: [new File([bytes as BlobPart], name)] } });
}

const filledDistrict = () => writeTemplateXlsx(fillTemplateLayout(districtLayout(), DISTRICT_FIGURES));

describe("browser mode", () => {
  it("opens an uploaded workbook, checks it and shows the findings", async () => {
    renderBrowser();
    upload("bao-cao-tam-duong.xlsx", filledDistrict());
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    expect(screen.getByTestId("open-file").textContent).toBe("Đang xem: bao-cao-tam-duong.xlsx");
    const count = (id: string) => within(screen.getByTestId(id)).getByRole("definition").textContent;
    expect([count("count-met"), count("count-notMet"), count("count-invalid"), count("count-missing")]).toEqual(["2", "2", "1", "18"]);
    // no grid to select in: findings name their cell instead of being buttons
    const error = within(screen.getByTestId("severity-error")).getByTestId("finding");
    expect(error.tagName).not.toBe("BUTTON");
    expect(error.textContent).toContain('Trang "Báo cáo", ô I30');
  });

  it("downloads a highlighted copy named <original>-da-danh-dau.xlsx whose marks read back", async () => {
    const downloads = captureDownloads();
    try {
      renderBrowser();
      upload("bao-cao-tam-duong.xlsx", filledDistrict());
      await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
      fireEvent.click(screen.getByRole("button", { name: "Tải bản đã đánh dấu" }));
      await screen.findByText("Đã tạo tệp bao-cao-tam-duong-da-danh-dau.xlsx.");
      expect(downloads.saved.map((d) => d.name)).toEqual(["bao-cao-tam-duong-da-danh-dau.xlsx"]);
      const bytes = await readFileBytes(downloads.saved[0]!.blob);
      expect(marked(bytes)).toBe(true);
      // the marked copy still holds the same figures
      expect(checkWorkbook(readWorkbook(bytes), { catalog }).summary.byStatus.below).toBe(2);
    } finally {
      downloads.restore();
    }
  });

  it("an unreadable file: shows the reader's Vietnamese explanation", async () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderBrowser();
    upload("bao-cao.xlsx", new TextEncoder().encode("Mã,Giá trị\nCQS-01,80\nCQS-02,75\n"));
    expect((await screen.findByRole("alert")).textContent).toContain("Tệp là văn bản (có thể là CSV), không phải tệp .xlsx.");
    fireEvent.change(screen.getByLabelText("Ngôn ngữ"), { target: { value: "en" } });
    expect(screen.getByRole("alert").textContent).toContain("The file is plain text (perhaps CSV), not an .xlsx file.");
    spy.mockRestore();
  });

  it("the sample file shows every kind of finding", async () => {
    renderBrowser();
    fireEvent.click(screen.getByRole("button", { name: "Dùng tệp mẫu" }));
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    expect(screen.getByTestId("check-context").textContent).toBe("huyện Tam Đường · cấp huyện · năm 2025");
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent?.replace(/ \(\d+\)/, ""))).toEqual(["Lỗi", "Chưa đạt — chưa giải trình", "Thông tin"]);
    expect(screen.getAllByTestId("gap-bar").length).toBeGreaterThan(0);
  });

  it("downloads a blank template for the chosen unit and year", async () => {
    const downloads = captureDownloads();
    try {
      renderBrowser();
      fireEvent.click(screen.getByRole("button", { name: "Tải biểu mẫu trống" }));
      await screen.findByText("Đã tạo tệp bieu-mau-huyen-tam-duong-2025.xlsx.");
      const bytes = await readFileBytes(downloads.saved[0]!.blob);
      expect(readWorkbook(bytes).metadata).toMatchObject({ unitCode: "huyen-tam-duong", level: "district", year: 2025 });
    } finally {
      downloads.restore();
    }
  });
});
