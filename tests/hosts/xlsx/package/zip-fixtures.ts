// Builders for synthetic packages used by the package and reader tests.
import { strToU8, zipSync } from "fflate";
import path from "node:path";

/** The real-workbook corpus, vendored in the repository (see its SOURCES.md for origins and licences). */
export const REPO_ROOT = path.resolve(__dirname, "../../../..");
export const CORPUS_DIR = path.resolve(REPO_ROOT, "tests", "fixtures", "corpus");

export type Parts = [name: string, content: string | Uint8Array][];

/** A zip with entries in exactly this order (fflate keeps object insertion order for non-numeric keys). */
export function zipOf(parts: Parts): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of parts) files[name] = typeof content === "string" ? strToU8(content) : content;
  return zipSync(files, { level: 6, mtime: new Date(1980, 0, 1) });
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface SheetSpec {
  name: string;
  /** Content of <sheetData> (or the whole worksheet XML when `raw`). */
  sheetData?: string;
  raw?: string;
  state?: "hidden" | "veryHidden";
  chart?: boolean;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[] | string; // list of plain strings, or raw <sst> XML
  styles?: string; // raw styles.xml
  custom?: Record<string, string>; // docProps/custom.xml properties (vt:lpwstr)
  date1904?: boolean;
  extraParts?: Parts;
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

export function worksheetXml(sheetData: string, extra = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${extra}<sheetData>${sheetData}</sheetData></worksheet>`;
}

export function buildWorkbook(spec: WorkbookSpec): Uint8Array {
  const parts: Parts = [];
  const overrides: string[] = [];
  const wbRels: string[] = [];
  const sheetEls: string[] = [];
  spec.sheets.forEach((s, i) => {
    const n = i + 1;
    if (s.chart) {
      parts.push([`xl/chartsheets/sheet${n}.xml`, `<chartsheet xmlns="${MAIN}"/>`]);
      wbRels.push(`<Relationship Id="rId${n}" Type="${REL}/chartsheet" Target="chartsheets/sheet${n}.xml"/>`);
    } else {
      parts.push([`xl/worksheets/sheet${n}.xml`, s.raw ?? worksheetXml(s.sheetData ?? "")]);
      wbRels.push(`<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
      overrides.push(`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    }
    sheetEls.push(`<sheet name="${esc(s.name)}" sheetId="${n}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${n}"/>`);
  });
  if (spec.sharedStrings !== undefined) {
    const sst = typeof spec.sharedStrings === "string"
      ? spec.sharedStrings
      : `<sst xmlns="${MAIN}" count="${spec.sharedStrings.length}" uniqueCount="${spec.sharedStrings.length}">${spec.sharedStrings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`;
    parts.push(["xl/sharedStrings.xml", sst]);
    wbRels.push(`<Relationship Id="rIdSst" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (spec.styles !== undefined) {
    parts.push(["xl/styles.xml", spec.styles]);
    wbRels.push(`<Relationship Id="rIdSty" Type="${REL}/styles" Target="styles.xml"/>`);
  }
  const rootRels = [`<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`];
  if (spec.custom) {
    const props = Object.entries(spec.custom)
      .map(([k, v], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${esc(k)}"><vt:lpwstr>${esc(v)}</vt:lpwstr></property>`)
      .join("");
    parts.push(["docProps/custom.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props}</Properties>`]);
    rootRels.push(`<Relationship Id="rId2" Type="${REL}/custom-properties" Target="docProps/custom.xml"/>`);
  }
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheetEls.join("")}</sheets></workbook>`;
  return zipOf([
    ["[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>${overrides.join("")}</Types>`],
    ["_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${rootRels.join("")}</Relationships>`],
    ["xl/workbook.xml", workbook],
    ["xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${wbRels.join("")}</Relationships>`],
    ...parts,
    ...(spec.extraParts ?? []),
  ]);
}

/** Styles with cellXfs: 0 General, 1 "0%" (built-in 9), 2 "0.00%" (10), 3 custom 164 '#,##0.0 "ha"', 4 date 14. */
export const STYLES_XML = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.0 &quot;ha&quot;"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="9" applyNumberFormat="1"/><xf numFmtId="10" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/**
 * Raw DEFLATE of `total` zero bytes, written directly as one fixed-Huffman block (a literal 0, then
 * "copy 258 bytes from distance 1" over and over): ~1 KB per MB, built in milliseconds, never inflated here.
 */
export function deflatedZeros(total: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(((total / 258) * 13 + 300 * 8) / 8) + 16);
  let bit = 0;
  const put = (value: number, n: number) => {
    // LSB-first bit stream
    for (let i = 0; i < n; i++, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  const code = (value: number, n: number) => {
    // Huffman codes go most-significant bit first
    for (let i = n - 1; i >= 0; i--, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  put(1, 1); // BFINAL
  put(1, 2); // fixed Huffman
  const literalZero = () => code(0x30, 8);
  let left = total;
  if (left > 0) {
    literalZero();
    left--;
  }
  while (left >= 258) {
    code(0b11000101, 8); // length 258 (symbol 285)
    code(0, 5); // distance 1
    left -= 258;
  }
  while (left-- > 0) literalZero();
  code(0, 7); // end of block (symbol 256)
  return out.slice(0, Math.ceil(bit / 8));
}

/** A zip whose single extra entry carries `compressed` deflate data with whatever sizes we claim. */
export function zipWithRawEntry(entries: { name: string; compressed: Uint8Array; declaredSize: number; crc?: number; method?: number }[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const lh = new Uint8Array(30 + name.length);
    const lv = new DataView(lh.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, e.method ?? 8, true);
    lv.setUint32(14, e.crc ?? 0, true);
    lv.setUint32(18, e.compressed.length, true);
    lv.setUint32(22, e.declaredSize, true);
    lv.setUint16(26, name.length, true);
    lh.set(name, 30);
    const ch = new Uint8Array(46 + name.length);
    const cv = new DataView(ch.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, e.method ?? 8, true);
    cv.setUint32(16, e.crc ?? 0, true);
    cv.setUint32(20, e.compressed.length, true);
    cv.setUint32(24, e.declaredSize, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    ch.set(name, 46);
    locals.push(lh, e.compressed);
    centrals.push(ch);
    offset += lh.length + e.compressed.length;
  }
  const dirSize = centrals.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const all = [...locals, ...centrals, eocd];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of all) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export const MINIMAL_PARTS: Parts = [
  ["[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`],
  ["_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
  ["xl/workbook.xml", `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets/></workbook>`],
];
