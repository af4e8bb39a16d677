import { isCellError } from "../../../../src/core/snapshot";
import { ChitieuError } from "../../../../src/core/errors";
import { readSheetsInfo, readWorkbook } from "../../../../src/hosts/xlsx/read";
import { STYLES_XML, buildWorkbook, worksheetXml } from "../package/zip-fixtures";
import { caught as caughtError } from "../../../support/caught";

const refusal = (fn: () => unknown) => caughtError(fn, ChitieuError);

const METADATA = {
  "chitieu.templateVersion": "1",
  "chitieu.catalogId": "nq09-lai-chau",
  "chitieu.catalogVersion": "2025.1",
  "chitieu.unitCode": "LC-XA-BINHLU",
  "chitieu.level": "commune",
  "chitieu.year": "2025",
  "chitieu.sheet": "Chỉ tiêu",
};

describe("readWorkbook: cell values", () => {
  const bytes = buildWorkbook({
    sharedStrings: ["Tỷ lệ hồ sơ trực tuyến", "Xã Bình Lư"],
    styles: STYLES_XML,
    sheets: [
      {
        name: "Chỉ tiêu",
        sheetData: [
          '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" s="1"><v>0.85</v></c><c r="D2" s="2"><v>0.6234</v></c><c r="E2" s="3"><v>1234.5</v></c></row>',
          '<row r="3"><c r="B3" t="str"><f>B2&amp;"!"</f><v>Tỷ lệ!</v></c><c r="C3" t="b"><v>1</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E3" t="inlineStr"><is><r><t>Mường </t></r><r><rPr><b/></rPr><t>Tè</t></r><rPh><t>ignored</t></rPh></is></c></row>',
          '<row r="4"><c r="B4"><f>SUM(C2:D2)</f><v>1.4734</v></c><c r="C4" t="d" s="4"><v>2025-07-01T00:00:00</v></c><c r="D4"><f>C4+1</f></c></row>',
        ].join(""),
      },
    ],
  });
  const sheet = readWorkbook(bytes).sheets[0]!;
  const at = (ref: string) => {
    const col = ref.charCodeAt(0) - 65;
    const row = Number(ref.slice(1)) - 1;
    return { value: sheet.values[row - sheet.top]![col - sheet.left], format: sheet.formats[row - sheet.top]![col - sheet.left], formula: sheet.formulas?.[row - sheet.top]![col - sheet.left] };
  };

  it("places the dense rectangle on the cells that exist", () => {
    expect(sheet.name).toBe("Chỉ tiêu");
    expect([sheet.top, sheet.left, sheet.values.length, sheet.values[0]!.length]).toEqual([1, 1, 3, 4]);
  });

  it("reads shared strings, numbers, booleans, errors and rich inline text (phonetic runs left out)", () => {
    expect(at("B2").value).toBe("Tỷ lệ hồ sơ trực tuyến");
    expect(at("C2").value).toBe(0.85);
    expect(at("C3").value).toBe(true);
    expect(isCellError(at("D3").value) && (at("D3").value as { error: string }).error).toBe("#DIV/0!");
    expect(at("E3").value).toBe("Mường Tè");
  });

  it("gives each cell its number format, percent formats included", () => {
    expect(at("C2").format).toBe("0%");
    expect(at("D2").format).toBe("0.00%");
    expect(at("E2").format).toBe('#,##0.0 "ha"');
    expect(at("B2").format).toBe("General");
  });

  it("gives formulas' cached values as values and their text in formulas", () => {
    expect(at("B3")).toMatchObject({ value: "Tỷ lệ!", formula: 'B2&"!"' });
    expect(at("B4")).toMatchObject({ value: 1.4734, formula: "SUM(C2:D2)" });
    expect(at("D4")).toMatchObject({ value: null, formula: "C4+1" });
    expect(at("C2").formula).toBeNull();
  });

  it("turns ISO date cells into serial numbers", () => {
    expect(at("C4").value).toBe(45839); // 2025-07-01
    expect(at("C4").format).toBe("mm-dd-yy");
  });
});

