// What a host hands the core: one read of a workbook, no Excel or file objects inside.

/** An Excel error value as the cell shows it, e.g. "#DIV/0!". */
export interface CellError {
  error: string;
}

/** A cell's raw value: a formula's cached result is given as its value. */
export type RawValue = number | string | boolean | CellError | null;

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

export interface SheetSnapshot {
  name: string;
  /** 0-based row and column of values[0][0] (the top-left of the used range). */
  top: number;
  left: number;
  /** Dense rectangle of the used range, row-major. */
  values: RawValue[][];
  /** Number format codes of the same rectangle ("General" where none). */
  formats: string[][];
  /** Formulas without the leading "=", where the host has them (null for constants). */
  formulas?: (string | null)[][];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** Our template metadata, when the workbook carries it. */
  metadata: TemplateMetadata | null;
}

/** Stored in every template we create, read back after a save in Excel or LibreOffice. */
export interface TemplateMetadata {
  templateVersion: string;
  catalogId: string;
  catalogVersion: string;
  unitCode: string;
  level: "province" | "district" | "commune";
  year: number;
  /** The sheet holding the indicator rows. */
  sheet: string;
}
