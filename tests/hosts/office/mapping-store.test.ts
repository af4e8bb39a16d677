// The confirmed mapping kept in the workbook by the Office host: the same "_chitieu_map" sheet the file host writes,
// very hidden from ExcelApi 1.2 (visible, saying not to edit it, at 1.1), written in a constant number of syncs, and
// read by either host whichever wrote it.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cellAddress } from "../../../src/core/a1";
import { defaultCatalog } from "../../../src/core/catalog";
import { checkWorkbook } from "../../../src/core/check";
import { MAPPING_SHEET, proposeMapping, toSavedMapping, type SavedMapping } from "../../../src/core/mapping";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { createOfficeHost } from "../../../src/hosts/office";
import { createFileHost } from "../../../src/hosts/xlsx/file-host";
import { FakeExcel } from "../../support/fake";
import { PYTHON, requireTools } from "../../support/tools";

const catalog = defaultCatalog();
const SOURCE = join(__dirname, "..", "..", "fixtures", "layouts", "tuning", "t06-tinh-ke-hoach-danh-gia.xlsx");
const tools = requireTools(["openpyxl"]);
const dir = mkdtempSync(join(tmpdir(), "chitieu-office-map-"));

/** A fake Excel holding every sheet of a snapshot, cell by cell, with the mapping sheet's visibility as given. */
function fakeOf(snapshot: WorkbookSnapshot, apiVersion: string, mapVisibility: "Visible" | "VeryHidden" = "VeryHidden"): FakeExcel {
  const fake = new FakeExcel({ apiVersion, sheets: snapshot.sheets.map((s) => s.name) });
  for (const sheet of snapshot.sheets) {
    const cells: Record<string, { value: string | number | boolean }> = {};
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && typeof v !== "object") cells[cellAddress(sheet.top + r, sheet.left + c)] = { value: v };
      }),
    );
    fake.setCells(sheet.name, cells);
    if (sheet.name === MAPPING_SHEET) fake.sheet(MAPPING_SHEET).visibility = mapVisibility;
  }
  return fake;
}

async function original(): Promise<{ bytes: Uint8Array; snapshot: WorkbookSnapshot }> {
  const bytes = new Uint8Array(readFileSync(SOURCE));
  return { bytes, snapshot: await createFileHost(bytes).readSnapshot() };
}

/** The user's confirmed mapping: the detected one, with KTS-11 marked as not reported. */
function confirmed(snapshot: WorkbookSnapshot): SavedMapping {
  const proposed = proposeMapping(snapshot, { catalog, year: 2025 });
  const entries = proposed.entries.map((e) => (e.indicator === "KTS-11" ? { ...e, status: "not-reported" as const, cells: [] } : e));
  return toSavedMapping(entries, catalog.id, { level: "province", year: 2025 });
}

const mapSheet = (s: WorkbookSnapshot) => s.sheets.find((x) => x.name === MAPPING_SHEET);

describe.each(["1.1", "1.7", "1.18"])("Office host at ExcelApi %s: saveMapping", (api) => {
  it("keeps the mapping in the workbook, in two syncs, and the next check uses it without being told level or year", async () => {
    const { snapshot } = await original();
    const fake = fakeOf(snapshot, api);
    const host = createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported });
    await host.readSnapshot();
    const before = fake.syncCount;
    await host.saveMapping(confirmed(snapshot));
    expect(fake.syncCount - before).toBe(2);
    expect(fake.sheet(MAPPING_SHEET).visibility).toBe(api === "1.1" ? "Visible" : "VeryHidden");
    // at 1.1 the sheet can be seen: its first rows say what it is and ask not to edit it
    expect(String(fake.cell(`${MAPPING_SHEET}!B2`)?.value)).toContain("vui lòng không sửa");
    expect(fake.sheetNames()).toEqual(["Danh gia", MAPPING_SHEET]);

    const again = createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported });
    const report = checkWorkbook(await again.readSnapshot(), { catalog });
    expect(report.context).toMatchObject({ level: "province", year: 2025 });
    expect(report.mapping).toMatchObject({ source: "workbook", notReported: ["KTS-11"] });
    expect(report.findings.map((f) => f.indicator).sort()).toEqual(["KTS-03", "KTS-05", "KTS-07", "XHS-08", "XHS-13"]);
  });

  it("replaces the mapping kept before, leaving no row of a longer one behind", async () => {
    const { snapshot } = await original();
    const fake = fakeOf(snapshot, api);
    const host = createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported });
    const long = confirmed(snapshot);
    // a label long enough for the JSON to need a second piece
    await host.saveMapping({ ...long, entries: long.entries.map((e) => ({ ...e, label: `${e.label ?? ""} ${"x".repeat(3000)}` })) });
    expect(mapSheet(await host.readSnapshot())!.values.map((r) => r[0])).toContain("chitieu.mapping.1");
    const before = fake.syncCount;
    await host.saveMapping(toSavedMapping([], catalog.id, { level: "province", year: 2025 }));
    expect(fake.syncCount - before).toBe(2);
    expect(fake.sheetNames().filter((n) => n === MAPPING_SHEET)).toHaveLength(1);
    const kept = mapSheet(await host.readSnapshot())!;
    expect(kept.values.map((r) => r[0] ?? "").filter((k) => k !== "")).toEqual(["chitieu.mapping.about", "chitieu.mapping.note", "chitieu.mapping.count", "chitieu.mapping.0"]);
  });
});

