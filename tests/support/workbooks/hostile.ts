// Hostile and odd files, made here rather than downloaded: each is the smallest file that exercises one way a
// workbook from an e-mail attachment can try to hang, exhaust or trick the reader.

import { deflateSync, strToU8, zipSync } from "fflate";
import { crc32 } from "../../../src/hosts/xlsx/zip/crc32";
import { freshEntry, writeZip } from "../../../src/hosts/xlsx/zip/write";
import { buildWorkbook, deflatedZeros, worksheetXml, zipOf, zipWithRawEntry } from "../../hosts/xlsx/package/zip-fixtures";
import { writeCfb } from "./cfb";

export interface HostileCase {
  /** Stable id, used by the record. */
  id: string;
  /** What the file is, in a few words (English, for the record). */
  what: string;
  /** The name a user would have given it. */
  fileName: string;
  make: () => Uint8Array;
}

const MB = 1024 * 1024;
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Rows of a number and a Vietnamese inline string. */
const rows = (n: number) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i + 1}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>Xã ${i + 1}</t></is></c></row>`).join("");

/** A small ordinary workbook whose first sheet's XML is given. */
function withSheet(sheetXml: string, extra: Partial<Parameters<typeof buildWorkbook>[0]> = {}): Uint8Array {
  return buildWorkbook({ sheets: [{ name: "Sheet1", raw: sheetXml }], ...extra });
}

const enc = new TextEncoder();

function billionLaughs(): string {
  const ents = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) ents.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE sst [${ents.join("")}]>\n<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`;
}

/** An .xlsm as Excel writes it: macro-enabled main content type, vbaProject.bin (a compound file) tied to the workbook. */
export function macroWorkbook(): { bytes: Uint8Array; vba: Uint8Array } {
  const vba = writeCfb([{ name: "PROJECT", data: enc.encode('ID="{00000000-0000-0000-0000-000000000000}"\r\nModule=Module1\r\n') }, { name: "dir", data: new Uint8Array([1, 2, 3, 4]) }]);
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${R}"><workbookPr codeName="ThisWorkbook"/><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(worksheetXml(rows(5))),
    "xl/styles.xml": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`),
    "xl/vbaProject.bin": vba,
  };
  return { bytes: zipSync(files, { mtime: new Date(1980, 0, 1) }), vba };
}

/** A real workbook's parts, written with writeZip so that names and duplicates are exactly as given. */
function rawZip(parts: [string, string | Uint8Array][]): Uint8Array {
  return writeZip(parts.map(([n, v]) => freshEntry(n, typeof v === "string" ? enc.encode(v) : v)));
}

function basicParts(sheetXml = worksheetXml(rows(3))): [string, string][] {
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return [
    ["[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`],
    ["_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ["xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    ["xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`],
    ["xl/worksheets/sheet1.xml", sheetXml],
  ];
}

