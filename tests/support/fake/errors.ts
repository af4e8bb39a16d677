// Errors shaped like OfficeExtension.Error: a code, Excel's message, debugInfo with the failing statement.

export type FakeErrorCode =
  | "PropertyNotLoaded"
  | "ApiNotFound"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "AccessDenied"
  | "RequestPayloadSizeLimitExceeded"
  | "InvalidObjectPath"
  | "GeneralException"
  | "ResponsePayloadSizeLimitExceeded"
  // getSelectedRange with non-adjacent cells or a chart selected (OfficeDev/office-js-docs-pr #2477, office-js #2268)
  | "InvalidSelection";

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: FakeErrorCode,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    // OfficeExtension.Error reports itself by this name
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

export function propertyNotLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function apiNotFound(api: string, requirement: string): FakeOfficeError {
  return new FakeOfficeError(
    "ApiNotFound",
    `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${api} needs ExcelApi ${requirement})`,
    api,
  );
}

export function itemNotFound(what: string): FakeOfficeError {
  return new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", what);
}

export function accessDenied(where: string): FakeOfficeError {
  return new FakeOfficeError(
    "AccessDenied",
    "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet.",
    where,
  );
}

export function invalidArgument(where: string, why: string): FakeOfficeError {
  return new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${why})`, where);
}
