// Reads a zip's central directory without inflating anything, so sizes can be checked before any work.

import { XlsxError } from "../errors";

export interface ZipEntry {
  /** Name as stored (UTF-8 decoded). */
  name: string;
  /** Raw name bytes and the UTF-8 flag, so a rewrite stores the name exactly as before. */
  rawName: Uint8Array;
  flags: number;
  /** 0 = stored, 8 = deflate. */
  method: number;
  dosTime: number;
  dosDate: number;
  crc: number;
  compressedSize: number;
  /** Declared, not trusted: inflation is capped independently. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

const utf8 = new TextDecoder("utf-8");

function corrupt(detailEn: string, detailVi: string): XlsxError {
  return new XlsxError("corrupt-zip", {
    vi: `Tệp .xlsx bị hỏng hoặc chưa tải về đầy đủ (${detailVi}). Hãy tải lại hoặc mở bằng Excel rồi lưu lại.`,
    en: `The .xlsx file is damaged or incomplete (${detailEn}). Download it again, or open it in Excel and save it again.`,
  });
}

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  // Sizes beyond 2^53 are absurd here; the limits reject them anyway.
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const minStart = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= minStart; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return i;
  }
  return -1;
}

export interface CentralDirectory {
  entries: ZipEntry[];
}

/** Throws "corrupt-zip" when the directory is missing or inconsistent; "too-large" past maxEntries. */
export function readCentralDirectory(bytes: Uint8Array, maxEntries: number): CentralDirectory {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw corrupt("no end-of-central-directory record; the file is probably truncated", "không tìm thấy phần mục lục cuối tệp, có thể tệp bị cắt cụt");
  let count = u16(bytes, eocd + 10);
  let dirSize = u32(bytes, eocd + 12);
  let dirOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(bytes, loc) === SIG_ZIP64_LOCATOR) {
      const z = u64(bytes, loc + 8);
      if (z + 56 <= bytes.length && u32(bytes, z) === SIG_ZIP64_EOCD) {
        count = u64(bytes, z + 32);
        dirSize = u64(bytes, z + 40);
        dirOffset = u64(bytes, z + 48);
      }
    }
  }
  if (count > maxEntries) {
    throw new XlsxError("too-large", {
      vi: `Tệp chứa ${count} thành phần nén, vượt giới hạn ${maxEntries}. Tệp .xlsx thông thường chỉ có vài chục thành phần; tệp này có thể bị hỏng hoặc được tạo để gây hại.`,
      en: `The file holds ${count} zip entries, over the limit of ${maxEntries}. A normal .xlsx has a few dozen; this file may be damaged or hostile.`,
    });
  }
  if (dirOffset + dirSize > bytes.length) throw corrupt("the central directory points past the end of the file", "mục lục trỏ ra ngoài phần cuối tệp");

  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw corrupt("a central directory record is damaged", "một mục trong mục lục bị hỏng");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let compressedSize = u32(bytes, p + 20);
    let uncompressedSize = u32(bytes, p + 24);
    let localHeaderOffset = u32(bytes, p + 42);
    const nameStart = p + 46;
    if (nameStart + nameLen + extraLen > bytes.length) throw corrupt("a central directory record is cut off", "một mục trong mục lục bị cắt cụt");
    const rawName = bytes.slice(nameStart, nameStart + nameLen);
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // Zip64 extra field (0x0001): only the fields that overflowed are present, in this order.
      let e = nameStart + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = u16(bytes, e);
        const size = u16(bytes, e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (uncompressedSize === 0xffffffff) { uncompressedSize = u64(bytes, q); q += 8; }
          if (compressedSize === 0xffffffff) { compressedSize = u64(bytes, q); q += 8; }
          if (localHeaderOffset === 0xffffffff) { localHeaderOffset = u64(bytes, q); }
          break;
        }
        e += 4 + size;
      }
    }
    entries.push({
      name: utf8.decode(rawName),
      rawName,
      flags,
      method,
      dosTime: u16(bytes, p + 12),
      dosDate: u16(bytes, p + 14),
      crc: u32(bytes, p + 16),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    p = nameStart + nameLen + extraLen + commentLen;
  }
  return { entries };
}

/** Where an entry's compressed bytes are, read from its local header (whose extra field may differ from the central one). */
export function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const o = entry.localHeaderOffset;
  if (o + 30 > bytes.length || u32(bytes, o) !== SIG_LOCAL) {
    throw corrupt(`the local header of "${entry.name}" is missing`, `thiếu phần đầu của thành phần "${entry.name}"`);
  }
  const start = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(`"${entry.name}" is cut off`, `thành phần "${entry.name}" bị cắt cụt`);
  return bytes.subarray(start, end);
}

export { corrupt as corruptZipError };
