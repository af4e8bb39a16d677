// Transitional and Strict Open XML name the same things with different namespace URIs. What we write into a part must
// use the URIs of the workbook it goes into, or Excel and LibreOffice drop it (or the whole file).

export type Conformance = "transitional" | "strict";

export interface Namespaces {
  conformance: Conformance;
  /** SpreadsheetML main namespace (worksheets, styles, comments). */
  main: string;
  /** Namespace of r:id attributes, and the base of relationship types (".../worksheet", ".../comments"). */
  relationships: string;
}

export const TRANSITIONAL: Namespaces = {
  conformance: "transitional",
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};

/** ISO/IEC 29500 Strict, Excel's "Strict Open XML Spreadsheet": same content types, purl.oclc.org namespaces. */
export const STRICT: Namespaces = {
  conformance: "strict",
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  relationships: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};

/** The namespaces of a workbook whose root element is in `mainNamespace`; undefined when it is neither. */
export function namespacesFor(mainNamespace: string): Namespaces | undefined {
  if (mainNamespace === TRANSITIONAL.main) return TRANSITIONAL;
  if (mainNamespace === STRICT.main) return STRICT;
  return undefined;
}

/** A relationship type of kind `kind` ("comments", "vmlDrawing", "styles") in the workbook's own vocabulary. */
export function relationshipType(ns: Namespaces, kind: string): string {
  return `${ns.relationships}/${kind}`;
}
