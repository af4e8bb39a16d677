// The .xlsx package: a zip of XML parts. Opens with hard limits; saves changing only the parts asked for.

import { ChitieuError } from "../../core/errors";
import { msg, type MessageRef } from "../../core/messages";
import { type Deadline, type Limits, NO_DEADLINE, resolveLimits } from "./limits";
import { type ZipEntry, compressedData, corruptZipError, readCentralDirectory } from "./zip/central-directory";
import { zipCodec } from "./zip/codec";
import { InflateFailed, OutputCapExceeded, inflateCapped } from "./zip/inflate";
import { sniffFormat } from "./zip/sniff";
import { resolveTarget } from "./part-names";
import { type RawZipEntry, freshEntry, writeZip } from "./zip/write";

export interface XlsxPackage {
  /** Entry names in zip order (a duplicated name is listed once). */
  readonly names: string[];
  /** Inflated bytes of a part; names match case-insensitively, with or without a leading "/". Throws ChitieuError past limits. */
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
    let out: Uint8Array | null;
    if (e.method === 0) {
      if (raw.length > cap) throw partTooLarge(e.name, raw.length, this.limits, this.bytes, this.entries);
      out = raw;
    } else if (e.method === 8) {
      try {
        out = inflateCapped(raw, cap, this.deadline, e.uncompressedSize);
      } catch (err) {
        if (err instanceof OutputCapExceeded) {
          if (err.produced > e.uncompressedSize && e.uncompressedSize <= Math.min(this.limits.maxPartBytes, this.limits.maxTotalUncompressedBytes - this.inflatedTotal)) {
            throw lyingSizeError(e.name);
          }
          throw partTooLarge(e.name, err.produced, this.limits, this.bytes, this.entries);
        }
        if (err instanceof InflateFailed) throw corruptZipError(msg("zip.bad-compressed-data", { name: e.name }));
        throw err;
      }
    } else {
      throw new ChitieuError("error.unsupported-compression", { name: e.name, method: e.method });
    }
    // null: longer than declared (./zip/codec.ts)
    if (out === null || out.length !== e.uncompressedSize || zipCodec().crc32(out) !== e.crc) {
      throw corruptZipError(msg("zip.bad-size-or-crc", { name: e.name }));
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

function encryptedError(): ChitieuError {
  return new ChitieuError("error.encrypted");
}

function partTooLarge(name: string, size: number, limits: Limits, bytes: Uint8Array, entries: ZipEntry[]): ChitieuError {
  return new ChitieuError("error.too-large.part", { part: partInUserTerms(name, bytes, entries), size, limit: limits.maxPartBytes });
}

const SMALL_PART = 1024 * 1024;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(":", "\\:")}="([^"]*)"`).exec(tag);
  return m ? m[1]!.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!) : undefined;
}

/**
 * What a zip part is to the person who made the workbook: sheet "Báo cáo", the shared text of all sheets, the formats,
 * an image. A sheet's name comes from workbook.xml and its relationships, read only when they are small; if they are
 * damaged too, the part name is the best we can say, so any failure there falls back to it.
 */
function partInUserTerms(name: string, bytes: Uint8Array, entries: ZipEntry[]): MessageRef {
  const lower = name.toLowerCase();
  if (/^xl\/worksheets\/[^/]+\.xml$/.test(lower)) {
    const sheet = sheetNameOfPart(name, bytes, entries);
    if (sheet !== undefined) return msg("part.sheet", { sheet });
  }
  if (/^xl\/sharedstrings\.xml$/.test(lower)) return msg("part.shared-strings");
  if (/^xl\/styles\.xml$/.test(lower)) return msg("part.styles");
  if (lower.startsWith("xl/media/")) return msg("part.image", { name });
  return msg("part.other", { name });
}

function sheetNameOfPart(name: string, bytes: Uint8Array, entries: ZipEntry[]): string | undefined {
  const small = entries.filter((e) => e.uncompressedSize <= SMALL_PART && /^xl\/(_rels\/)?workbook\.xml(\.rels)?$/i.test(e.name));
  try {
    const pkg = new ZipPackage(bytes, small, resolveLimits({ maxPartBytes: SMALL_PART }), NO_DEADLINE);
    const text = pkg.text("xl/workbook.xml");
    if (text === undefined) return undefined;
    const relsText = pkg.text("xl/_rels/workbook.xml.rels") ?? "";
    // plain attribute scans: this runs only to word an error, and must not pull the XML reader into every bundle
    const relId = [...relsText.matchAll(/<Relationship\b[^>]*>/g)]
      .map((m) => ({ id: attr(m[0], "Id"), target: attr(m[0], "Target") }))
      .find((r) => r.target !== undefined && resolveTarget("xl/workbook.xml", r.target).toLowerCase() === name.toLowerCase())?.id;
    if (relId === undefined) return undefined;
    const sheet = [...text.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => m[0]).find((tag) => attr(tag, "r:id") === relId || attr(tag, "id") === relId);
    return sheet === undefined ? undefined : attr(sheet, "name")?.normalize("NFC");
  } catch {
    return undefined; // a damaged workbook.xml: the part name is said instead
  }
}

