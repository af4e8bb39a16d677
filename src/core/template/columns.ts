// The table's columns. Letters are fixed so formulas and the check pipeline can rely on them.

import { RESOLUTION_PERIOD } from "../catalog/period";
import type { ColumnKey, LayoutColumn } from "./types";

export const COLUMN_LETTERS: Record<ColumnKey, string> = {
  stt: "A",
  code: "B",
  label: "C",
  unit: "D",
  target: "E",
  target2030: "F",
  numerator: "G",
  denominator: "H",
  value: "I",
  result: "J",
  gap: "K",
  assessment: "L",
  notes: "M",
  evidence: "N",
  targetValue: "O",
  // after the hidden helper, so every earlier letter (and every template already filled) stays where it was
  previous: "P",
};

/** The column the clerk (or the tool, from last year's file) fills with last year's result: the path starts there. */
export const PREVIOUS_HEADER = "Kết quả năm trước";

export function tableColumns(reportYear: number): LayoutColumn[] {
  const col = (key: ColumnKey, width: number, header: string, hidden?: boolean): LayoutColumn => ({
    key,
    letter: COLUMN_LETTERS[key],
    width,
    header,
    ...(hidden ? { hidden } : {}),
  });
  return [
    col("stt", 5, "STT"),
    col("code", 9, "Mã"),
    col("label", 46, "Chỉ tiêu"),
    col("unit", 10, "Đơn vị tính"),
    col("target", 13, `Mức cần đạt năm ${reportYear}`),
    col("target2030", 11, `Mục tiêu ${RESOLUTION_PERIOD.to}`),
    col("numerator", 11, "Tử số"),
    col("denominator", 11, "Mẫu số"),
    col("value", 11, "Giá trị"),
    col("result", 11, "Kết quả"),
    col("gap", 11, "Chênh lệch"),
    col("assessment", 11, "Đánh giá"),
    col("notes", 22, "Ghi chú"),
    col("evidence", 22, "Minh chứng"),
    // numeric target read by the formulas; hidden so the clerk sees only the worded target
    col("targetValue", 10, "Mục tiêu (số)", true),
    col("previous", 12, PREVIOUS_HEADER),
  ];
}

/** Column numbers under the names: "(1)", …, with the formula relations spelled out. */
export const COLUMN_NUMBERS: Partial<Record<ColumnKey, string>> = {
  stt: "(1)",
  code: "(2)",
  label: "(3)",
  unit: "(4)",
  target: "(5)",
  target2030: "(6)",
  numerator: "(7)",
  denominator: "(8)",
  value: "(9)",
  result: "(10)=(7)/(8) hoặc (9)",
  gap: "(11)=(10)-(5)",
  assessment: "(12)",
  notes: "(13)",
  evidence: "(14)",
  previous: "(15)",
};
