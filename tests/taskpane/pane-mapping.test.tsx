import "./support/dom-polyfills";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { ExcelApp } from "../../src/app/screens/ExcelApp";
import { cellAddress } from "../../src/core/a1";
import { checkWorkbook } from "../../src/core/check";
import { MAPPING_SHEET, storedMapping } from "../../src/core/mapping";
import { loadUnits } from "../../src/core/units";
import { createOfficeHost } from "../../src/hosts/office";
import { createFileHost } from "../../src/hosts/xlsx/file-host";
import { FakeExcel } from "../support/fake";
import { catalog } from "./support/fixtures";
import { renderInFrame } from "./support/render";

// The task pane over the fake Excel on an office's own table: the proposed mapping comes before any mark, and once
// accepted the check marks the same cells the file host (browser mode, CLI) finds.

const registry = loadUnits();
// reading a real layout, mapping it and checking it (twice per test) in jsdom on a busy two-core machine
jest.setTimeout(60_000);
const H01 = join(__dirname, "..", "fixtures", "layouts", "held-out", "h01-huyen-ke-hoach-thuc-hien.xlsx");

async function officeWorkbook(apiVersion = "1.18"): Promise<FakeExcel> {
  const snapshot = await createFileHost(new Uint8Array(readFileSync(H01))).readSnapshot();
  const fake = new FakeExcel({ apiVersion, sheets: snapshot.sheets.map((s) => s.name) });
  for (const sheet of snapshot.sheets) {
    const cells: Record<string, { value: string | number | boolean }> = {};
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && typeof v !== "object") cells[`${String.fromCharCode(65 + sheet.left + c)}${sheet.top + r + 1}`] = { value: v };
      }),
    );
    fake.setCells(sheet.name, cells);
  }
  return fake;
}

describe("task pane: the proposed mapping of an office's own table", () => {
  it("shows the mapping before marking anything, then marks what the accepted mapping finds, as the file host does", async () => {
    const fake = await officeWorkbook();
    const host = createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported });
    renderInFrame(<ExcelApp host={host} catalog={catalog} registry={registry} initialChoice={{ level: "district", year: 2025, unitCode: "huyen-tam-duong" }} />);
    fireEvent.click(await screen.findByRole("button", { name: "Kiểm tra sổ tính" }));
    fireEvent.click(await screen.findByRole("button", { name: "Kiểm tra với lựa chọn này" }));
    const review = await screen.findByTestId("mapping-review");
    expect(within(review).getByRole("heading", { name: "Cần xác nhận (1)" })).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Kết quả kiểm tra" })).toBeNull();
    expect(fake.conditionalFormats("Báo cáo")).toEqual([]); // nothing marked yet

    fireEvent.click(within(review).getByRole("button", { name: "Lưu ánh xạ (bỏ các dòng chưa xác nhận)" }));
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    expect(screen.getByText("Đã lưu ánh xạ (9 chỉ tiêu) vào sổ tính.")).toBeTruthy();

    // the same figures, read through the file host, give the same findings and marks
    const fileSnapshot = await createFileHost(new Uint8Array(readFileSync(H01))).readSnapshot();
    const expected = checkWorkbook(fileSnapshot, { catalog, level: "district", year: 2025 });
    const sheet = fileSnapshot.sheets[0]!;
    const all = sheet.values.flatMap((row, r) => row.map((_, c) => cellAddress(sheet.top + r, sheet.left + c)));
    const marked = markedCells(fake, "Báo cáo", all);
    expect(marked).toEqual(expected.plan.marks.map((m) => m.cell).sort());
    expect(marked.length).toBeGreaterThan(0);
  });
});

/**
 * The cells that show a mark: our conditional formats that hold from ExcelApi 1.6 (a watch on a met figure shows
 * nothing), painted fills below (H01 has no fills or formats of its own).
 */
function markedCells(fake: FakeExcel, sheet: string, cells: readonly string[]): string[] {
  return cells.filter((c) => fake.shownFill(`'${sheet}'!${c}`) !== null).sort();
}

describe.each(["1.1", "1.7", "1.18"])("task pane at ExcelApi %s: the mapping kept in the workbook", (api) => {
  afterEach(cleanup);

  it("is saved from the review, and the next pane checks by it in one click, marking what the file host finds", async () => {
    const fake = await officeWorkbook(api);
    const first = renderInFrame(
      <ExcelApp host={createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported })} catalog={catalog} registry={registry} initialChoice={{ level: "district", year: 2025, unitCode: "huyen-tam-duong" }} />,
    );
    fireEvent.click(await screen.findByRole("button", { name: "Kiểm tra sổ tính" }));
    fireEvent.click(await screen.findByRole("button", { name: "Kiểm tra với lựa chọn này" }));
    const review = await screen.findByTestId("mapping-review");
    fireEvent.click(within(review).getByRole("button", { name: "Lưu ánh xạ (bỏ các dòng chưa xác nhận)" }));
    await screen.findByText("Đã lưu ánh xạ (9 chỉ tiêu) vào sổ tính.");
    expect(fake.sheetNames()).toContain(MAPPING_SHEET);
    expect(fake.sheet(MAPPING_SHEET).visibility).toBe(api === "1.1" ? "Visible" : "VeryHidden");
    // it records whose layout it is (the unit chosen), level and year: what consolidation recognises the workbook by
    const kept = storedMapping(await createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported }).readSnapshot()).stored?.mapping;
    expect(kept).toMatchObject({ unit: "huyen-tam-duong", level: "district", year: 2025 });
    first.unmount();

    // the pane opened again (another day, the marks cleared by hand): one click, no review, no question
    const cleared = createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported });
    await cleared.clearHighlights();
    renderInFrame(<ExcelApp host={createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported })} catalog={catalog} registry={registry} initialChoice={{ level: "province", year: 2024, unitCode: "tinh-vinh-phuc" }} />);
    fireEvent.click(await screen.findByRole("button", { name: "Kiểm tra sổ tính" }));
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    expect(screen.queryByTestId("mapping-review")).toBeNull();
    expect(screen.queryByRole("button", { name: "Kiểm tra với lựa chọn này" })).toBeNull();

    const fileSnapshot = await createFileHost(new Uint8Array(readFileSync(H01))).readSnapshot();
    const expected = checkWorkbook(fileSnapshot, { catalog, level: "district", year: 2025 });
    const expectedCells = expected.plan.marks.map((m) => m.cell).sort();
    const sheet = fileSnapshot.sheets[0]!;
    const all = sheet.values.flatMap((row, r) => row.map((_, c) => cellAddress(sheet.top + r, sheet.left + c)));
    expect(markedCells(fake, "Báo cáo", all)).toEqual(expectedCells);
    expect(expectedCells.length).toBeGreaterThan(0);
  });
});

