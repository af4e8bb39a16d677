// Shared helpers for the marking specs: corpus access, part comparison, feature counts, tiny workbooks.

import { existsSync, readFileSync, readdirSync } from "fs";
import path from "path";
import { strToU8, zipSync } from "fflate";
import type { HighlightPlan, Mark, Severity } from "../../../../src/core/highlight-plan";
import { openPackage, type XlsxPackage } from "../../../../src/hosts/xlsx/package";

export const REPO_ROOT = path.resolve(__dirname, "../../../..");
export const CORPUS_DIR = path.resolve(REPO_ROOT, "tests/fixtures/corpus");

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => /\.xls[xm]$/i.test(f))
    .sort();
}

export function readCorpus(file: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(CORPUS_DIR, file)));
}

export function corpusExists(): boolean {
  return existsSync(CORPUS_DIR);
}

export function mark(sheet: string, cell: string, severity: Severity = "error", vi = `Thiếu số liệu ô ${cell}`): Mark {
  return { sheet, cell, severity, status: severity === "error" ? "invalid" : "below", indicator: "1.1", message: { vi, en: `Missing figure in ${cell}` } };
}

/** The day every helper plan is checked on, and the closing line our notes then carry. */
export const CHECKED_ON = "2026-01-05";
export const STATIC_LINE = { vi: "Kết quả kiểm tra ngày 05/01/2026; ô giữ màu này đến lần kiểm tra sau.", en: "Result of the check of 05/01/2026; the cell keeps this colour until the next check." };

export function plan(...marks: Mark[]): HighlightPlan {
  return { marks, checkedOn: CHECKED_ON };
}

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

export function text(pkg: XlsxPackage, name: string): string {
  const b = pkg.get(name);
  if (!b) throw new Error(`no part ${name}`);
  return decoder.decode(b);
}

export function equalBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Names of parts whose bytes differ (or that exist in only one package). */
export function differingParts(a: XlsxPackage, b: XlsxPackage): string[] {
  const names = new Set([...a.names, ...b.names]);
  return [...names].filter((n) => !a.names.includes(n) || !b.names.includes(n) || !equalBytes(a.get(n), b.get(n))).sort();
}

/** True when every character of `original` appears in `edited` in order: the edit only inserted text. */
export function isSubsequence(original: string, edited: string): boolean {
  let j = 0;
  for (let i = 0; i < original.length; i++) {
    const ch = original.charCodeAt(i);
    while (j < edited.length && edited.charCodeAt(j) !== ch) j++;
    if (j >= edited.length) return false;
    j++;
  }
  return true;
}

const OUR_PART = /chitieuCds/i;

/** Features an official would miss if they vanished, counted from the raw package (our own additions excluded). */
export function featureCounts(pkg: XlsxPackage): Record<string, number> {
  const count = (names: string[], re: RegExp) =>
    names.reduce((n, name) => n + (decoder.decode(pkg.get(name) ?? new Uint8Array()).match(re)?.length ?? 0), 0);
  const theirs = pkg.names.filter((n) => !OUR_PART.test(n));
  const sheets = theirs.filter((n) => /worksheets\/[^/]+\.xml$/i.test(n));
  const ourRules = count(sheets, /"chitieu-cds"="chitieu-cds"/g);
  return {
    // our notes may sit inside their comments part: count only theirs
    notes:
      count(theirs.filter((n) => /^xl\/comments[^/]*\.xml$/i.test(n)), /<(?:\w+:)?comment[\s>]/g) -
      count(theirs.filter((n) => /^xl\/comments[^/]*\.xml$/i.test(n)), /Chỉ tiêu CĐS: /g),
    threadedComments: count(theirs.filter((n) => /threadedComments/i.test(n)), /<(?:\w+:)?threadedComment[\s>]/g),
    cfRules: count(sheets, /<(?:\w+:)?cfRule[\s>]/g) - ourRules,
    dvRules: count(sheets, /<(?:\w+:)?dataValidation[\s>]/g),
    definedNames: count(theirs.filter((n) => /workbook[^/]*\.xml$/i.test(n)), /<(?:\w+:)?definedName[\s>]/g),
    merges: count(sheets, /<(?:\w+:)?mergeCell[\s>]/g),
    hiddenRows: count(sheets, /<(?:\w+:)?row\b[^>]*\shidden="(?:1|true)"/g),
    legacyDrawings: count(sheets, /<(?:\w+:)?legacyDrawing[\s>]/g) - count(sheets, /rIdChitieuCds/g),
    tables: theirs.filter((n) => /^xl\/tables\/[^/]+\.xml$/i.test(n)).length,
    pivots: theirs.filter((n) => /^xl\/pivotTables\/[^/]+\.xml$/i.test(n)).length,
    charts: theirs.filter((n) => /^xl\/charts\/chart[^/]*\.xml$/i.test(n)).length,
    drawings: theirs.filter((n) => /^xl\/drawings\/[^/]+\.(?:xml|vml)$/i.test(n)).length,
    vba: theirs.filter((n) => /vbaProject\.bin$/i.test(n)).length,
  };
}

