// Where the fake follows real Excel closely enough to catch what an in-memory model would hide (issue 14): rule ids
// that are positions, the 5 MB response limit, typed input, threaded-comment replies, sheet names that need quotes,
// event handlers removed in their own context. Each behaviour of the fake cites its source in tests/support/fake.

import { ChitieuError } from "../../../src/core/errors";
import type { HighlightPlan } from "../../../src/core/highlight-plan";
import { quoteSheet, sheetAddress } from "../../../src/hosts/office/a1";
import { FakeExcel } from "../../support/fake";
import { splitAddress as fakeSplit } from "../../support/fake/a1";
import { communeLayout, mark } from "../contract/scenarios";
import { hostOn } from "./harness";

const OURS = '="chitieu-cds"="chitieu-cds"';

describe("conditional formats: ids are positions that shift (ExcelApi ≥ 1.6)", () => {
  it.each(["1.7", "1.14", "1.18"])("keeps the user's and the template's own rules through check, check, clear at ExcelApi %s", async (level) => {
    const fake = new FakeExcel({ apiVersion: level });
    const layout = communeLayout();
    await hostOn(fake).insertTemplate(layout);
    const sheet = layout.sheetName;
    fake.addUserConditionalFormat(sheet, ["Z1:Z50"], "=Z1>100", "#FF0000");
    const theirs = fake.conditionalFormats(sheet).map((r) => r.key);
    expect(theirs.length).toBeGreaterThanOrEqual(3);

    const row = layout.rows.find((r) => r.cells.numerator)!;
    const plan: HighlightPlan = { marks: [mark(sheet, row.cells.numerator!, "error"), mark(sheet, row.cells.denominator!, "warning")] };
    // each call is its own Excel.run, as from the pane; a fresh host for the second check, as from the ribbon
    const pane = hostOn(fake);
    await pane.readSnapshot();
    await pane.applyHighlights(plan);
    await pane.readSnapshot();
    await pane.applyHighlights(plan);
    expect(fake.conditionalFormats(sheet).filter((r) => r.formula === OURS)).toHaveLength(2);
    expect(fake.conditionalFormats(sheet).filter((r) => r.formula !== OURS).map((r) => r.key)).toEqual(theirs);

    const ribbon = hostOn(fake);
    await ribbon.readSnapshot();
    await ribbon.applyHighlights(plan);
    await hostOn(fake).clearHighlights();
    expect(fake.conditionalFormats(sheet).map((r) => r.key)).toEqual(theirs);
  });
});

describe("text written into cells is typed input to Excel", () => {
  it.each(["1.1", "1.7", "1.18"])("keeps every text of the template as text at ExcelApi %s, the column numbers (1), (2)… included", async (level) => {
    const fake = new FakeExcel({ apiVersion: level });
    const layout = communeLayout();
    await hostOn(fake).insertTemplate(layout);
    const texts = layout.cells.filter((c) => c.formula === undefined && typeof c.value === "string" && c.value !== "");
    expect(texts.some((c) => c.value === "(1)")).toBe(true);
    const changed = texts.filter((c) => fake.cell(`'${layout.sheetName}'!${c.ref}`)?.value !== c.value).map((c) => `${c.ref}: ${JSON.stringify(c.value)}`);
    expect(changed).toEqual([]);
    // the guide's lines too
    layout.guide.lines.forEach((line, i) => {
      if (line) expect(fake.cell(`'${layout.guide.sheetName}'!A${i + 3}`)?.value).toBe(line);
    });
  });
});

