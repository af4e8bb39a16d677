import "./support/dom-polyfills";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fireEvent, screen, within } from "@testing-library/react";
import { BrowserApp } from "../../src/browser/BrowserApp";
import { readFileBytes } from "../../src/browser/download";
import { checkWorkbook } from "../../src/core/check";
import { loadUnits } from "../../src/core/units";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { catalog } from "./support/fixtures";
import { renderInFrame } from "./support/render";
import { captureDownloads } from "./support/downloads";

// Browser mode on an office's own layout: the proposed mapping comes first, the user confirms, fixes and saves it,
// and the check and the downloaded copy then use it.

const registry = loadUnits();
const H01 = join(__dirname, "..", "fixtures", "layouts", "held-out", "h01-huyen-ke-hoach-thuc-hien.xlsx");

function upload(name: string, bytes: Uint8Array) {
  const input = screen.getByLabelText("Chọn tệp .xlsx", { selector: "input" });
  fireEvent.change(input, { target: { files: [new File([bytes as BlobPart], name)] } });
}


async function openH01() {
  renderInFrame(<BrowserApp catalog={catalog} registry={registry} initialChoice={{ level: "district", year: 2025, unitCode: "huyen-tam-duong" }} />);
  upload("bao-cao-huyen.xlsx", new Uint8Array(readFileSync(H01)));
  // not our template: the level and year are asked first (district 2025 is preselected)
  fireEvent.click(await screen.findByRole("button", { name: "Kiểm tra với lựa chọn này" }));
  return screen.findByTestId("mapping-review");
}

const entry = (section: HTMLElement, code: string) => within(section).getAllByTestId(/mapping-(entry|missing)/).find((li) => li.getAttribute("data-indicator") === code)!;

describe("browser mode: the proposed mapping of an office's own table", () => {
  it("shows matched rows, rows to confirm and indicators not found before any finding", async () => {
    const review = await openH01();
    expect(screen.queryByRole("heading", { name: "Kết quả kiểm tra" })).toBeNull();
    expect(within(review).getByRole("heading", { name: "Cần xác nhận (1)" })).toBeTruthy();
    expect(within(review).getByRole("heading", { name: "Đã khớp (9)" })).toBeTruthy();
    expect(within(review).getByRole("heading", { name: /^Không tìm thấy \(\d+\)$/ })).toBeTruthy();
    const doubtful = entry(screen.getByTestId("mapping-to-confirm"), "NL-02");
    expect(doubtful.textContent).toContain("“Kinh phí sự nghiệp thông tin đã giải ngân” → Báo cáo!D18 (2025), Báo cáo!E18 (2025)");
    expect(doubtful.textContent).toContain("khớp nội dung 0,32");
    expect(entry(screen.getByTestId("mapping-matched"), "CQS-02").textContent).toContain("độ tin cậy 0,84");
  });

  it("saves what the user decided in the workbook, checks by it, and the downloaded copy keeps it", async () => {
    const downloads = captureDownloads();
    try {
      await openH01();
      // the doubtful row is not an indicator: marked as not reported; CQS-04 is typed in by its cell
      fireEvent.click(within(entry(screen.getByTestId("mapping-to-confirm"), "NL-02")).getByRole("button", { name: "Đánh dấu là không báo cáo" }));
      const missing = entry(screen.getByTestId("mapping-not-found"), "CQS-04");
      fireEvent.change(within(missing).getByRole("textbox"), { target: { value: "E99x" } });
      fireEvent.click(within(missing).getByRole("button", { name: "Dùng ô này" }));
      expect(missing.textContent).toContain("\"E99x\" không phải là một ô");
      fireEvent.change(within(missing).getByRole("textbox"), { target: { value: "E9" } });
      fireEvent.click(within(missing).getByRole("button", { name: "Dùng ô này" }));
      expect(missing.textContent).toContain("Ô đã chọn: Báo cáo!E9");
      fireEvent.click(screen.getByTestId("mapping-save"));
      await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
      expect(screen.getByText("Đã lưu ánh xạ (11 chỉ tiêu) vào sổ tính.")).toBeTruthy();
      expect(screen.queryByTestId("mapping-review")).toBeNull();
      const findingCells = screen.getAllByTestId("finding").map((f) => f.textContent ?? "");
      expect(findingCells.some((t) => t.includes("ô E9"))).toBe(true);
      expect(findingCells.some((t) => t.includes("ô E18"))).toBe(false);

      fireEvent.click(screen.getByRole("button", { name: "Tải bản đã đánh dấu" }));
      await screen.findByText("Đã tạo tệp bao-cao-huyen-da-danh-dau.xlsx.");
      const report = checkWorkbook(readWorkbook(await readFileBytes(downloads.saved[0]!.blob)), { catalog });
      expect(report.mapping).toMatchObject({ source: "workbook", notReported: ["NL-02"], toConfirm: [] });
      expect(report.context).toMatchObject({ level: "district", year: 2025 });
    } finally {
      downloads.restore();
    }
  });

  it("accepts all with one click, judging the doubtful row too", async () => {
    await openH01();
    fireEvent.click(screen.getByRole("button", { name: "Chấp nhận tất cả và lưu" }));
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    expect(screen.getByText("Đã lưu ánh xạ (10 chỉ tiêu) vào sổ tính.")).toBeTruthy();
    expect(screen.getAllByTestId("finding").some((f) => (f.textContent ?? "").includes("ô E18"))).toBe(true);
  });
});
