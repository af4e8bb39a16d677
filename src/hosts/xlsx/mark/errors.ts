// Refusals specific to marking a workbook; same shape as XlsxError (stable code + Vietnamese and English text).

import type { LocalizedText } from "../errors";

export type HighlightErrorCode =
  | "unknown-sheet" // a mark names a sheet the workbook does not have
  | "not-a-worksheet" // a mark names a chart sheet or dialog sheet
  | "bad-cell-address" // a mark's cell is not an A1 address inside the sheet grid (A1:XFD1048576)
  | "unsupported-encoding" // a part we must edit is not UTF-8
  | "malformed-xml" // a part we must edit is not well-formed enough to splice into
  | "missing-part"; // the workbook points at a part that is absent

export class HighlightError extends Error {
  readonly code: HighlightErrorCode;
  readonly text: LocalizedText;

  constructor(code: HighlightErrorCode, text: LocalizedText, cause?: unknown) {
    super(text.en, cause === undefined ? undefined : { cause });
    this.name = "HighlightError";
    this.code = code;
    this.text = { vi: text.vi.normalize("NFC"), en: text.en };
  }
}

export function isHighlightError(e: unknown): e is HighlightError {
  return e instanceof HighlightError;
}
