// One verdict: the template's own "Đánh giá" formulas, recalculated by LibreOffice, say what the engine says, row by row,
// for every level and every report year 2022–2030. The figures straddle the level the engine requires for that year
// (below, exactly at, above), so a template judging against another year's target or another comparator disagrees.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCatalog } from "../../../../src/core/catalog/index";
import type { Level } from "../../../../src/core/catalog/schema";
import { checkWorkbook, provincesInRanking } from "../../../../src/core/check/index";
import { requiredLevel, resolveTarget } from "../../../../src/core/judge/index";
import { buildTemplateLayout, fillTemplateLayout, type IndicatorFigures, type IndicatorRow } from "../../../../src/core/template/index";
import type { TemplateUnit } from "../../../../src/core/template/header";
import { formatLevel } from "../../../../src/core/template/targets";
import { formatFinding } from "../../../../src/core/findings/index";
import type { TemplateLayout } from "../../../../src/core/template/index";
import { readWorkbook } from "../../../../src/hosts/xlsx/read/index";
import { writeTemplateXlsx } from "../../../../src/hosts/xlsx/template/index";
import { requireTools } from "../../../support/tools";
import { convert, libreOfficeProfile, parseCsv } from "./external-tools";

const tools = requireTools(["soffice"]);
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1";
const ASSESSMENT = 11; // column L, 0-based

const catalog = loadCatalog();
const UNITS: Record<Level, TemplateUnit> = {
  province: { code: "tinh-lai-chau", name: "Lai Châu", kind: "tỉnh", level: "province" },
  district: { code: "huyen-tam-duong", name: "Tam Đường", kind: "huyện", level: "district" },
  commune: { code: "xa-sin-suoi-ho", name: "Sìn Suối Hồ", kind: "xã", level: "commune" },
};
const UNITS_BY_NAME: Record<string, Level> = { district: "district", commune: "commune" };
const YEARS = [2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030];
const LEVELS: Level[] = ["province", "district", "commune"];

/** What the sheet's "Đánh giá" must read for an engine status. */
function sheetSays(status: string): string {
  if (status === "met" || status === "on-track") return "Đạt";
  if (status === "below" || status === "off-track") return "Chưa đạt";
  return "";
}

/** Figures below, at and above the level the engine requires (cycling by row), one row left empty. */
function figuresFor(level: Level, year: number, rows: readonly IndicatorRow[]): Map<string, IndicatorFigures> {
  const out = new Map<string, IndicatorFigures>();
  rows.forEach((row, i) => {
    if (i === 1) return; // nothing entered: the sheet is blank, the engine says missing
    const ind = catalog.indicators.find((x) => x.code === row.indicatorCode)!;
    const r = resolveTarget(ind, level, year);
    const step = [-1, 0, 1][(i + year) % 3]!;
    const level100 = r?.compareWith ?? 50;
    switch (row.kind) {
      case "ratio":
        out.set(row.indicatorCode, { numerator: Math.min(1000, Math.max(0, Math.round(level100 * 10) + step * 7)), denominator: 1000 });
        break;
      case "percent":
        out.set(row.indicatorCode, { value: Math.min(100, Math.max(0, level100 + step)) });
        break;
      case "growth":
        out.set(row.indicatorCode, { value: level100 + step });
        break;
      case "count":
        out.set(row.indicatorCode, { value: Math.max(0, Math.round(level100) + step) });
        break;
      case "rank": {
        const field = provincesInRanking(year);
        const scaled = ind.unit.kind === "rank" ? Math.round((level100 * field) / ind.unit.fieldSize) : 10;
        out.set(row.indicatorCode, { value: Math.min(field, Math.max(1, scaled + step)) });
        break;
      }
      case "yesno":
        out.set(row.indicatorCode, { value: i % 2 === 0 ? "Có" : "Không" });
        break;
    }
  });
  return out;
}

interface Case {
  name: string;
  bytes: Uint8Array;
  rows: readonly IndicatorRow[];
}

const cases: Case[] = [];
for (const level of LEVELS) {
  for (const year of YEARS) {
    const blank = buildTemplateLayout({ catalog, unit: UNITS[level], year });
    const filled = fillTemplateLayout(blank, figuresFor(level, year, blank.rows));
    cases.push({ name: `${level}-${year}`, bytes: writeTemplateXlsx(filled), rows: blank.rows });
  }
}

