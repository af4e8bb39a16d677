// A workbook of plain sheets (rows of typed cells, no chart, no metadata of ours) as .xlsx bytes: the package around
// sheetXml, for exports such as the review record. Text cells are shared strings, never formulas.

import { strToU8 } from "fflate";
import type { CellStyle } from "../../core/template/types";
import { sheetXml, type SheetSpec } from "./consolidated/sheet";
import { appXml, coreXml, rootRelsXml, workbookRelsXml } from "./template/package-parts";
import { SharedStrings } from "./template/shared-strings";
import { stylesXml } from "./template/styles-xml";
import { attrs, XML_DECLARATION } from "./template/xml-text";
import { freshEntry, writeZip, type RawZipEntry } from "./zip/write";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface PlainBook<S extends string> {
  title: string;
  styles: Record<S, CellStyle>;
  sheets: { name: string; spec: SheetSpec<S> }[];
}

/** Conditional-format styles the styles part always declares; a plain book uses none. */
const NO_DXF = { met: { fill: "C6EFCE", fontColor: "006100" }, notMet: { fill: "FFC7CE", fontColor: "9C0006" } };

export function writePlainBook<S extends string>(book: PlainBook<S>): Uint8Array {
  const st = stylesXml(book.styles, NO_DXF);
  const strings = new SharedStrings();
  const names = book.sheets.map((s) => s.name);
  const entries: RawZipEntry[] = [];
  const put = (name: string, text: string) => entries.push(freshEntry(name, strToU8(text)));
  put(
    "[Content_Types].xml",
    XML_DECLARATION +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      "</Types>",
  );
  // no custom-properties part: an export is not a unit's template and must not be read as one
  put("_rels/.rels", rootRelsXml().replace(/<Relationship Id="rId4"[^>]*\/>/, ""));
  put("docProps/app.xml", appXml(names));
  put("docProps/core.xml", coreXml(book.title, null));
  put(
    "xl/workbook.xml",
    XML_DECLARATION +
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
      '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>' +
      `<sheets>${names.map((name, i) => `<sheet${attrs({ name, sheetId: i + 1, "r:id": `rId${i + 1}` })}/>`).join("")}</sheets>` +
      '<calcPr calcId="191029"/>' +
      "</workbook>",
  );
  put("xl/_rels/workbook.xml.rels", workbookRelsXml(names.length));
  book.sheets.forEach((s, i) => put(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s.spec, st.index, strings)));
  put("xl/styles.xml", st.xml);
  put("xl/sharedStrings.xml", strings.xml());
  return writeZip(entries);
}
