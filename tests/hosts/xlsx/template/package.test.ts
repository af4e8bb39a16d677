import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { loadCatalog } from "../../../../src/core/catalog/index";
import { buildTemplateLayout } from "../../../../src/core/template/index";
import { writeTemplateXlsx } from "../../../../src/hosts/xlsx/template/index";

const catalog = loadCatalog();
const layout = buildTemplateLayout({ catalog, unit: { code: "xa-muong-kim", name: "Mường Kim", kind: "xã", level: "commune" }, year: 2025 });
const parts = unzipSync(writeTemplateXlsx(layout));
const part = (name: string) => {
  const bytes = parts[name];
  if (!bytes) throw new Error(`missing part ${name}`);
  return strFromU8(bytes);
};

/** Parses a part (throws on malformed XML) and returns the local names of the root's children, in order. */
function rootChildren(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const names: string[] = [];
  let depth = 0;
  parser.on("opentag", (tag) => {
    if (depth === 1) names.push(tag.local);
    depth++;
  });
  parser.on("closetag", () => depth--);
  parser.write(xml).close();
  return names;
}

// CT_Worksheet's sequence (ECMA-376 Part 1, 18.3.1.99); Excel rejects a sheet whose children are out of this order
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture",
  "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

describe("the .xlsx package", () => {
  it("holds every part a spreadsheet needs, each well-formed XML", () => {
    const expected = [
      "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "docProps/custom.xml", "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
    ];
    expect(Object.keys(parts).sort()).toEqual([...expected].sort());
    for (const name of expected) expect(() => rootChildren(part(name))).not.toThrow();
  });

  it("orders both worksheets' elements as CT_Worksheet requires", () => {
    for (const sheet of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]) {
      const children = rootChildren(part(sheet));
      const positions = children.map((c) => WORKSHEET_ORDER.indexOf(c));
      expect(positions).not.toContain(-1);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    expect(rootChildren(part("xl/worksheets/sheet1.xml"))).toEqual(
      expect.arrayContaining(["sheetProtection", "mergeCells", "conditionalFormatting", "dataValidations", "pageSetup"]),
    );
  });

  it("stores the template metadata under the custom property names the reader looks for", () => {
    const custom = part("docProps/custom.xml");
    expect(custom).toContain('name="chitieu.templateVersion"><vt:lpwstr>1</vt:lpwstr>');
    expect(custom).toContain(`name="chitieu.catalogId"><vt:lpwstr>${catalog.id}</vt:lpwstr>`);
    expect(custom).toContain(`name="chitieu.catalogVersion"><vt:lpwstr>${catalog.version}</vt:lpwstr>`);
    expect(custom).toContain('name="chitieu.unitCode"><vt:lpwstr>xa-muong-kim</vt:lpwstr>');
    expect(custom).toContain('name="chitieu.level"><vt:lpwstr>commune</vt:lpwstr>');
    expect(custom).toContain('name="chitieu.year"><vt:i4>2025</vt:i4>');
    expect(custom).toContain('name="chitieu.sheet"><vt:lpwstr>Báo cáo</vt:lpwstr>');
  });

  it("defines the print titles as the column header rows of the report sheet", () => {
    expect(part("xl/workbook.xml")).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Báo cáo'!$8:$9</definedName>`);
  });

  it("writes Vietnamese text NFC-normalised and escapes XML specials", () => {
    const strings = part("xl/sharedStrings.xml");
    expect(strings).toBe(strings.normalize("NFC"));
    expect(strings).toContain("<t>Độc lập - Tự do - Hạnh phúc</t>");
    const odd = buildTemplateLayout({ catalog, unit: { code: "s", name: 'Sở "A" & <B>', level: "province" }, year: 2025 });
    const xml = strFromU8(unzipSync(writeTemplateXlsx(odd))["xl/sharedStrings.xml"]!);
    expect(xml).toContain('SỞ "A" &amp; &lt;B&gt;');
    expect(() => rootChildren(xml)).not.toThrow();
  });

  it("gives the same bytes for the same layout", () => {
    expect(Buffer.from(writeTemplateXlsx(layout)).equals(Buffer.from(writeTemplateXlsx(layout)))).toBe(true);
  });

  it("puts given figures into the input cells with their computed results", () => {
    const row = layout.rows.find((r) => r.indicatorCode === "CQS-01")!;
    const sheet = strFromU8(unzipSync(writeTemplateXlsx(layout, { values: new Map([["CQS-01", { numerator: 45, denominator: 50 }]]) }))["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toMatch(new RegExp(`<c r="G${row.row}" s="\\d+"><v>45</v></c><c r="H${row.row}" s="\\d+"><v>50</v></c>`));
    expect(sheet).toMatch(new RegExp(`<c r="J${row.row}" s="\\d+"><f>IF\\(OR\\(AND\\(TRIM\\(G${row.row}\\).*?</f><v>0.9</v></c>`));
    expect(sheet).toMatch(new RegExp(`<c r="L${row.row}" s="\\d+" t="str"><f>.*?</f><v>Chưa đạt</v></c>`));
  });
});