describe.each(["1.1", "1.18"])("task pane at ExcelApi %s: fixing a row by selecting its cell in Excel", (api) => {
  afterEach(cleanup);

  async function reviewOf(fake: FakeExcel) {
    renderInFrame(<ExcelApp host={createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported })} catalog={catalog} registry={registry} initialChoice={{ level: "district", year: 2025, unitCode: "huyen-tam-duong" }} />);
    fireEvent.click(await screen.findByRole("button", { name: "Kiểm tra sổ tính" }));
    fireEvent.click(await screen.findByRole("button", { name: "Kiểm tra với lựa chọn này" }));
    return screen.findByTestId("mapping-review");
  }

  it("takes the selected cell as the figure of an indicator that was not found, keeps it, and judges it", async () => {
    const fake = await officeWorkbook(api);
    // the office reports CQS-04 in its own words, far from the table, where the matcher does not look for it
    fake.setCells("Báo cáo", { B24: "Số liệu bổ sung theo yêu cầu của Sở", E24: 12 });
    const review = await reviewOf(fake);
    const row = within(review).getAllByTestId("mapping-missing").find((li) => li.getAttribute("data-indicator") === "CQS-04")!;
    fake.userSelects("'Báo cáo'!E24");
    fireEvent.click(within(row).getByRole("button", { name: "Lấy ô đang chọn" }));
    await within(row).findByText(/Ô đã chọn: Báo cáo!E24/);
    fireEvent.click(within(review).getByRole("button", { name: "Lưu ánh xạ (bỏ các dòng chưa xác nhận)" }));
    await screen.findByText("Đã lưu ánh xạ (10 chỉ tiêu) vào sổ tính.");

    // kept in the workbook: the next check (any host) reads CQS-04 from E24 and judges it
    const report = checkWorkbook(await createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported }).readSnapshot(), { catalog });
    expect(report.mapping!.source).toBe("workbook");
    expect(report.mapping!.entries.find((e) => e.indicator === "CQS-04")).toMatchObject({ sheet: "Báo cáo", cells: [{ part: "value", year: 2025, cell: "E24" }] });
    expect(report.notFound).not.toContain("CQS-04");
    // 12 % is judged against the resolution's target: a finding shown (and marked) at E24
    expect(report.findings.filter((f) => f.indicator === "CQS-04").map((f) => f.cell)).toEqual(["E24"]);
  });

  it("replaces a doubtful row's cell with the selected one", async () => {
    const fake = await officeWorkbook(api);
    const review = await reviewOf(fake);
    const row = within(review).getAllByTestId("mapping-entry").find((li) => li.getAttribute("data-indicator") === "NL-02")!;
    fake.userSelects("'Báo cáo'!D18");
    fireEvent.click(within(row).getByRole("button", { name: "Lấy ô đang chọn" }));
    await within(row).findByText(/Ô đã chọn: Báo cáo!D18/);
    fireEvent.click(within(review).getByRole("button", { name: "Lưu ánh xạ (bỏ các dòng chưa xác nhận)" }));
    await screen.findByText("Đã lưu ánh xạ (10 chỉ tiêu) vào sổ tính.");
    const report = checkWorkbook(await createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported }).readSnapshot(), { catalog });
    expect(report.mapping!.entries.find((e) => e.indicator === "NL-02")!.cells).toEqual([{ part: "value", year: 2025, cell: "D18" }]);
  });

  it("says what to do when a chart or several separate areas are selected, and keeps the review as it was", async () => {
    const fake = await officeWorkbook(api);
    const review = await reviewOf(fake);
    const row = within(review).getAllByTestId("mapping-missing").find((li) => li.getAttribute("data-indicator") === "CQS-04")!;
    for (const selection of ["chart", "'Báo cáo'!E6,E8"]) {
      fake.userSelects(selection);
      fireEvent.click(within(row).getByRole("button", { name: "Lấy ô đang chọn" }));
      expect(await screen.findByText(/Không đọc được ô đang chọn: Đang chọn một biểu đồ, hình vẽ hoặc nhiều vùng rời nhau/)).toBeTruthy();
      expect(within(row).queryByText(/Ô đã chọn/)).toBeNull();
    }
    expect(screen.getByTestId("mapping-review")).toBeTruthy();
  });
});

describe("browser mode has no grid to select in", () => {
  it("offers no 'use selected cell' button: the file host cannot read a selection", () => {
    expect(createFileHost(new Uint8Array(readFileSync(H01))).selectedCell).toBeUndefined();
  });
});
