// Marks that stay true: a marked copy edited later in another program (openpyxl writes the figure, LibreOffice opens
// and prints it) shows our mark exactly while the figure falls short, with no add-in to re-check it.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../../../../src/core/catalog";
import { checkWorkbook, type CheckReport } from "../../../../src/core/check";
import type { Mark } from "../../../../src/core/highlight-plan";
import { buildTemplateLayout, type IndicatorFigures } from "../../../../src/core/template";
import { createFileHost } from "../../../../src/hosts/xlsx/file-host";
import { clearHighlights } from "../../../../src/hosts/xlsx/mark";
import { writeTemplateXlsx } from "../../../../src/hosts/xlsx/template";
import { PYTHON, requireTools } from "../../../support/tools";
import { convert, decodePng, libreOfficeProfile, parseCsv, rowsWithColour, type Image } from "../template/external-tools";
import { open, text } from "./helpers";

const tools = requireTools(["soffice", "openpyxl", "pdftoppm"]);

/** Our warning colour (a shortfall), which the template itself never uses. */
const AMBER: [number, number, number] = [0xff, 0xeb, 0x9c];
const SHEET = "Báo cáo";
const CHECKED_ON = "2026-11-27";

const catalog = defaultCatalog();
const layout = buildTemplateLayout({ catalog, unit: { code: "xa-muong-kim", name: "Mường Kim", kind: "xã", level: "commune" }, year: 2025 });
const cellsOf = (code: string) => layout.rows.find((r) => r.indicatorCode === code)!.cells;
const figures = new Map<string, IndicatorFigures>([
  ["CQS-01", { numerator: 45, denominator: 50 }], // 90% of a ≥ 100% target: below, marked live
  ["CQS-02", { numerator: 70, denominator: 100 }], // 70% of a ≥ 60% target: met, watched live
  ["CQS-03", { numerator: 120, denominator: 100 }], // numerator above denominator: an error, marked live
]);
// text where a number belongs has no live comparison (and its static warning would be amber too: kept off the page)
const withText = new Map([...figures, ["XHS-02", { numerator: "1.079" as unknown as number, denominator: 2000 }]]);

/** openpyxl edits a copy as a clerk would in another program; `probes` put a formula in a spare cell to evaluate. */
const EDIT_PY = `
import json, sys, openpyxl
src, dst, edits, probes = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
wb = openpyxl.load_workbook(src)
ws = wb[${JSON.stringify(SHEET)}]
for cell, value in edits.items():
    ws[cell] = value
for cell, formula in probes.items():
    ws[cell] = "=" + formula
wb.save(dst)
`;

let dir = "";
let report: CheckReport;
let textReport: CheckReport;
let marked: Uint8Array;
let markedWithText: Uint8Array;
const pages: Record<string, Image> = {};
const probes: Record<string, string[][]> = {};

function markOf(code: string, from: CheckReport = report): Mark {
  const m = from.plan.marks.find((x) => x.indicator === code);
  if (!m) throw new Error(`no mark for ${code}`);
  return m;
}

/** Pixel rows (y) where our amber shows on the printed first page. */
const amber = (name: string) => rowsWithColour(pages[name]!, AMBER);