function lyingSizeError(name: string): ChitieuError {
  return new ChitieuError("error.too-large.lying-size", { name });
}

/** Refuses anything that is not an .xlsx package, naming what it is when we can tell. */
function refuseOtherFormats(bytes: Uint8Array): void {
  switch (sniffFormat(bytes)) {
    case "zip":
      return;
    case "cfb-encrypted":
      throw encryptedError();
    case "cfb-xls":
      throw new ChitieuError("error.xls-binary");
    case "empty":
      throw new ChitieuError("error.not-zip.empty");
    case "html":
      throw new ChitieuError("error.not-zip.html");
    case "spreadsheetml-2003":
      throw new ChitieuError("error.not-zip.spreadsheetml-2003");
    case "csv-or-text":
      throw new ChitieuError("error.not-zip.text");
    case "pdf":
      throw new ChitieuError("error.not-zip.pdf");
    case "image":
      throw new ChitieuError("error.not-zip.image");
    case "archive":
      throw new ChitieuError("error.not-zip.archive");
    default:
      throw new ChitieuError("error.not-zip.unknown");
  }
}

function checkDeclaredSizes(bytes: Uint8Array, entries: ZipEntry[], limits: Limits): void {
  let total = 0;
  for (const e of entries) {
    if (e.uncompressedSize > limits.maxPartBytes) throw partTooLarge(e.name, e.uncompressedSize, limits, bytes, entries);
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > limits.ratioCheckAboveBytes && ratio > limits.maxCompressionRatio) {
      throw new ChitieuError("error.too-large.ratio", { name: e.name, ratio: Math.round(ratio), limit: limits.maxCompressionRatio });
    }
    total += e.uncompressedSize;
  }
  if (total > limits.maxTotalUncompressedBytes) {
    throw new ChitieuError("error.too-large.total", { size: total, limit: limits.maxTotalUncompressedBytes });
  }
}

function refuseNonWorkbookZip(pkg: ZipPackage): void {
  const mimetype = pkg.entry("mimetype");
  if (mimetype && mimetype.uncompressedSize < 200) {
    const mime = pkg.text("mimetype")?.trim() ?? "";
    if (mime === ODS_MIME) {
      throw new ChitieuError("error.ods");
    }
  }
  if (pkg.entry("[Content_Types].xml") && (pkg.entry("xl/workbook.xml") || pkg.entry("_rels/.rels"))) {
    if (pkg.entry("xl/workbook.xml") || hasOfficeDocumentIn(pkg, "xl/")) return;
  }
  if (pkg.entry("word/document.xml")) {
    throw new ChitieuError("error.not-workbook.docx");
  }
  if (pkg.entry("ppt/presentation.xml")) {
    throw new ChitieuError("error.not-workbook.pptx");
  }
  throw new ChitieuError("error.not-workbook.zip");
}

function hasOfficeDocumentIn(pkg: ZipPackage, folder: string): boolean {
  return pkg.names.some((n) => n.toLowerCase().startsWith(folder) && /workbook[^/]*\.xml$/i.test(n));
}

/**
 * Opens an .xlsx. Checks the format, the entry count and every declared size before inflating anything;
 * parts are inflated on first use, capped by the limits. Throws ChitieuError.
 */
export function openPackage(bytes: Uint8Array, limits?: Partial<Limits>, deadline: Deadline = NO_DEADLINE): XlsxPackage {
  const lim = resolveLimits(limits);
  if (bytes.length > lim.maxInputBytes) {
    throw new ChitieuError("error.too-large.input", { size: bytes.length, limit: lim.maxInputBytes });
  }
  refuseOtherFormats(bytes);
  const { entries } = readCentralDirectory(bytes, lim.maxEntries);
  if (entries.length === 0) {
    throw new ChitieuError("error.not-workbook.empty-zip");
  }
  checkDeclaredSizes(bytes, entries, lim);
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

