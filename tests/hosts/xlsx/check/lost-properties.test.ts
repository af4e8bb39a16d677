// A template re-saved by a tool that drops docProps/custom.xml (openpyxl does): recognised from its visible header
// (unit, level, year), and checked against the level and year the sheet states, not a default.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCatalog } from "../../../../src/core/catalog/index";
import { checkWorkbook } from "../../../../src/core/check/index";
import { buildTemplateLayout, fillTemplateLayout } from "../../../../src/core/template/index";
import { readWorkbook } from "../../../../src/hosts/xlsx/read/index";
import { writeTemplateXlsx } from "../../../../src/hosts/xlsx/template/index";
import { PYTHON, requireTools } from "../../../support/tools";

const tools = requireTools(["openpyxl"]);
const catalog = loadCatalog();
const layout = buildTemplateLayout({ catalog, unit: { code: "xa-sin-suoi-ho", name: "Sìn Suối Hồ", kind: "xã", level: "commune" }, year: 2026 });
const filled = fillTemplateLayout(layout, new Map([["XHS-06", { numerator: 855, denominator: 1000 }]]));

let resaved: Uint8Array;
let dir = "";
beforeAll(() => {
  if (tools.missing.length > 0) return;
  dir = mkdtempSync(join(tmpdir(), "chitieu-lost-props-"));
  const path = join(dir, "bao-cao.xlsx");
  writeFileSync(path, writeTemplateXlsx(filled));
  execFileSync(PYTHON, ["-c", "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); wb.save(sys.argv[1])", path]);
  resaved = readFileSync(path);
}, 60_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

tools.describe("a template that lost its document properties", () => {
  it("has really lost them (openpyxl drops our custom properties)", () => {
    expect(readWorkbook(resaved).metadata).toBeNull();
  });

  it("is recognised from its header cells: commune, 2026, xã Sìn Suối Hồ, and judged as the tool judges the original", () => {
    const report = checkWorkbook(readWorkbook(resaved), { catalog });
    expect(report.context).toMatchObject({ level: "commune", year: 2026, unitCode: "xa-sin-suoi-ho", source: "header" });
    const original = checkWorkbook(readWorkbook(writeTemplateXlsx(filled)), { catalog });
    const statuses = (r: typeof report) => r.findings.map((f) => [f.indicator, f.status]);
    expect(statuses(report)).toEqual(statuses(original));
    expect(report.findings.find((f) => f.indicator === "XHS-06")?.status).toBe("on-track");
  });

  it("lets level and year given by the user win over the header", () => {
    const report = checkWorkbook(readWorkbook(resaved), { catalog, level: "district", year: 2025 });
    expect(report.context).toMatchObject({ level: "district", year: 2025, source: "options" });
  });
});
