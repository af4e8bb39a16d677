export { readCell } from "./read-cell";
export { isPercentFormat } from "./number-format";
export { excelErrorName } from "./excel-errors";
export { fold } from "./words";
export type {
  Convention, ExpectedKind, Params, Problem, ProblemCode, ReadAmbiguous, ReadInvalid, ReadMissing, ReadNote, ReadNoteCode,
  ReadOk, Reading, ReadResult,
} from "./types";
