import "./support/dom-polyfills";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fireEvent, screen, within } from "@testing-library/react";
import { ExcelApp } from "../../src/app/screens/ExcelApp";
import { cellAddress, tryParseCell } from "../../src/core/a1";
import { checkWorkbook } from "../../src/core/check";
import { loadUnits } from "../../src/core/units";
import { createOfficeHost } from "../../src/hosts/office";
import { createFileHost } from "../../src/hosts/xlsx/file-host";
import { FakeExcel } from "../support/fake";
import { catalog } from "./support/fixtures";
import { renderInFrame } from "./support/render";

// The task pane over the fake Excel on an office's own table: the proposed mapping comes before any mark, and once
// accepted the check marks the same cells the file host (browser mode, CLI) finds.

const registry = loadUnits();
const H01 = join(__dirname, "..", "fixtures", "layouts", "held-out", "h01-huyen-ke-hoach-thuc-hien.xlsx");

/** "E6:E8" → E6, E7, E8 (rules cover ranges of adjacent marked cells). */
function cellsOf(area: string): string[] {
  const [a = "", b = a] = area.split(":");
  const from = tryParseCell(a)!;
  const to = tryParseCell(b)!;
  const out: string[] = [];
  for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) out.push(cellAddress(r, c));
  return out;
}

async function officeWorkbook(): Promise<FakeExcel> {
  const snapshot = await createFileHost(new Uint8Array(readFileSync(H01))).readSnapshot();
  const fake = new FakeExcel({ apiVersion: "1.18", sheets: snapshot.sheets.map((s) => s.name) });
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
    expect(screen.getByText("Đã dùng ánh xạ (9 chỉ tiêu) cho phiên làm việc này; trong Excel ánh xạ chưa được lưu vào sổ tính.")).toBeTruthy();

    // the same figures, read through the file host, give the same findings and marks
    const fileSnapshot = await createFileHost(new Uint8Array(readFileSync(H01))).readSnapshot();
    const expected = checkWorkbook(fileSnapshot, { catalog, level: "district", year: 2025 });
    const marked = fake.conditionalFormats("Báo cáo").flatMap((r) => r.areas.flatMap(cellsOf)).sort();
    expect(marked).toEqual(expected.plan.marks.map((m) => m.cell).sort());
    expect(marked.length).toBeGreaterThan(0);
  });
});