/** Note cells of a worksheet, read straight from its relationships and comments parts: theirs, and ours by prefix. */
export function noteCells(pkg: XlsxPackage, sheetPart: string): { theirs: string[]; ours: string[] } {
  const slash = sheetPart.lastIndexOf("/");
  const relsName = `${sheetPart.slice(0, slash)}/_rels/${sheetPart.slice(slash + 1)}.rels`;
  const rels = pkg.names.includes(relsName) ? text(pkg, relsName) : "";
  const out = { theirs: [] as string[], ours: [] as string[] };
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    if (!/Type="[^"]*\/comments"/.test(m[0])) continue;
    const target = /Target="([^"]+)"/.exec(m[0])?.[1] ?? "";
    const part = path.posix.normalize(target.startsWith("/") ? target.slice(1) : `${sheetPart.slice(0, slash)}/${target}`);
    const xml = text(pkg, pkg.names.find((n) => n.toLowerCase() === part.toLowerCase()) ?? part);
    for (const c of xml.matchAll(/<(?:\w+:)?comment\b[^>]*\sref="([^"]+)"[^>]*>([\s\S]*?)<\/(?:\w+:)?comment>/g)) {
      (c[2]?.includes("Chỉ tiêu CĐS: ") ? out.ours : out.theirs).push(c[1] ?? "");
    }
  }
  return out;
}

export function open(bytes: Uint8Array): XlsxPackage {
  return openPackage(bytes);
}

// ---- tiny hand-made workbooks, for cases the corpus does not hold ----

export interface TinySheet {
  name: string;
  /** Worksheet XML body between <worksheet> and </worksheet>. */
  body?: string;
  rels?: string;
  extraParts?: Record<string, string>;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function tinyWorkbook(opts: {
  sheets: TinySheet[];
  styles?: string | null;
  macro?: boolean;
  extraParts?: Record<string, string | Uint8Array>;
  contentTypesExtra?: string;
}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (n: string, v: string | Uint8Array) => (files[n] = typeof v === "string" ? strToU8(v) : v);
  const mainType = opts.macro ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  const overrides = opts.sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join("");
  put(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${opts.macro ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : ""}<Override PartName="/xl/workbook.xml" ContentType="${mainType}"/>${overrides}${opts.styles === null ? "" : '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'}${opts.contentTypesExtra ?? ""}</Types>`,
  );
  put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  const sheetRels = opts.sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("");
  const stylesRel = opts.styles === null ? "" : `<Relationship Id="rIdS" Type="${R}/styles" Target="styles.xml"/>`;
  const vbaRel = opts.macro ? `<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` : "";
  put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetRels}${stylesRel}${vbaRel}</Relationships>`);
  const sheetList = opts.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets>${sheetList}</sheets></workbook>`);
  opts.sheets.forEach((s, i) => {
    put(`xl/worksheets/sheet${i + 1}.xml`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${R}">${s.body ?? '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>'}</worksheet>`);
    if (s.rels) put(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, s.rels);
    for (const [n, v] of Object.entries(s.extraParts ?? {})) put(n, v);
  });
  if (opts.styles !== null) {
    put("xl/styles.xml", opts.styles ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellXfs count="1"><xf/></cellXfs><dxfs count="1"><dxf><font><b/></font></dxf></dxfs><tableStyles count="0"/></styleSheet>`);
  }
  if (opts.macro) put("xl/vbaProject.bin", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4, 5]));
  for (const [n, v] of Object.entries(opts.extraParts ?? {})) put(n, v);
  return zipSync(files);
}
