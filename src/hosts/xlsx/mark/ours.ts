// Everything that identifies what we add, so that clearing can find exactly it and nothing else.

import type { Severity } from "../../../core/highlight-plan";
import { NOTE_PREFIX, OUR_AUTHOR, OUR_FORMULA, SEVERITY_COLORS } from "../../../core/our-marks";

export { NOTE_PREFIX, OUR_AUTHOR, OUR_FORMULA };

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

/** The shared colours as ARGB, the way styles.xml writes them. */
export const SEVERITY_STYLE: Readonly<Record<Severity, SeverityStyle>> = {
  error: { fill: `FF${SEVERITY_COLORS.error.fill}`, font: `FF${SEVERITY_COLORS.error.font}` },
  warning: { fill: `FF${SEVERITY_COLORS.warning.fill}`, font: `FF${SEVERITY_COLORS.warning.font}` },
  info: { fill: `FF${SEVERITY_COLORS.info.fill}`, font: `FF${SEVERITY_COLORS.info.font}` },
};
