// Which layer refused a file, by the stable error code: reading the package and its XML, or marking it.

/** Codes the reader gives (the package, the zip, the XML, the limits). */
export const READ_REFUSALS: ReadonlySet<string> = new Set([
  "not-zip", "corrupt-zip", "xls-binary", "ods", "encrypted", "not-workbook", "unsupported-compression", "too-large",
  "too-many-cells", "xml-entities", "malformed-xml", "missing-part", "timeout",
]);

/** Codes only marking gives. */
export const MARK_REFUSALS: ReadonlySet<string> = new Set([
  "unknown-sheet", "not-a-worksheet", "bad-cell-address", "unsupported-encoding", "malformed-xml", "missing-part",
]);
