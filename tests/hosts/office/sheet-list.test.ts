// The Office host keeps the sheet list its last operation saw, to read a workbook in fewer round trips.
// Whatever the user does to the sheets in between, a read must still be complete and in order.

import type { HighlightPlan } from "../../../src/core/highlight-plan";
import { FakeExcel } from "../../support/fake";
import { communeLayout, mark } from "../contract/scenarios";
import { hostOn, LEVELS } from "./harness";

const atLeast = (level: string, v: string) => Number(level.split(".")[1]) >= Number(v.split(".")[1]);

function workbook(level: string): FakeExcel {
  const fake = new FakeExcel({ apiVersion: level, sheets: ["Một", "Hai", "Ba"] });
  fake.setValues("Một", "A1", [["Mã", "Giá trị"], ["CQS-01", 80]]);
  fake.setValues("Hai", "A1", [["hai"]]);
  fake.setValues("Ba", "A1", [["ba"]]);
  return fake;
}

const PLAN: HighlightPlan = { marks: [mark("Một", "B2", "error")] };

async function syncsOf<T>(fake: FakeExcel, work: () => Promise<T>): Promise<{ syncs: number; result: T }> {
  const before = fake.syncCount;
  const result = await work();
  return { syncs: fake.syncCount - before, result };
}

/** A host that has read the workbook once, as the pane does when it opens. */
async function opened(fake: FakeExcel) {
  const host = hostOn(fake);
  await host.readMetadata();
  return host;
}

describe.each(LEVELS)("the sheet list known to the Office host at ExcelApi %s", (level) => {
  // below 1.10 the list is confirmed in the same sync as the sheets; from 1.10 notes and comments must be listed first
  const snapshotSyncs = atLeast(level, "1.10") ? 2 : 1;

  it("lets a snapshot after the pane opened cost one round trip below ExcelApi 1.10, else two", async () => {
    const fake = workbook(level);
    const host = await opened(fake);
    const { syncs, result } = await syncsOf(fake, () => host.readSnapshot());
    expect(syncs).toBe(snapshotSyncs);
    expect(result.sheets.map((s) => s.name)).toEqual(["Một", "Hai", "Ba"]);
  });

  it("reads a sheet the user added since, for one more round trip", async () => {
    const fake = workbook(level);
    const host = await opened(fake);
    fake.addSheet("Bốn");
    fake.setValues("Bốn", "B2", [[42]]);
    const { syncs, result } = await syncsOf(fake, () => host.readSnapshot());
    expect(result.sheets.map((s) => s.name)).toEqual(["Một", "Hai", "Ba", "Bốn"]);
    expect(result.sheets[3]?.values).toEqual([[42]]);
    // below 1.10 the first sync found the list changed and the second read the sheets; from 1.10 always two
    expect(syncs).toBe(2);
  });

  it("is not thrown off by a sheet the user renamed or deleted since", async () => {
    const fake = workbook(level);
    const host = await opened(fake);
    fake.renameSheet("Hai", "Phụ lục");
    fake.removeSheet("Ba");
    const { result } = await syncsOf(fake, () => host.readSnapshot());
    expect(result.sheets.map((s) => s.name)).toEqual(["Một", "Phụ lục"]);
    expect(result.sheets[1]?.values).toEqual([["hai"]]);
    // the list it now knows is right: the next check marks without error and at the usual cost
    await host.applyHighlights(PLAN);
    const again = await syncsOf(fake, () => host.readSnapshot());
    expect(again.syncs).toBe(snapshotSyncs);
  });

  it("gives the sheets in the order the user moved them to", async () => {
    const fake = workbook(level);
    const host = await opened(fake);
    fake.moveSheet("Ba", 0);
    const { syncs, result } = await syncsOf(fake, () => host.readSnapshot());
    expect(result.sheets.map((s) => s.name)).toEqual(["Ba", "Một", "Hai"]);
    expect(syncs).toBe(snapshotSyncs);
  });

  it("knows the sheets its own writes added: a check after inserting the template costs no extra read", async () => {
    const fake = new FakeExcel({ apiVersion: level });
    const host = hostOn(fake);
    const layout = communeLayout();
    await host.insertTemplate(layout);
    const { syncs, result } = await syncsOf(fake, async () => {
      const snapshot = await host.readSnapshot();
      await host.applyHighlights({ marks: [mark(layout.sheetName, "I20", "warning")] });
      return snapshot;
    });
    // the check reads the sheet the metadata names, and no other
    expect(result.sheets.map((s) => s.name)).toEqual([layout.sheetName]);
    expect(result.metadata?.unitCode).toBe(layout.metadata.unitCode);
    // 1.7–1.9: one read, one write; below 1.6 the painted cell's own fill is read first
    expect(syncs).toBe({ "1.1": 3, "1.7": 2, "1.14": 3, "1.18": 3 }[level]);
  });

  it("reads the template's metadata from our store alone when the pane opens, not the user's notes, comments or rules", async () => {
    const fake = new FakeExcel({ apiVersion: level });
    await hostOn(fake).insertTemplate(communeLayout());
    for (let r = 1; r <= 300; r++) {
      fake.addUserNote(`'Sheet1'!A${r}`, `ghi chú của người dùng số ${r}, khá dài để thấy rõ nếu bị đọc`);
      fake.addUserComment(`'Sheet1'!B${r}`, `bình luận số ${r}`);
    }
    fake.addUserConditionalFormat("Sheet1", ["C1:C300"], "=C1>0", "#FFFF00");
    const before = fake.syncCount;
    const meta = await hostOn(fake).readMetadata();
    const records = fake.syncsSince(before);
    expect(meta).toEqual(communeLayout().metadata);
    // custom properties from 1.7 come with the sheet names; below, the store sheet is found, then read
    expect(records.length).toBe(atLeast(level, "1.7") ? 1 : 2);
    expect(records.reduce((n, r) => n + r.responseBytes, 0)).toBeLessThan(4_000);
  });

  if (!atLeast(level, "1.7")) {
    it("survives the user deleting our store sheet (visible at ExcelApi 1.1)", async () => {
      const fake = workbook(level);
      const host = await opened(fake);
      await host.readSnapshot();
      await host.applyHighlights(PLAN);
      expect(fake.sheetNames()).toContain("_chitieu");
      fake.removeSheet("_chitieu");
      const { result } = await syncsOf(fake, () => host.readSnapshot());
      expect(result.sheets.map((s) => s.name)).toEqual(["Một", "Hai", "Ba"]);
      await expect(host.applyHighlights(PLAN)).resolves.toEqual({ marked: 1, explained: 0 });
      expect(fake.cell("'Một'!B2")?.fill).toBe("#FFC7CE");
    });
  }
});
