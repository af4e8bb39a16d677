// The Office host on the fake Excel at each requirement-set level: what lands in the workbook, how many round trips
// it costs, and what the user is told when Excel refuses.

import { ChitieuError } from "../../../src/core/errors";
import { defaultCatalog } from "../../../src/core/catalog";
import { checkWorkbook } from "../../../src/core/check";
import type { HighlightPlan } from "../../../src/core/highlight-plan";
import { createOfficeHost, watchChanges } from "../../../src/hosts/office";
import { FakeExcel } from "../../support/fake";
import { METADATA_KEYS } from "../../../src/hosts/office/store";
import { communeLayout, mark, provinceLayout } from "../contract/scenarios";
import { hostOn, LEVELS } from "./harness";

const atLeast = (level: string, v: string) => Number(level.split(".")[1]) >= Number(v.split(".")[1]);

/** A plain data sheet of `rows` rows and a plan marking every `step`-th value cell. */
function dataWorkbook(level: string, rows: number, step: number): { fake: FakeExcel; plan: HighlightPlan } {
  const fake = new FakeExcel({ apiVersion: level, sheets: ["Dữ liệu", "Ghi chú"] });
  const body = Array.from({ length: rows }, (_, i) => [`CQS-${i + 1}`, `Chỉ tiêu ${i + 1}`, i * 1.5, i % 7 === 0 ? "sai" : 10, "%", "", "", ""]);
  fake.setValues("Dữ liệu", "A1", [["Mã", "Chỉ tiêu", "Tử số", "Mẫu số", "Đơn vị", "Ghi chú", "Nguồn", "Kỳ"], ...body]);
  fake.setValues("Ghi chú", "A1", [["Bảng phụ"], ["không có số liệu"]]);
  const severities = ["error", "warning", "info"] as const;
  const marks = [];
  for (let r = 2; r <= rows + 1; r += step) marks.push(mark("Dữ liệu", `C${r}`, severities[r % 3]!));
  return { fake, plan: { marks } };
}

async function syncsOf(fake: FakeExcel, work: () => Promise<unknown>): Promise<number> {
  const before = fake.syncCount;
  await work();
  return fake.syncCount - before;
}

