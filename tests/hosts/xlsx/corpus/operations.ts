// Every operation a user can run on a workbook, through the file host (what the browser mode and the CLI use), each
// reduced to an outcome the corpus expectations pin: done losslessly, or refused with a code and a message.

import { ChitieuError } from "../../../../src/core/errors";
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { defaultCatalog } from "../../../../src/core/catalog";
import { checkWorkbook } from "../../../../src/core/check";
import type { HighlightPlan } from "../../../../src/core/highlight-plan";
import type { WorkbookSnapshot } from "../../../../src/core/snapshot";
import { buildTemplateLayout, fillTemplateLayout, type TemplateLayout } from "../../../../src/core/template";
import { createFileHost } from "../../../../src/hosts/xlsx/file-host";
import { hasHighlights } from "../../../../src/hosts/xlsx/mark";
import { PartView } from "../../../../src/hosts/xlsx/mark/part-view";
import { savePackage } from "../../../../src/hosts/xlsx/package";
import { readWorkbook as sheetParts } from "../../../../src/hosts/xlsx/mark/workbook";
import { differingParts, mark, open, plan } from "../mark/helpers";

export const catalog = defaultCatalog();
/** Workbooks without our metadata are checked as a district's 2025 report, as `chitieu check --level district --year 2025`. */
export const CHECK_OPTIONS = { catalog, level: "district", year: 2025 } as const;

export interface Refusal {
  code: string;
  vi: string;
  en: string;
}

/**
 * The code and texts of a refusal, whatever class carries them (file-layer errors hold `text`, host and check errors
 * `vi`/`en`); undefined for anything else, which is a crash and fails the test.
 */
export function refusalOf(e: unknown): Refusal | undefined {
  if (!(e instanceof ChitieuError)) return undefined;
  return { code: e.code, vi: e.text("vi"), en: e.text("en") };
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

/** Runs an operation; a refusal is an outcome, any other exception propagates (a crash). */
export async function attempt<T>(fn: () => Promise<T> | T): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    const refusal = refusalOf(e);
    if (!refusal) throw e;
    return { ok: false, refusal };
  }
}

// ---- memory: a real collection between files, so heap growth is the file's own ----

setFlagsFromString("--expose-gc");
const collectNow = runInNewContext("gc") as () => void;

export interface Measure {
  ms: number;
  /** Largest heap growth over the baseline seen after any step (before collection: what the step allocated and held). */
  peakHeapBytes: number;
}

/** Collects garbage (V8 exposes gc once the flag is set at run time), so a measure starts from live data only. */
export function collect(): void {
  collectNow();
}

export function measurer(): { sample: () => void; finish: () => Measure } {
  collect();
  const base = process.memoryUsage().heapUsed;
  const start = performance.now();
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed - base);
  };
  return {
    sample,
    finish: () => {
      sample();
      return { ms: performance.now() - start, peakHeapBytes: peak };
    },
  };
}

// ---- the operations ----

export const layout: TemplateLayout = buildTemplateLayout({ catalog, unit: { code: "xa-muong-kim", name: "Mường Kim", level: "commune", kind: "xã" }, year: 2025 });

/** The first worksheet, as the marking layer sees the package (it may be readable when the cells are not). */
export function firstWorksheet(bytes: Uint8Array): { name: string; part: string } | undefined {
  try {
    const s = sheetParts(new PartView(open(bytes))).sheets.find((x) => x.kind === "worksheet" && x.part);
    return s ? { name: s.name, part: s.part! } : undefined;
  } catch (e) {
    if (refusalOf(e)) return undefined;
    throw e;
  }
}

/** Three marks on the first worksheet, one of each severity, as a check of an office table would give. */
export function probePlan(sheet: string): HighlightPlan {
  return plan(mark(sheet, "A1", "error", "Ô A1: số liệu không hợp lệ"), mark(sheet, "B2", "warning", "Ô B2: chưa đạt mục tiêu 2025"), mark(sheet, "D7", "info", "Ô D7: còn thiếu minh chứng"));
}

/** Same sheets in the same order with the same cells and formats (what the user sees of theirs). */
export function sameSheets(before: WorkbookSnapshot, after: WorkbookSnapshot): boolean {
  const theirs = after.sheets.slice(0, before.sheets.length);
  return JSON.stringify(theirs) === JSON.stringify(before.sheets);
}

