import "./support/dom-polyfills";
import { fireEvent, screen, within } from "@testing-library/react";
import { BrowserApp } from "../../src/browser/BrowserApp";
import { loadUnits } from "../../src/core/units";
import { unitWorkbook } from "../support/unit-workbooks";
import { catalog } from "./support/fixtures";
import { renderInFrame } from "./support/render";

// Browser mode with last year's reports: the finding shows the unit's own series as a sparkline and the projection in
// words; another unit's report is set aside and said. Figures as in tests/core/history (pace 6, reached in 2027).

const registry = loadUnits();

function file(name: string, bytes: Uint8Array): File {
  return new File([bytes as BlobPart], name);
}

const thisYear = unitWorkbook("huyen-tam-duong", { "CQS-07": { numerator: 52, denominator: 100 } }, { year: 2024 });
const y2022 = unitWorkbook("huyen-tam-duong", { "CQS-07": { numerator: 40, denominator: 100 } }, { year: 2022 });
const y2023 = unitWorkbook("huyen-tam-duong", { "CQS-07": { numerator: 48, denominator: 100 } }, { year: 2023 });
const otherUnit = unitWorkbook("huyen-sin-ho", { "CQS-07": { numerator: 99, denominator: 100 } }, { year: 2023 });

describe("browser mode with last year's reports", () => {
  it("draws the series and says when the target is reached at this pace", async () => {
    renderInFrame(<BrowserApp catalog={catalog} registry={registry} initialChoice={{ level: "district", year: 2024, unitCode: "huyen-tam-duong" }} />);
    fireEvent.change(screen.getByLabelText("Chọn tệp .xlsx", { selector: "input" }), { target: { files: [file("tam-duong-2024.xlsx", thisYear)] } });
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    // before: no baseline, compared with the final target, no sparkline
    expect(screen.queryAllByTestId("sparkline")).toEqual([]);
    expect(screen.getByText(/Không có số liệu gốc để dựng lộ trình/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Chọn báo cáo các năm trước của đơn vị", { selector: "input" }), {
      target: { files: [file("tam-duong-2022.xlsx", y2022), file("tam-duong-2023.xlsx", y2023), file("sin-ho-2023.xlsx", otherUnit)] },
    });
    const spark = await screen.findByTestId("sparkline");
    expect(spark.getAttribute("aria-label")).toBe("Số liệu các năm: năm 2022: 40%; năm 2023: 48%; năm 2024: 52%");
    // three points spaced by year, the target's level dashed across
    expect(spark.querySelector("polyline")!.getAttribute("points")!.split(" ")).toHaveLength(3);
    expect(within(spark as unknown as HTMLElement).getByTestId("sparkline-target")).toBeTruthy();
    // no inline style attribute anywhere in it (the pages' CSP)
    expect(spark.outerHTML).not.toMatch(/style=/);
    const finding = spark.closest("[data-testid=finding]")!;
    expect(finding.textContent).toContain("Theo tốc độ hiện nay (6 điểm %/năm), đạt 70% vào năm 2027 — chậm 2 năm so với mục tiêu năm 2025");
    expect(finding.textContent).toContain("mức cần đạt năm 2024 là 59%");
    expect(screen.getByTestId("history-set-aside").textContent).toBe("sin-ho-2023.xlsx: báo cáo của đơn vị khác (huyen-sin-ho), không dùng làm số liệu năm trước");
    expect(screen.getByTestId("history-picker").textContent).toContain("Đã dùng số liệu các năm trước: tam-duong-2022.xlsx (2022), tam-duong-2023.xlsx (2023)");
  }, 20_000);

  it("says which earlier file could not be read, and still uses the others", async () => {
    renderInFrame(<BrowserApp catalog={catalog} registry={registry} initialChoice={{ level: "district", year: 2024, unitCode: "huyen-tam-duong" }} />);
    fireEvent.change(screen.getByLabelText("Chọn tệp .xlsx", { selector: "input" }), { target: { files: [file("tam-duong-2024.xlsx", thisYear)] } });
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    fireEvent.change(screen.getByLabelText("Chọn báo cáo các năm trước của đơn vị", { selector: "input" }), {
      target: { files: [file("hong.xlsx", new TextEncoder().encode("not a workbook")), file("tam-duong-2023.xlsx", y2023)] },
    });
    expect((await screen.findByTestId("history-failed")).textContent).toMatch(/^Không dùng được hong.xlsx: /);
    // one earlier figure: the path starts there (48 → 70: 59 in 2024) but nothing is projected
    expect((await screen.findByTestId("sparkline")).getAttribute("aria-label")).toBe("Số liệu các năm: năm 2023: 48%; năm 2024: 52%");
    expect(screen.getByText(/Chỉ có một kết quả năm trước: chưa đủ để tính tốc độ và dự báo/)).toBeTruthy();
  }, 20_000);
});