describe.each(LEVELS)("Office host at ExcelApi %s", (level) => {
  describe("inserting the template", () => {
    it("writes the report sheet, the guide and the metadata in a constant number of round trips", async () => {
      const commune = new FakeExcel({ apiVersion: level });
      const province = new FakeExcel({ apiVersion: level });
      const layoutC = communeLayout();
      const layoutP = provinceLayout();
      const syncsC = await syncsOf(commune, () => hostOn(commune).insertTemplate(layoutC));
      const syncsP = await syncsOf(province, () => hostOn(province).insertTemplate(layoutP));
      expect(layoutP.rows.length).not.toBe(layoutC.rows.length);
      // read names and our state (2; at 1.1 the second has nothing to ask), then one write batch
      expect(syncsC).toBe(atLeast(level, "1.2") ? 3 : 2);
      expect(syncsP).toBe(syncsC);

      expect(commune.sheetNames().slice(0, 3)).toEqual(["Sheet1", "Báo cáo", "Hướng dẫn"]);
      const title = layoutC.cells.find((c) => c.style === "title");
      expect(commune.cell(`'Báo cáo'!${title?.ref}`)?.value).toBe(title?.value);
      const formulaCell = layoutC.cells.find((c) => c.formula !== undefined)!;
      expect(commune.cell(`'Báo cáo'!${formulaCell.ref}`)?.formula).toBe(formulaCell.formula);
      expect(commune.cell(`'Hướng dẫn'!A1`)?.value).toBe(layoutC.guide.title);
      // the clerk lands on the first input cell
      expect(commune.selection).toBe(`'Báo cáo'!${layoutC.info.preparer}`);
    });

    it("protects the sheet with only the input cells unlocked, where Excel can", async () => {
      const fake = new FakeExcel({ apiVersion: level });
      const host = hostOn(fake);
      const layout = communeLayout();
      await host.insertTemplate(layout);
      const input = layout.rows[0]!.cells.numerator ?? layout.rows[0]!.cells.value!;
      const label = layout.rows[0]!.cells.target;
      const sheet = fake.sheet("Báo cáo");
      // protection and locking are ExcelApi 1.2: Office 2016 without updates gets an open sheet, and is told so
      expect(sheet.protection.protected).toBe(atLeast(level, "1.2"));
      if (atLeast(level, "1.2")) {
        expect(sheet.protection.options).toMatchObject({ allowFormatCells: true, allowEditObjects: true });
        expect(fake.cell(`'Báo cáo'!${input}`)?.locked).toBe(false);
        expect(fake.cell(`'Báo cáo'!${label}`)?.locked).not.toBe(false);
        expect(sheet.merges).toEqual(expect.arrayContaining(layout.merges));
      } else expect(host.lastInsert()?.skipped).toEqual(expect.arrayContaining(["protection", "merges"]));
    });

    it("adds validation, the template's own rules, frozen headers and print setup by requirement set", async () => {
      const fake = new FakeExcel({ apiVersion: level });
      const host = hostOn(fake);
      const layout = communeLayout();
      await host.insertTemplate(layout);
      const sheet = fake.sheet("Báo cáo");
      expect(sheet.validations.length > 0).toBe(atLeast(level, "1.8"));
      expect(fake.conditionalFormats("Báo cáo").length > 0).toBe(atLeast(level, "1.6"));
      expect(sheet.frozenRows).toBe(atLeast(level, "1.7") ? layout.freeze.row - 1 : 0);
      expect(sheet.pageLayout.orientation).toBe(atLeast(level, "1.9") ? "Landscape" : undefined);
      const skipped = host.lastInsert()?.skipped ?? [];
      expect(skipped.includes("data-validation")).toBe(!atLeast(level, "1.8"));
      expect(skipped.includes("print-setup")).toBe(!atLeast(level, "1.9"));
    });

    it("splits a write that would pass the request limit, and only then", async () => {
      const fake = new FakeExcel({ apiVersion: level, maxRequestBytes: 40_000 });
      const host = createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported, requestBytes: 20_000 });
      const layout = provinceLayout();
      await host.insertTemplate(layout);
      expect(fake.syncCount).toBeGreaterThan(4);
      for (const r of fake.syncs) expect(r.requestBytes).toBeLessThanOrEqual(20_000);
      const title = layout.cells.find((c) => c.style === "title");
      expect(fake.cell(`'Báo cáo'!${title?.ref}`)?.value).toBe(title?.value);
      const last = layout.cells[layout.cells.length - 1]!;
      expect(fake.cell(`'Báo cáo'!${last.ref}`)).toBeDefined();
    });

    it("stores the metadata under the chitieu.* names shared with the file host", async () => {
      const fake = new FakeExcel({ apiVersion: level });
      const layout = communeLayout();
      await hostOn(fake).insertTemplate(layout);
      if (atLeast(level, "1.7")) {
        expect(fake.customProperties.get(METADATA_KEYS.unitCode)).toBe("xa-muong-kim");
        expect(fake.customProperties.get(METADATA_KEYS.year)).toBe("2025");
        expect(fake.sheetNames()).not.toContain("_chitieu");
      } else {
        // no custom properties below 1.7: a store sheet, which 1.1 cannot hide
        expect(fake.sheet("_chitieu").visibility).toBe("Visible");
        expect(fake.cell("_chitieu!A2")?.value).toBe(METADATA_KEYS.templateVersion);
      }
    });
  });

  describe("reading", () => {
    it("maps errors, empties, formulas and the used range's position", async () => {
      const fake = new FakeExcel({ apiVersion: level, sheets: ["Số liệu", "Trống"] });
      fake.setCells("Số liệu", { C4: "Mã", D4: 12.5, E4: { formula: "D4/0", error: "#DIV/0!" }, D5: { value: 0.5, numberFormat: "0.0%" }, E6: "x" });
      const snapshot = await hostOn(fake).readSnapshot();
      const [data, empty] = snapshot.sheets;
      expect(data).toMatchObject({ name: "Số liệu", top: 3, left: 2 });
      expect(data?.values).toEqual([
        ["Mã", 12.5, { error: "#DIV/0!" }],
        [null, 0.5, null],
        [null, null, "x"],
      ]);
      expect(data?.formats[1]?.[1]).toBe("0.0%");
      expect(data?.formulas?.[0]).toEqual([null, null, "D4/0"]);
      expect(empty).toEqual({ name: "Trống", top: 0, left: 0, values: [], formats: [], formulas: [] });
      expect(snapshot.metadata).toBeNull();
    });

    it("takes two round trips whatever the number and size of sheets", async () => {
      const small = new FakeExcel({ apiVersion: level });
      small.setValues("Sheet1", "A1", [[1]]);
      const large = dataWorkbook(level, 10_000, 10).fake;
      for (const n of ["Ba", "Bốn", "Năm"]) large.addSheet(n);
      expect(await syncsOf(small, () => hostOn(small).readSnapshot())).toBe(2);
      expect(await syncsOf(large, () => hostOn(large).readSnapshot())).toBe(2);
    });

    it("recognises metadata written by another host under the shared names", async () => {
      const fake = new FakeExcel({ apiVersion: level, sheets: ["Báo cáo"] });
      const meta = { templateVersion: "1", catalogId: "nq09", catalogVersion: "1.0", unitCode: "xa-a", level: "commune", year: "2025", sheet: "Báo cáo" };
      const entries = Object.entries(METADATA_KEYS).map(([k, name]) => [name, meta[k as keyof typeof meta]] as const);
      if (atLeast(level, "1.7")) for (const [k, v] of entries) fake.customProperties.set(k, v);
      else {
        fake.addSheet("_chitieu");
        fake.setValues("_chitieu", "A1", [["chitieu.about", "…"], ...entries.map(([k, v]) => [k, v])]);
      }
      const snapshot = await hostOn(fake).readSnapshot();
      expect(snapshot.metadata).toEqual({ ...meta, year: 2025 });
      expect(snapshot.sheets.map((s) => s.name)).toEqual(["Báo cáo"]);
    });
  });

  describe("round trips of a full check", () => {
    // as the pane does: it reads the workbook's template when it opens, which tells the host the sheet list
    const opened = async (fake: FakeExcel) => {
      const host = hostOn(fake);
      await host.readMetadata();
      return host;
    };
    const fullCheck = (fake: FakeExcel, host: ReturnType<typeof hostOn>, plan: HighlightPlan) =>
      syncsOf(fake, async () => {
        await host.readSnapshot();
        await host.applyHighlights(plan);
      });
    // 1.7–1.9 read the list and the sheets together and need no fills read: one read, one write
    const expected = { "1.1": 3, "1.7": 2, "1.14": 3, "1.18": 3 }[level];

    it("are at most 3, the same for 60 indicators and for 10,000 rows", async () => {
      const small = dataWorkbook(level, 60, 1);
      const large = dataWorkbook(level, 10_000, 10);
      const smallSyncs = await fullCheck(small.fake, await opened(small.fake), small.plan);
      const largeSyncs = await fullCheck(large.fake, await opened(large.fake), large.plan);
      expect(largeSyncs).toBe(smallSyncs);
      expect(smallSyncs).toBe(expected);
      // every request stayed under Excel's 5 MB limit
      for (const r of large.fake.syncs) expect(r.requestBytes).toBeLessThan(5 * 1024 * 1024);
    });

    it("cost one more below ExcelApi 1.6 when the host has not seen the sheet list yet (a ribbon check, first click)", async () => {
      const w = dataWorkbook(level, 10_000, 10);
      const syncs = await fullCheck(w.fake, hostOn(w.fake), w.plan);
      // below 1.6 names, sheets, the cells' own fills and the write depend each on the one before
      expect(syncs).toBe(atLeast(level, "1.6") ? 3 : 4);
    });

    it("stay at most 3 when the same cells are checked again, with or without the pane's first read", async () => {
      const w = dataWorkbook(level, 10_000, 10);
      const host = hostOn(w.fake);
      await fullCheck(w.fake, host, w.plan);
      const again = await fullCheck(w.fake, host, w.plan);
      // below 1.10 the list is confirmed in the same sync; below 1.6 the saved fills need no second read
      expect(again).toBe(atLeast(level, "1.10") ? 3 : 2);
    });

    it("marks and clears a 10,000-row sheet exactly", async () => {
      const w = dataWorkbook(level, 10_000, 10);
      const host = hostOn(w.fake);
      await host.readSnapshot();
      const result = await host.applyHighlights(w.plan);
      expect(result.marked).toBe(1000);
      if (!atLeast(level, "1.6")) expect(w.fake.cell("'Dữ liệu'!C12")?.fill).toBe("#FFC7CE");
      await host.clearHighlights();
      expect(w.fake.cell("'Dữ liệu'!C12")?.fill).toBeUndefined();
      expect(w.fake.conditionalFormats("Dữ liệu")).toEqual([]);
      expect(w.fake.notes()).toEqual([]);
      expect(w.fake.comments()).toEqual([]);
    });
  });

  describe("a realistic check of a filled template", () => {
    it("marks the template's findings and explains them where Excel allows on a protected sheet", async () => {
      const catalog = defaultCatalog();
      const fake = new FakeExcel({ apiVersion: level });
      const host = hostOn(fake);
      const layout = communeLayout();
      await host.insertTemplate(layout);
      const ratioRow = layout.rows.find((r) => r.cells.numerator)!;
      await fake.edit(`'Báo cáo'!${ratioRow.cells.numerator}`, 120);
      await fake.edit(`'Báo cáo'!${ratioRow.cells.denominator}`, 100);
      const snapshot = await host.readSnapshot();
      const report = checkWorkbook(snapshot, { catalog });
      expect(report.plan.marks.length).toBeGreaterThan(0);
      const result = await host.applyHighlights(report.plan);
      const cells = new Set(report.plan.marks.map((m) => m.cell));
      expect(result.marked).toBe(cells.size);
      const ours = fake.conditionalFormats("Báo cáo").filter((r) => r.formula === '="chitieu-cds"="chitieu-cds"');
      expect(ours.length > 0).toBe(atLeast(level, "1.6"));
      // notes need "edit objects" (granted by our protection); threaded comments are refused on protected sheets
      expect(result.explained).toBe(level === "1.18" ? cells.size : 0);
      expect(fake.notes().length).toBe(level === "1.18" ? cells.size : 0);
    });
  });

  describe("errors reach the caller in Vietnamese and English", () => {
    it("says the sheet is protected when marking is not allowed", async () => {
      const fake = new FakeExcel({ apiVersion: level, sheets: ["Khóa"] });
      fake.setCells("Khóa", { A1: 1 });
      fake.protect("Khóa", {});
      const host = hostOn(fake);
      const attempt = (async () => {
        await host.readSnapshot();
        return host.applyHighlights({ marks: [mark("Khóa", "A1", "error")] });
      })();
      // below 1.2 the host cannot see protection: Excel's own refusal is translated instead
      const e: unknown = await attempt.catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ChitieuError);
      expect((e as ChitieuError).code).toBe("sheet-protected");
      expect((e as ChitieuError).text("vi")).toContain("đang được bảo vệ");
    });

    it("translates an Excel error code, keeping the code for support", async () => {
      const fake = new FakeExcel({ apiVersion: level });
      const attempt = hostOn(fake).selectCell("Không có", "A1");
      const e: unknown = await attempt.catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ChitieuError);
      expect((e as ChitieuError).code).toBe("not-found");
      expect((e as ChitieuError).text("vi")).toMatch(/^Không chọn được ô: .*mã lỗi Excel: ItemNotFound/);
      expect((e as ChitieuError).text("en")).toContain("Could not select the cell");
    });

    it("refuses a plan for a sheet that no longer exists", async () => {
      const fake = new FakeExcel({ apiVersion: level });
      await expect(hostOn(fake).applyHighlights({ marks: [mark("Đã xóa", "A1", "info")] })).rejects.toMatchObject({ code: "mark-sheet-missing" });
    });
  });

  it("selects a finding's cell in one round trip", async () => {
    const fake = new FakeExcel({ apiVersion: level, sheets: ["Một", "Hai"] });
    expect(await syncsOf(fake, () => hostOn(fake).selectCell("Hai", "C7"))).toBe(1);
    expect(fake.activeSheet()?.name).toBe("Hai");
    expect(fake.selection).toBe("Hai!C7");
  });

  it("reports its capabilities from the requirement sets", () => {
    const caps = hostOn(new FakeExcel({ apiVersion: level })).capabilities();
    expect(caps.highlightMethod).toBe(atLeast(level, "1.6") ? "conditional-format" : "fill");
    expect(caps.explanations).toBe(atLeast(level, "1.18") ? "notes" : atLeast(level, "1.10") ? "comments" : "none");
    expect(caps.changeEvents).toBe(atLeast(level, "1.7"));
    expect(caps.missing.some((m) => m.feature === "change-events")).toBe(!atLeast(level, "1.7"));
  });
});

