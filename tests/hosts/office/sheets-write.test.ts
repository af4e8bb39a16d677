import { defaultCatalog } from "../../../src/core/catalog";
import { consolidate, NOT_REVIEWED, parsePeriod, type ConsolidationReport, type Submission } from "../../../src/core/consolidate";
import { expectedUnits } from "../../../src/core/consolidate/period";
import { loadUnits } from "../../../src/core/units";
import type { SheetsToWrite } from "../../../src/hosts/host";
import { createOfficeHost } from "../../../src/hosts/office";
import { paneConsolidation } from "../../../src/taskpane/consolidation";
import { FakeExcel } from "../../support/fake";
import { hostOn } from "./harness";

// writeSheets: the consolidated report written into the open workbook by the Office host, at ExcelApi 1.1 (Office
// 2016) and at the newest set, over the fake Excel. What the user would notice: the sheets and the provincial figure
// are there, their own sheets are untouched (even one called "Tổng hợp"), a second run replaces only what the first
// added, and the round trips do not grow with the number of units.

const catalog = defaultCatalog();
const registry = loadUnits();
const period = parsePeriod("2025")!;
const communes = expectedUnits(registry, period, "commune");

/** A commune's file as the roll-up sees it once read: CQS-02 (ratio) entered as numerator / denominator. */
function commune(i: number, numerator: number, denominator: number, file = `xa-${i}.xlsx`): Submission {
  const u = communes[i % communes.length]!;
  const value = (numerator / denominator) * 100;
  return {
    file,
    kind: "read",
    identity: { unitCode: u.code, level: "commune", year: 2025, source: "metadata" },
    fileNameHint: null,
    review: NOT_REVIEWED,
    figures: [{ indicator: "CQS-02", status: value >= 60 ? "met" : "below", value, numerator, denominator }],
  };
}

function reportOf(submissions: Submission[]): ConsolidationReport {
  return consolidate(submissions, { catalog, registry, period });
}

// four communes: CQS-02 = (3 + 4 + 5 + 6) / (4 + 5 + 6 + 8) = 18 / 23 = 78.2609 %
const FOUR = () => reportOf([commune(0, 3, 4), commune(1, 4, 5), commune(2, 5, 6), commune(3, 6, 8)]);
// forty files: every one of the 38 communes, then two more files for the first two (conflicts)
const FORTY = () => reportOf(Array.from({ length: 40 }, (_, i) => commune(i, 5, 10, `tep-${i}.xlsx`)));

const bookOf = (r: ConsolidationReport): Promise<SheetsToWrite> => paneConsolidation(catalog, registry).sheets(r, "vi");

function userWorkbook(apiVersion: string, extra: Partial<ConstructorParameters<typeof FakeExcel>[0]> = {}): FakeExcel {
  const fake = new FakeExcel({ apiVersion, sheets: ["Số liệu của tôi", "Tổng hợp"], ...extra });
  fake.setCells("Số liệu của tôi", { A1: "Ghi chú riêng", B2: 42, C3: { value: "giữ nguyên", fill: "#FFFF00" } });
  fake.setCells("Tổng hợp", { A1: "Bảng tổng hợp của tôi", B1: 7 });
  return fake;
}

/** The row of an indicator code in column B of a consolidated "Tổng hợp" sheet, as [value, numerator, denominator]. */
function summaryFigures(fake: FakeExcel, sheet: string, code: string): unknown[] {
  for (let row = 5; row < 200; row++) {
    if (fake.cell(`'${sheet}'!B${row}`)?.value === code) return ["E", "F", "G"].map((c) => fake.cell(`'${sheet}'!${c}${row}`)?.value);
  }
  throw new Error(`no ${code} in ${sheet}`);
}

const SHEETS = ["Bảng điểm", "Đầy đủ", "Kết quả từng đơn vị", "Biểu đồ"];

