// Workbooks written by other producers (LibreOffice, openpyxl) are read, checked, marked and cleared; and our marked
// copies stay readable by openpyxl and LibreOffice whatever the original's styles looked like.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../../../../src/core/catalog";
import { checkWorkbook } from "../../../../src/core/check";
import { buildTemplateLayout, type IndicatorFigures } from "../../../../src/core/template";
import { applyHighlightsWithReport, clearHighlights } from "../../../../src/hosts/xlsx/mark";
import { readWorkbook } from "../../../../src/hosts/xlsx/read";
import { writeTemplateXlsx } from "../../../../src/hosts/xlsx/template";
import { worksheetXml } from "../package/zip-fixtures";
import { readCorpus, tinyWorkbook } from "../mark/helpers";
import { partsNotRestored, tryWorkbook } from "../../../support/workbooks/outcome";
import { itWithTools, libreOfficeView, OPENPYXL_VIEW, python, soffice } from "../../../support/workbooks/tools";

const catalog = defaultCatalog();
const layout = buildTemplateLayout({ catalog, unit: { code: "huyen-tam-duong", name: "Tam Đường", level: "district", kind: "huyện" }, year: 2025 });
const figures = new Map<string, IndicatorFigures>([
  ["CQS-02", { numerator: 700, denominator: 1000 }],
  ["XHS-06", { numerator: 120, denominator: 100 }],
  ["XHS-10", { numerator: 30, denominator: 40 }],
]);
const template = writeTemplateXlsx(layout, { values: figures });
const statuses = (bytes: Uint8Array) => checkWorkbook(readWorkbook(bytes), { catalog, year: 2025, level: "district", unitCode: "huyen-tam-duong" }).findings.map((f) => [f.indicator, f.status]);

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const data = '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr"><is><t>b</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>3</v></c></row>';
/** Originals whose marked copies openpyxl used to reject, or might: odd prefixes, degenerate or absent styles. */
const ORIGINALS: Record<string, Uint8Array> = {
  "nonstandard-prefix (corpus)": readCorpus("readxl__nonstandard-xml-ns-prefix.xlsx"),
  "no styles or sharedStrings (corpus)": readCorpus("readxl__no-styles-or-sharedStrings-parts.xlsx"),
  "self-closing styleSheet": tinyWorkbook({ sheets: [{ name: "Sheet1", body: `<sheetData>${data}</sheetData>` }], styles: `<styleSheet xmlns="${MAIN}"/>` }),
  "cellXfs only": tinyWorkbook({ sheets: [{ name: "Sheet1", body: `<sheetData>${data}</sheetData>` }], styles: `<styleSheet xmlns="${MAIN}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>` }),
  "empty cellXfs": tinyWorkbook({ sheets: [{ name: "Sheet1", body: `<sheetData>${data}</sheetData>` }], styles: `<styleSheet xmlns="${MAIN}"><cellXfs count="0"/><dxfs count="0"/></styleSheet>` }),
  "x: prefix everywhere": tinyWorkbook({
    sheets: [{ name: "Sheet1" }],
    styles: `<x:styleSheet xmlns:x="${MAIN}"><x:fonts count="1"><x:font/></x:fonts><x:cellXfs count="1"><x:xf numFmtId="0"/></x:cellXfs></x:styleSheet>`,
    extraParts: { "xl/worksheets/sheet1.xml": worksheetXml(data).replace(/<(\/?)(worksheet|sheetData|row|c|v|is|t)\b/g, "<$1x:$2").replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`) },
  }),
};
const mark = (cell: string, severity: "error" | "warning") => ({ sheet: "Sheet1", cell, severity, status: "invalid" as const, indicator: "x", message: { vi: `Ô ${cell}: sai`, en: `Cell ${cell}: wrong` } });

describe("marked copies of odd originals", () => {
  it.each(Object.keys(ORIGINALS))("%s: cleared back to every original byte", (name) => {
    const original = ORIGINALS[name]!;
    const marked = applyHighlightsWithReport(original, { marks: [mark("A1", "error"), mark("B2", "warning")] }).bytes;
    expect(partsNotRestored(original, clearHighlights(marked))).toEqual([]);
  });
});

describe("independent readers", () => {
  let dir = "";
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "chitieu-producers-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  itWithTools()("openpyxl and LibreOffice open the marked copy of each odd original and see our rules and notes", () => {
    const files = Object.entries(ORIGINALS).map(([name, original], i) => {
      const file = join(dir, `odd-${i}.xlsx`);
      writeFileSync(file, applyHighlightsWithReport(original, { marks: [mark("A1", "error"), mark("B2", "warning")] }).bytes);
      return { name, file };
    });
    for (const { name, file } of files) {
      const view = python(dir, OPENPYXL_VIEW, [file, "Sheet1"]) as { rules: { sqref: string; fill: string }[]; notes: Record<string, string> };
      expect({ name, rules: view.rules }).toEqual({ name, rules: [{ sqref: "A1", fill: "FFFFC7CE" }, { sqref: "B2", fill: "FFFFEB9C" }] });
      expect(Object.keys(view.notes).sort()).toEqual(["A1", "B2"]);
    }
    const fods = soffice(dir, "fods", files.map((f) => f.file));
    fods.forEach((f, i) => {
      const lo = libreOfficeView(f);
      expect({ name: files[i]!.name, ranges: lo.conditionalRanges }).toEqual({ name: files[i]!.name, ranges: ["Sheet1.A1:Sheet1.A1", "Sheet1.B2:Sheet1.B2"] });
      expect(lo.notes.filter((n) => n.includes("sai")).length).toBe(2);
    });
  }, 180_000);

  itWithTools()("our report re-saved by LibreOffice and by openpyxl is read and checked alike, marked and cleared losslessly", () => {
    const src = join(dir, "report.xlsx");
    writeFileSync(src, template);
    const [lo] = soffice(join(dir, "lo"), "xlsx:Calc Office Open XML", [src]);
    const py = join(dir, "report-openpyxl.xlsx");
    python(dir, 'import sys, json, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nwb.save(sys.argv[2])\nprint(json.dumps(wb.sheetnames))\n', [src, py]);
    const expected = statuses(template);
    for (const file of [lo!, py]) {
      const bytes = new Uint8Array(readFileSync(file));
      expect(statuses(bytes)).toEqual(expected);
      const report = checkWorkbook(readWorkbook(bytes), { catalog, year: 2025, level: "district", unitCode: "huyen-tam-duong" });
      const marked = applyHighlightsWithReport(bytes, report.plan);
      expect([...marked.markedCells.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      expect(partsNotRestored(bytes, clearHighlights(marked.bytes))).toEqual([]);
    }
  }, 180_000);

  itWithTools()("our report saved by LibreOffice as .ods is refused, with the way back to .xlsx", () => {
    const src = join(dir, "report-ods.xlsx");
    writeFileSync(src, template);
    const [ods] = soffice(join(dir, "ods"), "ods", [src]);
    const outcome = tryWorkbook(new Uint8Array(readFileSync(ods!)));
    expect(outcome).toMatchObject({ kind: "refused", code: "ods" });
    if (outcome.kind === "refused") expect(outcome.vi).toContain("lưu lại dưới dạng .xlsx");
  }, 120_000);
});
