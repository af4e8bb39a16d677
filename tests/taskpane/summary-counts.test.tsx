import "./support/dom-polyfills";
import { screen, within } from "@testing-library/react";
import { BrowserApp } from "../../src/browser/BrowserApp";
import { buildTemplateLayout, fillTemplateLayout, type IndicatorFigures } from "../../src/core/template";
import { loadUnits } from "../../src/core/units";
import { writeTemplateXlsx } from "../../src/hosts/xlsx/template";
import { catalog } from "./support/fixtures";
import { renderInFrame } from "./support/render";
import { fireEvent } from "@testing-library/react";

// The summary tiles and the findings list say the same numbers: "Số liệu sai" is what the list calls "Lỗi".

it("the 'Số liệu sai' tile counts the findings under 'Lỗi'; an ambiguous figure is said apart, under warnings", async () => {
  const figures = new Map<string, IndicatorFigures>([
    ["KTS-02", { value: "1.079" }], // a growth rate typed as text: 1.079 or 1079? read, but to be confirmed (a warning)
    ["NL-01", { value: "hạng ba" }], // a rank in words: an error
    ["KTS-12", { value: "xyz" }], // not a number: an error
  ]);
  const layout = buildTemplateLayout({ catalog, unit: { code: "tinh-lai-chau", name: "Lai Châu", kind: "tỉnh", level: "province" }, year: 2025 });
  renderInFrame(<BrowserApp catalog={catalog} registry={loadUnits()} initialChoice={{ level: "province", year: 2025, unitCode: "tinh-lai-chau" }} />);
  const file = new File([writeTemplateXlsx(fillTemplateLayout(layout, figures)) as BlobPart], "bao-cao.xlsx");
  fireEvent.change(screen.getByLabelText("Chọn tệp .xlsx", { selector: "input" }), { target: { files: [file] } });
  await screen.findByRole("heading", { name: "Kết quả kiểm tra" }, { timeout: 10_000 });
  const tile = within(screen.getByTestId("count-invalid")).getByRole("definition").textContent;
  const errors = within(screen.getByTestId("severity-error")).getAllByTestId("finding").length;
  expect(screen.getByRole("heading", { name: `Lỗi (${errors})` })).toBeTruthy();
  expect(tile).toBe(String(errors));
  expect(errors).toBe(2);
  const warnings = within(screen.getByTestId("severity-warning")).getAllByTestId("finding").map((li) => li.textContent);
  expect(warnings.some((w) => w?.includes("KTS-02"))).toBe(true);
  expect(screen.getByTestId("invalid-warnings").textContent).toBe("Và 1 số liệu đọc được nhưng cần xem lại (ở mục Cảnh báo).");
});