export function samePackage(a: Uint8Array, b: Uint8Array): boolean {
  const pa = open(a);
  const pb = open(b);
  return JSON.stringify(pa.names) === JSON.stringify(pb.names) && differingParts(pa, pb).length === 0;
}

export type Outcome = "ok" | "lossless" | { refused: string };
export type Operation = "read" | "check" | "mark" | "clear" | "insert";

const outcome = (a: Attempt<unknown>, done: "ok" | "lossless"): Outcome => (a.ok ? done : { refused: a.refusal.code });

export interface FileRun {
  outcomes: Record<Operation, Outcome>;
  refusals: Refusal[];
  /** Why an operation that went through was not lossless, for the failure message (empty when all is well). */
  losses: string[];
  measure: Measure;
}

/** read → check → mark → clear on one host, then insert on a fresh one: the user's whole day with one file. */
export async function runOperations(original: Uint8Array): Promise<FileRun> {
  const m = measurer();
  const losses: string[] = [];
  const host = createFileHost(original);

  const read = await attempt(() => host.readSnapshot());
  m.sample();
  const check = await attempt(async () => checkWorkbook(await host.readSnapshot(), CHECK_OPTIONS));
  m.sample();

  const sheet = firstWorksheet(original);
  const mk = await attempt(() => host.applyHighlights(probePlan(sheet?.name ?? "Sheet1")));
  m.sample();
  if (mk.ok) {
    const marked = host.bytes();
    if (!hasHighlights(marked)) losses.push("mark: the marked copy carries no highlight");
    const again = await attempt(() => createFileHost(marked).readSnapshot());
    if (read.ok !== again.ok) losses.push(`mark: read ${read.ok ? "ok" : read.refusal.code} before, ${again.ok ? "ok" : again.refusal.code} after`);
    else if (read.ok && again.ok && !sameSheets(read.value, again.value)) losses.push("mark: their cells or formats read differently once marked");
    else if (!read.ok && !again.ok && again.refusal.code !== read.refusal.code) losses.push(`mark: refused ${again.refusal.code} once marked, ${read.refusal.code} before`);
  }
  const clear = await attempt(() => host.clearHighlights());
  m.sample();
  if (clear.ok && !samePackage(original, host.bytes())) losses.push("clear: parts differ from the original");

  const fresh = createFileHost(original);
  const insert = await attempt(() => fresh.insertTemplate(layout));
  m.sample();
  if (insert.ok) {
    const after = await attempt(() => createFileHost(fresh.bytes()).readSnapshot());
    if (read.ok && !after.ok) losses.push(`insert: the workbook no longer reads (${after.refusal.code})`);
    else if (read.ok && after.ok) {
      if (!sameSheets(read.value, after.value)) losses.push("insert: their sheets read differently");
      if (after.value.sheets.at(-2)?.name !== insert.value.sheetName) losses.push("insert: the template is not the second-last sheet");
      const found = checkWorkbook(after.value, { catalog }).findings.filter((f) => f.sheet === insert.value.sheetName).length;
      if (found !== layout.rows.length) losses.push(`insert: check found ${found} of the template's ${layout.rows.length} rows`);
    } else if (!read.ok && (after.ok || after.refusal.code !== read.refusal.code)) losses.push("insert: the reader's refusal changed");
  }
  m.sample();

  const all = [read, check, mk, clear, insert];
  return {
    outcomes: { read: outcome(read, "ok"), check: outcome(check, "ok"), mark: outcome(mk, "lossless"), clear: outcome(clear, "lossless"), insert: outcome(insert, "lossless") },
    refusals: all.flatMap((a) => (a.ok ? [] : [a.refusal])),
    losses,
    measure: m.finish(),
  };
}

// ---- an indicator table added to a real workbook ----

/** Real codes and figures for a district in 2025: one met, one below target, one malformed (numerator > denominator). */
export const OFFICE_TABLE = [
  { code: "CQS-02", label: "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", numerator: 850, denominator: 1000, ratio: 85 },
  { code: "CQS-09", label: "Tỷ lệ CBCCVC tham gia khai thác dữ liệu và công nghệ số", numerator: 12, denominator: 100, ratio: 12 },
  { code: "CQS-08", label: "Tỷ lệ CBCCVC được tập huấn, phổ cập kỹ năng số cơ bản", numerator: 120, denominator: 100, ratio: 120 },
] as const;

