import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCatalog } from "../../../src/core/catalog";
import { consolidate, formatReason, parsePeriod, type ConsolidationReport, type IndicatorRollup } from "../../../src/core/consolidate";
import { toSavedMapping, type MappingEntry } from "../../../src/core/mapping";
import { loadUnits } from "../../../src/core/units";
import { submissionFromBytes } from "../../../src/hosts/xlsx/consolidate-file";
import { writeMappingSheet } from "../../../src/hosts/xlsx/mapping-store";
import { answerSchema, LAYOUT_DIR } from "../../support/layouts/answers";
import { unitWorkbook } from "../../support/unit-workbooks";

// A district that keeps its own layout (tuning layout t01: its table starts at F90) mapped it once in the add-in and
// saved the mapping in the workbook. Consolidation reads that workbook through the mapping: whose it is (unit, level,
// year recorded in the mapping) and its figures. Figures of t01 (from its answer file, read with openpyxl):
//   CQS-01 H91 = 37, I91 = 53;  CQS-09 H93 = 92, I93 = 117.

const catalog = defaultCatalog();
const registry = loadUnits();
const T01 = "t01-huyen-cot-F-dong-90";

const answer = answerSchema.parse(JSON.parse(readFileSync(join(LAYOUT_DIR, "tuning", `${T01}.answer.json`), "utf8")));
const t01Bytes = new Uint8Array(readFileSync(join(LAYOUT_DIR, "tuning", `${T01}.xlsx`)));

/** The mapping the user confirmed for t01: the answer file's cells, as the pane saves it (level, year, and the unit). */
function t01Mapped(unit: string | null): Uint8Array {
  const byIndicator = new Map<string, MappingEntry>();
  for (const c of answer.cells) {
    const e = byIndicator.get(c.indicator) ?? {
      indicator: c.indicator, sheet: c.sheet, labelCell: null, label: c.indicator, confidence: 1, status: "certain" as const, reasons: [], cells: [],
    };
    e.cells.push({ part: c.part, year: c.year, cell: c.cell });
    byIndicator.set(c.indicator, e);
  }
  const saved = toSavedMapping([...byIndicator.values()], catalog.id, { level: "district", year: 2025, unit });
  return writeMappingSheet(t01Bytes, saved);
}

function indicator(r: ConsolidationReport, code: string): IndicatorRollup {
  const i = r.indicators.find((x) => x.indicator === code);
  if (!i) throw new Error(`no ${code}`);
  return i;
}

function run(files: [string, Uint8Array][]): ConsolidationReport {
  return consolidate(files.map(([name, bytes]) => submissionFromBytes(name, bytes, catalog, registry)), { catalog, registry, period: parsePeriod("2025-H1")! });
}

describe("a unit recognised from the mapping saved in its own layout", () => {
  it("is received as the unit the mapping names, and its mapped figures enter the provincial sums", () => {
    const report = run([
      // the file name names no unit: the workbook's mapping says Tam Đường
      ["so-lieu-cds-2025.xlsx", t01Mapped("huyen-tam-duong")],
      ["tp-lai-chau.xlsx", unitWorkbook("tp-lai-chau", { "CQS-01": { numerator: 63, denominator: 97 }, "CQS-09": { numerator: 40, denominator: 100 } })],
    ]);
    const tamDuong = report.units.find((u) => u.unit === "huyen-tam-duong")!;
    expect(tamDuong).toMatchObject({ status: "received", file: "so-lieu-cds-2025.xlsx", recognisedBy: "mapping" });
    expect(formatReason(tamDuong.reason!, "vi")).toBe("Nhận đơn vị từ ánh xạ đã lưu trong sổ tính (biểu riêng của đơn vị)");
    expect(report.received).toBe(2);

    // CQS-01: (37 + 63) / (53 + 97) = 100 / 150 = 66.67 % against ≥ 100 % → below; 6 of 8 districts missing
    const cqs01 = indicator(report, "CQS-01");
    expect([cqs01.numerator, cqs01.denominator]).toEqual([100, 150]);
    expect(cqs01.value).toBeCloseTo(66.6667, 3);
    expect(cqs01.status).toBe("below");
    expect(cqs01.partial).toEqual({ expected: 8, missing: 6, leftOut: 0 });
    expect(cqs01.byUnit.find((b) => b.unit === "huyen-tam-duong")).toMatchObject({ numerator: 37, denominator: 53 });
    // CQS-09: (92 + 40) / (117 + 100) = 132 / 217 = 60.83 % against ≥ 30 % → met
    const cqs09 = indicator(report, "CQS-09");
    expect([cqs09.numerator, cqs09.denominator]).toEqual([132, 217]);
    expect(cqs09.value).toBeCloseTo(60.8295, 3);
    expect(cqs09.status).toBe("met");
  });

  it("a mapping that does not record the unit is not guessed from the file name: the reason says so", () => {
    const report = run([["bao-cao-huyen-phong-tho.xlsx", t01Mapped(null)]]);
    const row = report.units.find((u) => u.file === "bao-cao-huyen-phong-tho.xlsx")!;
    expect(row.status).toBe("unidentified");
    expect(formatReason(row.reason!, "vi")).toBe(
      "Sổ tính có ánh xạ đã lưu nhưng ánh xạ không ghi đơn vị báo cáo (tên tệp gợi ý: huyện Phong Thổ); hãy mở sổ tính bằng phần bổ trợ, chọn đơn vị rồi lưu lại ánh xạ",
    );
    expect(formatReason(row.reason!, "en")).toMatch(/^The workbook has a saved mapping, but the mapping does not record the reporting unit/);
    // Phong Thổ stays missing: the hint is shown, never used
    expect(report.units.find((u) => u.unit === "huyen-phong-tho")!.status).toBe("missing");
    expect(report.received).toBe(0);
  });

  it("the same layout without any saved mapping is not recognised (detection alone never names a unit)", () => {
    const report = run([["so-lieu.xlsx", t01Bytes]]);
    expect(report.units.find((u) => u.file === "so-lieu.xlsx")!.status).toBe("unidentified");
  });
});
