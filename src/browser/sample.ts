import { defaultCatalog } from "../core/catalog";
import { buildTemplateLayout, fillTemplateLayout, type IndicatorFigures } from "../core/template";
import { writeTemplateXlsx } from "../hosts/xlsx/template";

// The "use the sample file" workbook: Tam Đường district's 2025 report, made from our template at first use
// (loaded on demand, so its writer is not in the initial bundle). Most figures meet the target, a few fall short,
// two are not entered, and one answer is malformed, so every kind of finding shows.

export const SAMPLE_FILE_NAME = "mau-huyen-tam-duong-2025.xlsx";

export const SAMPLE_FIGURES: ReadonlyMap<string, IndicatorFigures> = new Map<string, IndicatorFigures>([
  ["CQS-01", { numerator: 412, denominator: 412 }],
  ["CQS-02", { numerator: 1530, denominator: 1800 }],
  ["CQS-03", { numerator: 96, denominator: 100 }], // short of the target
  ["CQS-04", { numerator: 188, denominator: 190 }], // short of the target
  ["CQS-05", { numerator: 57, denominator: 60 }],
  ["CQS-06", { numerator: 45, denominator: 45 }],
  ["CQS-07", { numerator: 30, denominator: 31 }],
  ["CQS-08", { numerator: 120, denominator: 120 }],
  ["CQS-09", { numerator: 22, denominator: 100 }], // short of the target
  ["CQS-10", { numerator: 75, denominator: 75 }],
  ["CQS-11", { numerator: 64, denominator: 64 }],
  ["CQS-12", { numerator: 35, denominator: 100 }],
  ["KTS-09", { numerator: 14, denominator: 20 }],
  ["KTS-10", { numerator: 9, denominator: 9 }],
  ["XHS-01", { numerator: 11200, denominator: 11200 }],
  ["XHS-02", { numerator: 6900, denominator: 11200 }],
  ["XHS-06", { numerator: 41, denominator: 80 }], // short of the target
  ["XHS-07", { numerator: 52000, denominator: 52000 }],
  ["XHS-09", { value: "Có lẽ" }], // malformed: neither "Có" nor "Không"
  ["XHS-10", { numerator: 36000, denominator: 52000 }],
  // XHS-11 and XHS-12 left empty: missing
  ["NL-02", { numerator: 3, denominator: 200 }],
  ["NL-03", { numerator: 160, denominator: 160 }],
]);

export function sampleWorkbook(): Uint8Array {
  const catalog = defaultCatalog();
  const layout = buildTemplateLayout({ catalog, unit: { code: "huyen-tam-duong", name: "Tam Đường", kind: "huyện", level: "district" }, year: 2025 });
  const known = new Set(layout.rows.map((r) => r.indicatorCode));
  // keep the sample valid if the catalog drops an indicator: fill only what the template has
  const figures = new Map([...SAMPLE_FIGURES].filter(([code]) => known.has(code)));
  return writeTemplateXlsx(fillTemplateLayout(layout, figures));
}