// "Kết quả năm trước" typed by the clerk (the file's cached levels are stale: LibreOffice recalculates, the engine reads
// the column): in years between targets the required level starts from it, on both sides alike. Last year's results
// vary from far below to already above the next target; the figures straddle the level the engine then requires.
const PREVIOUS_YEARS = [2023, 2024, 2027, 2029];
const previousCases: Case[] = [];
for (const level of ["district", "commune"] as const) {
  for (const year of PREVIOUS_YEARS) {
    const blank = buildTemplateLayout({ catalog, unit: UNITS[level], year });
    const typed = new Map<string, number>();
    const figures = new Map<string, IndicatorFigures>();
    blank.rows.forEach((row, i) => {
      if (row.cells.previous === null) return;
      const ind = catalog.indicators.find((x) => x.code === row.indicatorCode)!;
      const previous = row.kind === "count" ? 3 + ((i * 7) % 20) : [5, 35, 62.5, 80, 100][(i + year) % 5]!;
      typed.set(row.cells.previous, previous);
      const required = requiredLevel(ind, { level, year, fieldSizeNow: provincesInRanking(year) }, false, { year: year - 1, value: previous });
      const level100 = required?.compareWith ?? 50;
      const step = [-1, 0, 1][(i + year) % 3]!;
      if (row.kind === "ratio") figures.set(row.indicatorCode, { numerator: Math.min(1000, Math.max(0, Math.round(level100 * 10) + step * 7)), denominator: 1000 });
      else if (row.kind === "percent") figures.set(row.indicatorCode, { value: Math.min(100, Math.max(0, level100 + step)) });
      else figures.set(row.indicatorCode, { value: Math.max(0, Math.round(level100) + step) });
    });
    const filled = fillTemplateLayout(blank, figures);
    const withPrevious = { ...filled, cells: filled.cells.map((c) => (typed.has(c.ref) ? { ...c, value: typed.get(c.ref)! } : c)) };
    previousCases.push({ name: `previous-${level}-${year}`, bytes: writeTemplateXlsx(withPrevious), rows: blank.rows });
  }
}

// figures typed as text, as a clerk pastes them: the sheet asks for a number, the tool says what it read and asks the same
const textBlank = buildTemplateLayout({ catalog, unit: UNITS.commune, year: 2026 });
const rowOfKind = (kind: IndicatorRow["kind"], nth = 0) => textBlank.rows.filter((r) => r.kind === kind)[nth]!;
const TEXT_INPUTS: { row: IndicatorRow; cells: Record<string, string>; sheet: string; note: string; said: string }[] = [
  { row: rowOfKind("ratio"), cells: { numerator: " 855 ", denominator: "1.079" }, sheet: "Nhập số", note: "note.number-as-text", said: "đã đọc là 1 079" },
  { row: rowOfKind("ratio", 1), cells: { numerator: "12", denominator: "100" }, sheet: "Nhập số", note: "note.number-as-text", said: 'ghi chữ "12", đã đọc là 12' },
  { row: rowOfKind("yesno"), cells: { value: "co" }, sheet: "Chọn Có/Không", note: "note.answer-not-from-list", said: 'ghi "co", đã hiểu là "Có"' },
];
function withText(layout: TemplateLayout): TemplateLayout {
  const put = new Map<string, string>();
  for (const t of TEXT_INPUTS) for (const [part, text] of Object.entries(t.cells)) put.set(t.row.cells[part as "numerator" | "denominator" | "value"]!, text);
  return { ...layout, cells: layout.cells.map((c) => (put.has(c.ref) ? { ...c, value: put.get(c.ref)! } : c)) };
}
const textBytes = writeTemplateXlsx(withText(textBlank));

let dir = "";
const csv = new Map<string, string[][]>();
let seconds = 0;