describe("fill fallback (ExcelApi 1.1)", () => {
  it("saves originals in pieces when they exceed a property's 255 characters, and restores every one", async () => {
    const fake = new FakeExcel({ apiVersion: "1.1", sheets: ["Số liệu"] });
    const colours = ["#FFFF00", "#92D050", null];
    for (let r = 1; r <= 120; r++) {
      const fill = colours[r % 3];
      fake.setCells("Số liệu", { [`B${r}`]: fill ? { value: r, fill } : r });
    }
    const host = hostOn(fake);
    await host.applyHighlights({ marks: Array.from({ length: 120 }, (_, i) => mark("Số liệu", `B${i + 1}`, "warning")) });
    expect(fake.cell("'Số liệu'!B1")?.fill).toBe("#FFEB9C");
    const pieces = fake.sheet("_chitieu").cells.size;
    expect(pieces).toBeGreaterThan(6);
    await host.clearHighlights();
    for (let r = 1; r <= 120; r++) expect(fake.cell(`'Số liệu'!B${r}`)?.fill).toBe(colours[r % 3] ?? undefined);
  });
});

describe("comments (ExcelApi 1.10–1.17)", () => {
  it("explains each marked cell with a comment of ours on an open sheet", async () => {
    const fake = new FakeExcel({ apiVersion: "1.14", sheets: ["Số liệu"] });
    fake.setCells("Số liệu", { B2: 1, B3: 2 });
    fake.addUserComment("'Số liệu'!B3", "Của tôi");
    const host = hostOn(fake);
    const result = await host.applyHighlights({ marks: [mark("Số liệu", "B2", "error"), mark("Số liệu", "B3", "info")], checkedOn: "2026-01-05" });
    expect(result.explained).toBe(1);
    expect(fake.comments().map((c) => [c.cell, c.content])).toEqual([
      ["B3", "Của tôi"],
      ["B2", "Chỉ tiêu CĐS: Ô B2 cần kiểm tra\nKết quả kiểm tra ngày 05/01/2026; ô giữ màu này đến lần kiểm tra sau."],
    ]);
    await host.clearHighlights();
    expect(fake.comments().map((c) => c.content)).toEqual(["Của tôi"]);
  });

  it("still marks, without comments, when a user's note (invisible below 1.18) blocks one", async () => {
    const fake = new FakeExcel({ apiVersion: "1.14", sheets: ["Số liệu"] });
    fake.setCells("Số liệu", { B2: 1, B3: 2 });
    fake.addUserNote("'Số liệu'!B3", "Ghi chú cũ");
    const result = await hostOn(fake).applyHighlights({ marks: [mark("Số liệu", "B2", "error"), mark("Số liệu", "B3", "info")] });
    expect(result).toEqual({ marked: 2, explained: 0 });
    expect(fake.conditionalFormats("Số liệu")).toHaveLength(2);
    expect(fake.notes().map((n) => n.content)).toEqual(["Ghi chú cũ"]);
  });
});

