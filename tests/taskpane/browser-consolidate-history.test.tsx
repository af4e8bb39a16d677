import "./support/dom-polyfills";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { BrowserApp } from "../../src/browser/BrowserApp";
import { readFileBytes } from "../../src/browser/download";
import { loadUnits } from "../../src/core/units";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { truncated, unitWorkbook } from "../support/unit-workbooks";
import { catalog } from "./support/fixtures";
import { renderInFrame } from "./support/render";
import { captureDownloads } from "./support/downloads";

// Browser mode, consolidation across years: the earlier years' files picked first, then this year's; the pace and
// the outlook on screen, the files not used listed, and the trend sheet in the downloaded workbook.

const registry = loadUnits();
jest.setTimeout(60_000);
const slow = { timeout: 30_000 };

const file = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name);

describe("browser mode: consolidating with earlier years' files", () => {
  it("shows the pace and when the target is reached, and downloads the workbook with its trend sheet", async () => {
    const downloads = captureDownloads();
    try {
      renderInFrame(<BrowserApp catalog={catalog} registry={registry} initialChoice={{ level: "district", year: 2024, unitCode: "huyen-tam-duong" }} />);
      fireEvent.click(screen.getByRole("button", { name: "Tổng hợp nhiều tệp" }));
      fireEvent.change(screen.getByLabelText("Kỳ báo cáo"), { target: { value: "2024" } });
      fireEvent.change(screen.getByLabelText("Thêm số liệu các năm trước (tùy chọn)", { selector: "input" }), {
        target: {
          files: [
            file(unitWorkbook("tp-lai-chau", { "CQS-02": { numerator: 450, denominator: 1000 } }, { year: 2022 }), "2022-tp.xlsx"),
            file(unitWorkbook("tp-lai-chau", { "CQS-02": { numerator: 600, denominator: 1000 } }, { year: 2023 }), "2023-tp.xlsx"),
            file(unitWorkbook("huyen-tam-duong", { "CQS-02": { numerator: 80, denominator: 200 } }, { year: 2023 }), "2023-td.xlsx"),
            file(truncated(unitWorkbook("huyen-sin-ho", {}, { year: 2023 })), "2023-hong.xlsx"),
          ],
        },
      });
      expect(screen.getByTestId("consolidate-history-chosen").textContent).toBe("4 tệp các năm trước sẽ được dùng cho xu hướng");
      fireEvent.change(screen.getByLabelText("Chọn các tệp", { selector: "input" }), {
        target: {
          files: [
            file(unitWorkbook("tp-lai-chau", { "CQS-02": { numerator: 700, denominator: 1000 } }, { year: 2024 }), "tp.xlsx"),
            file(unitWorkbook("huyen-tam-duong", { "CQS-02": { numerator: 70, denominator: 200 } }, { year: 2024 }), "td.xlsx"),
          ],
        },
      });
      await waitFor(() => expect(screen.getByTestId("consolidate-progress-text").textContent).toBe("Đã đọc 6/6 tệp"), slow);
      expect((await screen.findByTestId("consolidate-history-years", {}, slow)).textContent).toBe("Số liệu các năm trước: 2022, 2023");
      expect(screen.getByTestId("consolidate-history-unused").textContent).toMatch(/^Tệp 2023-hong\.xlsx: Không đọc được tệp: /);
      // CQS-02: 45 (2022), 680/1200 = 56.67 (2023), 770/1200 = 64.17 (2024): slope (64.1667 − 45) / 2 = 9.58 a year;
      // 90 − 64.17 = 25.83 to go: 2.7 → 3 years → 2027, two years after 2025
      const row = within(screen.getByTestId("consolidate-indicators")).getByText("CQS-02").closest("tr")!;
      const cells = [...row.querySelectorAll("td")].map((td) => td.textContent);
      expect(cells.slice(-2)).toEqual(["+9,58", "đạt năm 2027 — chậm 2 năm"]);

      fireEvent.click(screen.getByRole("button", { name: "Tải sổ tổng hợp" }));
      await screen.findByText("Đã tạo tệp tong-hop-2024.xlsx.", {}, slow);
      const book = readWorkbook(await readFileBytes(downloads.saved[0]!.blob));
      expect(book.sheets.map((s) => s.name)).toEqual(["Tổng hợp", "Bảng điểm", "Đầy đủ", "Kết quả từng đơn vị", "Biểu đồ", "Xu hướng"]);
      const trend = book.sheets[5]!;
      expect(trend.values.find((r) => r[1] === "CQS-02")!.slice(4, 8)).toEqual([45, 56.6667, 64.1667, null]);
    } finally {
      downloads.restore();
    }
  });
});
