// Everything that identifies what we add, so that clearing can find exactly it and nothing else.

import type { Severity } from "../../../core/highlight-plan";

/** Always-true formula of our conditional-format rules; its text is how we recognise our rules. */
export const OUR_FORMULA = '"chitieu-cds"="chitieu-cds"';

/** Author of our notes. */
export const OUR_AUTHOR = "Chỉ tiêu CĐS";
export const NOTE_PREFIX = "Chỉ tiêu CĐS: ";

/** Extension URI carried by each of our differential styles (dxf) in styles.xml. */
export const OUR_DXF_EXT_URI = "{6C1D0B8E-3A52-4F7E-9C1D-C0D5C1D1E5A9}";
export const OUR_XML_NS = "urn:chitieu-cds:highlight";

/** Relationship ids we add; the prefix is how clearing finds them. */
export const OUR_REL_ID_PREFIX = "rIdChitieuCds";
export const OUR_REL_ID = {
  notes: `${OUR_REL_ID_PREFIX}Notes`,
  vml: `${OUR_REL_ID_PREFIX}Vml`,
  styles: `${OUR_REL_ID_PREFIX}Styles`,
};

/** Part names we create; a part is ours only if its name matches and our relationship points at it. */
export function ourNotesPart(sheetNumber: number): string {
  return `xl/chitieuCdsNotes${sheetNumber}.xml`;
}
export function ourVmlPart(sheetNumber: number): string {
  return `xl/drawings/chitieuCdsNotes${sheetNumber}.vml`;
}
export const OUR_PART_PATTERN = /^xl\/(?:drawings\/)?chitieuCdsNotes[0-9]+\.(?:xml|vml)$/;

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

export interface SeverityStyle {
  fill: string;
  font: string;
}

/** ARGB colours: the familiar Excel "bad / neutral" presets and a light blue for information. */
export const SEVERITY_STYLE: Readonly<Record<Severity, SeverityStyle>> = {
  error: { fill: "FFFFC7CE", font: "FF9C0006" },
  warning: { fill: "FFFFEB9C", font: "FF9C5700" },
  info: { fill: "FFDDEBF7", font: "FF1F4E79" },
};
