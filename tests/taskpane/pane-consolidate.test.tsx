import "./support/dom-polyfills";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { ExcelApp } from "../../src/app/screens/ExcelApp";
import { loadUnits } from "../../src/core/units";
import { createOfficeHost } from "../../src/hosts/office";
import { paneConsolidation } from "../../src/taskpane/consolidation";
import { FakeExcel } from "../support/fake";
import { truncated, unitWorkbook } from "../support/unit-workbooks";
import { catalog } from "./support/fixtures";
import { renderInFrame } from "./support/render";

// The task pane inside Excel (the real Office host over the fake Excel), consolidating as the provincial consolidator
// would: open the consolidation screen, pick the districts' files, watch them being read, see the provincial figures
// and who is missing, and find the consolidated sheets in the open workbook beside their own sheet.

const registry = loadUnits();
jest.setTimeout(60_000);
const slow = { timeout: 30_000 };

const file = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name);

// CQS-02 (ratio) as each district typed it; Tam Đường sent two different files, Tân Uyên's download was cut short
const files = () => [
  file(unitWorkbook("tp-lai-chau", { "CQS-02": { numerator: 700, denominator: 1000 } }), "tp-lai-chau.xlsx"),
  file(unitWorkbook("huyen-phong-tho", { "CQS-02": { numerator: 120, denominator: 150 } }), "phong-tho.xlsx"),
  file(unitWorkbook("huyen-tam-duong", { "CQS-02": { numerator: 150, denominator: 200 } }), "tam-duong.xlsx"),
  file(unitWorkbook("huyen-tam-duong", { "CQS-02": { numerator: 100, denominator: 200 } }), "tam-duong (gui lai).xlsx"),
  file(truncated(unitWorkbook("huyen-tan-uyen", {})), "tan-uyen.xlsx"),
];

function userWorkbook(apiVersion: string): FakeExcel {
  const fake = new FakeExcel({ apiVersion, sheets: ["Theo dõi"] });
  fake.setCells("Theo dõi", { A1: "Sổ theo dõi của Sở", B2: 2025, C3: { value: "không sửa", fill: "#FFFF00" } });
  return fake;
}

describe.each(["1.1", "1.18"])("task pane at ExcelApi %s: consolidating the districts' files into the open workbook", (api) => {
  it("reads each file with its outcome, shows the provincial figure and the reasons, and writes the sheets", async () => {
    const fake = userWorkbook(api);
    const host = createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported });
    renderInFrame(
      <ExcelApp host={host} catalog={catalog} registry={registry} initialChoice={{ level: "district", year: 2025, unitCode: "huyen-tam-duong" }} consolidation={paneConsolidation(catalog, registry)} />,
    );
    await act(async () => {});
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp từ sổ tính các đơn vị" }));
    fireEvent.change(screen.getByLabelText("Kỳ báo cáo"), { target: { value: "2025-H1" } });
    const input = screen.getByLabelText("Chọn các tệp", { selector: "input" });
    expect(input.getAttribute("accept")).toBe(".xlsx,.xlsm");
    expect(input.hasAttribute("multiple")).toBe(true);
    fireEvent.change(input, { target: { files: files() } });

    await waitFor(() => expect(screen.getByTestId("pane-consolidate-progress").textContent).toBe("Đã đọc 5/5 tệp"), slow);
    const outcomes = within(await screen.findByTestId("pane-consolidate-files", {}, slow)).getAllByRole("listitem").map((li) => li.textContent);
    expect(outcomes).toEqual([
      "tp-lai-chau.xlsx: đã đọc (thành phố Lai Châu)",
      "phong-tho.xlsx: đã đọc (huyện Phong Thổ)",
      "tam-duong.xlsx: đã đọc (huyện Tam Đường)",
      "tam-duong (gui lai).xlsx: đã đọc (huyện Tam Đường)",
      "tan-uyen.xlsx: không đọc được",
    ]);
    await screen.findByText("Đã thêm 5 trang vào sổ tính: Tổng hợp, Bảng điểm, Đầy đủ, Kết quả từng đơn vị, Biểu đồ.", {}, slow);
    expect(screen.getByTestId("pane-consolidate-summary").textContent).toBe("Kỳ báo cáo 2025-H1; cấp huyện: đã nhận 2/8 đơn vị");

    // on screen: (700 + 120) / (1000 + 150) = 820 / 1150 = 71.30 %; Tam Đường's two files are a conflict, neither used
    const row = within(screen.getByTestId("consolidate-indicators")).getByText("CQS-02").closest("tr")!;
    expect([...row.querySelectorAll("td")].map((td) => td.textContent).slice(0, 3)).toEqual(["71,3", "820", "1150"]);
    const completeness = screen.getByTestId("consolidate-completeness");
    const duplicates = completeness.querySelectorAll('tr[data-status="duplicate"]');
    expect(duplicates).toHaveLength(2);
    expect(duplicates[0]!.textContent).toContain("Có 2 tệp cho cùng một đơn vị (tam-duong.xlsx; tam-duong (gui lai).xlsx)");
    expect(within(completeness).getByText("tan-uyen.xlsx").closest("tr")!.textContent).toContain("Không đọc được tệp:");

    // in the workbook: the same figure in "Tổng hợp", the reasons in "Đầy đủ", the user's sheet as it was
    expect(fake.sheetNames().filter((n) => n !== "_chitieu")).toEqual(["Theo dõi", "Tổng hợp", "Bảng điểm", "Đầy đủ", "Kết quả từng đơn vị", "Biểu đồ"]);
    let cqs02 = 0;
    for (let r = 5; r < 100 && !cqs02; r++) if (fake.cell(`'Tổng hợp'!B${r}`)?.value === "CQS-02") cqs02 = r;
    expect(["E", "F", "G"].map((c) => fake.cell(`'Tổng hợp'!${c}${cqs02}`)?.value)).toEqual([71.3043, 820, 1150]);
    const reasons = Array.from({ length: 20 }, (_, i) => fake.cell(`'Đầy đủ'!F${i + 5}`)?.value).filter(Boolean);
    expect(reasons).toEqual(expect.arrayContaining([expect.stringContaining("Có 2 tệp cho cùng một đơn vị")]));
    expect(fake.cell("'Theo dõi'!A1")).toEqual({ value: "Sổ theo dõi của Sở" });
    expect(fake.cell("'Theo dõi'!B2")).toEqual({ value: 2025 });
    expect(fake.cell("'Theo dõi'!C3")).toEqual({ value: "không sửa", fill: "#FFFF00" });
    if (api === "1.1") expect(screen.getByTestId("pane-consolidate-skipped").textContent).toContain("định dạng có điều kiện (ExcelApi 1.6)");
    else expect(screen.queryByTestId("pane-consolidate-skipped")).toBeNull();

    // a second run replaces the sheets of the first, and only those
    fireEvent.change(screen.getByLabelText("Chọn các tệp", { selector: "input" }), { target: { files: files().slice(0, 2) } });
    await screen.findByText("Đã thay 5 trang tổng hợp thêm lần trước.", {}, slow);
    expect(fake.sheetNames().filter((n) => n !== "_chitieu")).toEqual(["Theo dõi", "Tổng hợp", "Bảng điểm", "Đầy đủ", "Kết quả từng đơn vị", "Biểu đồ"]);
    expect(fake.cell("'Theo dõi'!A1")).toEqual({ value: "Sổ theo dõi của Sở" });
  });
});
