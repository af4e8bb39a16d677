// Office.js failures turned into ChitieuError, with what we were doing and Excel's own code, for the pane to show.

import { ChitieuError } from "../../core/errors";
import { msg } from "../../core/messages";

interface OfficeErrorLike {
  code?: unknown;
  message?: unknown;
  debugInfo?: { errorLocation?: unknown };
}

/** What the host was doing, put before the reason ("Không đọc được sổ tính: …"). */
export const ACTIONS = {
  read: msg("action.read"),
  metadata: msg("action.metadata"),
  apply: msg("action.apply"),
  clear: msg("action.clear"),
  insert: msg("action.insert"),
  select: msg("action.select"),
  watch: msg("action.watch"),
  saveMapping: msg("action.save-mapping"),
  saveReview: msg("action.save-review"),
  readSelection: msg("action.read-selection"),
  writeSheets: msg("action.write-sheets"),
} as const;

export type Action = (typeof ACTIONS)[keyof typeof ACTIONS];

/** Excel's error codes we can explain (learn.microsoft.com, "Error handling with the application-specific JavaScript APIs"). */
const BY_CODE = {
  AccessDenied: "error.sheet-protected",
  InvalidOperationInCellEditMode: "error.cell-edit-mode",
  ApiNotFound: "error.api-not-supported",
  ItemNotFound: "error.not-found",
  // getSelectedRange with a chart or non-adjacent areas selected (OfficeDev/office-js #2268, office-js-docs-pr #2477)
  InvalidSelection: "error.invalid-selection",
  ItemAlreadyExists: "error.already-exists",
  RequestPayloadSizeLimitExceeded: "error.too-large.request",
  // Excel on the web: 5 MB per response too (learn.microsoft.com, "Performance optimization using the Excel JavaScript API")
  ResponsePayloadSizeLimitExceeded: "error.too-large.response",
  InvalidArgument: "error.invalid-argument",
} as const;

/** Wraps any failure of an Office.js batch; a ChitieuError passes through untouched. */
export function toHostError(e: unknown, action: Action): ChitieuError {
  if (e instanceof ChitieuError) return e;
  const err = (typeof e === "object" && e !== null ? e : {}) as OfficeErrorLike;
  const excelCode = typeof err.code === "string" ? err.code : "";
  const detail = typeof err.message === "string" ? err.message : String(e);
  const where = typeof err.debugInfo?.errorLocation === "string" ? ` [${err.debugInfo.errorLocation}]` : "";
  const cause = { cause: e };
  const known = Object.hasOwn(BY_CODE, excelCode) ? BY_CODE[excelCode as keyof typeof BY_CODE] : undefined;
  if (known) return new ChitieuError(known, { action, excelCode, where }, cause);
  if (excelCode) return new ChitieuError("error.excel-error", { action, excelCode, where, detail }, cause);
  return new ChitieuError("error.excel-error.no-code", { action, detail }, cause);
}
export function excelCode(e: unknown): string | undefined {
  const code = (e as OfficeErrorLike | null)?.code;
  return typeof code === "string" ? code : undefined;
}
