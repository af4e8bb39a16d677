import "./support/dom-polyfills";
import { act, fireEvent, screen } from "@testing-library/react";
import { ExcelApp } from "../../src/app/screens/ExcelApp";
import { loadUnits } from "../../src/core/units";
import { earlierReportsFromBytes } from "../../src/hosts/xlsx/earlier-report";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { unitWorkbook } from "../support/unit-workbooks";
import { fakeHost } from "./support/fake-host";
import { catalog } from "./support/fixtures";
import { renderInFrame } from "./support/render";
import { readFileBytes } from "../../src/browser/download";

// The task pane with last year's report picked from disk: the same sparkline and words as the browser mode.

const registry = loadUnits();
const thisYear = readWorkbook(unitWorkbook("huyen-tam-duong", { "CQS-07": { numerator: 52, denominator: 100 } }, { year: 2024 }));
const y2022 = unitWorkbook("huyen-tam-duong", { "CQS-07": { numerator: 40, denominator: 100 } }, { year: 2022 });
const y2023 = unitWorkbook("huyen-tam-duong", { "CQS-07": { numerator: 48, denominator: 100 } }, { year: 2023 });

const readEarlier = async (f: File) => earlierReportsFromBytes(await readFileBytes(f), f.name, { catalog });

describe("task pane with last year's reports", () => {
  it("offers to add them after a check, then shows the series and the projection in each finding", async () => {
    renderInFrame(<ExcelApp host={fakeHost(thisYear)} catalog={catalog} registry={registry} initialChoice={{ level: "district", year: 2024, unitCode: "huyen-tam-duong" }} readEarlier={readEarlier} />);
    await act(async () => {});
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra sổ tính" }));
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    fireEvent.change(screen.getByLabelText("Chọn báo cáo các năm trước của đơn vị", { selector: "input" }), {
      target: { files: [new File([y2022 as BlobPart], "2022.xlsx"), new File([y2023 as BlobPart], "2023.xlsx")] },
    });
    const spark = await screen.findByTestId("sparkline");
    expect(spark.getAttribute("aria-label")).toBe("Số liệu các năm: năm 2022: 40%; năm 2023: 48%; năm 2024: 52%");
    expect(spark.closest("[data-testid=finding]")!.textContent).toContain("đạt 70% vào năm 2027 — chậm 2 năm");
  }, 20_000);

  it("offers nothing when the pane cannot read files", async () => {
    renderInFrame(<ExcelApp host={fakeHost(thisYear)} catalog={catalog} registry={registry} initialChoice={{ level: "district", year: 2024, unitCode: "huyen-tam-duong" }} />);
    await act(async () => {});
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra sổ tính" }));
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" });
    expect(screen.queryByTestId("history-picker")).toBeNull();
  });
});
