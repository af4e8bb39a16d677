// What a reviewer sees when findings are marked into a workbook, and what stays exactly as the official left it.

import { applyHighlights, applyHighlightsWithReport, clearHighlights, hasHighlights } from "../../../../src/hosts/xlsx/mark";
import { ChitieuError } from "../../../../src/core/errors";
import { differingParts, equalBytes, mark, open, plan, readCorpus, text, tinyWorkbook } from "./helpers";
import { caught as caughtError } from "../../../support/caught";

const SHEET = "Báo cáo 2025";
const SHEET1 = "Sheet1";

const caught = (fn: () => unknown) => caughtError(fn, ChitieuError);

function roundTrips(input: Uint8Array, p = plan(mark(SHEET, "B3"))): Uint8Array {
  const out = applyHighlights(input, p);
  const cleared = open(clearHighlights(out));
  const before = open(input);
  expect(cleared.names).toEqual(before.names);
  expect(differingParts(before, cleared)).toEqual([]);
  return out;
}

describe("refusing marks that cannot be placed", () => {
  const book = tinyWorkbook({ sheets: [{ name: SHEET }, { name: "Ghi chú" }] });

  it("names the missing sheet and lists the sheets the workbook has, in Vietnamese and English", () => {
    const e = caught(() => applyHighlights(book, plan(mark("Bao cao 2025", "A1"))));
    expect(e.code).toBe("unknown-sheet");
    expect(e.text("vi")).toContain("“Bao cao 2025”");
    expect(e.text("vi")).toContain("“Báo cáo 2025”, “Ghi chú”");
    expect(e.text("en")).toContain("has no sheet");
  });

  it.each(["A0", "XFE1", "A1048577", "A1:B2", "", "1A"])("refuses the cell address %p", (cell) => {
    const e = caught(() => applyHighlights(book, plan(mark(SHEET, cell))));
    expect(e.code).toBe("bad-cell-address");
    expect(e.text("vi")).toContain(`Ô "${cell}"`);
    expect(e.text("en")).toContain("A1:XFD1048576");
  });

  it("accepts the last cell of the grid and matches sheet names ignoring case, as Excel does", () => {
    const out = applyHighlights(book, plan(mark("báo cáo 2025", "XFD1048576")));
    expect(text(open(out), "xl/worksheets/sheet1.xml")).toContain('sqref="XFD1048576"');
  });

  it("refuses a chart sheet", () => {
    const bytes = readCorpus("exceljs__chart-sheet.xlsx");
    const wb = text(open(bytes), "xl/workbook.xml");
    const rels = text(open(bytes), "xl/_rels/workbook.xml.rels");
    const chartRelId = /Id="(rId[0-9]+)"[^>]*chartsheet|chartsheet[^>]*Id="(rId[0-9]+)"/.exec(rels);
    const id = chartRelId?.[1] ?? chartRelId?.[2];
    const name = new RegExp(`<sheet [^>]*name="([^"]+)"[^>]*r:id="${id}"`).exec(wb)?.[1];
    expect(name).toBeDefined();
    expect(caught(() => applyHighlights(bytes, plan(mark(name!, "A1")))).code).toBe("not-a-worksheet");
  });

});