describe("watching for edits", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("runs one check after a burst of edits, and stops when unsubscribed (ExcelApi 1.7)", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7" });
    const host = hostOn(fake);
    await host.insertTemplate(communeLayout());
    const onChange = jest.fn();
    const stop = await watchChanges(host, onChange, { delayMs: 500 });
    expect(stop).not.toBeNull();
    expect(fake.changeHandlerCount("Báo cáo")).toBe(1);
    expect(fake.changeHandlerCount("Sheet1")).toBe(0);
    await fake.edit("'Báo cáo'!G11", 1);
    await fake.edit("'Báo cáo'!G12", 2);
    jest.advanceTimersByTime(499);
    expect(onChange).not.toHaveBeenCalled();
    await fake.edit("'Báo cáo'!G13", 3);
    jest.advanceTimersByTime(500);
    expect(onChange).toHaveBeenCalledTimes(1);
    await stop!();
    expect(fake.changeHandlerCount("Báo cáo")).toBe(0);
    await fake.edit("'Báo cáo'!G14", 4);
    jest.advanceTimersByTime(1000);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("is unavailable below ExcelApi 1.7", async () => {
    const fake = new FakeExcel({ apiVersion: "1.1" });
    const host = hostOn(fake);
    expect(await watchChanges(host, jest.fn())).toBeNull();
    expect(host.capabilities().changeEvents).toBe(false);
  });
});
