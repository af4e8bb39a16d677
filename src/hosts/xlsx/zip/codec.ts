// The compression routines under the zip reader and writer. fflate's JavaScript runs everywhere (browser, pane, tests);
// a host that has native ones may install them once at start: the CLI installs Node's zlib (src/cli/native-zip.ts),
// which inflates, deflates and checksums a unit's workbook several times faster. Both give the same bytes back from
// an inflate and the same CRC; a deflate's bytes may differ, as any two valid deflaters' may.

import { deflateSync, inflateSync } from "fflate";
import { crc32 as crc32InJs } from "./crc32";

export interface ZipCodec {
  /** Raw deflate (no zlib header) at `level` 1–9. */
  deflate(data: Uint8Array, level: number): Uint8Array;
  /**
   * Raw inflate of a small stream that declares `size` bytes, never allocating (much) more: its whole output when that
   * is at most `size` bytes, null when the stream would give more. Throws on invalid deflate data.
   */
  inflate(data: Uint8Array, size: number): Uint8Array | null;
  crc32(data: Uint8Array): number;
}

/** fflate: output past a buffer of `size` + 1 bytes is dropped, so memory stays at the declared size (and a byte). */
export const JS_CODEC: ZipCodec = {
  deflate: (data, level) => deflateSync(data, { level: level as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 }),
  inflate: (data, size) => {
    const out = inflateSync(data, { out: new Uint8Array(size + 1) });
    return out.length > size ? null : out;
  },
  crc32: crc32InJs,
};

let current: ZipCodec = JS_CODEC;

export function zipCodec(): ZipCodec {
  return current;
}

/** Installs another codec for the whole process (or worker thread); JS_CODEC puts fflate back. */
export function useZipCodec(codec: ZipCodec): void {
  current = codec;
}
