// The standard reporting template as data: one sheet described cell by cell, so any host can render it
// (the .xlsx writer, Office.js) and the check pipeline can find the input cells without guessing.

import type { Comparator, UnitKind } from "../catalog/schema";
import type { TemplateMetadata } from "../snapshot";

export type StyleId =
  | "adminLeft"
  | "adminLeftBold"
  | "adminRight"
  | "motto"
  | "title"
  | "subtitle"
  | "period"
  | "infoLabel"
  | "infoValue"
  | "infoInput"
  | "columnHeader"
  | "columnNumber"
  | "pillarHeading"
  | "text"
  | "textCenter"
  | "target"
  | "inputCount"
  | "inputAmount"
  | "inputDecimal"
  | "inputChoice"
  | "inputText"
  | "unused"
  | "resultPercent"
  | "resultNumber"
  | "resultYesNo"
  | "gapPoints"
  | "gapNumber"
  | "assessment"
  | "helper"
  | "signatureTitle"
  | "signatureNote"
  | "signaturePlace"
  | "guideTitle"
  | "guideText";

export interface CellStyle {
  font?: { bold?: boolean; italic?: boolean; underline?: boolean; size?: number; color?: string };
  /** RGB hex without "#", e.g. "FFF2CC". */
  fill?: string;
  border?: "thin";
  align?: { horizontal?: "left" | "center" | "right"; vertical?: "top" | "center" | "bottom"; wrap?: boolean };
  /** An Excel number format code; absent means General. */
  numFmt?: string;
  /** Locked cells cannot be edited once the sheet is protected; only input cells are unlocked. */
  locked: boolean;
  hidden?: boolean;
}

/** A differential style for conditional formatting. */
export interface DifferentialStyle {
  fill: string;
  fontColor: string;
}

export type CellValue = string | number | boolean | null;

export interface LayoutCell {
  /** A1 address, e.g. "J18". */
  ref: string;
  value?: CellValue;
  /** Without the leading "=". */
  formula?: string;
  /** The formula's value for the inputs currently in the layout, so readers that do not recalculate agree. */
  cached?: CellValue;
  style: StyleId;
}

export type ColumnKey =
  | "stt"
  | "code"
  | "label"
  | "unit"
  | "target"
  | "target2030"
  | "numerator"
  | "denominator"
  | "value"
  | "result"
  | "gap"
  | "assessment"
  | "notes"
  | "evidence"
  | "targetValue"
  | "previous";

export interface LayoutColumn {
  key: ColumnKey;
  letter: string;
  /** Width in characters, as Excel counts them. */
  width: number;
  hidden?: boolean;
  header: string;
}

export type ValidationType = "whole" | "decimal" | "list";

export interface DataValidationRule {
  type: ValidationType;
  /** Cells the rule covers. */
  refs: string[];
  operator?: "between" | "greaterThanOrEqual";
  /** For "list": the comma-separated choices, e.g. "Có,Không". */
  formula1: string;
  formula2?: string;
  allowBlank: boolean;
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

export interface ConditionalFormatRule {
  refs: string[];
  /** A formula relative to the first cell of refs[0], without "=". */
  formula: string;
  style: "met" | "notMet";
}

/** Where one indicator's cells are; null where the indicator does not use that input. */
export interface IndicatorRow {
  indicatorCode: string;
  row: number;
  kind: UnitKind;
  /** Null when no target applies to this level and year: nothing is judged. */
  comparator: Comparator | null;
  /** The numeric target in the unit of the result (a fraction for percentages), or null. */
  targetValue: number | null;
  targetYear: number | null;
  cells: {
    numerator: string | null;
    denominator: string | null;
    value: string | null;
    result: string;
    gap: string;
    assessment: string;
    notes: string;
    evidence: string;
    target: string;
    /** "Kết quả năm trước": last year's result, in the result's terms (percent points for shares); null where unused. */
    previous: string | null;
  };
}

export interface TemplateLayout {
  /** Document title for the file properties. */
  title: string;
  /** The date the form is made ("YYYY-MM-DD"), or null. */
  date: string | null;
  sheetName: string;
  metadata: TemplateMetadata;
  columns: LayoutColumn[];
  cells: LayoutCell[];
  merges: string[];
  /** Heights in points for rows that need more than the default. */
  rowHeights: Record<number, number>;
  styles: Record<StyleId, CellStyle>;
  differentialStyles: Record<"met" | "notMet", DifferentialStyle>;
  validations: DataValidationRule[];
  conditionalFormats: ConditionalFormatRule[];
  /** The first cell below and right of the frozen area. */
  freeze: { row: number; column: number };
  print: {
    orientation: "landscape";
    paper: "A4";
    fitToWidth: true;
    /** Rows repeated on each printed page (the column headers). */
    titleRows: { from: number; to: number };
  };
  protection: { password: null; allowFormatCells: true; allowFormatColumns: true; allowFormatRows: true; allowSelect: true };
  /** The column header rows (names, then column numbers). */
  headerRows: { from: number; to: number };
  rows: IndicatorRow[];
  /** Input cells of the identification block. */
  info: { preparer: string; date: string };
  /** The year whose required level the "Mức cần đạt năm {year}" column shows: the report year. */
  targetYear: number;
  guide: { sheetName: string; title: string; lines: string[] };
  lastRow: number;
  lastColumn: string;
}