/** Figures typed into the template for the same three indicators, as a commune would. */
export function filledTemplate(): TemplateLayout {
  return fillTemplateLayout(
    layout,
    new Map(OFFICE_TABLE.map((r) => [r.code, { numerator: r.numerator, denominator: r.denominator }])),
  );
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export interface AppendedTable {
  bytes: Uint8Array;
  sheet: string;
  /** 1-based row of the header; the indicator rows follow it. */
  headerRow: number;
}

/**
 * The office-style table "Mã | Chỉ tiêu | Tử số | Mẫu số | Tỷ lệ (%)" written two rows below the sheet's data, in the
 * worksheet's own XML (its namespace prefix kept), before any later row element (a formatted empty row at 1,048,576);
 * undefined when no four free rows are left below the data.
 */
export function appendTableBelow(original: Uint8Array, sheet: { name: string; part: string }, lastRow: number): AppendedTable | undefined {
  const pkg = open(original);
  const xml = new TextDecoder().decode(pkg.get(sheet.part)!);
  const sheetData = /<((?:[\w.-]+:)?)sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!sheetData) throw new Error(`${sheet.part} has no sheetData element`);
  const p = sheetData[1]!;
  const rowTag = new RegExp(`<${p.replace(".", "\\.")}row\\b([^>]*)>`, "g");
  const rows = [...xml.slice(sheetData.index).matchAll(rowTag)].map((m) => ({ at: sheetData.index + m.index, r: Number(/\sr="([0-9]+)"/.exec(m[1]!)?.[1] ?? NaN) }));
  // rows numbered by position (no r attribute) only allow appending at the end
  const numbered = rows.every((x) => Number.isInteger(x.r));
  let headerRow = Math.max(lastRow, numbered ? 0 : rows.length) + 2;
  // skip past row elements already there (a formatted empty row), keeping one empty row above the header
  const taken = numbered ? rows.map((x) => x.r).sort((x, y) => x - y) : [];
  for (const r of taken) if (r >= headerRow - 1 && r <= headerRow + OFFICE_TABLE.length) headerRow = r + 2;
  if (headerRow + OFFICE_TABLE.length > 1_048_576) return undefined;
  const str = (ref: string, s: string) => `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${escapeXml(s)}</${p}t></${p}is></${p}c>`;
  const num = (ref: string, n: number) => `<${p}c r="${ref}"><${p}v>${n}</${p}v></${p}c>`;
  const row = (r: number, cells: string) => `<${p}row r="${r}">${cells}</${p}row>`;
  let table = row(headerRow, ["Mã", "Chỉ tiêu", "Tử số", "Mẫu số", "Tỷ lệ (%)"].map((h, i) => str(`${"ABCDE"[i]}${headerRow}`, h)).join(""));
  OFFICE_TABLE.forEach((t, i) => {
    const r = headerRow + 1 + i;
    table += row(r, str(`A${r}`, t.code) + str(`B${r}`, t.label) + num(`C${r}`, t.numerator) + num(`D${r}`, t.denominator) + num(`E${r}`, t.ratio));
  });
  let edited: string;
  if (sheetData[2]) edited = xml.replace(sheetData[0], `${sheetData[0].slice(0, -2)}>${table}</${p}sheetData>`);
  else {
    const next = numbered ? rows.find((x) => x.r > headerRow + OFFICE_TABLE.length) : undefined;
    const at = next ? next.at : xml.indexOf(`</${p}sheetData>`, sheetData.index);
    edited = xml.slice(0, at) + table + xml.slice(at);
  }
  return { bytes: savePackage(pkg, new Map([[sheet.part, edited]])), sheet: sheet.name, headerRow };
}

/** Where each of the table's indicators must be found, and how it must be judged. */
export interface TablePlace {
  sheet: string;
  /** 1-based row of each indicator. */
  rows: Record<(typeof OFFICE_TABLE)[number]["code"], number>;
}

const JUDGED = { "CQS-02": "met", "CQS-09": "below", "CQS-08": "invalid" } as const;

/**
 * The table is found where it was put and judged, its marks land on it alone, and clearing gives back the workbook
 * with the table byte for byte. Returns what went wrong (empty when all is well).
 */