describe("threaded comments keep their replies (ExcelApi 1.10–1.17)", () => {
  function commented(level: string) {
    const fake = new FakeExcel({ apiVersion: level, sheets: ["Số liệu"] });
    fake.setValues("Số liệu", "A1", [["Mã", "Giá trị"], ["CQS-01", 95], ["CQS-02", 40]]);
    return fake;
  }

  it("updates our comment in place when a colleague has replied, through re-checks and a clear", async () => {
    const fake = commented("1.14");
    const host = hostOn(fake);
    await host.readSnapshot();
    await host.applyHighlights({ marks: [mark("Số liệu", "B2", "error", "Tỷ lệ vượt 100%")] });
    fake.addReply("'Số liệu'!B2", "Đã báo anh Bình sửa lại");

    // the finding's wording changes, then the cell is fixed, then the marks are cleared
    await host.readSnapshot();
    await host.applyHighlights({ marks: [mark("Số liệu", "B2", "warning", "Thiếu mẫu số")], checkedOn: "2026-01-05" });
    expect(fake.comments().map((c) => [c.cell, c.content, c.replies.map((r) => r.content)])).toEqual([
      ["B2", "Chỉ tiêu CĐS: Thiếu mẫu số\nKết quả kiểm tra ngày 05/01/2026; ô giữ màu này đến lần kiểm tra sau.", ["Đã báo anh Bình sửa lại"]],
    ]);
    await host.readSnapshot();
    await host.applyHighlights({ marks: [mark("Số liệu", "B3", "error")] });
    await host.clearHighlights();
    const left = fake.comments();
    expect(left.map((c) => [c.cell, c.replies.map((r) => r.content)])).toEqual([["B2", ["Đã báo anh Bình sửa lại"]]]);
    expect(left[0]!.content).not.toContain("Thiếu mẫu số");
  });

  it("keeps the same comment (no delete and re-add) for an unchanged finding", async () => {
    const fake = commented("1.10");
    const host = hostOn(fake);
    const plan = { marks: [mark("Số liệu", "B2", "error")] };
    await host.readSnapshot();
    await host.applyHighlights(plan);
    const first = fake.comments()[0]!.id;
    await host.readSnapshot();
    await host.applyHighlights(plan);
    expect(fake.comments().map((c) => c.id)).toEqual([first]);
  });

  it("marks without explanations when Excel refuses a comment on a cell with a note it cannot list, whatever the error code", async () => {
    const fake = commented("1.14");
    fake.addUserNote("'Số liệu'!B3", "Ghi chú của tôi");
    const result = await hostOn(fake).applyHighlights({ marks: [mark("Số liệu", "B2", "error"), mark("Số liệu", "B3", "error")] });
    expect(result.marked).toBe(2);
    expect(fake.conditionalFormats("Số liệu")).toHaveLength(1);
    expect(fake.notes().map((n) => n.content)).toEqual(["Ghi chú của tôi"]);
  });
});

describe("sheet names in addresses", () => {
  it.each(["Q1", "XFD1", "R1C1", "RC2", "R", "C", "TRUE", "false", "2025", "Báo cáo", "Tổng hợp", "It's"])("quotes %s as Excel needs", (name) => {
    expect(quoteSheet(name)).toBe(`'${name.replace(/'/g, "''")}'`);
    // the fake reads the address back with its own parser, as Excel would
    expect(fakeSplit(sheetAddress(name, "B3"))).toEqual({ sheet: name, area: "B3" });
  });

  it.each(["Sheet1", "Data_2025", "Report", "Q1x", "Sheet.1"])("leaves %s bare, as Excel writes it", (name) => {
    expect(quoteSheet(name)).toBe(name);
    expect(fakeSplit(sheetAddress(name, "B3"))).toEqual({ sheet: name, area: "B3" });
  });

  it("is refused by the fake, as by Excel, when a name that reads as a cell is left bare", () => {
    expect(() => fakeSplit("Q1!B3")).toThrow(/must be quoted/);
    expect(() => fakeSplit("TRUE!B3")).toThrow(/must be quoted/);
  });

  it("checks and explains on a sheet named like a cell (ExcelApi 1.18)", async () => {
    const fake = new FakeExcel({ apiVersion: "1.18", sheets: ["Q1"] });
    fake.setValues("Q1", "A1", [["Mã", "Giá trị"], ["CQS-01", 95]]);
    const host = hostOn(fake);
    await host.readSnapshot();
    await host.applyHighlights({ marks: [mark("Q1", "B2", "error")] });
    expect(fake.notes().map((n) => [n.sheet, n.cell])).toEqual([["Q1", "B2"]]);
    await host.clearHighlights();
    expect(fake.notes()).toEqual([]);
  });
});

describe("requirement sets of what the template sets", () => {
  it.each(["1.2", "1.6"])("protects the template at ExcelApi %s without the 1.7 option allowEditObjects", async (level) => {
    const fake = new FakeExcel({ apiVersion: level });
    const layout = communeLayout();
    await hostOn(fake).insertTemplate(layout);
    expect(fake.sheet(layout.sheetName).protection.protected).toBe(true);
    expect(fake.sheet(layout.sheetName).protection.options.allowEditObjects).toBeUndefined();
  });

  it("lets notes be added on the protected template from ExcelApi 1.7", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7" });
    const layout = communeLayout();
    await hostOn(fake).insertTemplate(layout);
    expect(fake.sheet(layout.sheetName).protection.options.allowEditObjects).toBe(true);
  });
});