export const HOSTILE_CASES: HostileCase[] = [
  {
    id: "zip-bomb",
    what: "zip bomb: a sheet of 20 MB of spaces deflated to about 20 KB (ratio ≈ 1000:1)",
    fileName: "bom-nen.xlsx",
    make: () => {
      const sheet = worksheetXml(rows(3)).replace("<sheetData>", `<sheetData>${" ".repeat(20 * MB)}`);
      return rawZip(basicParts(sheet));
    },
  },
  {
    id: "zip-bomb-lying-size",
    what: "zip bomb whose headers claim 1 KB for a sheet that inflates to 50 MB",
    fileName: "bom-nen-khai-sai.xlsx",
    make: () => {
      const honest = basicParts().filter(([n]) => n !== "xl/worksheets/sheet1.xml").map(([name, text]) => {
        const data = enc.encode(text);
        return { name, compressed: deflateSync(data), declaredSize: data.length, crc: crc32(data) };
      });
      return zipWithRawEntry([...honest, { name: "xl/worksheets/sheet1.xml", compressed: deflatedZeros(50 * MB), declaredSize: 1024 }]);
    },
  },
  {
    id: "billion-laughs",
    what: "XML entity expansion (billion laughs, 10⁹ copies) in sharedStrings.xml",
    fileName: "bom-thuc-the.xlsx",
    make: () => withSheet(worksheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), { sharedStrings: billionLaughs() }),
  },
  {
    id: "external-entity",
    what: "XML external entity (file:///etc/passwd) in workbook.xml",
    fileName: "thuc-the-ngoai.xlsx",
    make: () => {
      const parts = basicParts();
      parts[2] = ["xl/workbook.xml", `<?xml version="1.0"?>\n<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>`];
      return rawZip(parts);
    },
  },
  {
    id: "whole-grid",
    what: "dimension A1:XFD1048576, conditional formats and validation over whole columns, 3 cells of data",
    fileName: "toan-bang.xlsx",
    make: () =>
      withSheet(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><dimension ref="A1:XFD1048576"/><sheetData>${rows(3)}</sheetData>` +
          `<conditionalFormatting sqref="A:XFD"><cfRule type="expression" dxfId="0" priority="1"><formula>A1&gt;0</formula></cfRule></conditionalFormatting>` +
          `<conditionalFormatting sqref="A1:XFD1048576 B:B"><cfRule type="cellIs" dxfId="0" priority="2" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting>` +
          `<dataValidations count="1"><dataValidation type="whole" sqref="A:XFD"><formula1>0</formula1></dataValidation></dataValidations></worksheet>`,
        { styles: `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>` },
      ),
  },
  {
    id: "million-rows",
    what: "1,000,000 rows of one number each (≈ 36 MB of sheet XML)",
    fileName: "trieu-dong.xlsx",
    make: () => {
      const body: string[] = [];
      for (let r = 1; r <= 1_000_000; r++) body.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
      return withSheet(worksheetXml(body.join("")));
    },
  },
  {
    id: "too-wide",
    what: "two cells, A1 and XFD1048576: a dense area of 17 billion cells",
    fileName: "o-lac.xlsx",
    make: () => withSheet(worksheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>')),
  },
  {
    id: "deep-nesting",
    what: "100,000 nested elements (each with its own attribute) inside the sheet's extLst",
    fileName: "long-sau.xlsx",
    make: () => withSheet(worksheetXml(rows(3)).replace("</worksheet>", `<extLst><ext uri="{deep}"><x:a xmlns:x="urn:deep">${Array.from({ length: 100_000 }, (_, i) => `<x:a n="${(i * 7919) % 100_003}">`).join("")}${"</x:a>".repeat(100_001)}</ext></extLst></worksheet>`)),
  },
  {
    id: "path-traversal",
    what: "zip entries named ../../../tmp/chitieu-evil.txt and /etc/chitieu-evil.txt beside a real workbook",
    fileName: "duong-dan-la.xlsx",
    make: () => rawZip([...basicParts(), ["../../../tmp/chitieu-evil.txt", "evil"], ["/etc/chitieu-evil.txt", "evil"]]),
  },
  {
    id: "duplicate-entries",
    what: "two zip entries named xl/worksheets/sheet1.xml with different content",
    fileName: "trung-ten.xlsx",
    make: () => rawZip([...basicParts(), ["xl/worksheets/sheet1.xml", worksheetXml('<row r="1"><c r="A1"><v>666</v></c></row>')]]),
  },
  {
    id: "truncated",
    what: "an .xlsx cut off halfway through (an interrupted download)",
    fileName: "tai-do.xlsx",
    make: () => {
      const full = withSheet(worksheetXml(rows(2000)));
      return full.subarray(0, Math.floor(full.length / 2));
    },
  },
  {
    id: "png-renamed",
    what: "a PNG image renamed to .xlsx",
    fileName: "anh.xlsx",
    make: () => {
      const png = new Uint8Array(256);
      png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
      return png;
    },
  },
  {
    id: "rar-renamed",
    what: "a RAR archive renamed to .xlsx",
    fileName: "nen-rar.xlsx",
    make: () => {
      const rar = new Uint8Array(128);
      rar.set([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00]);
      return rar;
    },
  },
  {
    id: "encrypted",
    what: "a password-protected workbook (compound file with EncryptionInfo and EncryptedPackage)",
    fileName: "co-mat-khau.xlsx",
    make: () =>
      writeCfb([
        { name: "EncryptionInfo", data: new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]) }, // agile encryption, version 4.4
        { name: "EncryptedPackage", data: new Uint8Array(64).fill(0xa5) },
      ]),
  },
  {
    id: "xls",
    what: "an Excel 97-2003 workbook (compound file with a Workbook stream)",
    fileName: "bao-cao-cu.xls",
    make: () => writeCfb([{ name: "Workbook", data: new Uint8Array([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]) }]), // a BIFF8 BOF record
  },
  {
    id: "ods",
    what: "an OpenDocument spreadsheet (zip with mimetype application/vnd.oasis.opendocument.spreadsheet)",
    fileName: "bang-tinh.ods",
    make: () =>
      zipOf([
        ["mimetype", "application/vnd.oasis.opendocument.spreadsheet"],
        ["META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'],
        ["content.xml", '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'],
      ]),
  },
  {
    id: "xlsm-macros",
    what: "an .xlsm with a VBA project (vbaProject.bin)",
    fileName: "co-macro.xlsm",
    make: () => macroWorkbook().bytes,
  },
];