export async function findMarkClear(withTable: Uint8Array, place: TablePlace): Promise<string[]> {
  const problems: string[] = [];
  const host = createFileHost(withTable);
  const snapshot = await host.readSnapshot();
  const report = checkWorkbook(snapshot, snapshot.metadata ? { catalog } : CHECK_OPTIONS);
  for (const [code, status] of Object.entries(JUDGED)) {
    const f = report.findings.find((x) => x.indicator === code);
    const row = place.rows[code as keyof typeof JUDGED];
    const at = f?.cell ? Number(/[0-9]+$/.exec(f.cell)?.[0]) : undefined;
    if (!f || f.sheet !== place.sheet || f.status !== status || at !== row) {
      problems.push(`${code}: expected ${status} on ${place.sheet} row ${row}, got ${f ? `${f.status} on ${f.sheet} ${f.cell}` : "not found"}`);
    }
  }
  const marks = report.plan.marks;
  const ourRows = new Set(Object.values(place.rows));
  const astray = marks.filter((mk) => mk.sheet !== place.sheet || (!snapshot.metadata && !ourRows.has(Number(/[0-9]+$/.exec(mk.cell)?.[0]))));
  if (marks.length === 0) problems.push("no marks planned");
  if (astray.length > 0) problems.push(`marks off the table: ${astray.map((mk) => `${mk.sheet}!${mk.cell}`).join(", ")}`);
  await host.applyHighlights(report.plan);
  const marked = host.bytes();
  if (!hasHighlights(marked)) problems.push("the marked copy carries no highlight");
  const again = checkWorkbook(await createFileHost(marked).readSnapshot(), snapshot.metadata ? { catalog } : CHECK_OPTIONS);
  if (JSON.stringify(again.findings) !== JSON.stringify(report.findings)) problems.push("the marked copy checks differently");
  await host.clearHighlights();
  if (!samePackage(withTable, host.bytes())) problems.push("clearing did not give back the workbook byte for byte");
  return problems;
}

export type TableOutcome = "found-marked-cleared" | { cannot: string };
export interface TableRun {
  newSheet: TableOutcome;
  belowData: TableOutcome;
  /** Where the appended table's header went (1-based row), when it could go in. */
  belowDataHeaderRow?: number;
  problems: string[];
}

/** The office's table as a new sheet (our template, filled) and as rows below the data of their first worksheet. */
export async function runTables(original: Uint8Array): Promise<TableRun> {
  const problems: string[] = [];
  const run: TableRun = { newSheet: { cannot: "" }, belowData: { cannot: "" }, problems };

  const host = createFileHost(original);
  const read = await attempt(() => host.readSnapshot());
  if (!read.ok) return { ...run, newSheet: { cannot: read.refusal.code }, belowData: { cannot: read.refusal.code } };

  const filled = filledTemplate();
  const inserted = await attempt(() => host.insertTemplate(filled));
  if (!inserted.ok) run.newSheet = { cannot: inserted.refusal.code };
  else {
    const rowOf = (code: string) => filled.rows.find((r) => r.indicatorCode === code)!.row;
    const found = await attempt(() => findMarkClear(host.bytes(), { sheet: inserted.value.sheetName, rows: { "CQS-02": rowOf("CQS-02"), "CQS-09": rowOf("CQS-09"), "CQS-08": rowOf("CQS-08") } }));
    if (!found.ok) run.newSheet = { cannot: found.refusal.code };
    else {
      problems.push(...found.value.map((p) => `new sheet: ${p}`));
      run.newSheet = "found-marked-cleared";
    }
  }

  // the marking layer's own list of sheets: the table goes where marks can go
  const listed = await attempt(() => sheetParts(new PartView(open(original))).sheets.find((x) => x.kind === "worksheet" && x.part));
  if (!listed.ok) return { ...run, belowData: { cannot: listed.refusal.code } };
  const sheet = listed.value && { name: listed.value.name, part: listed.value.part! };
  const snap = sheet && read.value.sheets.find((s) => s.name === sheet.name);
  if (!sheet || !snap) run.belowData = { cannot: "no-worksheet" };
  else {
    const table = appendTableBelow(original, sheet, snap.top + snap.values.length);
    if (!table) return { ...run, belowData: { cannot: "no-room-below" } };
    run.belowDataHeaderRow = table.headerRow;
    const h = table.headerRow;
    const found = await attempt(() => findMarkClear(table.bytes, { sheet: sheet.name, rows: { "CQS-02": h + 1, "CQS-09": h + 2, "CQS-08": h + 3 } }));
    if (!found.ok) run.belowData = { cannot: found.refusal.code };
    else {
      problems.push(...found.value.map((p) => `below data: ${p}`));
      run.belowData = "found-marked-cleared";
    }
  }
  return run;
}
