// Writes a zip: entries copied verbatim (compressed bytes and all) or freshly deflated, in the order given.

import type { ZipEntry } from "./central-directory";
import { zipCodec } from "./codec";

/** An entry as it will be written: the directory's fields, with the bytes already compressed with `method`. */
export type RawZipEntry = Omit<ZipEntry, "name" | "compressedSize" | "localHeaderOffset"> & { data: Uint8Array };

const encoder = new TextEncoder();

// 1980-01-01 00:00, what Excel itself stamps, so our output is deterministic.
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;

/** Past this size a part is deflated at the fastest level: a 40 MB sheet in about a second instead of several. */
const LARGE_PART = 4 * 1024 * 1024;

export function freshEntry(name: string, content: Uint8Array): RawZipEntry {
  const rawName = encoder.encode(name);
  const nonAscii = rawName.some((b) => b > 0x7f);
  const codec = zipCodec();
  return {
    rawName,
    flags: nonAscii ? 0x0800 : 0,
    method: 8,
    dosTime: 0,
    dosDate: DOS_DATE_1980,
    crc: codec.crc32(content),
    uncompressedSize: content.length,
    data: codec.deflate(content, content.length > LARGE_PART ? 1 : 6),
  };
}

/**
 * The 24 bytes the local header and the central directory share, from "version needed" to the name's length.
 * Bit 3 (data descriptor) is dropped: sizes and CRC are written in the header.
 */
function putSharedFields(view: DataView, at: number, e: RawZipEntry): void {
  view.setUint16(at, e.method === 0 ? 10 : 20, true);
  view.setUint16(at + 2, e.flags & ~0x0008, true);
  view.setUint16(at + 4, e.method, true);
  view.setUint16(at + 6, e.dosTime, true);
  view.setUint16(at + 8, e.dosDate, true);
  view.setUint32(at + 10, e.crc, true);
  view.setUint32(at + 14, e.data.length, true);
  view.setUint32(at + 18, e.uncompressedSize, true);
  view.setUint16(at + 22, e.rawName.length, true);
}

export function writeZip(entries: RawZipEntry[]): Uint8Array {
  let total = 22;
  for (const e of entries) total += 30 + e.rawName.length + e.data.length + 46 + e.rawName.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    offsets.push(p);
    view.setUint32(p, 0x04034b50, true);
    putSharedFields(view, p + 4, e);
    view.setUint16(p + 28, 0, true);
    out.set(e.rawName, p + 30);
    p += 30 + e.rawName.length;
    out.set(e.data, p);
    p += e.data.length;
  }
  const dirStart = p;
  entries.forEach((e, i) => {
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    putSharedFields(view, p + 6, e);
    // extra, comment, disk, internal attrs, external attrs: zero
    view.setUint32(p + 42, offsets[i]!, true);
    out.set(e.rawName, p + 46);
    p += 46 + e.rawName.length;
  });
  const dirSize = p - dirStart;
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, dirSize, true);
  view.setUint32(p + 16, dirStart, true);
  return out;
}