describe("print setup (ExcelApi 1.9)", () => {
  it("says that the fit-to-width zoom may not take effect until the Page Layout tab is shown", async () => {
    const fake = new FakeExcel({ apiVersion: "1.9" });
    const host = hostOn(fake);
    const layout = communeLayout();
    await host.insertTemplate(layout);
    expect(fake.sheet(layout.sheetName).pageLayout.zoom).toBeUndefined();
    expect(host.lastInsert()?.unconfirmed).toEqual(["print-fit-width"]);
  });
});

describe("Excel's 5 MB response limit and five-million-cell gets", () => {
  const MB5 = 5 * 1024 * 1024;
  const dataRows = (rows: number, cols: number) =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (c % 3 === 0 ? `Mục ${r + 1}-${c + 1}` : r * cols + c)));

  it.each(["1.1", "1.7", "1.14", "1.18"])(
    "checks a report beside a 10,000 × 20 data sheet at ExcelApi %s: the report alone is read, every response under 5 MB, 3 round trips",
    async (level) => {
      const fake = new FakeExcel({ apiVersion: level });
      const layout = communeLayout();
      await hostOn(fake).insertTemplate(layout);
      fake.addSheet("Dữ liệu");
      fake.setValues("Dữ liệu", "A1", dataRows(10_000, 20));
      const row = layout.rows.find((r) => r.cells.numerator)!;
      const host = hostOn(fake);
      await host.readMetadata();
      const from = fake.syncCount;
      const snapshot = await host.readSnapshot();
      await host.applyHighlights({ marks: [mark(layout.sheetName, row.cells.numerator!, "error")] });
      const syncs = fake.syncsSince(from);
      expect(snapshot.sheets.map((s) => s.name)).toEqual([layout.sheetName]);
      expect(Math.max(...syncs.map((s) => s.responseBytes))).toBeLessThan(MB5);
      expect(syncs.length).toBeLessThanOrEqual(3);
    },
  );

  it("reads a workbook without a template whose cells pass 5 MB in row slices, every value in place", async () => {
    const fake = new FakeExcel({ apiVersion: "1.14", sheets: ["Dữ liệu", "Ghi chú"] });
    const rows = dataRows(10_000, 20);
    fake.setValues("Dữ liệu", "B3", rows);
    fake.setValues("Ghi chú", "A1", [["ghi chú"]]);
    const from = fake.syncCount;
    const snapshot = await hostOn(fake).readSnapshot();
    const syncs = fake.syncsSince(from);
    // Excel refuses the first, whole read; every answer it gives is under the limit
    expect(syncs.filter((s) => s.refusedBytes !== undefined)).toHaveLength(1);
    expect(Math.max(...syncs.map((s) => s.responseBytes))).toBeLessThan(MB5);
    const data = snapshot.sheets.find((s) => s.name === "Dữ liệu")!;
    expect([data.top, data.left, data.values.length, data.values[0]!.length]).toEqual([2, 1, 10_000, 20]);
    expect(data.values).toEqual(rows);
    expect(snapshot.sheets.find((s) => s.name === "Ghi chú")?.values).toEqual([["ghi chú"]]);
  });

  it("reads in slices a sheet whose values Excel returns as null (more cells than a get may return)", async () => {
    // five million cells in Excel; fewer here, above a slice's size, so the test stays quick
    const fake = new FakeExcel({ apiVersion: "1.7", sheets: ["Lớn"], maxGetCells: 100_000 });
    const rows = dataRows(10_000, 12);
    fake.setValues("Lớn", "A1", rows);
    const snapshot = await hostOn(fake).readSnapshot();
    expect(snapshot.sheets[0]!.values).toEqual(rows);
  });

  it("tells the user, in Vietnamese and English, when even a slice is too large for Excel's answer", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7", sheets: ["Dữ liệu"], maxResponseBytes: 300 });
    fake.setValues("Dữ liệu", "A1", dataRows(50, 5));
    const e = await hostOn(fake).readSnapshot().then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(ChitieuError);
    const err = e as ChitieuError;
    expect(err.code).toBe("too-large");
    expect(err.text("vi")).toContain("5 MB");
    expect(err.text("en")).toContain("5 MB");
  });
});
