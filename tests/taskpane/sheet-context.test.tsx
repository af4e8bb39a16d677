import "./support/dom-polyfills";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, fireEvent, screen, within } from "@testing-library/react";
import { ExcelApp } from "../../src/app/screens/ExcelApp";
import { BrowserApp } from "../../src/browser/BrowserApp";
import { cellAddress } from "../../src/core/a1";
import { loadUnits } from "../../src/core/units";
import { createOfficeHost } from "../../src/hosts/office";
import { createFileHost } from "../../src/hosts/xlsx/file-host";
import { FakeExcel } from "../support/fake";
import { catalog } from "./support/fixtures";
import { renderInFrame } from "./support/render";

// An office's own sheet that states its level and year in its title (H01: "UBND HUYỆN TAM ĐƯỜNG" in A1, "… NĂM 2025"
// in A2): when the page asks for them, they are the answer offered, with the cell they were read from, in the task
// pane and in the browser mode alike. The user's last choice (a province, 2024) is what would be offered otherwise.

const registry = loadUnits();
const H01 = join(__dirname, "..", "fixtures", "layouts", "held-out", "h01-huyen-ke-hoach-thuc-hien.xlsx");
const LAST_CHOICE = { level: "province" as const, year: 2024, unitCode: "tinh-lai-chau" };

async function fakeOfH01(): Promise<FakeExcel> {
  const snapshot = await createFileHost(new Uint8Array(readFileSync(H01))).readSnapshot();
  const fake = new FakeExcel({ apiVersion: "1.7", sheets: snapshot.sheets.map((s) => s.name) });
  for (const sheet of snapshot.sheets) {
    const cells: Record<string, { value: string | number | boolean }> = {};
    sheet.values.forEach((row, r) => row.forEach((v, c) => v !== null && typeof v !== "object" && (cells[cellAddress(sheet.top + r, sheet.left + c)] = { value: v })));
    fake.setCells(sheet.name, cells);
  }
  return fake;
}

async function expectOffered() {
  const ask = await screen.findByTestId("context-retry");
  expect(within(ask).getByTestId("sheet-level").textContent).toBe("Cấp Huyện: đọc từ ô A1 của trang Báo cáo (“UBND HUYỆN TAM ĐƯỜNG”). Sửa nếu chưa đúng.");
  expect(within(ask).getByTestId("sheet-year").textContent).toMatch(/^Năm 2025: đọc từ ô A2 của trang Báo cáo \(“.*NĂM 2025”\)\. Sửa nếu chưa đúng\.$/);
  expect((within(ask).getByLabelText("Cấp báo cáo") as HTMLSelectElement).value).toBe("district");
  expect((within(ask).getByLabelText("Năm báo cáo") as HTMLSelectElement).value).toBe("2025");
  // taken as offered: the proposed mapping for a district's 2025 report (its 13 district indicators not found)
  fireEvent.click(within(ask).getByRole("button", { name: "Kiểm tra với lựa chọn này" }));
  const review = await screen.findByTestId("mapping-review");
  expect(within(review).getByRole("heading", { name: "Không tìm thấy (13)" })).toBeTruthy();
}

describe("the level and year an office's sheet states are offered when the page asks", () => {
  afterEach(cleanup);

  it("in the task pane over Excel", async () => {
    const fake = await fakeOfH01();
    renderInFrame(<ExcelApp host={createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported })} catalog={catalog} registry={registry} initialChoice={LAST_CHOICE} />);
    fireEvent.click(await screen.findByRole("button", { name: "Kiểm tra sổ tính" }));
    await expectOffered();
  });

  it("in the browser mode", async () => {
    renderInFrame(<BrowserApp catalog={catalog} registry={registry} initialChoice={LAST_CHOICE} />);
    const input = screen.getByLabelText("Chọn tệp .xlsx", { selector: "input" });
    fireEvent.change(input, { target: { files: [new File([new Uint8Array(readFileSync(H01)) as BlobPart], "bao-cao-huyen.xlsx")] } });
    await expectOffered();
  });

  it("asks with the user's own choice, and no line about the sheet, when the sheet says nothing", async () => {
    const fake = await fakeOfH01();
    fake.setCells("Báo cáo", { A1: "", A2: "" });
    renderInFrame(<ExcelApp host={createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported })} catalog={catalog} registry={registry} initialChoice={LAST_CHOICE} />);
    fireEvent.click(await screen.findByRole("button", { name: "Kiểm tra sổ tính" }));
    const ask = await screen.findByTestId("context-retry");
    expect(within(ask).queryByTestId("sheet-level")).toBeNull();
    expect((within(ask).getByLabelText("Cấp báo cáo") as HTMLSelectElement).value).toBe("province");
  });
});
