// An in-memory Excel behind the Excel JavaScript API shapes the host uses (see excel.ts).

export { FakeExcel, type FakeExcelOptions, type CellInput } from "./excel";
export { FakeOfficeError } from "./errors";
export type { SyncRecord } from "./context";
export type { FakeCell, FakeConditionalFormat, FakeNote, FakeComment } from "./model";
export { installFakeOffice, type InstalledFake } from "./install";