describe("the kept mapping is one contract between the Office host and the file host", () => {
  it("both hosts write the same rows for the same mapping", async () => {
    const { bytes, snapshot } = await original();
    const saved = confirmed(snapshot);
    const file = createFileHost(bytes);
    await file.saveMapping(saved);
    const fake = fakeOf(snapshot, "1.7");
    const office = createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported });
    await office.saveMapping(saved);
    const byFile = mapSheet(await createFileHost(file.bytes()).readSnapshot())!;
    const byOffice = mapSheet(await office.readSnapshot())!;
    expect(byOffice.values).toEqual(byFile.values);
    expect(byFile.values.length).toBeGreaterThanOrEqual(4);
  });

  it("the Office host reads a mapping the file host kept (browser mode or chitieu map --into, then opened in Excel)", async () => {
    const { bytes, snapshot } = await original();
    const file = createFileHost(bytes);
    await file.saveMapping(confirmed(snapshot));
    const fake = fakeOf(await createFileHost(file.bytes()).readSnapshot(), "1.18");
    const office = createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported });
    const report = checkWorkbook(await office.readSnapshot(), { catalog });
    expect(report.mapping).toMatchObject({ source: "workbook", notReported: ["KTS-11"] });
    expect(report.context).toMatchObject({ level: "province", year: 2025 });
  });

  tools.it("the file host reads a mapping the Office host kept, once the workbook is saved to .xlsx", async () => {
    const { bytes, snapshot } = await original();
    const fake = fakeOf(snapshot, "1.18");
    const office = createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported });
    await office.saveMapping(confirmed(snapshot));
    // the cells Excel holds, saved as a workbook by a writer that is not ours (openpyxl), very hidden as Excel keeps it
    const rows = mapSheet(await office.readSnapshot())!.values.map((r) => r.map((v) => (v === null ? "" : String(v))));
    const input = join(dir, "in.xlsx");
    const output = join(dir, "saved.xlsx");
    writeFileSync(input, bytes);
    writeFileSync(join(dir, "rows.json"), JSON.stringify(rows));
    const py = [
      "import json,sys,openpyxl",
      "wb=openpyxl.load_workbook(sys.argv[1])",
      `ws=wb.create_sheet(${JSON.stringify(MAPPING_SHEET)})`,
      "ws.sheet_state='veryHidden'",
      "for row in json.load(open(sys.argv[3],encoding='utf-8')):\n  ws.append(row)",
      "wb.save(sys.argv[2])",
    ].join("\n");
    execFileSync(PYTHON, ["-c", py, input, output, join(dir, "rows.json")]);
    const report = checkWorkbook(await createFileHost(new Uint8Array(readFileSync(output))).readSnapshot(), { catalog });
    expect(report.mapping).toMatchObject({ source: "workbook", notReported: ["KTS-11"] });
    expect(report.findings.map((f) => f.indicator).sort()).toEqual(["KTS-03", "KTS-05", "KTS-07", "XHS-08", "XHS-13"]);
  }, 60_000);
});
