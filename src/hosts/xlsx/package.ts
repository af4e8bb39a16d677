// The .xlsx package: a zip of XML parts. Opens with hard limits; saves changing only the parts asked for.

import { XlsxError, formatBytes } from "./errors";
import { type Deadline, type Limits, NO_DEADLINE, resolveLimits } from "./limits";
import { type ZipEntry, compressedData, corruptZipError, readCentralDirectory } from "./zip/central-directory";
import { crc32 } from "./zip/crc32";
import { InflateFailed, OutputCapExceeded, inflateCapped } from "./zip/inflate";
import { sniffFormat } from "./zip/sniff";
import { type RawZipEntry, freshEntry, writeZip } from "./zip/write";

export interface XlsxPackage {
  /** Entry names in zip order (a duplicated name is listed once). */
  readonly names: string[];
  /** Inflated bytes of a part; names match case-insensitively, with or without a leading "/". Throws XlsxError past limits. */
  get(name: string): Uint8Array | undefined;
  /** The part decoded as text (UTF-8, or UTF-16 when it starts with a UTF-16 byte-order mark). */
  text(name: string): string | undefined;
}

const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";

class ZipPackage implements XlsxPackage {
  readonly names: string[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly byLowerName = new Map<string, ZipEntry>();
  private readonly cache = new Map<ZipEntry, Uint8Array>();
  private inflatedTotal = 0;

  constructor(
    readonly bytes: Uint8Array,
    readonly entries: ZipEntry[],
    private readonly limits: Limits,
    private readonly deadline: Deadline,
  ) {
    this.names = [];
    for (const e of entries) {
      if (this.byName.has(e.name)) continue; // first one wins, as in Excel and most readers
      this.byName.set(e.name, e);
      if (!this.byLowerName.has(e.name.toLowerCase())) this.byLowerName.set(e.name.toLowerCase(), e);
      this.names.push(e.name);
    }
  }

  entry(name: string): ZipEntry | undefined {
    const exact = this.byName.get(name); // a hostile entry may itself be named "/etc/…"
    if (exact) return exact;
    const n = name.startsWith("/") ? name.slice(1) : name;
    return this.byName.get(n) ?? this.byLowerName.get(n.toLowerCase());
  }

  get(name: string): Uint8Array | undefined {
    const e = this.entry(name);
    if (!e) return undefined;
    const cached = this.cache.get(e);
    if (cached) return cached;
    const data = this.inflate(e);
    this.cache.set(e, data);
    return data;
  }

  text(name: string): string | undefined {
    const b = this.get(name);
    return b === undefined ? undefined : decodeText(b);
  }

  private inflate(e: ZipEntry): Uint8Array {
    if (e.flags & 0x0001) throw encryptedError();
    const raw = compressedData(this.bytes, e);
    // Never trust the declared size past the limits, nor past itself: a lying header stops at the cap.
    const cap = Math.min(e.uncompressedSize, this.limits.maxPartBytes, this.limits.maxTotalUncompressedBytes - this.inflatedTotal);
    let out: Uint8Array;
    if (e.method === 0) {
      if (raw.length > cap) throw partTooLarge(e.name, raw.length, this.limits);
      out = raw;
    } else if (e.method === 8) {
      try {
        out = inflateCapped(raw, cap, this.deadline, e.uncompressedSize);
      } catch (err) {
        if (err instanceof OutputCapExceeded) {
          if (err.produced > e.uncompressedSize && e.uncompressedSize <= Math.min(this.limits.maxPartBytes, this.limits.maxTotalUncompressedBytes - this.inflatedTotal)) {
            throw lyingSizeError(e.name);
          }
          throw partTooLarge(e.name, err.produced, this.limits);
        }
        if (err instanceof InflateFailed) throw corruptZipError(`"${e.name}" has invalid compressed data`, `dữ liệu nén của "${e.name}" không hợp lệ`);
        throw err;
      }
    } else {
      throw new XlsxError("unsupported-compression", {
        vi: `Thành phần "${e.name}" của tệp được nén theo kiểu ${e.method}, chưa hỗ trợ. Hãy mở tệp bằng Excel rồi lưu lại dưới dạng .xlsx.`,
        en: `The part "${e.name}" uses zip compression method ${e.method}, which is not supported. Open the file in Excel and save it again as .xlsx.`,
      });
    }
    if (out.length !== e.uncompressedSize || crc32(out) !== e.crc) {
      throw corruptZipError(`"${e.name}" fails its size or CRC check`, `thành phần "${e.name}" sai kích thước hoặc mã kiểm tra`);
    }
    this.inflatedTotal += out.length;
    return out;
  }
}

const utf8 = new TextDecoder("utf-8");

function decodeText(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
  return utf8.decode(b); // strips a UTF-8 BOM
}

function encryptedError(): XlsxError {
  return new XlsxError("encrypted", {
    vi: "Tệp được đặt mật khẩu mở nên không đọc được. Hãy mở bằng Excel, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu) rồi lưu lại.",
    en: "The file is password-protected and cannot be read. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password) and save it again.",
  });
}

function partTooLarge(name: string, size: number, limits: Limits): XlsxError {
  const lim = formatBytes(limits.maxPartBytes);
  const got = formatBytes(size);
  return new XlsxError("too-large", {
    vi: `Thành phần "${name}" khi giải nén lớn hơn ${got === lim ? lim.vi : `${got.vi}, vượt giới hạn ${lim.vi}`} (hoặc tổng dung lượng giải nén vượt giới hạn ${formatBytes(limits.maxTotalUncompressedBytes).vi}). Hãy chia nhỏ bảng tính hoặc xóa dữ liệu không cần thiết.`,
    en: `The part "${name}" inflates to more than ${got === lim ? lim.en : `${got.en}, over the ${lim.en} limit`} (or the total inflated size passes ${formatBytes(limits.maxTotalUncompressedBytes).en}). Split the workbook or remove unneeded data.`,
  });
}

function lyingSizeError(name: string): XlsxError {
  return new XlsxError("too-large", {
    vi: `Thành phần "${name}" giải nén ra nhiều dữ liệu hơn kích thước khai báo trong tệp nén. Tệp có thể bị hỏng hoặc được tạo để gây hại nên đã bị từ chối.`,
    en: `The part "${name}" inflates to more data than its declared size. The file may be damaged or hostile and was refused.`,
  });
}

function notXlsx(vi: string, en: string): XlsxError {
  return new XlsxError("not-zip", { vi, en });
}

/** Refuses anything that is not an .xlsx package, naming what it is when we can tell. */
function refuseOtherFormats(bytes: Uint8Array): void {
  switch (sniffFormat(bytes)) {
    case "zip":
      return;
    case "cfb-encrypted":
      throw encryptedError();
    case "cfb-xls":
      throw new XlsxError("xls-binary", {
        vi: "Tệp là định dạng Excel 97-2003 (.xls), chưa hỗ trợ. Hãy mở bằng Excel và lưu lại dưới dạng .xlsx (Tệp › Lưu thành › Sổ làm việc Excel).",
        en: "The file is in the Excel 97-2003 format (.xls), which is not supported. Open it in Excel and save it as .xlsx (File › Save As › Excel Workbook).",
      });
    case "empty":
      throw notXlsx("Tệp rỗng (0 byte). Hãy kiểm tra lại tệp đã chọn.", "The file is empty (0 bytes). Check the file you chose.");
    case "html":
      throw notXlsx(
        "Tệp là trang HTML được đặt đuôi Excel (thường do phần mềm xuất báo cáo tạo ra), không phải tệp .xlsx. Hãy mở bằng Excel và lưu lại dưới dạng .xlsx.",
        "The file is an HTML page with an Excel extension (often made by report exporters), not an .xlsx file. Open it in Excel and save it as .xlsx.",
      );
    case "spreadsheetml-2003":
      throw notXlsx(
        "Tệp là định dạng XML Spreadsheet 2003, không phải .xlsx. Hãy mở bằng Excel và lưu lại dưới dạng .xlsx.",
        "The file is an XML Spreadsheet 2003, not an .xlsx file. Open it in Excel and save it as .xlsx.",
      );
    case "csv-or-text":
      throw notXlsx(
        "Tệp là văn bản (có thể là CSV), không phải tệp .xlsx. Hãy mở bằng Excel và lưu lại dưới dạng .xlsx.",
        "The file is plain text (perhaps CSV), not an .xlsx file. Open it in Excel and save it as .xlsx.",
      );
    case "pdf":
      throw notXlsx("Tệp là tài liệu PDF, không phải bảng tính .xlsx.", "The file is a PDF document, not an .xlsx workbook.");
    case "image":
      throw notXlsx(
        "Tệp là hình ảnh (PNG, JPEG, GIF hoặc BMP) được đặt đuôi Excel, không phải bảng tính .xlsx. Hãy gửi tệp Excel gốc của báo cáo.",
        "The file is an image (PNG, JPEG, GIF or BMP) with an Excel extension, not an .xlsx workbook. Send the report's original Excel file.",
      );
    case "archive":
      throw notXlsx(
        "Tệp là tệp nén RAR, 7z hoặc gzip được đặt đuôi Excel, không phải bảng tính .xlsx. Hãy giải nén rồi chọn tệp .xlsx bên trong.",
        "The file is a RAR, 7z or gzip archive with an Excel extension, not an .xlsx workbook. Extract it and choose the .xlsx file inside.",
      );
    default:
      throw notXlsx(
        "Tệp không phải là bảng tính Excel (.xlsx) và không nhận ra định dạng. Hãy kiểm tra lại tệp đã chọn.",
        "The file is not an Excel workbook (.xlsx) and its format is not recognised. Check the file you chose.",
      );
  }
}

function checkDeclaredSizes(entries: ZipEntry[], limits: Limits): void {
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize > limits.maxPartBytes) throw partTooLarge(e.name, e.uncompressedSize, limits);
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > limits.ratioCheckAboveBytes && ratio > limits.maxCompressionRatio) {
      throw new XlsxError("too-large", {
        vi: `Thành phần "${e.name}" có tỉ lệ nén bất thường (${Math.round(ratio)}:1, giới hạn ${limits.maxCompressionRatio}:1): đây là dấu hiệu của "bom nén". Tệp đã bị từ chối.`,
        en: `The part "${e.name}" has an abnormal compression ratio (${Math.round(ratio)}:1, limit ${limits.maxCompressionRatio}:1), the mark of a zip bomb. The file was refused.`,
      });
    }
    total += e.uncompressedSize;
  }
  if (total > limits.maxTotalUncompressedBytes) {
    throw new XlsxError("too-large", {
      vi: `Tệp khi giải nén chiếm ${formatBytes(total).vi}, vượt giới hạn ${formatBytes(limits.maxTotalUncompressedBytes).vi}. Hãy chia nhỏ bảng tính hoặc xóa dữ liệu, hình ảnh không cần thiết.`,
      en: `The file inflates to ${formatBytes(total).en}, over the ${formatBytes(limits.maxTotalUncompressedBytes).en} limit. Split the workbook or remove unneeded data and images.`,
    });
  }
}