beforeAll(async () => {
  const host = createFileHost(writeTemplateXlsx(layout, { values: figures }));
  report = checkWorkbook(await host.readSnapshot(), { catalog, checkedOn: CHECKED_ON });
  await host.applyHighlights(report.plan);
  marked = host.bytes();
  const textHost = createFileHost(writeTemplateXlsx(layout, { values: withText }));
  textReport = checkWorkbook(await textHost.readSnapshot(), { catalog, checkedOn: CHECKED_ON });
  await textHost.applyHighlights(textReport.plan);
  markedWithText = textHost.bytes();
  if (tools.missing.length > 0) return;

  dir = mkdtempSync(join(tmpdir(), "chitieu-live-"));
  const out = join(dir, "out");
  mkdirSync(out);
  writeFileSync(join(dir, "marked.xlsx"), marked);
  const below = markOf("CQS-01");
  const error = markOf("CQS-03");
  const watch = report.plan.watches!.find((w) => w.indicator === "CQS-02")!;
  // each rule's own formula text, evaluated by LibreOffice in a spare cell of the same sheet
  const probe = { Z1: below.live!, Z2: watch.live, Z3: error.live! };
  const variants: Record<string, Record<string, number>> = {
    untouched: {},
    // CQS-01 raised to 50/50 = 100%; CQS-03's numerator corrected to 90/100 (met)
    fixed: { [cellsOf("CQS-01").numerator!]: 50, [cellsOf("CQS-03").numerator!]: 90 },
    // the reverse: everything fixed, then CQS-02 (met at 70/100) lowered to 50/100, under its 60%
    broken: { [cellsOf("CQS-01").numerator!]: 50, [cellsOf("CQS-03").numerator!]: 90, [cellsOf("CQS-02").numerator!]: 50 },
  };
  for (const [name, edits] of Object.entries(variants)) {
    execFileSync(PYTHON, ["-c", EDIT_PY, join(dir, "marked.xlsx"), join(dir, `${name}.xlsx`), JSON.stringify(edits), "{}"]);
    execFileSync(PYTHON, ["-c", EDIT_PY, join(dir, "marked.xlsx"), join(dir, `${name}-probe.xlsx`), JSON.stringify(edits), JSON.stringify(probe)]);
  }
  const profile = libreOfficeProfile(join(dir, "profile"));
  const names = Object.keys(variants);
  convert(profile, "pdf", out, names.map((n) => join(dir, `${n}.xlsx`)));
  // the first sheet as CSV: the probes' results
  convert(profile, "csv:Text - txt - csv (StarCalc):44,34,76,1", out, names.map((n) => join(dir, `${n}-probe.xlsx`)));
  for (const name of names) {
    execFileSync("pdftoppm", ["-png", "-r", "50", "-f", "1", "-l", "1", join(out, `${name}.pdf`), join(out, name)]);
    pages[name] = decodePng(new Uint8Array(readFileSync(join(out, `${name}-1.png`))));
    probes[name] = parseCsv(readFileSync(join(out, `${name}-probe.csv`), "utf8"));
  }
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Z1..Z3 of a probed variant: the rule formulas' values as LibreOffice computed them. */
function probed(name: string): string[] {
  const rows = probes[name]!;
  return [0, 1, 2].map((i) => rows[i]?.[25] ?? "");
}

describe("the plan of a filled template", () => {
  it("makes a shortfall and a numerator above its denominator live, on the cells that show them", () => {
    expect(markOf("CQS-01")).toMatchObject({ cell: cellsOf("CQS-01").result, status: "below" });
    expect(markOf("CQS-01").live).toBe(
      "IF(AND(ISNUMBER(G11),ISNUMBER(H11)),IF(AND(H11>0,G11>=0,G11<=H11),NOT(ROUND(G11*100/H11,9)>=100),TRUE),TRUE)",
    );
    expect(markOf("CQS-03")).toMatchObject({ cell: cellsOf("CQS-03").numerator, status: "invalid" });
    expect(markOf("CQS-03").live).toBe("IF(AND(ISNUMBER(G13),ISNUMBER(H13)),NOT(AND(H13>0,G13>=0,G13<=H13)),TRUE)");
  });

  it("keeps text figures and missing figures static: nothing a sheet formula could compare", () => {
    expect(markOf("XHS-02", textReport)).toMatchObject({ cell: cellsOf("XHS-02").numerator, severity: "warning" });
    expect(markOf("XHS-02", textReport).live).toBeUndefined();
    const missing = report.plan.marks.filter((m) => m.status === "missing");
    expect(missing.length).toBeGreaterThan(10);
    expect(missing.every((m) => m.live === undefined)).toBe(true);
  });

  it("watches a met figure, without marking it or counting it", () => {
    expect(report.plan.marks.some((m) => m.indicator === "CQS-02")).toBe(false);
    expect(report.plan.watches).toContainEqual(expect.objectContaining({ indicator: "CQS-02", cell: cellsOf("CQS-02").result }));
  });
});

describe("the marked copy's XML", () => {
  it("holds each live rule as a formula on its own cell, escaped, and clearing takes every rule of ours away", () => {
    const sheet = text(open(marked), "xl/worksheets/sheet1.xml");
    expect(sheet).toContain(
      `<conditionalFormatting sqref="J11"><cfRule type="expression" dxfId="`,
    );
    expect(sheet).toContain(
      "<formula>AND(\"chitieu-cds\"=\"chitieu-cds\",IF(AND(ISNUMBER(G11),ISNUMBER(H11)),IF(AND(H11&gt;0,G11&gt;=0,G11&lt;=H11),NOT(ROUND(G11*100/H11,9)&gt;=100),TRUE),TRUE))</formula>",
    );
    expect(sheet).toContain(`<conditionalFormatting sqref="J12">`);
    const cleared = text(open(clearHighlights(marked)), "xl/worksheets/sheet1.xml");
    expect(cleared).not.toContain("chitieu-cds");
    expect(cleared).toBe(text(open(writeTemplateXlsx(layout, { values: figures })), "xl/worksheets/sheet1.xml"));
  });

  it("dates every note: a static mark until the next check, a live one until the figure is fixed", () => {
    const notes = text(open(marked), "xl/chitieuCdsNotes1.xml");
    const noteOn = (cell: string) => new RegExp(`<comment ref="${cell}"[^>]*>.*?<t xml:space="preserve">([^<]*)</t>`, "s").exec(notes)?.[1];
    expect(noteOn(cellsOf("CQS-01").result)).toMatch(/\nKiểm tra ngày 27\/11\/2026; màu tự mất khi số liệu được sửa đạt yêu cầu\.$/);
    const missing = report.plan.marks.find((m) => m.status === "missing")!;
    expect(noteOn(missing.cell)).toMatch(/\nKết quả kiểm tra ngày 27\/11\/2026; ô giữ màu này đến lần kiểm tra sau\.$/);
    const textNotes = text(open(markedWithText), "xl/chitieuCdsNotes1.xml");
    expect(textNotes).toMatch(new RegExp(`<comment ref="${cellsOf("XHS-02").numerator}"[^>]*>.*?"1\\.079".*?\nKết quả kiểm tra ngày 27/11/2026; ô giữ màu này đến lần kiểm tra sau\\.</t>`, "s"));
    // a watch has nothing to explain
    expect(noteOn(cellsOf("CQS-02").result)).toBeUndefined();
  });
});

tools.describe("LibreOffice re-judges the marked copy after openpyxl edits it", () => {
  it("shows the marks while the figures are wrong (both rule formulas TRUE, the watch FALSE)", () => {
    expect(probed("untouched")).toEqual(["TRUE", "FALSE", "TRUE"]);
    expect(amber("untouched").length).toBeGreaterThan(0);
  });

  it("drops the shortfall's colour once the figure is fixed, though nobody re-checked", () => {
    expect(probed("fixed")).toEqual(["FALSE", "FALSE", "FALSE"]);
    expect(amber("fixed")).toEqual([]);
  });

  it("marks a met figure edited below its level", () => {
    expect(probed("broken")).toEqual(["FALSE", "TRUE", "FALSE"]);
    const now = amber("broken");
    expect(now.length).toBeGreaterThan(0);
    // CQS-02 is the row under CQS-01, whose mark sat higher on the page before
    expect(Math.min(...now)).toBeGreaterThan(Math.min(...amber("untouched")));
  });
});
