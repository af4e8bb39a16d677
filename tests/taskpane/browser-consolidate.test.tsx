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

// Browser mode, consolidation tab: the units' files picked at once, the progress, the provincial figures, the
// scorecard and the completeness list on screen, and the consolidated workbook downloaded.

const registry = loadUnits();
// reading and judging three workbooks in jsdom on a busy two-core machine
jest.setTimeout(60_000);
const slow = { timeout: 30_000 };


const files = () => [
  // below the 90% target, with the clerk's explanation
  new File([unitWorkbook("tp-lai-chau", { "CQS-02": { numerator: 700, denominator: 1000, note: "Thiếu cán bộ" } }) as BlobPart], "tp-lai-chau.xlsx"),
  new File([unitWorkbook("huyen-tam-duong", { "CQS-02": { numerator: 150, denominator: 200 } }) as BlobPart], "tam-duong.xlsx"),
  new File([truncated(unitWorkbook("huyen-tan-uyen", {})) as BlobPart], "tan-uyen.xlsx"),
  new File([new Uint8Array([1]) as BlobPart], "~$tam-duong.xlsx"),
];

describe("browser mode: consolidating many files", () => {
  it("shows progress, the ratio of sums, the scorecard and who is missing, and downloads the workbook", async () => {
    const downloads = captureDownloads();
    try {
      renderInFrame(<BrowserApp catalog={catalog} registry={registry} initialChoice={{ level: "district", year: 2025, unitCode: "huyen-tam-duong" }} />);
      fireEvent.click(screen.getByRole("button", { name: "Tổng hợp nhiều tệp" }));
      fireEvent.change(screen.getByLabelText("Kỳ báo cáo"), { target: { value: "2025-H1" } });
      fireEvent.change(screen.getByLabelText("Chọn các tệp", { selector: "input" }), { target: { files: files() } });
      // the lock file is not a report: 3 workbooks read
      await waitFor(() => expect(screen.getByTestId("consolidate-progress-text").textContent).toBe("Đã đọc 3/3 tệp"), slow);
      const summary = await screen.findByTestId("consolidate-summary", {}, slow);
      expect(summary.textContent).toBe("Kỳ báo cáo 2025-H1; cấp huyện: đã nhận 2/8 đơn vị");
      // (700 + 150) / (1000 + 200) = 850 / 1200 = 70.83 %; target ≥ 90 % → below, 6 of 8 districts missing
      const row = within(screen.getByTestId("consolidate-indicators")).getByText("CQS-02").closest("tr")!;
      expect([...row.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["70,83", "850", "1200", "≥ 90", "Chưa đạt", "Chưa đầy đủ: thiếu 6/8 đơn vị, 0 đơn vị không tính được"]);
      const scorecard = screen.getByTestId("consolidate-scorecard");
      const cityCell = within(scorecard).getByText("thành phố Lai Châu").closest("tr")!.querySelectorAll("td")[1]!;
      expect(cityCell.textContent).toBe("70");
      // both below target; the explained one is set apart, with its explanation
      expect(cityCell.getAttribute("data-explained")).toBe("true");
      expect(cityCell.getAttribute("title")).toBe("Chưa đạt — có giải trình: Thiếu cán bộ");
      expect(within(scorecard).getByText("huyện Tam Đường").closest("tr")!.querySelectorAll("td")[1]!.getAttribute("data-explained")).toBeNull();
      const completeness = screen.getByTestId("consolidate-completeness");
      expect(completeness.querySelectorAll('tr[data-status="missing"]')).toHaveLength(6);
      expect(within(completeness).getByText("tan-uyen.xlsx").closest("tr")!.textContent).toContain("Không đọc được tệp:");
      // each received report's review state (none reviewed here) and its unmet targets, explained / unexplained
      const received = within(completeness).getByText("tp-lai-chau.xlsx").closest("tr")!;
      expect(within(received).getByTestId("unit-review").textContent).toBe("Chưa duyệt");
      expect(received.lastElementChild!.textContent).toBe("1 / 0");

      fireEvent.click(screen.getByRole("button", { name: "Tải sổ tổng hợp" }));
      await screen.findByText("Đã tạo tệp tong-hop-2025-H1.xlsx.", {}, slow);
      const book = readWorkbook(await readFileBytes(downloads.saved[0]!.blob));
      expect(book.sheets.map((s) => s.name)).toEqual(["Tổng hợp", "Bảng điểm", "Đầy đủ", "Kết quả từng đơn vị", "Biểu đồ"]);
      const sheet = book.sheets[0]!;
      const cqs02 = sheet.values.find((r) => r[1] === "CQS-02")!;
      expect(cqs02.slice(4, 7)).toEqual([70.8333, 850, 1200]);
    } finally {
      downloads.restore();
    }
  });
});