function refuseNonWorkbookZip(pkg: ZipPackage): void {
  const mimetype = pkg.entry("mimetype");
  if (mimetype && mimetype.uncompressedSize < 200) {
    const mime = pkg.text("mimetype")?.trim() ?? "";
    if (mime === ODS_MIME) {
      throw new XlsxError("ods", {
        vi: "Tệp là bảng tính OpenDocument (.ods, của LibreOffice/OpenOffice), chưa hỗ trợ. Hãy mở bằng LibreOffice hoặc Excel và lưu lại dưới dạng .xlsx (Excel 2007-365).",
        en: "The file is an OpenDocument spreadsheet (.ods, from LibreOffice/OpenOffice), which is not supported. Open it in LibreOffice or Excel and save it as .xlsx (Excel 2007-365).",
      });
    }
  }
  if (pkg.entry("[Content_Types].xml") && (pkg.entry("xl/workbook.xml") || pkg.entry("_rels/.rels"))) {
    if (pkg.entry("xl/workbook.xml") || hasOfficeDocumentIn(pkg, "xl/")) return;
  }
  if (pkg.entry("word/document.xml")) {
    throw new XlsxError("not-workbook", {
      vi: "Tệp là tài liệu Word (.docx), không phải bảng tính Excel.",
      en: "The file is a Word document (.docx), not an Excel workbook.",
    });
  }
  if (pkg.entry("ppt/presentation.xml")) {
    throw new XlsxError("not-workbook", {
      vi: "Tệp là bản trình chiếu PowerPoint (.pptx), không phải bảng tính Excel.",
      en: "The file is a PowerPoint presentation (.pptx), not an Excel workbook.",
    });
  }
  throw new XlsxError("not-workbook", {
    vi: "Tệp là tệp nén (zip) nhưng không chứa sổ làm việc Excel (thiếu [Content_Types].xml hoặc xl/workbook.xml). Hãy kiểm tra lại tệp đã chọn.",
    en: "The file is a zip archive but holds no Excel workbook ([Content_Types].xml or xl/workbook.xml is missing). Check the file you chose.",
  });
}

