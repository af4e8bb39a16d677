// The confirmed mapping kept inside the workbook by the file host: a very hidden sheet that the next check reads,
// that survives saves by openpyxl and LibreOffice, and that leaves the user's sheets as they were.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../../../../src/core/catalog";
import { checkWorkbook } from "../../../../src/core/check";
import { MAPPING_SHEET, proposeMapping, toSavedMapping } from "../../../../src/core/mapping";
import { createFileHost } from "../../../../src/hosts/xlsx/file-host";
import { readWorkbook } from "../../../../src/hosts/xlsx/read";
import { PYTHON, requireTools } from "../../../support/tools";

const catalog = defaultCatalog();
const dir = mkdtempSync(join(tmpdir(), "chitieu-mapstore-"));
const SOURCE = join(__dirname, "..", "..", "..", "fixtures", "layouts", "tuning", "t06-tinh-ke-hoach-danh-gia.xlsx");
const tools = requireTools(["openpyxl", "soffice"]);

async function kept(): Promise<{ bytes: Uint8Array; original: Uint8Array }> {
  const original = new Uint8Array(readFileSync(SOURCE));
  const host = createFileHost(original);
  const snapshot = await host.readSnapshot();
  const proposed = proposeMapping(snapshot, { catalog, year: 2025 });
  // the user marks KTS-11 as not reported instead of its detected row
  const entries = proposed.entries.map((e) => (e.indicator === "KTS-11" ? { ...e, status: "not-reported" as const, cells: [] } : e));
  await host.saveMapping(toSavedMapping(entries, catalog.id, { level: "province", year: 2025 }));
  return { bytes: host.bytes(), original };
}

describe("the mapping kept in the workbook", () => {
  it("is used by the next check, which says so, and the user's sheets read the same", async () => {
    const { bytes, original } = await kept();
    const snapshot = readWorkbook(bytes);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Danh gia", MAPPING_SHEET]);
    expect(snapshot.sheets[0]).toEqual(readWorkbook(original).sheets[0]);
    const report = checkWorkbook(snapshot, { catalog });
    expect(report.context).toMatchObject({ level: "province", year: 2025 });
    expect(report.mapping).toMatchObject({ source: "workbook", notReported: ["KTS-11"] });
    expect(report.findings.map((f) => f.indicator).sort()).toEqual(["KTS-03", "KTS-05", "KTS-07", "XHS-08", "XHS-13"]);
  });

  it("is replaced, not duplicated, when saved again", async () => {
    const { bytes } = await kept();
    const host = createFileHost(bytes);
    await host.saveMapping(toSavedMapping([], catalog.id, { level: "province", year: 2025 }));
    const snapshot = readWorkbook(host.bytes());
    expect(snapshot.sheets.filter((s) => s.name === MAPPING_SHEET)).toHaveLength(1);
    expect(() => checkWorkbook(snapshot, { catalog })).toThrow(/no Chỉ tiêu CĐS template and no indicator table/);
  });

  it("falls back to detection, saying why, when the kept mapping was damaged", async () => {
    const { bytes } = await kept();
    const snapshot = readWorkbook(bytes);
    const store = snapshot.sheets.find((s) => s.name === MAPPING_SHEET)!;
    store.values.find((r) => r[0] === "chitieu.mapping.0")![1] = "{not json";
    const report = checkWorkbook(snapshot, { catalog, level: "province", year: 2025 });
    expect(report.mapping!.source).toBe("detected");
    expect(report.mapping!.storedProblems![0]).toContain("is not valid JSON");
  });

  tools.it("survives a save by openpyxl and by LibreOffice", async () => {
    const { bytes } = await kept();
    const file = join(dir, "kept.xlsx");
    writeFileSync(file, bytes);
    const byOpenpyxl = join(dir, "openpyxl.xlsx");
    const states = execFileSync(PYTHON, ["-c", `import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\nprint([ws.sheet_state for ws in wb])\nwb.save(sys.argv[2])`, file, byOpenpyxl]).toString();
    expect(states.trim()).toBe("['visible', 'veryHidden']");
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", join(dir, "lo"), file], { stdio: "ignore", timeout: 120_000 });
    for (const path of [byOpenpyxl, join(dir, "lo", "kept.xlsx")]) {
      const report = checkWorkbook(readWorkbook(new Uint8Array(readFileSync(path))), { catalog });
      expect({ path, source: report.mapping!.source, notReported: report.mapping!.notReported }).toEqual({ path, source: "workbook", notReported: ["KTS-11"] });
    }
  }, 180_000);
});