describe("colours", () => {
  it("adds one rule per severity with our styles, most severe first, evaluated before every existing rule (x14 included)", () => {
    const bytes = readCorpus("poi__NewStyleConditionalFormattings.xlsx");
    const before = text(open(bytes), "xl/worksheets/sheet1.xml");
    const priorities = (t: string) => [...t.matchAll(/priority="([0-9]+)"/g)].map((m) => Number(m[1]));
    const out = open(applyHighlights(bytes, plan(mark("CF", "C9", "info"), mark("CF", "A1", "error"), mark("CF", "B2", "warning"))));
    const sheet = text(out, "xl/worksheets/sheet1.xml");
    const ours = [...sheet.matchAll(/sqref="([^"]+)"><cfRule type="expression" dxfId="([0-9]+)" priority="([0-9]+)"><formula>"chitieu-cds"="chitieu-cds"/g)];
    expect(ours.map((m) => m[1])).toEqual(["A1", "B2", "C9"]);
    // priority 1 is evaluated first and wins where two rules colour the same cell: ours stay visible
    expect(ours.map((m) => Number(m[3]))).toEqual([1, 2, 3]);
    const theirs = sheet.replace(/<conditionalFormatting sqref="[^"]+"><cfRule type="expression" dxfId="[0-9]+" priority="[0-9]+"><formula>"chitieu-cds"="chitieu-cds"<\/formula><\/cfRule><\/conditionalFormatting>/g, "");
    expect(priorities(theirs)).toEqual(priorities(before).map((p) => p + 3));
    const dxfs = [...text(out, "xl/styles.xml").matchAll(/<dxf>(?:(?!<\/dxf>)[\s\S])*<\/dxf>/g)].map((m) => m[0]);
    const fill = (id: string) => /bgColor rgb="([0-9A-F]+)"/.exec(dxfs[Number(id)] ?? "")?.[1];
    const font = (id: string) => /<color rgb="([0-9A-F]+)"/.exec(dxfs[Number(id)] ?? "")?.[1];
    expect(ours.map((m) => [fill(m[2]!), font(m[2]!)])).toEqual([
      ["FFFFC7CE", "FF9C0006"],
      ["FFFFEB9C", "FF9C5700"],
      ["FFDDEBF7", "FF1F4E79"],
    ]);
  });

  it("gives a cell with several findings the colour of the most severe one and all messages in its note", () => {
    const book = tinyWorkbook({ sheets: [{ name: SHEET }] });
    const out = open(applyHighlights(book, plan(mark(SHEET, "B3", "info", "Thiếu minh chứng"), mark(SHEET, "b3", "error", "Không phải số"))));
    const sheet = text(out, "xl/worksheets/sheet1.xml");
    expect(sheet.match(/<conditionalFormatting/g)).toHaveLength(1);
    expect(text(out, "xl/chitieuCdsNotes1.xml")).toContain("Chỉ tiêu CĐS: Thiếu minh chứng\nKhông phải số");
  });

  it.each([
    ["has no <dxfs>", "<tableStyles count=\"0\"/>"],
    ["has an empty <dxfs count=\"0\"/>", "<dxfs count=\"0\"/><tableStyles count=\"0\"/>"],
    ["has <dxfs> without a count", "<dxfs><dxf><font><i/></font></dxf></dxfs>"],
  ])("puts our styles where the schema wants them when styles.xml %s, and restores it exactly", (_label, tail) => {
    const styles = `<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><cellXfs count="1"><xf/></cellXfs>${tail}</styleSheet>`;
    const book = tinyWorkbook({ sheets: [{ name: SHEET }], styles });
    const out = roundTrips(book);
    const marked = text(open(out), "xl/styles.xml");
    expect(marked).toMatch(/<cellXfs count="1"><xf\/><\/cellXfs><dxfs[^>]*>[\s\S]*<\/dxfs>(<tableStyles|<\/styleSheet>)/);
  });

  it("bumps the <dxfs> count by exactly the styles it adds", () => {
    const out = text(open(applyHighlights(tinyWorkbook({ sheets: [{ name: SHEET }] }), plan(mark(SHEET, "A1"), mark(SHEET, "A2", "warning")))), "xl/styles.xml");
    expect(out).toMatch(/<dxfs count="3"><dxf><font><b\/><\/font><\/dxf><dxf>/);
  });

  it("creates a stylesheet for a workbook that has none, and removes it again", () => {
    const book = tinyWorkbook({ sheets: [{ name: SHEET }], styles: null });
    const out = open(roundTrips(book));
    expect(text(out, "xl/styles.xml")).toContain("<dxfs count=\"1\">");
    expect(text(out, "xl/_rels/workbook.xml.rels")).toContain('Target="styles.xml"');
    expect(text(out, "[Content_Types].xml")).toContain('PartName="/xl/styles.xml"');
  });

  it("writes with the sheet's own namespace prefix when the main namespace is not the default one", () => {
    const bytes = readCorpus("poi__59746_NoRowNums.xlsx");
    const out = open(applyHighlights(bytes, plan(mark("Features", "A1"))));
    const sheet = text(out, "xl/worksheets/sheet.xml");
    expect(sheet).toContain('<x:conditionalFormatting sqref="A1"><x:cfRule type="expression"');
    expect(sheet).toMatch(/<\/x:sheetData><x:conditionalFormatting[\s\S]*<x:legacyDrawing xmlns:r="[^"]+" r:id="rIdChitieuCdsVml"\/><\/x:worksheet>$/);
    expect(text(out, "xl/styles.xml")).toMatch(/<x:dxf><x:font><x:color rgb="FF9C0006"\/>/);
  });

  it("places the rules first among the sheet's own (LibreOffice applies the first block that matches) and the notes drawing before tableParts", () => {
    const body =
      '<sheetData/><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><conditionalFormatting sqref="C1"><cfRule type="cellIs" dxfId="0" priority="7" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation sqref="D1" type="whole"/></dataValidations><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId9"/><tableParts count="0"/>';
    const book = tinyWorkbook({ sheets: [{ name: SHEET, body }] });
    const sheet = text(open(roundTrips(book)), "xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<\/mergeCells><conditionalFormatting sqref="B3"><cfRule type="expression" dxfId="1" priority="1">.*<\/conditionalFormatting><conditionalFormatting sqref="C1">.*<\/conditionalFormatting><dataValidations/);
    expect(sheet).toContain('<cfRule type="cellIs" dxfId="0" priority="8" operator="lessThan">'); // theirs, one below ours
    expect(sheet).toMatch(/<drawing r:id="rId9"\/><legacyDrawing r:id="rIdChitieuCdsVml"\/><tableParts/);
  });
});

describe("notes", () => {
  const book = tinyWorkbook({ sheets: [{ name: SHEET }] });

  it("explains each finding in Vietnamese by default, authored by Chỉ tiêu CĐS", () => {
    const out = open(applyHighlights(book, plan(mark(SHEET, "C4", "warning", "Tỷ lệ 72% < mục tiêu 80% & cần bổ sung"))));
    const comments = text(out, "xl/chitieuCdsNotes1.xml");
    expect(comments).toContain("<author>Chỉ tiêu CĐS</author>");
    expect(comments).toContain('<comment ref="C4" authorId="0">');
    expect(comments).toContain("Chỉ tiêu CĐS: Tỷ lệ 72% &lt; mục tiêu 80% &amp; cần bổ sung");
    expect(text(out, "xl/drawings/chitieuCdsNotes1.vml")).toContain("<x:Row>3</x:Row><x:Column>2</x:Column>");
    expect(text(out, "xl/worksheets/_rels/sheet1.xml.rels")).toContain('Target="../chitieuCdsNotes1.xml"');
    expect(text(out, "[Content_Types].xml")).toContain('<Override PartName="/xl/drawings/chitieuCdsNotes1.vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>');
  });

  it("writes the English message when asked", () => {
    const out = open(applyHighlights(book, plan(mark(SHEET, "C4")), { lang: "en" }));
    expect(text(out, "xl/chitieuCdsNotes1.xml")).toContain("Chỉ tiêu CĐS: Missing figure in C4\nResult of the check of 05/01/2026; the cell keeps this colour until the next check.");
  });

  it("adds no notes when notes are turned off", () => {
    const out = open(applyHighlights(book, plan(mark(SHEET, "C4")), { notes: false }));
    expect(out.names.some((n) => /chitieuCds/.test(n))).toBe(false);
    expect(text(out, "xl/worksheets/sheet1.xml")).not.toContain("legacyDrawing");
  });

  it("adds our notes beside a sheet's own notes, never on their cells, and clearing takes exactly ours away", () => {
    const bytes = readCorpus("xlsxwriter__comment04.xlsx"); // John's note on Sheet1!B2
    const report = applyHighlightsWithReport(bytes, plan(mark(SHEET1, "B2", "error", "Không phải số"), mark(SHEET1, "C5", "warning", "Chưa đạt")));
    expect(report.notesSkipped).toEqual([]);
    expect(report.notedCells.get(SHEET1)).toEqual(["C5"]);
    expect(report.explained).toBe(1);
    const before = open(bytes);
    const after = open(report.bytes);
    expect(differingParts(before, after)).toEqual(["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/styles.xml", "xl/worksheets/sheet1.xml"]);
    const comments = text(after, "xl/comments1.xml");
    expect(comments).toContain("<authors><author>John</author><author>Chỉ tiêu CĐS</author></authors>");
    expect(comments).toContain('<comment ref="B2" authorId="0"><text><r><rPr><sz val="8"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr><t>Some text</t>');
    expect(comments).toMatch(/<comment ref="C5" authorId="1">.*Chỉ tiêu CĐS: Chưa đạt\nKết quả kiểm tra ngày 05\/01\/2026; ô giữ màu này đến lần kiểm tra sau.<\/t>.*<\/comment><\/commentList>/s);
    const vml = text(after, "xl/drawings/vmlDrawing1.vml");
    expect(vml).toMatch(/<o:idmap v:ext="edit" data="1,3"\/>/); // blocks 1 and 2 are the workbook's
    expect(vml).toContain('<v:shape id="_x0000_s3073"');
    expect(vml).toContain("<x:Row>4</x:Row><x:Column>2</x:Column>");
    expect(differingParts(before, open(clearHighlights(report.bytes)))).toEqual([]);
  });

  it("keeps threaded comments and their placeholder notes untouched, and notes only the free cells", () => {
    const bytes = readCorpus("poi__64759.xlsx"); // threaded comment on C2, a note on B3
    const report = applyHighlightsWithReport(bytes, plan(mark("File", "C2"), mark("File", "B3"), mark("File", "D4")));
    expect(report.notedCells.get("File")).toEqual(["D4"]);
    const before = open(bytes);
    const after = open(report.bytes);
    const changed = differingParts(before, after);
    expect(changed).not.toContain("xl/threadedComments/threadedComment1.xml");
    expect(changed).not.toContain("xl/persons/person.xml");
    expect(text(after, "xl/comments1.xml").match(/<comment /g)).toHaveLength(3);
    expect(differingParts(before, open(clearHighlights(report.bytes)))).toEqual([]);
  });

  it("leaves notes alone when their drawing is missing, and says so", () => {
    const rels =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>';
    const comments = '<?xml version="1.0"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>An</author></authors><commentList><comment ref="A1" authorId="0"><text><t>x</t></text></comment></commentList></comments>';
    const book = tinyWorkbook({ sheets: [{ name: SHEET, rels, extraParts: { "xl/comments1.xml": comments } }] });
    const report = applyHighlightsWithReport(book, plan(mark(SHEET, "B3")));
    expect(report.notesSkipped).toEqual([SHEET]);
    expect(report.explained).toBe(0);
    expect(differingParts(open(book), open(report.bytes))).toEqual(["xl/styles.xml", "xl/worksheets/sheet1.xml"]);
  });

  it("keeps VML shape ids clear of the workbook's other drawings", () => {
    const bytes = readCorpus("xlsxwriter__comment04.xlsx"); // Sheet1 and Sheet3 have notes (VML blocks 1 and 2); Sheet2 has none
    const out = open(applyHighlights(bytes, plan(mark("Sheet2", "A1"))));
    const used = out.names.filter((n) => n.endsWith(".vml") && !n.includes("chitieuCds")).map((n) => /data="([0-9,]+)"/.exec(text(out, n))?.[1]);
    const ours = out.names.filter((n) => n.includes("chitieuCds") && n.endsWith(".vml")).map((n) => /data="([0-9,]+)"/.exec(text(out, n))?.[1]);
    expect(ours).toHaveLength(1);
    expect([...used].sort()).toEqual(["1", "2"]);
    expect(ours).toEqual(["3"]);
  });
});

describe("reversibility", () => {
  it("never modifies the input array", () => {
    const book = tinyWorkbook({ sheets: [{ name: SHEET }] });
    const copy = book.slice();
    const out = applyHighlights(book, plan(mark(SHEET, "A1")));
    clearHighlights(out);
    expect(equalBytes(book, copy)).toBe(true);
  });

  it("re-applying replaces our marks instead of stacking them", () => {
    const book = tinyWorkbook({ sheets: [{ name: SHEET }] });
    const once = open(applyHighlights(book, plan(mark(SHEET, "A1"))));
    const twice = open(applyHighlights(applyHighlights(book, plan(mark(SHEET, "A1"))), plan(mark(SHEET, "A1"))));
    expect(differingParts(once, twice)).toEqual([]);
    const moved = open(applyHighlights(applyHighlights(book, plan(mark(SHEET, "A1"))), plan(mark(SHEET, "B5", "warning"))));
    const sheet = text(moved, "xl/worksheets/sheet1.xml");
    expect(sheet.match(/chitieu-cds"=/g)).toHaveLength(1);
    expect(sheet).toContain('sqref="B5"');
  });

  it("an empty plan on a marked file clears it", () => {
    const book = tinyWorkbook({ sheets: [{ name: SHEET }] });
    const out = applyHighlights(applyHighlights(book, plan(mark(SHEET, "A1"))), plan());
    expect(differingParts(open(book), open(out))).toEqual([]);
    expect(hasHighlights(out)).toBe(false);
  });

  it("clearing a file we never marked returns the same bytes", () => {
    const bytes = readCorpus("poi__simple-monthly-budget.xlsx");
    expect(equalBytes(clearHighlights(bytes), bytes)).toBe(true);
    expect(hasHighlights(bytes)).toBe(false);
  });

  it("keeps a macro workbook's VBA project and content type", () => {
    const book = tinyWorkbook({ sheets: [{ name: SHEET }], macro: true });
    const out = open(roundTrips(book));
    expect(equalBytes(out.get("xl/vbaProject.bin"), open(book).get("xl/vbaProject.bin"))).toBe(true);
    expect(text(out, "[Content_Types].xml")).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  });

  it("keeps a byte-order mark and a sheet rels part written by another tool", () => {
    const rels = '\uFEFF<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml" /></Relationships>';
    const book = tinyWorkbook({ sheets: [{ name: SHEET, rels }] });
    const out = open(roundTrips(book));
    expect(text(out, "xl/worksheets/_rels/sheet1.xml.rels").startsWith("\uFEFF")).toBe(true);
  });
});
