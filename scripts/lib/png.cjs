// Minimal PNG encoder/decoder (8-bit RGBA, no interlace): enough to make and check our icons with node's zlib only.
"use strict";
const zlib = require("node:zlib");

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** rgba: Uint8Array of width*height*4 bytes, row-major. */
function encodePng(width, height, rgba) {
  if (rgba.length !== width * height * 4) throw new Error(`pixel buffer is ${rgba.length} bytes, expected ${width * height * 4}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // compression, filter, interlace all 0
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none (icons are tiny, simplicity wins)
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Reads the header and checks the whole file's structure; throws with a specific reason when it is not a sound PNG. */
function readPngInfo(buf) {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG file (bad signature)");
  let offset = 8;
  let header = null;
  const idat = [];
  let ended = false;
  while (offset < buf.length) {
    if (offset + 12 > buf.length) throw new Error("truncated chunk");
    const length = buf.readUInt32BE(offset);
    const type = buf.toString("ascii", offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > buf.length) throw new Error(`truncated ${type} chunk`);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    if (crc32(buf.subarray(offset + 4, offset + 8 + length)) !== buf.readUInt32BE(offset + 8 + length)) {
      throw new Error(`CRC mismatch in ${type} chunk`);
    }
    if (type === "IHDR") {
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8], colorType: data[9], interlace: data[12] };
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") { ended = true; break; }
    offset = end;
  }
  if (!header) throw new Error("missing IHDR chunk");
  if (!ended) throw new Error("missing IEND chunk");
  if (idat.length === 0) throw new Error("missing IDAT chunk");
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[header.colorType];
  if (!channels) throw new Error(`unknown colour type ${header.colorType}`);
  if (header.interlace === 0) {
    const rowBytes = Math.ceil((header.width * channels * header.bitDepth) / 8);
    const pixels = zlib.inflateSync(Buffer.concat(idat));
    if (pixels.length !== (rowBytes + 1) * header.height) throw new Error("image data length does not match the header");
  }
  return header;
}

module.exports = { encodePng, readPngInfo, crc32 };