describe.each(["1.1", "1.18"])("writeSheets at ExcelApi %s", (api) => {
  it("adds the consolidated sheets beside the user's, a clashing name suffixed, the user's cells untouched", async () => {
    const fake = userWorkbook(api);
    const host = hostOn(fake);
    const written = await host.writeSheets(await bookOf(FOUR()), { replace: true });

    expect(written.sheets).toEqual(["Tổng hợp (2)", ...SHEETS]);
    expect(fake.sheetNames().slice(0, 2)).toEqual(["Số liệu của tôi", "Tổng hợp"]);
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(written.sheets));
    // the provincial figure (hand-computed above), with its numerator and denominator
    expect(summaryFigures(fake, "Tổng hợp (2)", "CQS-02")).toEqual([78.2609, 18, 23]);
    // the user's own sheets, as they were
    expect(fake.cell("'Tổng hợp'!A1")).toEqual({ value: "Bảng tổng hợp của tôi" });
    expect(fake.cell("'Tổng hợp'!B1")).toEqual({ value: 7 });
    expect(fake.cell("'Số liệu của tôi'!C3")).toEqual({ value: "giữ nguyên", fill: "#FFFF00" });
    // a native chart of the provincial values against their targets, over the chart sheet's table
    const charts = fake.charts("Biểu đồ");
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({ type: "ColumnClustered", seriesBy: "Columns", title: "Giá trị toàn tỉnh so với mục tiêu (%)" });
    expect(charts[0]!.source).toMatch(/^'Biểu đồ'!A1:C\d+$/);
    // text stays text: a unit name written with the Text format, not parsed
    expect(fake.cell("'Đầy đủ'!C5")?.numberFormat).toBe("@");
  });

  it("a second run replaces only the sheets the first added, even one the user renamed; never the user's own", async () => {
    const fake = userWorkbook(api);
    const host = hostOn(fake);
    await host.writeSheets(await bookOf(FOUR()), { replace: true });
    fake.renameSheet("Bảng điểm", "Bảng điểm cũ");
    // a colleague's sheet that happens to be called like one of ours
    fake.addSheet("Biểu đồ (2)");

    const again = await host.writeSheets(await bookOf(FOUR()), { replace: true });
    expect(again.replaced).toEqual(["Tổng hợp (2)", "Bảng điểm cũ", ...SHEETS.slice(1)]);
    expect(again.sheets).toEqual(["Tổng hợp (2)", ...SHEETS]);
    expect(fake.sheetNames()).not.toContain("Bảng điểm cũ");
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(["Số liệu của tôi", "Tổng hợp", "Biểu đồ (2)"]));
    expect(fake.cell("'Tổng hợp'!A1")?.value).toBe("Bảng tổng hợp của tôi");

    // "add beside": the earlier sheets stay, the new ones are suffixed; a later replace takes both sets
    const beside = await hostOn(fake).writeSheets(await bookOf(FOUR()), { replace: false });
    expect(beside.replaced).toEqual([]);
    expect(beside.sheets).toEqual(["Tổng hợp (3)", "Bảng điểm (2)", "Đầy đủ (2)", "Kết quả từng đơn vị (2)", "Biểu đồ (3)"]);
    const last = await hostOn(fake).writeSheets(await bookOf(FOUR()), { replace: true });
    expect(last.replaced).toHaveLength(10);
    // (at ExcelApi 1.1 our store is the visible "_chitieu" sheet, which cannot be hidden there)
    expect(fake.sheetNames().filter((n) => !["Số liệu của tôi", "Tổng hợp", "Biểu đồ (2)", "_chitieu"].includes(n)).sort()).toEqual([...last.sheets].sort());
  });

  it("replaces its sheets when they are the only ones left (a workbook must keep a visible sheet)", async () => {
    const fake = new FakeExcel({ apiVersion: api, sheets: ["Sheet1"] });
    const host = hostOn(fake);
    await host.writeSheets(await bookOf(FOUR()), { replace: true });
    fake.removeSheet("Sheet1");
    const again = await host.writeSheets(await bookOf(FOUR()), { replace: true });
    expect(again.sheets).toEqual(["Tổng hợp", ...SHEETS]);
    expect(fake.sheetNames().filter((n) => !n.startsWith("_"))).toEqual(["Tổng hợp", ...SHEETS]);
  });

  it("costs the same round trips for 4 units as for 40, every request under Excel's 5 MB", async () => {
    const syncsFor = async (report: ConsolidationReport) => {
      const fake = userWorkbook(api);
      const host = hostOn(fake);
      await host.readMetadata(); // the pane's opening read
      const from = fake.syncCount;
      await host.writeSheets(await bookOf(report), { replace: true });
      return fake.syncsSince(from);
    };
    const four = await syncsFor(FOUR());
    const forty = await syncsFor(FORTY());
    expect(forty.length).toBe(four.length);
    // the state read (one sync below ExcelApi 1.10; from 1.10 notes and comments are listed first, so two), the
    // write, the store write (it needs the new sheets' ids)
    expect(four.length).toBe(api === "1.1" ? 3 : 4);
    for (const s of [...four, ...forty]) expect(s.requestBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it("splits a batch that would pass the request budget, so no request passes Excel's limit", async () => {
    const fake = userWorkbook(api, { maxRequestBytes: 60_000 });
    const small = createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported, requestBytes: 40_000 });
    const from = fake.syncCount;
    const written = await small.writeSheets(await bookOf(FORTY()), { replace: true });
    const syncs = fake.syncsSince(from);
    expect(syncs.length).toBeGreaterThan(3);
    for (const s of syncs) expect(s.requestBytes).toBeLessThanOrEqual(60_000);
    expect(written.sheets[0]).toBe("Tổng hợp (2)");
    // 38 communes at 5 / 10, the two extra files conflicts: (36 × 5) / (36 × 10) = 180 / 360 = 50 %
    expect(summaryFigures(fake, "Tổng hợp (2)", "CQS-02")).toEqual([50, 180, 360]);
  });
});

describe("what each requirement set gets", () => {
  it("ExcelApi 1.18: the weakest units are coloured by a rule that follows the figures; widths and frozen headers set", async () => {
    const fake = userWorkbook("1.18");
    const written = await hostOn(fake).writeSheets(await bookOf(FOUR()), { replace: true });
    expect(written.skipped).toEqual([]);
    const rules = fake.conditionalFormats("Bảng điểm");
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ type: "Custom", fill: "#FFC7CE", fontColor: "#9C0006" });
    expect(rules[0]!.formula).toMatch(/^=AND\(\$C6>0,\$C6=MAX\(\$C\$6:\$C\$\d+\)\)$/);
    expect(fake.sheet("Tổng hợp (2)").frozenRows).toBe(4);
    expect(fake.sheet("Tổng hợp (2)").columnWidths.size).toBeGreaterThan(0);
  });

  it("ExcelApi 1.1: no rules, the same cells painted as they stand; what could not be done is listed", async () => {
    const fake = userWorkbook("1.1");
    const written = await hostOn(fake).writeSheets(await bookOf(FOUR()), { replace: true });
    expect(written.skipped).toEqual(["column-widths", "freeze-panes", "conditional-formats"]);
    expect(fake.conditionalFormats("Bảng điểm")).toEqual([]);
    // every unit misses the same indicators (only CQS-02 entered): all 38 communes tie as weakest, the first one is painted
    expect(fake.cell("'Bảng điểm'!C6")).toMatchObject({ fill: "#FFC7CE" });
    expect(fake.sheet("Tổng hợp (2)").frozenRows).toBe(0);
  });
});
