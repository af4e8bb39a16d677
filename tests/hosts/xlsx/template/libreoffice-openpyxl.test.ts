// The generated template as LibreOffice and openpyxl see it: opened, recalculated, printed, read back.

import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadCatalog } from "../../../../src/core/catalog/index";
import { buildTemplateLayout, fillTemplateLayout, type IndicatorFigures, type TemplateLayout } from "../../../../src/core/template/index";
import { writeTemplateXlsx } from "../../../../src/hosts/xlsx/template/index";
import { PYTHON, requireTools } from "../../../support/tools";
import { convert, decodePng, libreOfficeProfile, parseCsv, rowsWithColour } from "./external-tools";

const tools = requireTools(["soffice", "openpyxl", "pdftoppm"]);

const ARTIFACTS = resolve(__dirname, "../../../../test-artifacts/template");
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1";
const RED: [number, number, number] = [0xff, 0xc7, 0xce];
const GREEN: [number, number, number] = [0xc6, 0xef, 0xce];

const catalog = loadCatalog();
const blank = buildTemplateLayout({ catalog, unit: { code: "xa-muong-kim", name: "Mường Kim", kind: "xã", level: "commune" }, year: 2025, preparer: "Lò Văn Minh", date: "2026-01-05" });
const figures = new Map<string, IndicatorFigures>([
  ["CQS-01", { numerator: 45, denominator: 50, note: "Số liệu Cổng DVC tỉnh" }], // 90% of a 100% target: not met
  ["CQS-02", { numerator: 70, denominator: 100 }], // 70% of a 60% target: met
  ["CQS-06", { value: "Có" }], // yes: met
  ["XHS-02", { numerator: 50, denominator: 100 }], // exactly 50% of "trên 50%": not met
]);
const filled = fillTemplateLayout(blank, figures);
// same inputs, every cached formula value wrong: what LibreOffice shows then can only come from the formulas
const stale: TemplateLayout = { ...filled, cells: filled.cells.map((c) => (c.formula !== undefined ? { ...c, cached: "CŨ" } : c)) };

const rowOf = (code: string) => blank.rows.find((r) => r.indicatorCode === code)!;

let dir = "";
const csv: Record<string, string[][]> = {};
let pages: { filled: Uint8Array; blank: Uint8Array };

beforeAll(() => {
  if (tools.missing.length > 0) return;
  dir = mkdtempSync(join(tmpdir(), "chitieu-template-"));
  const out = join(dir, "out");
  mkdirSync(out);
  const files = { blank: writeTemplateXlsx(blank), filled: writeTemplateXlsx(filled), stale: writeTemplateXlsx(stale) };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, `${name}.xlsx`), bytes);
  const profile = libreOfficeProfile(join(dir, "lo-profile"));
  convert(profile, CSV_FILTER, out, ["filled", "stale", "blank"].map((n) => join(dir, `${n}.xlsx`)));
  convert(profile, "pdf", out, ["filled", "blank"].map((n) => join(dir, `${n}.xlsx`)));
  for (const name of ["filled", "stale", "blank"]) csv[name] = parseCsv(readFileSync(join(out, `${name}.csv`), "utf8"));
  for (const name of ["filled", "blank"]) execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", join(out, `${name}.pdf`), join(out, name)]);
  const page = (name: string) => readFileSync(join(out, `${name}-1.png`));
  pages = { filled: page("filled"), blank: page("blank") };
  mkdirSync(ARTIFACTS, { recursive: true });
  copyFileSync(join(out, "filled-1.png"), join(ARTIFACTS, "filled-commune-2025-page1.png"));
  copyFileSync(join(out, "filled.pdf"), join(ARTIFACTS, "filled-commune-2025.pdf"));
  copyFileSync(join(dir, "filled.xlsx"), join(ARTIFACTS, "filled-commune-2025.xlsx"));
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The CSV line of an indicator (column B holds the code). */
function csvRow(name: string, code: string): string[] {
  const row = csv[name]?.find((r) => r[1] === code);
  if (!row) throw new Error(`${name}.csv has no row for ${code}`);
  return row;
}
// CSV columns are 0-based: J (result) = 9, K (gap) = 10, L (assessment) = 11
const RESULT = 9;
const GAP = 10;
const ASSESSMENT = 11;

