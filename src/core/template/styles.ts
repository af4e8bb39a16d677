// Named styles of the template. Inputs are the only unlocked cells, shaded light yellow so clerks see where to type.

import type { CellStyle, DifferentialStyle, StyleId } from "./types";

export const INPUT_FILL = "FFF2CC";
export const UNUSED_FILL = "D9D9D9";
export const HEADER_FILL = "DDEBF7";
export const PILLAR_FILL = "F2F2F2";
export const MET_FILL = "C6EFCE";
export const MET_FONT = "006100";
export const NOT_MET_FILL = "FFC7CE";
export const NOT_MET_FONT = "9C0006";

export const PERCENT_FORMAT = "0.0%";
/** Percentage points; the unit is named in the column-number row. */
export const POINTS_FORMAT = "+0.0;-0.0;0.0";
export const SIGNED_NUMBER_FORMAT = "+#,##0;-#,##0;0";
export const YES_NO_FORMAT = '[=1]"Có";[=0]"Không";General';

const center = { horizontal: "center", vertical: "center", wrap: true } as const;
const left = { horizontal: "left", vertical: "center", wrap: true } as const;

export const TEMPLATE_STYLES: Record<StyleId, CellStyle> = {
  adminLeft: { font: { size: 12 }, align: { horizontal: "center", vertical: "center" }, locked: true },
  adminLeftBold: { font: { size: 12, bold: true }, align: { horizontal: "center", vertical: "center" }, locked: true },
  adminRight: { font: { size: 12, bold: true }, align: { horizontal: "center", vertical: "center" }, locked: true },
  motto: { font: { size: 13, bold: true, underline: true }, align: { horizontal: "center", vertical: "center" }, locked: true },
  title: { font: { size: 14, bold: true }, align: center, locked: true },
  subtitle: { font: { size: 12, italic: true }, align: center, locked: true },
  period: { font: { size: 12, bold: true }, align: center, locked: true },
  infoLabel: { font: { size: 12, bold: true }, align: { horizontal: "left", vertical: "center" }, locked: true },
  infoValue: { font: { size: 12 }, align: { horizontal: "left", vertical: "center" }, locked: true },
  infoInput: { font: { size: 12 }, fill: INPUT_FILL, border: "thin", align: { horizontal: "left", vertical: "center" }, locked: false },
  columnHeader: { font: { size: 11, bold: true }, fill: HEADER_FILL, border: "thin", align: center, locked: true },
  columnNumber: { font: { size: 9, italic: true }, fill: HEADER_FILL, border: "thin", align: center, locked: true },
  pillarHeading: { font: { size: 11, bold: true }, fill: PILLAR_FILL, border: "thin", align: { horizontal: "left", vertical: "center" }, locked: true },
  text: { font: { size: 11 }, border: "thin", align: left, locked: true },
  textCenter: { font: { size: 11 }, border: "thin", align: center, locked: true },
  target: { font: { size: 11, bold: true }, border: "thin", align: center, locked: true },
  inputCount: { font: { size: 11 }, fill: INPUT_FILL, border: "thin", align: { horizontal: "right", vertical: "center" }, numFmt: "#,##0", locked: false },
  inputAmount: { font: { size: 11 }, fill: INPUT_FILL, border: "thin", align: { horizontal: "right", vertical: "center" }, numFmt: "#,##0.00", locked: false },
  inputDecimal: { font: { size: 11 }, fill: INPUT_FILL, border: "thin", align: { horizontal: "right", vertical: "center" }, numFmt: "0.0##", locked: false },
  inputChoice: { font: { size: 11 }, fill: INPUT_FILL, border: "thin", align: center, locked: false },
  inputText: { font: { size: 11 }, fill: INPUT_FILL, border: "thin", align: left, locked: false },
  unused: { font: { size: 11 }, fill: UNUSED_FILL, border: "thin", align: center, locked: true },
  resultPercent: { font: { size: 11, bold: true }, border: "thin", align: center, numFmt: PERCENT_FORMAT, locked: true },
  resultNumber: { font: { size: 11, bold: true }, border: "thin", align: center, numFmt: "#,##0", locked: true },
  resultYesNo: { font: { size: 11, bold: true }, border: "thin", align: center, numFmt: YES_NO_FORMAT, locked: true },
  gapPoints: { font: { size: 11 }, border: "thin", align: center, numFmt: POINTS_FORMAT, locked: true },
  gapNumber: { font: { size: 11 }, border: "thin", align: center, numFmt: SIGNED_NUMBER_FORMAT, locked: true },
  assessment: { font: { size: 11, bold: true }, border: "thin", align: center, locked: true },
  helper: { font: { size: 9, color: "808080" }, align: center, numFmt: "General", locked: true },
  signatureTitle: { font: { size: 12, bold: true }, align: { horizontal: "center", vertical: "center" }, locked: true },
  signatureNote: { font: { size: 12, italic: true }, align: { horizontal: "center", vertical: "center" }, locked: true },
  signaturePlace: { font: { size: 12, italic: true }, align: { horizontal: "center", vertical: "center" }, locked: true },
  guideTitle: { font: { size: 14, bold: true }, align: { horizontal: "left", vertical: "center" }, locked: true },
  guideText: { font: { size: 12 }, align: { horizontal: "left", vertical: "top", wrap: true }, locked: true },
};

export const DIFFERENTIAL_STYLES: Record<"met" | "notMet", DifferentialStyle> = {
  met: { fill: MET_FILL, fontColor: MET_FONT },
  notMet: { fill: NOT_MET_FILL, fontColor: NOT_MET_FONT },
};
