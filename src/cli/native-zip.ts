import * as zlib from "node:zlib";
import { JS_CODEC, useZipCodec } from "../hosts/xlsx/zip/codec";

// The CLI reads and writes workbooks with Node's zlib instead of fflate's JavaScript: a unit's workbook inflates and
// checksums several times faster, and the consolidated workbook deflates likewise (measured in docs/consolidation.md).
// Imported for its effect by the CLI's entry and its worker threads.

// zlib.crc32 came with node 20.15; older 20.x keep the JavaScript one
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

useZipCodec({
  deflate: (data, level) => zlib.deflateRawSync(data, { level }),
  inflate: (data, size) => {
    try {
      // never more than the declared size is allocated: a longer stream stops with ERR_BUFFER_TOO_LARGE
      return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
    } catch (e) {
      if ((e as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") return null;
      throw e;
    }
  },
  crc32: nativeCrc32 ? (data) => nativeCrc32(data) >>> 0 : JS_CODEC.crc32,
});
