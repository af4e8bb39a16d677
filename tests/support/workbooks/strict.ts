// Strict Open XML fixtures. No local tool writes Strict (LibreOffice and openpyxl write Transitional only), so we make
// them as Excel's "Strict Open XML Spreadsheet" save does: same parts and content types, ISO namespaces and
// relationship types (the mapping ECMA-376 Part 1 gives, as used by Excel 2013 and later), conformance="strict".

import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const NAMESPACES: [transitional: string, strict: string][] = [
  ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"],
  ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
  ["http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing", "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing"],
  ["http://schemas.openxmlformats.org/drawingml/2006/chart", "http://purl.oclc.org/ooxml/drawingml/chart"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes", "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/custom-properties", "http://purl.oclc.org/ooxml/officeDocument/customProperties"],
];

/** Relationship types whose last segment changes spelling in Strict. */
const RELATIONSHIP_KINDS: Record<string, string> = { "extended-properties": "extendedProperties", "custom-properties": "customProperties" };

function strictText(name: string, text: string): string {
  let out = text;
  if (name.endsWith(".rels")) {
    out = out.replace(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/([^"]+)"/g, (_m, kind: string) => `Type="http://purl.oclc.org/ooxml/officeDocument/relationships/${RELATIONSHIP_KINDS[kind] ?? kind}"`);
  }
  for (const [t, s] of NAMESPACES) out = out.split(`"${t}"`).join(`"${s}"`);
  if (/(^|\/)workbook\.xml$/.test(name)) out = out.replace(/<((?:\w+:)?workbook)\b([^>]*?)(\/?)>/, (_m, q: string, attrs: string, slash: string) => `<${q}${attrs} conformance="strict"${slash}>`);
  return out;
}

/** The same workbook saved as Strict Open XML. */
export function toStrict(transitional: Uint8Array): Uint8Array {
  const parts = unzipSync(transitional);
  const out: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(parts)) {
    out[name] = /\.(xml|rels)$/.test(name) ? strToU8(strictText(name, strFromU8(bytes))) : bytes;
  }
  return zipSync(out, { mtime: new Date(1980, 0, 1) });
}
