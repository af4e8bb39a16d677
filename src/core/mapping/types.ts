import type { Level } from "../catalog/schema";
import type { Message } from "../messages";

// One shape for a mapping, proposed by detection or saved after the user confirmed it.

/** What a cell holds for an indicator: the figure, the two halves of a ratio, or the office's own target. */
export type Part = "value" | "numerator" | "denominator" | "target";
export const PARTS: readonly Part[] = ["value", "numerator", "denominator", "target"];

export interface MappedCell {
  part: Part;
  year: number;
  /** A1 address on the entry's sheet. */
  cell: string;
}

/**
 * certain: judged; confirm: shown as "cần xác nhận" and not judged until the user confirms it;
 * not-reported: the user said the office does not report it.
 */
export type MatchStatus = "certain" | "confirm" | "not-reported";

export interface MappingEntry {
  indicator: string;
  sheet: string;
  /** The cell holding the label the indicator was recognised by (or the user picked). */
  labelCell: string | null;
  /** The label as written, for showing the user. */
  label: string;
  confidence: number;
  status: MatchStatus;
  /** Why: "mã CQS-02", "khớp nội dung 0,93", "cột Năm 2025"… */
  reasons: Message[];
  cells: MappedCell[];
  /** The cell of the row's note column (Ghi chú, Giải trình…): the clerk's explanation of a shortfall. */
  note?: string;
}

export interface Guess<T> {
  value: T;
  /** Where it was read: a sheet and cell, and the text there. */
  sheet: string;
  cell: string;
  text: string;
}

export interface ProposedMapping {
  entries: MappingEntry[];
  /** The report's level and year as the sheet states them, with where. */
  level: Guess<Level> | null;
  year: Guess<number> | null;
  /** Years of figure columns seen in the tables (the report year is the latest, earlier ones are history). */
  columnYears: number[];
}