function hasOfficeDocumentIn(pkg: ZipPackage, folder: string): boolean {
  return pkg.names.some((n) => n.toLowerCase().startsWith(folder) && /workbook[^/]*\.xml$/i.test(n));
}

/**
 * Opens an .xlsx. Checks the format, the entry count and every declared size before inflating anything;
 * parts are inflated on first use, capped by the limits. Throws XlsxError.
 */
export function openPackage(bytes: Uint8Array, limits?: Partial<Limits>, deadline: Deadline = NO_DEADLINE): XlsxPackage {
  const lim = resolveLimits(limits);
  if (bytes.length > lim.maxInputBytes) {
    throw new XlsxError("too-large", {
      vi: `Tệp dung lượng ${formatBytes(bytes.length).vi}, vượt giới hạn ${formatBytes(lim.maxInputBytes).vi}. Hãy chia nhỏ bảng tính hoặc xóa dữ liệu, hình ảnh không cần thiết.`,
      en: `The file is ${formatBytes(bytes.length).en}, over the ${formatBytes(lim.maxInputBytes).en} limit. Split the workbook or remove unneeded data and images.`,
    });
  }
  refuseOtherFormats(bytes);
  const { entries } = readCentralDirectory(bytes, lim.maxEntries);
  if (entries.length === 0) {
    throw new XlsxError("not-workbook", { vi: "Tệp nén (zip) rỗng, không chứa sổ làm việc Excel.", en: "The zip archive is empty; it holds no Excel workbook." });
  }
  checkDeclaredSizes(entries, lim);
  const pkg = new ZipPackage(bytes, entries, lim, deadline);
  refuseNonWorkbookZip(pkg);
  return pkg;
}