tools.describe("LibreOffice opens the template", () => {
  it("shows the administrative header, title and column headers", () => {
    const flat = csv.blank!.flat();
    for (const text of [
      "UBND TỈNH LAI CHÂU",
      "UBND XÃ MƯỜNG KIM",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ",
      "Kỳ báo cáo: năm 2025",
      "Mức cần đạt năm 2025",
      "Mục tiêu 2030",
      "Tử số",
      "Mẫu số",
      "Kết quả",
      "Chênh lệch",
      "Đánh giá",
      "THỦ TRƯỞNG ĐƠN VỊ",
    ])
      expect(flat).toContain(text);
  });

  it("recalculates the filled figures: 45/50 → 90.0%, 10 points short, Chưa đạt; 70/100 meets 60%", () => {
    expect(csvRow("filled", "CQS-01").slice(RESULT, ASSESSMENT + 1)).toEqual(["90.0%", "-10.0", "Chưa đạt"]);
    expect(csvRow("filled", "CQS-02").slice(RESULT, ASSESSMENT + 1)).toEqual(["70.0%", "+10.0", "Đạt"]);
    expect(csvRow("filled", "CQS-06")[RESULT]).toBe("Có");
    expect(csvRow("filled", "CQS-06")[ASSESSMENT]).toBe("Đạt");
    expect(csvRow("filled", "XHS-02")[ASSESSMENT]).toBe("Chưa đạt");
  });

  it("computes the results from the live formulas, not from the values we cached", () => {
    for (const code of ["CQS-01", "CQS-02", "CQS-06", "XHS-02", "CQS-03"]) {
      expect(csvRow("stale", code).slice(RESULT, ASSESSMENT + 1)).toEqual(csvRow("filled", code).slice(RESULT, ASSESSMENT + 1));
    }
    expect(csv.stale!.flat()).not.toContain("CŨ");
  });

  it("leaves results empty in the blank template", () => {
    for (const row of blank.rows) {
      const line = csvRow("blank", row.indicatorCode);
      expect([line[RESULT], line[GAP], line[ASSESSMENT]]).toEqual(["", "", ""]);
    }
  });

  it("prints the results red when not met and green when met (live conditional formatting), nothing coloured when blank", () => {
    const page = decodePng(pages.filled);
    const red = rowsWithColour(page, RED);
    const green = rowsWithColour(page, GREEN);
    expect(red.length).toBeGreaterThan(0);
    expect(green.length).toBeGreaterThan(0);
    // CQS-01 (not met) is the first indicator row, CQS-02 (met) the next one
    expect(Math.min(...red)).toBeLessThan(Math.min(...green));
    const blankPage = decodePng(pages.blank);
    expect(rowsWithColour(blankPage, RED)).toEqual([]);
    expect(rowsWithColour(blankPage, GREEN)).toEqual([]);
    // within CQS-01's band the red sits in two cells: Kết quả and Đánh giá. Text inside a cell splits a pixel row
    // into several runs, so count on the band's cleanest row (the fewest red runs): two cells give two there.
    const redRuns = (y: number) => {
      let runs = 0;
      let inside = false;
      for (let x = 0; x < page.width; x++) {
        const [r, g, b] = page.pixel(x, y);
        const isRed = Math.abs(r - RED[0]) <= 8 && Math.abs(g - RED[1]) <= 8 && Math.abs(b - RED[2]) <= 8;
        if (isRed && !inside) runs++;
        inside = isRed;
      }
      return runs;
    };
    const band: number[] = [];
    for (const y of red) if (band.length === 0 || y === band[band.length - 1]! + 1) band.push(y);
    expect(Math.min(...band.map(redRuns))).toBe(2);
  });
});

interface OpenpyxlReport {
  sheets: string[];
  protection: { sheet: boolean; formatCells: boolean; formatColumns: boolean; formatRows: boolean; password: string | null };
  cells: Record<string, { value: unknown; cached: unknown; locked: boolean; format: string }>;
  validations: { type: string; operator: string | null; sqref: string; formula1: string; formula2: string | null; prompt: string; error: string }[];
  conditionalFormats: { sqref: string; formulas: string[] }[];
  printTitleRows: string;
  orientation: string;
  paperSize: number;
  fitToPage: boolean;
  fitToWidth: number;
  freezePanes: string;
  hiddenColumns: string[];
  customProperties: Record<string, { type: string; value: string }>;
}

