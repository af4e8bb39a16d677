// Every refusal of a file carries a stable code for programs and a plain sentence for people (Vietnamese first).

export type XlsxErrorCode =
  | "not-zip" // not a zip at all (random bytes, a text file, a PDF...)
  | "corrupt-zip" // a zip that is truncated or damaged
  | "xls-binary" // Excel 97-2003 .xls (OLE compound file)
  | "ods" // OpenDocument spreadsheet
  | "encrypted" // password-protected OOXML (an OLE container holding EncryptedPackage)
  | "not-workbook" // a zip, but no [Content_Types].xml / xl/workbook.xml
  | "unsupported-compression" // a zip entry compressed with something other than store/deflate
  | "too-large" // input, part, total size, entry count or compression ratio over the limits
  | "too-many-cells" // cells read or dense area handed to the core over the limits
  | "xml-entities" // DTD or entity declarations (entity bombs); OOXML never needs them
  | "malformed-xml" // a part that is not well-formed XML
  | "missing-part" // a part the workbook points at is absent
  | "timeout"; // the wall-clock budget ran out while parsing

export interface LocalizedText {
  vi: string;
  en: string;
}

/**
 * A file we refuse, with the reason in Vietnamese and English.
 * `message` is the English text (for logs and stack traces); show `text.vi` to users.
 */
export class XlsxError extends Error {
  readonly code: XlsxErrorCode;
  readonly text: LocalizedText;

  constructor(code: XlsxErrorCode, text: LocalizedText, options?: { cause?: unknown }) {
    super(text.en, options);
    this.name = "XlsxError";
    this.code = code;
    this.text = { vi: text.vi.normalize("NFC"), en: text.en };
  }
}

export function isXlsxError(e: unknown): e is XlsxError {
  return e instanceof XlsxError;
}

const MB = 1024 * 1024;

/** "12.3 MB" (en) / "12,3 MB" (vi), for messages. */
export function formatBytes(n: number): LocalizedText {
  const en = n >= MB ? `${(n / MB).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`;
  return { vi: en.replace(".", ","), en };
}

/** Formats integers as Vietnamese (1.234.567) and English (1,234,567) readers expect. */
export function formatCount(n: number): LocalizedText {
  const en = Math.round(n).toLocaleString("en-US");
  return { vi: en.replace(/,/g, "."), en };
}
