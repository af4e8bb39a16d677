// Recognises what a file is from its first bytes, so a wrong format gets a specific message instead of "corrupt".

export type SniffedFormat =
  | "zip"
  | "cfb-encrypted"
  | "cfb-xls"
  | "html"
  | "spreadsheetml-2003"
  | "csv-or-text"
  | "pdf"
  | "image"
  | "archive"
  | "empty"
  | "unknown";

// Files people attach by mistake under an .xlsx name: screenshots of the report, and the report still in its archive.
const IMAGE_MAGIC = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x42, 0x4d], // BMP
];
const ARCHIVE_MAGIC = [
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], // RAR 4 and 5
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x1f, 0x8b], // gzip
];

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

function utf16le(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8);
  return out;
}

function contains(bytes: Uint8Array, needle: number[]): boolean {
  const first = needle[0]!;
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

// An encrypted OOXML file is an OLE container whose directory names these streams (UTF-16LE).
const ENCRYPTED_STREAMS = [utf16le("EncryptedPackage"), utf16le("EncryptionInfo")];

export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length === 0) return "empty";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05 || bytes[2] === 0x07)) return "zip";
  if (startsWith(bytes, CFB_MAGIC)) {
    return ENCRYPTED_STREAMS.some((n) => contains(bytes, n)) ? "cfb-encrypted" : "cfb-xls";
  }
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "pdf";
  if (IMAGE_MAGIC.some((m) => startsWith(bytes, m))) return "image";
  if (ARCHIVE_MAGIC.some((m) => startsWith(bytes, m))) return "archive";
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  if (head.startsWith("<")) {
    if (head.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "spreadsheetml-2003";
    if (head.includes("<html") || head.includes("<table") || head.includes("<!doctype html")) return "html";
    return "unknown";
  }
  // Mostly printable text with separators: someone renamed a CSV.
  const sample = bytes.subarray(0, 2048);
  let printable = 0;
  for (const b of sample) if (b === 9 || b === 10 || b === 13 || b >= 32) printable++;
  if (printable / sample.length > 0.97 && /[,;\t]/.test(head)) return "csv-or-text";
  return "unknown";
}
