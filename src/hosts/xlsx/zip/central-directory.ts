// Reads a zip's central directory without inflating anything, so sizes can be checked before any work.

import { ChitieuError } from "../../../core/errors";
import { msg, type MessageRef } from "../../../core/messages";

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

/** `detail` is one of the catalog's `zip.*` messages. */
function corrupt(detail: MessageRef): ChitieuError {
  return new ChitieuError("error.corrupt-zip", { detail });
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
  if (eocd < 0) throw corrupt(msg("zip.no-end-record"));
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
    throw new ChitieuError("error.too-large.entries", { count, limit: maxEntries });
  }
  if (dirOffset + dirSize > bytes.length) throw corrupt(msg("zip.directory-past-end"));

  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw corrupt(msg("zip.record-damaged"));
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let compressedSize = u32(bytes, p + 20);
    let uncompressedSize = u32(bytes, p + 24);
    let localHeaderOffset = u32(bytes, p + 42);
    const nameStart = p + 46;
    if (nameStart + nameLen + extraLen > bytes.length) throw corrupt(msg("zip.record-cut-off"));
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
    throw corrupt(msg("zip.local-header-missing", { name: entry.name }));
  }
  const start = o + 30 + u16(bytes, o + 26) + u16(bytes, o + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corrupt(msg("zip.entry-cut-off", { name: entry.name }));
  return bytes.subarray(start, end);
}

export { corrupt as corruptZipError };
