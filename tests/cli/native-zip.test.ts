import { unzipSync } from "fflate";
import { deflateRawSync } from "node:zlib";
import { ChitieuError } from "../../src/core/errors";
import { submissionFromBytes } from "../../src/hosts/xlsx/consolidate-file";
import { defaultCatalog } from "../../src/core/catalog";
import { loadUnits } from "../../src/core/units";
import { openPackage } from "../../src/hosts/xlsx/package";
import { JS_CODEC, useZipCodec, zipCodec, type ZipCodec } from "../../src/hosts/xlsx/zip/codec";
import { crc32 } from "../../src/hosts/xlsx/zip/crc32";
import { freshEntry, writeZip } from "../../src/hosts/xlsx/zip/write";
import { zipWithRawEntry } from "../hosts/xlsx/package/zip-fixtures";
import { unitWorkbook } from "../support/unit-workbooks";

// The CLI reads and writes workbooks with Node's zlib (src/cli/native-zip.ts) where the browser and the pane use
// fflate: the two must read every workbook to the same bytes and refuse a damaged one with the same message.

useZipCodec(JS_CODEC);
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("../../src/cli/native-zip");
const NATIVE: ZipCodec = zipCodec();
afterAll(() => useZipCodec(JS_CODEC));

const CODECS: [string, ZipCodec][] = [["fflate", JS_CODEC], ["Node's zlib", NATIVE]];

/** What reading every part gives with this codec: their bytes, or the error's key and Vietnamese text. */
function readAll(codec: ZipCodec, bytes: Uint8Array): Record<string, number[]> | { key: string; vi: string } {
  useZipCodec(codec);
  try {
    const pkg = openPackage(bytes);
    return Object.fromEntries(pkg.names.map((n) => [n, [...pkg.get(n)!]]));
  } catch (e) {
    if (e instanceof ChitieuError) return { key: e.key, vi: e.text("vi") };
    throw e;
  }
}

const workbook = unitWorkbook("huyen-tam-duong", { "CQS-02": { numerator: 150, denominator: 200 }, "XHS-09": { value: "Có" } });
const parts = unzipSync(workbook);

/** The workbook again, the sheet's entry made by `sheet` (compressed bytes and what the directory claims). */
function withSheetEntry(sheet: (data: Uint8Array) => { compressed: Uint8Array; declaredSize: number; crc: number }): Uint8Array {
  return zipWithRawEntry(
    Object.entries(parts).map(([name, data]) =>
      name === "xl/worksheets/sheet1.xml" ? { name, ...sheet(data) } : { name, compressed: deflateRawSync(data), declaredSize: data.length, crc: crc32(data) },
    ),
  );
}

describe("Node's zlib under the CLI's workbook reader", () => {
  it("is what the CLI installs", () => {
    expect(NATIVE).not.toBe(JS_CODEC);
  });

  it("reads every part of a unit's workbook to the same bytes as fflate", () => {
    const native = readAll(NATIVE, workbook);
    expect(Object.keys(native)).toContain("xl/worksheets/sheet1.xml");
    expect(native).toEqual(readAll(JS_CODEC, workbook));
  });

  it("computes the same CRC-32 as the zip's own", () => {
    for (const data of Object.values(parts)) expect(NATIVE.crc32(data)).toBe(crc32(data));
  });

  it.each(CODECS)("with %s, refuses a sheet that inflates to more than its declared size as a damaged file", (_name, codec) => {
    const lying = withSheetEntry((data) => ({ compressed: deflateRawSync(data), declaredSize: data.length - 10, crc: crc32(data.subarray(0, data.length - 10)) }));
    const got = readAll(codec, lying);
    expect(got).toMatchObject({ key: "error.corrupt-zip" });
    expect(got).toEqual(readAll(JS_CODEC, lying));
  });

  it.each(CODECS)("with %s, refuses a sheet whose CRC does not match, and a sheet shorter than declared", (_name, codec) => {
    const badCrc = withSheetEntry((data) => ({ compressed: deflateRawSync(data), declaredSize: data.length, crc: (crc32(data) ^ 1) >>> 0 }));
    const short = withSheetEntry((data) => ({ compressed: deflateRawSync(data), declaredSize: data.length + 10, crc: crc32(data) }));
    for (const bytes of [badCrc, short]) {
      expect(readAll(codec, bytes)).toMatchObject({ key: "error.corrupt-zip" });
      expect(readAll(codec, bytes)).toEqual(readAll(JS_CODEC, bytes));
    }
  });

  it("writes parts that fflate reads back, and a unit's file gives the same submission with either codec", () => {
    useZipCodec(NATIVE);
    const written = writeZip(Object.entries(parts).map(([name, data]) => freshEntry(name, data)));
    const back = unzipSync(written);
    expect(Object.keys(back)).toEqual(Object.keys(parts));
    for (const [name, data] of Object.entries(parts)) expect(back[name]).toEqual(data);
    const catalog = defaultCatalog();
    const units = loadUnits();
    const viaNative = submissionFromBytes("a.xlsx", written, catalog, units);
    useZipCodec(JS_CODEC);
    expect(viaNative).toMatchObject({ kind: "read" });
    expect(viaNative).toEqual(submissionFromBytes("a.xlsx", written, catalog, units));
  });
});