describe("readWorkbook: text handling", () => {
  it("decodes _xHHHH_ escapes, keeps _x005F_ as a literal underscore, and normalises to NFC", () => {
    const decomposed = "Vie\u0323\u0302t Nam"; // "Việt Nam" with combining marks
    const bytes = buildWorkbook({
      sharedStrings: ["a_x000D_b", "_x005F_x0041_", decomposed],
      sheets: [{ name: "S", sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' }],
    });
    const [a, b, c] = readWorkbook(bytes).sheets[0]!.values[0]!;
    expect(a).toBe("a\rb");
    expect(b).toBe("_x0041_");
    expect(c).toBe("Việt Nam".normalize("NFC"));
    expect(c).toBe((c as string).normalize("NFC"));
  });

  it("reads CR LF inside text as LF, as XML requires", () => {
    const bytes = buildWorkbook({ sheets: [{ name: "S", sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>dòng 1\r\ndòng 2</t></is></c></row>' }] });
    expect(readWorkbook(bytes).sheets[0]!.values[0]![0]).toBe("dòng 1\ndòng 2");
  });
});

describe("readWorkbook: structure", () => {
  it("reads cells and rows without r attributes in sequence", () => {
    const bytes = buildWorkbook({ sheets: [{ name: "S", sheetData: "<row><c><v>1</v></c><c><v>2</v></c></row><row><c/><c><v>4</v></c></row>" }] });
    const s = readWorkbook(bytes).sheets[0]!;
    expect([s.top, s.left]).toEqual([0, 0]);
    expect(s.values).toEqual([[1, 2], [null, 4]]);
  });

  it("moves shared formulas' relative references to each cell, keeping absolute ones", () => {
    const bytes = buildWorkbook({
      sheets: [{ name: "S", sheetData: '<row r="1"><c r="C1"><f t="shared" ref="C1:C3" si="0">$A1*B$1+SUM(A1:B1)</f><v>0</v></c></row><row r="3"><c r="C3"><f t="shared" si="0"/><v>0</v></c></row>' }],
    });
    const s = readWorkbook(bytes).sheets[0]!;
    expect(s.formulas![0]![0]).toBe("$A1*B$1+SUM(A1:B1)");
    expect(s.formulas![2]![0]).toBe("$A3*B$1+SUM(A3:B3)");
  });

  it("ignores a dimension claiming the whole sheet: only existing cells are allocated", () => {
    const raw = worksheetXml('<row r="5"><c r="C5"><v>7</v></c></row>', '<dimension ref="A1:XFD1048576"/>');
    const s = readWorkbook(buildWorkbook({ sheets: [{ name: "S", raw }] })).sheets[0]!;
    expect([s.top, s.left, s.values.length, s.values[0]!.length]).toEqual([4, 2, 1, 1]);
  });

  it("refuses, quickly and without allocating it, a sheet whose cells span A1:XFD1048576", () => {
    const bytes = buildWorkbook({ sheets: [{ name: "Số liệu", sheetData: '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>' }] });
    const before = process.memoryUsage().heapUsed;
    const t = performance.now();
    const e = refusal(() => readWorkbook(bytes));
    expect(e.code).toBe("too-many-cells");
    expect(e.text("vi")).toContain("Số liệu");
    expect(e.text("vi")).toContain("XFD1048576");
    expect(performance.now() - t).toBeLessThan(1000);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it("skips chartsheets, keeps hidden sheets, and reports visibility in readSheetsInfo", () => {
    const bytes = buildWorkbook({
      sheets: [
        { name: "Nhập liệu", sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: "Biểu đồ", chart: true },
        { name: "Danh mục", state: "veryHidden", sheetData: '<row r="1"><c r="A1"><v>2</v></c></row>' },
      ],
    });
    expect(readWorkbook(bytes).sheets.map((s) => s.name)).toEqual(["Nhập liệu", "Danh mục"]);
    expect(readSheetsInfo(bytes).sheets.map((s) => [s.name, s.kind, s.state])).toEqual([
      ["Nhập liệu", "worksheet", "visible"],
      ["Biểu đồ", "chartsheet", "visible"],
      ["Danh mục", "worksheet", "veryHidden"],
    ]);
  });

  it("reads only the sheets asked for, and names a sheet that does not exist", () => {
    const bytes = buildWorkbook({ sheets: [{ name: "A", sheetData: "" }, { name: "B", sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
    expect(readWorkbook(bytes, { sheets: ["B"] }).sheets.map((s) => s.name)).toEqual(["B"]);
    const e = refusal(() => readWorkbook(bytes, { sheets: ["C"] }));
    expect(e.code).toBe("missing-part");
    expect(e.text("vi")).toContain('"C"');
  });
});

describe("readWorkbook: template metadata", () => {
  it("reads our custom properties into TemplateMetadata", () => {
    const bytes = buildWorkbook({ sheets: [{ name: "Chỉ tiêu", sheetData: "" }], custom: METADATA });
    expect(readWorkbook(bytes).metadata).toEqual({
      templateVersion: "1", catalogId: "nq09-lai-chau", catalogVersion: "2025.1", unitCode: "LC-XA-BINHLU", level: "commune", year: 2025, sheet: "Chỉ tiêu",
    });
  });

  it("is null when absent", () => {
    expect(readWorkbook(buildWorkbook({ sheets: [{ name: "S", sheetData: "" }] })).metadata).toBeNull();
  });

  it("refuses properties edited into something we never wrote, naming each one", () => {
    const incomplete: Record<string, string> = { ...METADATA };
    delete incomplete["chitieu.unitCode"];
    const read = (custom: Record<string, string>) => caughtError(() => readWorkbook(buildWorkbook({ sheets: [{ name: "S", sheetData: "" }], custom })), ChitieuError);
    expect(read(incomplete).code).toBe("store-damaged");
    expect(read(incomplete).text("en")).toContain("chitieu.unitCode: required but missing (expected string)");
    expect(read({ ...METADATA, "chitieu.level": "huyện" }).text("vi")).toContain('chitieu.level: Tùy chọn không hợp lệ: mong đợi một trong các giá trị "province"|"district"|"commune"');
    expect(read({ ...METADATA, "chitieu.year": "năm 2025" }).text("en")).toContain("chitieu.year: a year such as 2025");
    expect(read({ ...METADATA, "chitieu.year": "năm 2025" }).text("vi")).toContain("chitieu.year: một năm, ví dụ 2025");
  });
});

describe("readWorkbook: hostile and damaged sheets", () => {
  it("refuses DTDs and entity declarations", () => {
    const raw = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`;
    expect(refusal(() => readWorkbook(buildWorkbook({ sheets: [{ name: "S", raw }] }))).code).toBe("xml-entities");
  });

  it("reports malformed XML with the part and line", () => {
    const raw = `<?xml version="1.0"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\n<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>`;
    const e = refusal(() => readWorkbook(buildWorkbook({ sheets: [{ name: "S", raw }] })));
    expect(e.code).toBe("malformed-xml");
    expect(e.text("vi")).toContain("xl/worksheets/sheet1.xml");
    expect(e.text("vi")).toContain("dòng 3");
  });

  it("refuses an undefined entity reference", () => {
    const bytes = buildWorkbook({ sheets: [{ name: "S", sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>&bomb;</t></is></c></row>' }] });
    expect(refusal(() => readWorkbook(bytes)).code).toBe("malformed-xml");
  });

  it("stops at the cell limit", () => {
    const rows = Array.from({ length: 50 }, (_, r) => `<row r="${r + 1}">${Array.from({ length: 10 }, (_, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${c}</v></c>`).join("")}</row>`).join("");
    const bytes = buildWorkbook({ sheets: [{ name: "S", sheetData: rows }] });
    expect(readWorkbook(bytes).sheets[0]!.values.length).toBe(50);
    expect(refusal(() => readWorkbook(bytes, { limits: { maxCells: 100 } })).code).toBe("too-many-cells");
  });

  it("stops when the time budget runs out", () => {
    const rows = Array.from({ length: 20000 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c><c r="B${r + 1}" t="inlineStr"><is><t>x</t></is></c></row>`).join("");
    const bytes = buildWorkbook({ sheets: [{ name: "S", sheetData: rows }] });
    const e = refusal(() => readWorkbook(bytes, { limits: { timeoutMs: 0.001 } }));
    expect(e.code).toBe("timeout");
    expect(e.text("vi")).toContain("giây");
  });

  it("reports a shared string index that does not exist", () => {
    const bytes = buildWorkbook({ sharedStrings: ["a"], sheets: [{ name: "S", sheetData: '<row r="1"><c r="B1" t="s"><v>5</v></c></row>' }] });
    const e = refusal(() => readWorkbook(bytes));
    expect(e.code).toBe("missing-part");
    expect(e.text("vi")).toContain("B1");
  });
});
