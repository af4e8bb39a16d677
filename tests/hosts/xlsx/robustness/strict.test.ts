// Strict Open XML (Excel's "Strict Open XML Spreadsheet") is read, checked, marked in its own namespaces and cleared
// byte for byte; LibreOffice shows our marks. (openpyxl cannot open Strict files at all, ours or anyone's.)

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../../../../src/core/catalog";
import { checkWorkbook } from "../../../../src/core/check";
import { buildTemplateLayout, type IndicatorFigures } from "../../../../src/core/template";
import { applyHighlightsWithReport, clearHighlights } from "../../../../src/hosts/xlsx/mark";
import { openPackage } from "../../../../src/hosts/xlsx/package";
import { readWorkbook } from "../../../../src/hosts/xlsx/read";
import { writeTemplateXlsx } from "../../../../src/hosts/xlsx/template";
import { partsNotRestored } from "../../../support/workbooks/outcome";
import { toStrict } from "../../../support/workbooks/strict";
import { itWithTools, libreOfficeView, soffice } from "../../../support/workbooks/tools";
import { readCorpus } from "../mark/helpers";

const catalog = defaultCatalog();
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const TRANSITIONAL = /schemas\.openxmlformats\.org\/(spreadsheetml\/2006\/main|officeDocument\/2006\/relationships)/;

const figures = new Map<string, IndicatorFigures>([
  ["CQS-02", { numerator: 700, denominator: 1000 }], // 70% of an 80% target
  ["XHS-06", { numerator: 120, denominator: 100 }], // numerator above denominator
  ["XHS-10", { numerator: 30, denominator: 40 }], // 75% of 60%: met
]);
const layout = buildTemplateLayout({ catalog, unit: { code: "huyen-tam-duong", name: "Tam Đường", level: "district", kind: "huyện" }, year: 2025 });
const transitional = writeTemplateXlsx(layout, { values: figures });
const strict = toStrict(transitional);
const text = (bytes: Uint8Array, part: string) => new TextDecoder().decode(openPackage(bytes).get(part));

describe("a Strict Open XML report", () => {
  it("is really Strict: no transitional namespace left in its parts", () => {
    expect(text(strict, "xl/workbook.xml")).toContain(`xmlns="${STRICT_MAIN}"`);
    expect(text(strict, "xl/workbook.xml")).toContain('conformance="strict"');
    for (const part of openPackage(strict).names.filter((n) => /\.(xml|rels)$/.test(n))) expect(text(strict, part)).not.toMatch(TRANSITIONAL);
  });

  it("is read and checked exactly like the same report in Transitional form", () => {
    const a = checkWorkbook(readWorkbook(transitional), { catalog });
    const b = checkWorkbook(readWorkbook(strict), { catalog });
    expect(b.findings.map((f) => [f.indicator, f.status, f.cell])).toEqual(a.findings.map((f) => [f.indicator, f.status, f.cell]));
    expect(b.findings.find((f) => f.indicator === "CQS-02")).toMatchObject({ status: "below" });
    expect(b.findings.find((f) => f.indicator === "XHS-06")).toMatchObject({ status: "invalid" });
  });

  it("is marked in Strict namespaces and cleared back to every original byte", () => {
    const report = checkWorkbook(readWorkbook(strict), { catalog });
    const marked = applyHighlightsWithReport(strict, report.plan);
    expect(marked.explained).toBe(report.plan.marks.length);
    const pkg = openPackage(marked.bytes);
    const sheetRels = text(marked.bytes, "xl/worksheets/_rels/sheet1.xml.rels");
    expect(sheetRels).toContain(`Type="${STRICT_REL}/comments"`);
    expect(sheetRels).toContain(`Type="${STRICT_REL}/vmlDrawing"`);
    const notes = pkg.names.find((n) => /chitieuCdsNotes\d+\.xml$/.test(n))!;
    expect(text(marked.bytes, notes)).toContain(`<comments xmlns="${STRICT_MAIN}">`);
    const sheet = text(marked.bytes, "xl/worksheets/sheet1.xml");
    expect(sheet).toMatch(/<conditionalFormatting sqref="[^"]+"><cfRule type="expression"/);
    expect(sheet).toMatch(/<legacyDrawing r:id="rIdChitieuCdsVml"\/>/);
    for (const part of pkg.names.filter((n) => /\.(xml|rels)$/.test(n))) expect(text(marked.bytes, part)).not.toMatch(TRANSITIONAL);
    expect(partsNotRestored(strict, clearHighlights(marked.bytes))).toEqual([]);
  });
});

describe("LibreOffice opens marked Strict workbooks and shows our marks", () => {
  let dir = "";
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "chitieu-strict-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  itWithTools()("our report and POI's Strict sample (poi__sample.strict.xlsx)", () => {
    const report = checkWorkbook(readWorkbook(strict), { catalog });
    const ours = join(dir, "report-strict.xlsx");
    writeFileSync(ours, applyHighlightsWithReport(strict, report.plan).bytes);
    const sample = readCorpus("poi__sample.strict.xlsx");
    const mark = (cell: string) => ({ sheet: "Sheet1", cell, severity: "error" as const, status: "invalid" as const, indicator: "1.1", message: { vi: `Ô ${cell}: sai`, en: `Cell ${cell}: wrong` } });
    const poi = join(dir, "poi-strict.xlsx");
    const poiMarked = applyHighlightsWithReport(sample, { marks: [mark("A1"), mark("B2")] }).bytes;
    writeFileSync(poi, poiMarked);
    expect(partsNotRestored(sample, clearHighlights(poiMarked))).toEqual([]);

    const [oursFods, poiFods] = soffice(dir, "fods", [ours, poi]);
    const a = libreOfficeView(oursFods!);
    expect(a.conditionalRanges.length).toBeGreaterThanOrEqual(2);
    expect(a.notes.filter((n) => n.includes("Chỉ tiêu CĐS")).length).toBe(report.plan.marks.length);
    const b = libreOfficeView(poiFods!);
    expect(b.conditionalRanges).toEqual(["Sheet1.A1:Sheet1.A1 Sheet1.B2:Sheet1.B2"]); // one rule per severity
    expect(b.notes.map((n) => n.replace(/\s+/g, " "))).toEqual(expect.arrayContaining([expect.stringContaining("Ô A1: sai"), expect.stringContaining("Ô B2: sai")]));
  }, 120_000);
});