const encoder = new TextEncoder();

/**
 * Writes the package with `changes` applied (null deletes). Unchanged entries keep their exact bytes and order;
 * new entries are appended in the map's order.
 */
export function savePackage(original: XlsxPackage, changes: Map<string, Uint8Array | string | null>): Uint8Array {
  const pending = new Map<string, Uint8Array | null>();
  for (const [name, v] of changes) pending.set(stripSlash(name), typeof v === "string" ? encoder.encode(v) : v);
  const out: RawZipEntry[] = [];
  const consumed = new Set<string>();

  if (original instanceof ZipPackage) {
    const seen = new Set<string>();
    for (const e of original.entries) {
      const key = changeKeyFor(pending, e.name);
      if (key !== undefined) {
        consumed.add(key);
        if (seen.has(e.name)) continue; // a duplicate of a replaced or deleted part goes with it
        seen.add(e.name);
        const v = pending.get(key);
        if (v) out.push(freshEntry(e.name, v));
        continue;
      }
      seen.add(e.name);
      out.push({ ...e, data: compressedData(original.bytes, e) });
    }
  } else {
    for (const name of original.names) {
      const key = changeKeyFor(pending, name);
      if (key !== undefined) {
        consumed.add(key);
        const v = pending.get(key);
        if (v) out.push(freshEntry(name, v));
        continue;
      }
      const data = original.get(name);
      if (data) out.push(freshEntry(name, data));
    }
  }
  for (const [name, v] of pending) {
    if (!consumed.has(name) && v) out.push(freshEntry(name, v));
  }
  return writeZip(out);
}

function stripSlash(name: string): string {
  return name.startsWith("/") ? name.slice(1) : name;
}

/** Part names are case-insensitive in OPC: a change to "xl/Workbook.xml" replaces "xl/workbook.xml". */
function changeKeyFor(pending: Map<string, unknown>, entryName: string): string | undefined {
  if (pending.has(entryName)) return entryName;
  const lower = entryName.toLowerCase();
  for (const k of pending.keys()) if (k.toLowerCase() === lower) return k;
  return undefined;
}