beforeAll(() => {
  if (tools.missing.length > 0) return;
  dir = mkdtempSync(join(tmpdir(), "chitieu-agreement-"));
  const out = join(dir, "out");
  mkdirSync(out);
  for (const c of [...cases, ...previousCases]) writeFileSync(join(dir, `${c.name}.xlsx`), c.bytes);
  writeFileSync(join(dir, "text-figures.xlsx"), textBytes);
  const names = [...cases.map((c) => c.name), ...previousCases.map((c) => c.name), "text-figures"];
  const started = Date.now();
  // one LibreOffice start for all the files
  convert(libreOfficeProfile(join(dir, "lo-profile")), CSV_FILTER, out, names.map((n) => join(dir, `${n}.xlsx`)));
  seconds = (Date.now() - started) / 1000;
  for (const n of names) csv.set(n, parseCsv(readFileSync(join(out, `${n}.csv`), "utf8")));
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

tools.describe("the template's formulas and the engine give one verdict", () => {
  it.each([...cases, ...previousCases].map((c) => [c.name, c] as const))("%s: every row's Đánh giá equals the engine's status", (_name, c) => {
    const report = checkWorkbook(readWorkbook(c.bytes), { catalog });
    const statuses = new Map(report.findings.map((f) => [f.indicator, f.status]));
    const lines = csv.get(c.name)!;
    const disagreements: string[] = [];
    const statusesSeen = new Set<string>();
    for (const row of c.rows) {
      const status = statuses.get(row.indicatorCode);
      const line = lines.find((l) => l[1] === row.indicatorCode);
      if (status === undefined || line === undefined) throw new Error(`${c.name}: ${row.indicatorCode} missing from the report or the CSV`);
      statusesSeen.add(status);
      if ((line[ASSESSMENT] ?? "") !== sheetSays(status)) disagreements.push(`${row.indicatorCode}: sheet "${line[ASSESSMENT]}", engine ${status}`);
    }
    expect(disagreements).toEqual([]);
    // the figures reach both sides of the level: a file where everything is "Đạt" would prove little
    expect([...statusesSeen].some((s) => s === "met" || s === "on-track")).toBe(true);
    expect([...statusesSeen].some((s) => s === "below" || s === "off-track")).toBe(true);
  });

  it("figures typed as text: the sheet shows what to do, the tool says what it read and asks for a number (a warning)", () => {
    const report = checkWorkbook(readWorkbook(textBytes), { catalog });
    for (const t of TEXT_INPUTS) {
      const line = csv.get("text-figures")!.find((l) => l[1] === t.row.indicatorCode)!;
      expect({ code: t.row.indicatorCode, result: line[9], assessment: line[ASSESSMENT] }).toEqual({ code: t.row.indicatorCode, result: t.sheet, assessment: "" });
      const finding = report.findings.find((f) => f.indicator === t.row.indicatorCode)!;
      expect(finding.severity).toBe("warning");
      expect(finding.details.map((d) => d.key)).toContain(t.note);
      expect(formatFinding(finding, "vi")).toContain(t.said);
      expect(report.plan.marks.map((m) => m.cell)).toContain(t.row.cells[Object.keys(t.cells)[0] as "numerator" | "value"]);
    }
  });

  it.each(previousCases.map((c) => [c.name, c] as const))("%s: the path starts from the typed 'Kết quả năm trước', in the sheet and in the tool", (name, c) => {
    const year = Number(name.slice(-4));
    const report = checkWorkbook(readWorkbook(c.bytes), { catalog });
    const fromColumn = report.findings.filter((f) => f.history?.pathFrom?.year === year - 1);
    // most rows are on a path in these years; a check that ignored the column would have none
    expect(fromColumn.length).toBeGreaterThan(5);
    expect(formatFinding(fromColumn[0]!, "vi")).toContain("theo cột Kết quả năm trước");
    // "Mức cần đạt năm N" in words, recalculated from the typed column, says the level the engine requires
    const lines = csv.get(c.name)!;
    const level = c.rows[0] ? UNITS_BY_NAME[name.split("-")[1]!]! : "district";
    for (const f of fromColumn) {
      const ind = catalog.indicators.find((x) => x.code === f.indicator)!;
      const row = c.rows.find((r) => r.indicatorCode === f.indicator)!;
      const required = requiredLevel(ind, { level, year, fieldSizeNow: provincesInRanking(year) }, false, { year: year - 1, value: f.history!.pathFrom!.value })!;
      const unit = row.kind === "count" ? ind.unit : { kind: "percent" as const };
      const shown = lines.find((l) => l[1] === f.indicator)![4]!.replace(/\./g, ",");
      expect({ code: f.indicator, shown }).toEqual({ code: f.indicator, shown: formatLevel(required, unit as never, year) });
    }
  });

  it("converts all the files in one LibreOffice start, well under a minute", () => {
    console.info(`LibreOffice recalculated ${cases.length + previousCases.length + 1} templates in ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(45);
  });
});
