// Every real workbook in tests/fixtures/corpus either reads into a snapshot or is refused with a specific code,
// within 10 s, without hanging or crashing. Expected values were checked with openpyxl 3.0.9 (data_only=True).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { SheetSnapshot, WorkbookSnapshot } from "../../../../src/core/snapshot";
import { ChitieuError } from "../../../../src/core/errors";
import { tryParseCell, readWorkbook } from "../../../../src/hosts/xlsx/read";
import { CORPUS_DIR } from "../package/zip-fixtures";
import { refusalCode } from "../../../support/corpus-expected";

const files = readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".xlsx")).sort();

function read(file: string): WorkbookSnapshot {
  return readWorkbook(new Uint8Array(readFileSync(path.join(CORPUS_DIR, file))));
}

function codeOf(file: string): string | null {
  try {
    read(file);
    return null;
  } catch (e) {
    if (e instanceof ChitieuError) return e.code;
    throw e;
  }
}

function cell(sheet: SheetSnapshot | undefined, ref: string): { value: unknown; format: string | undefined } {
  const { row, col } = tryParseCell(ref)!;
  if (!sheet) throw new Error("no such sheet");
  return { value: sheet.values[row - sheet.top]?.[col - sheet.left] ?? null, format: sheet.formats[row - sheet.top]?.[col - sheet.left] };
}

function sheetOf(wb: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return wb.sheets.find((s) => s.name === name);
}

describe("corpus: every real workbook reads or is refused with a specific code", () => {
  it("finds the corpus beside the repository", () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  it.each(files)("%s", (file) => {
    const t = performance.now();
    const code = codeOf(file);
    expect(performance.now() - t).toBeLessThan(10_000);
    expect(code).toBe(refusalCode(file, "read")); // pinned, with the reason, in tests/fixtures/corpus/expected.json
  });
});

describe("corpus: specific files", () => {
  it("reads exceljs__test-issue-1842.xlsx (whole-sheet data validation that hangs exceljs) quickly", () => {
    const t = performance.now();
    const wb = read("exceljs__test-issue-1842.xlsx");
    expect(performance.now() - t).toBeLessThan(2000);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("reads Vietnamese text from readxl__vietnamese-utf8.xlsx in NFC", () => {
    const s = read("readxl__vietnamese-utf8.xlsx").sheets[0]!;
    expect(cell(s, "A1").value).toBe("Mô tả");
    expect(cell(s, "A3").value).toBe("SÉT lẫn sạn laterite");
    for (const row of s.values) for (const v of row) if (typeof v === "string") expect(v).toBe(v.normalize("NFC"));
  });

  it("reads strict OOXML (poi__sample.strict.xlsx), which uses other namespace URIs", () => {
    const wb = read("poi__sample.strict.xlsx");
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "rich test", "Sheet3"]);
    expect(cell(wb.sheets[0], "A1").value).toBe("Lorem");
    expect(cell(wb.sheets[0], "B1").value).toBe(111);
  });

  it("reports a percent cell's format (poi__simple-monthly-budget.xlsx H4 = 0.62293…, 0%)", () => {
    const c = cell(sheetOf(read("poi__simple-monthly-budget.xlsx"), "Simple Monthly Budget"), "H4");
    expect(c.value).toBeCloseTo(0.6229333333333333, 12);
    expect(c.format).toBe("0%");
    const d = cell(sheetOf(read("poi__FormulaEvalTestData_Copy.xlsx"), "EverythingTests"), "D768");
    expect(d).toEqual({ value: -0.0768, format: "0.00%" });
  });

  it("reads shared-formula results like openpyxl (poi__51710.xlsx)", () => {
    const s = sheetOf(read("poi__51710.xlsx"), "Sheet1")!;
    expect(cell(s, "B2").value).toBe(10);
    expect(cell(s, "C5").value).toBe(30);
    expect(cell(s, "M100").value).toBe(980);
    const { row, col } = tryParseCell("M100")!;
    expect(s.formulas?.[row - s.top]?.[col - s.left]).toBe("$A100*M$2");
  });

  it("reads rows and cells without r attributes (poi__59746_NoRowNums.xlsx)", () => {
    const s = sheetOf(read("poi__59746_NoRowNums.xlsx"), "Features");
    expect(cell(s, "A1").value).toBe("Checked");
    expect(cell(s, "B2").value).toBe("[M+Na]+1");
    expect(cell(s, "C3").value).toBe("Molecular Weight");
  });

  it("reads cells without <v> as empty (readxl__missing-v-node-xlsx.xlsx)", () => {
    const s = read("readxl__missing-v-node-xlsx.xlsx").sheets[0]!;
    expect(["A1", "B1", "C1", "A2", "B2", "C2"].map((r) => cell(s, r).value)).toEqual(["A", "B", "A + B", 1, 2, null]);
  });

  it("reads non-standard namespace prefixes (readxl__nonstandard-xml-ns-prefix.xlsx)", () => {
    const s = read("readxl__nonstandard-xml-ns-prefix.xlsx").sheets[0]!;
    expect(s.values).toEqual([["a", "b"], [1, 3], [2, 4]]);
  });

  it("keeps an escaped _x000D_ literal (exceljs__shared_string_with_escape.xlsx)", () => {
    expect(cell(read("exceljs__shared_string_with_escape.xlsx").sheets[0], "A1").value).toBe("_x000D_");
  });

  it("reads Cyrillic text-formatted cells (readxl__Ekaterinburg_IP_9.xlsx)", () => {
    const s = sheetOf(read("readxl__Ekaterinburg_IP_9.xlsx"), "СПАРК - Список");
    expect(cell(s, "A6")).toEqual({ value: "Абдрахманов Руслан Барьевич", format: "@" });
    expect(cell(s, "F5").value).toBe("666400272572");
  });

  it("keeps memory bounded over the whole corpus", () => {
    const before = process.memoryUsage().heapUsed;
    for (const f of files) if (!refusalCode(f, "read")) read(f);
    global.gc?.();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(300 * 1024 * 1024);
  });
});
