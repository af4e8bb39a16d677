import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";

const ROOT = path.resolve(__dirname, "..", "..");
const ASSETS = path.join(ROOT, "assets");

const EXPECTED: Array<[string, number]> = [
  ...[16, 32, 64, 80, 128].map((size): [string, number] => [`icon-${size}.png`, size]),
  ...["insert", "check", "clear"].flatMap((name) => [16, 32, 80].map((size): [string, number] => [`${name}-${size}.png`, size])),
];

// Independent of scripts/lib/png.cjs on purpose: this decodes the file the way an image viewer would.
function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function decodePng(buf: Buffer) {
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  const chunks: Array<{ type: string; data: Buffer }> = [];
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString("latin1", at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    expect({ type, crc: buf.readUInt32BE(at + 8 + length) }).toEqual({ type, crc: crc32(buf.subarray(at + 4, at + 8 + length)) });
    chunks.push({ type, data });
    at += 12 + length;
  }
  const ihdr = chunks[0];
  if (!ihdr || ihdr.type !== "IHDR") throw new Error("first chunk is not IHDR");
  expect(chunks[chunks.length - 1]?.type).toBe("IEND");
  const width = ihdr.data.readUInt32BE(0), height = ihdr.data.readUInt32BE(4);
  const [bitDepth, colourType] = [ihdr.data[8], ihdr.data[9]];
  const pixels = zlib.inflateSync(Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data)));
  return { width, height, bitDepth, colourType, pixels };
}

describe("icons in assets/", () => {
  test.each(EXPECTED)("%s is a sound RGBA PNG of %i x %i px that is not blank", (name, size) => {
    const png = decodePng(fs.readFileSync(path.join(ASSETS, name)));
    expect([png.width, png.height, png.bitDepth, png.colourType]).toEqual([size, size, 8, 6]);
    expect(png.pixels.length).toBe(size * (1 + size * 4));
    // some pixels opaque, some transparent: a glyph was drawn, not an empty or solid square
    const alphas = new Set<number>();
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) alphas.add(png.pixels[y * (1 + size * 4) + 1 + x * 4 + 3] ?? -1);
    expect(alphas.has(255)).toBe(true);
    expect(alphas.has(0)).toBe(true);
  });

  test("the committed PNGs are exactly what scripts/make-icons.cjs draws", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "icons-"));
    try {
      const run = spawnSync(process.execPath, [path.join(ROOT, "scripts", "make-icons.cjs"), out], { encoding: "utf8" });
      expect(run.status).toBe(0);
      expect(fs.readdirSync(out).sort()).toEqual(EXPECTED.map(([name]) => name).sort());
      for (const [name] of EXPECTED) {
        expect({ name, same: fs.readFileSync(path.join(out, name)).equals(fs.readFileSync(path.join(ASSETS, name))) }).toEqual({ name, same: true });
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
