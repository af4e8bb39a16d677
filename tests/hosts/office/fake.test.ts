// The fake Excel behaves like Excel where the host could get it wrong: load/sync, queued writes, requirement sets.

import { FakeExcel, FakeOfficeError, installFakeOffice } from "../../support/fake";
import { LEVELS } from "./harness";

function workbook(apiVersion: string): FakeExcel {
  const fake = new FakeExcel({ apiVersion, sheets: ["Sheet1"] });
  fake.setCells("Sheet1", { A1: "Mã", B1: "Giá trị", A2: "CQS-01", B2: 42, C2: { formula: "1/0", error: "#DIV/0!" } });
  return fake;
}

describe.each(LEVELS)("fake Excel at ExcelApi %s", (level) => {
  // reading before load/sync is the very mistake this test shows the fake catching
  /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
  it("refuses to read a property that was not loaded and synced", async () => {
    const fake = workbook(level);
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      expect(() => range.values).toThrow(/The property 'values' is not available/);
      range.load("values");
      // loaded but not yet synced
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(range.values).toEqual([
        ["Mã", "Giá trị"],
        ["CQS-01", 42],
      ]);
      // other properties still need their own load
      expect(() => range.numberFormat).toThrow(/not available/);
    });
  });

  /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read */

  it("gives a collection's items only after load and sync", async () => {
    const fake = workbook(level);
    await fake.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(/'items' is not available/);
      sheets.load("items/name");
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1"]);
      expect(() => sheets.items[0]?.visibility).toThrow(/not available/);
    });
  });

  it("applies writes at sync, not when they are queued", async () => {
    const fake = workbook(level);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("B2").values = [[7]];
      ws.getRange("B3").format.fill.color = "#FFC7CE";
      expect(fake.cell("Sheet1!B2")?.value).toBe(42);
      expect(fake.cell("Sheet1!B3")).toBeUndefined();
      await ctx.sync();
      expect(fake.cell("Sheet1!B2")?.value).toBe(7);
      expect(fake.cell("Sheet1!B3")?.fill).toBe("#FFC7CE");
    });
  });

  it("resolves getUsedRange at sync time, after earlier writes in the same batch", async () => {
    const fake = workbook(level);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("D9").values = [["mới"]];
      const used = ws.getUsedRange().load("address");
      await ctx.sync();
      expect(used.address).toBe("Sheet1!A1:D9");
    });
  });

  it("reads errors, empties and formulas as Excel reports them", async () => {
    const fake = workbook(level);
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("B2:D2").load("values,valueTypes,formulas");
      await ctx.sync();
      expect(r.values).toEqual([[42, "#DIV/0!", ""]]);
      expect(r.valueTypes).toEqual([["Double", "Error", "Empty"]]);
      expect(r.formulas).toEqual([[42, "=1/0", ""]]);
    });
  });

  it("answers #FFFFFF for a cell without fill, as Excel does", async () => {
    const fake = workbook(level);
    await fake.run(async (ctx) => {
      const fill = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill.load("color");
      await ctx.sync();
      expect(fill.color).toBe("#FFFFFF");
    });
  });

  it("counts round trips, operations and request bytes", async () => {
    const fake = workbook(level);
    const before = fake.syncCount;
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A5:B5").values = [["dài", "x".repeat(1000)]];
      await ctx.sync();
    });
    const [record] = fake.syncsSince(before);
    expect(fake.syncCount - before).toBe(1);
    expect(record?.operations).toBe(2);
    expect(record?.requestBytes).toBeGreaterThan(1000);
  });

  it("refuses a request above the size limit", async () => {
    const fake = new FakeExcel({ apiVersion: level, maxRequestBytes: 10_000 });
    const big = Array.from({ length: 100 }, () => ["x".repeat(200)]);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:A100").values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.cell("Sheet1!A1")).toBeUndefined();
  });

  it("refuses edits of locked cells on a protected sheet", async () => {
    const fake = workbook(level);
    fake.protect("Sheet1", { allowFormatCells: false });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("B2").values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("reports a missing sheet at sync, as ItemNotFound", async () => {
    const fake = workbook(level);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Không có").getRange("A1").load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("requirement sets in the fake", () => {
  it.each([
    ["1.1", false, false, false],
    ["1.7", true, false, false],
    ["1.14", true, true, false],
    ["1.18", true, true, true],
  ])("at %s: conditional formats %s, comments %s, notes %s", async (level, cf, comments, notes) => {
    const fake = workbook(level);
    const attempt = (batch: (ctx: Excel.RequestContext) => void) =>
      fake.run(async (ctx) => {
        batch(ctx);
        await ctx.sync();
      });
    const outcome = async (p: Promise<unknown>) => p.then(() => true, (e: FakeOfficeError) => (e.code === "ApiNotFound" ? false : Promise.reject(e)));
    expect(await outcome(attempt((ctx) => ctx.workbook.worksheets.getItem("Sheet1").getRange("B2").conditionalFormats.add("Custom" as Excel.ConditionalFormatType)))).toBe(cf);
    expect(await outcome(attempt((ctx) => ctx.workbook.comments.add("Sheet1!B2", "x")))).toBe(comments);
    expect(await outcome(attempt((ctx) => ctx.workbook.notes.add("Sheet1!A2", "x")))).toBe(notes);
    expect(fake.isSetSupported("ExcelApi", "1.7")).toBe(cf);
  });

  it("rejects the whole sync with ApiNotFound naming the API", async () => {
    const fake = workbook("1.1");
    const attempt = fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject(true).load("address");
      await ctx.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: "ApiNotFound", message: expect.stringContaining("getUsedRangeOrNullObject needs ExcelApi 1.4") });
  });

  it("cannot hide a sheet at 1.1 (visibility is read-only there)", async () => {
    const fake = workbook("1.1");
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").visibility = "Hidden" as Excel.SheetVisibility;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });

  it("keeps custom property values to 255 characters, as Excel does", async () => {
    const fake = workbook("1.7");
    await fake.run(async (ctx) => {
      ctx.workbook.properties.custom.add("k", "x".repeat(300));
      await ctx.sync();
    });
    expect(fake.customProperties.get("k")).toHaveLength(255);
  });

  it("installs itself as the Excel and Office globals and uninstalls cleanly", async () => {
    const fake = workbook("1.7");
    const installed = installFakeOffice(fake);
    try {
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(false);
      const names = await Excel.run(async (ctx) => {
        const s = ctx.workbook.worksheets.load("items/name");
        await ctx.sync();
        return s.items.map((w) => w.name);
      });
      expect(names).toEqual(["Sheet1"]);
    } finally {
      installed.uninstall();
    }
    expect((globalThis as Record<string, unknown>).Excel).toBeUndefined();
  });
});

describe.each(LEVELS)("fake Excel at ExcelApi %s: workbook.getSelectedRange", (level) => {
  it("gives the range the user selected, the active sheet's A1 before any selection, and refuses a chart or separate areas", async () => {
    const fake = new FakeExcel({ apiVersion: level, sheets: ["Sheet1", "Biểu 01"] });
    const address = () =>
      fake.run(async (ctx) => {
        const range = ctx.workbook.getSelectedRange().load("address");
        await ctx.sync();
        return range.address;
      });
    expect(await address()).toBe("Sheet1!A1");
    fake.userSelects("'Biểu 01'!D7:E8");
    expect(await address()).toBe("'Biểu 01'!D7:E8");
    for (const selection of ["chart", "'Biểu 01'!A1,C3"]) {
      fake.userSelects(selection);
      await expect(address()).rejects.toMatchObject({ code: "InvalidSelection" });
    }
  });
});

describe("what a person sees: custom conditional formats evaluated by the fake", () => {
  it("reads a rule's relative references from the range's top-left cell, and keeps $ parts fixed", () => {
    const fake = new FakeExcel({ apiVersion: "1.18", sheets: ["Sheet1"] });
    fake.setCells("Sheet1", { B2: 5, C2: 1, B3: 1, C3: 5, B4: 9, C4: 2, E1: 4 });
    fake.addUserConditionalFormat("Sheet1", ["B2:B4"], "=B2>C2", "#FF0000");
    expect(["B2", "B3", "B4"].map((c) => fake.shownFill(`Sheet1!${c}`))).toEqual(["#FF0000", null, "#FF0000"]);
    const fixed = new FakeExcel({ apiVersion: "1.18", sheets: ["Sheet1"] });
    fixed.setCells("Sheet1", { B2: 5, B3: 1, B4: 9, E1: 4 });
    fixed.addUserConditionalFormat("Sheet1", ["B2:B4"], "=B2>$E$1", "#00FF00");
    expect(["B2", "B3", "B4"].map((c) => fixed.shownFill(`Sheet1!${c}`))).toEqual(["#00FF00", null, "#00FF00"]);
  });

  it("takes IF's branch only, and lets an error format nothing", () => {
    const fake = new FakeExcel({ apiVersion: "1.18", sheets: ["Sheet1"] });
    fake.setCells("Sheet1", { A1: 3, B1: 0, A2: 3, B2: 0, A3: "ba", B3: 1 });
    fake.addUserConditionalFormat("Sheet1", ["C1"], "=IF(B1>0,A1/B1>1,TRUE)", "#111111");
    fake.addUserConditionalFormat("Sheet1", ["C2"], "=AND(B2>0,A2/B2>1)", "#222222");
    fake.addUserConditionalFormat("Sheet1", ["C3"], "=ROUND(A3*1,9)>0", "#333333");
    expect(fake.shownFill("Sheet1!C1")).toBe("#111111");
    expect(fake.shownFill("Sheet1!C2")).toBeNull(); // #DIV/0!: AND evaluates every argument
    expect(fake.shownFill("Sheet1!C3")).toBeNull(); // #VALUE!: text is not a number
  });

  it("refuses a formula it cannot evaluate rather than guessing", () => {
    const fake = new FakeExcel({ apiVersion: "1.18", sheets: ["Sheet1"] });
    fake.addUserConditionalFormat("Sheet1", ["A1"], "=MAX(A1,2)>1", "#000000");
    expect(() => fake.shownFill("Sheet1!A1")).toThrow(/does not evaluate MAX/);
  });
});