tools.describe("openpyxl reads the template", () => {
  const cq1 = rowOf("CQS-01");
  const cq6 = rowOf("CQS-06");
  let report: OpenpyxlReport;
  beforeAll(() => {
    const cells = [cq1.cells.numerator!, cq1.cells.denominator!, cq1.cells.result, cq1.cells.gap, cq1.cells.assessment, cq1.cells.notes, cq6.cells.value!, `A${cq1.row}`, `E${cq1.row}`];
    const out = execFileSync(PYTHON, [join(__dirname, "inspect_xlsx.py"), join(dir, "filled.xlsx"), ...cells], { encoding: "utf8" });
    report = JSON.parse(out) as OpenpyxlReport;
  });

  it("sees the formulas as text and our cached values as data", () => {
    const r = cq1.row;
    expect(report.cells[`J${r}`]).toMatchObject({
      value: `=IF(OR(AND(TRIM(G${r})<>"",NOT(ISNUMBER(G${r}))),AND(TRIM(H${r})<>"",NOT(ISNUMBER(H${r})))),"Nhập số",IF(AND(ISNUMBER(G${r}),ISNUMBER(H${r})),IF(AND(H${r}>0,G${r}>=0,G${r}<=H${r}),G${r}/H${r},"Sai số liệu"),""))`,
      cached: 0.9,
      format: "0.0%",
    });
    expect(report.cells[`L${r}`]).toMatchObject({ value: `=IF(AND(ISNUMBER(J${r}),ISNUMBER(O${r})),IF(J${r}>=O${r},"Đạt","Chưa đạt"),"")`, cached: "Chưa đạt" });
    expect(report.cells[`K${r}`]!.cached as number).toBeCloseTo(-10, 9);
    expect(report.cells[`G${r}`]).toMatchObject({ value: 45, locked: false });
    expect(report.cells[`M${r}`]).toMatchObject({ value: "Số liệu Cổng DVC tỉnh", locked: false });
    expect(report.cells[`I${cq6.row}`]).toMatchObject({ value: "Có", locked: false });
    expect(report.cells[`E${r}`]).toMatchObject({ value: "≥ 100%", locked: true });
    expect(report.cells[`J${r}`]!.locked).toBe(true);
  });

  it("finds the sheet protected without a password, formatting allowed", () => {
    expect(report.sheets).toEqual(["Báo cáo", "Hướng dẫn"]);
    expect(report.protection).toEqual({ sheet: true, formatCells: false, formatColumns: false, formatRows: false, password: null });
  });

  it("finds the data validations on the inputs", () => {
    const on = (ref: string) => report.validations.find((v) => v.sqref.split(" ").includes(ref));
    expect(on(cq1.cells.numerator!)).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formula1: "0" });
    expect(on(cq6.cells.value!)).toMatchObject({ type: "list", formula1: '"Có,Không"', error: 'Chỉ chọn "Có" hoặc "Không".' });
    expect(report.validations.length).toBe(blank.validations.length);
  });

  it("finds print titles, landscape A4 fitted to width, the frozen header and the hidden target column", () => {
    expect(report.printTitleRows).toBe(`$${blank.headerRows.from}:$${blank.headerRows.to}`);
    expect(report).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, freezePanes: `A${blank.freeze.row}` });
    expect(report.hiddenColumns).toEqual(["O"]);
    const first = blank.rows[0]!.row;
    expect(report.conditionalFormats[0]!.formulas).toEqual([`$L${first}="Đạt"`, `$L${first}="Chưa đạt"`, `$J${first}="Sai số liệu"`, `$J${first}="Nhập số"`, `$J${first}="Chọn Có/Không"`]);
  });

  it("reads the template metadata from the custom properties", () => {
    const props = Object.fromEntries(Object.entries(report.customProperties).map(([k, v]) => [k, `${v.type}:${v.value}`]));
    expect(props).toEqual({
      "chitieu.templateVersion": "lpwstr:1",
      "chitieu.catalogId": `lpwstr:${catalog.id}`,
      "chitieu.catalogVersion": `lpwstr:${catalog.version}`,
      "chitieu.unitCode": "lpwstr:xa-muong-kim",
      "chitieu.level": "lpwstr:commune",
      "chitieu.year": "i4:2025",
      "chitieu.sheet": "lpwstr:Báo cáo",
    });
  });
});
