// At ExcelApi 1.1 our "_chitieu" store sheet stays visible, so a user can edit it; from 1.7 the same entries are custom
// properties, editable in File › Properties. What we read back is parsed first: a damaged store stops the operation
// with a message naming the entry and the problem, before anything is painted over or lost.

import { METADATA_KEYS } from "../../../src/core/metadata";
import { ChitieuError } from "../../../src/core/errors";
import { FakeExcel } from "../../support/fake";
import { hostOn } from "./harness";
import { rejected } from "../../support/caught";

const STORE = "_chitieu";

/** The store sheet's key/value rows, as the user sees them. */
function storeRows(fake: FakeExcel): (string | number | boolean | null)[][] {
  const rows: (string | number | boolean | null)[][] = [];
  for (let r = 1; fake.cell(`${STORE}!A${r}`)?.value; r++) rows.push(["A", "B"].map((c) => fake.cell(`${STORE}!${c}${r}`)?.value ?? null));
  return rows;
}

/** Row (1-based) of a key on the store sheet. */
function rowOf(fake: FakeExcel, key: string): number {
  for (let r = 1; r <= 200; r++) if (fake.cell(`${STORE}!A${r}`)?.value === key) return r;
  throw new Error(`no ${key} on the store sheet`);
}

const refusal = (p: Promise<unknown>) => rejected(p, ChitieuError);

function withStoreSheet(rows: [string, string][], apiVersion = "1.1"): FakeExcel {
  const fake = new FakeExcel({ apiVersion, sheets: ["Số liệu"] });
  fake.setCells("Số liệu", { B2: { value: 5, fill: "#92D050" } });
  fake.addSheet(STORE);
  fake.setValues(STORE, "A1", [["chitieu.about", "…"], ...rows]);
  return fake;
}

describe("undo state edited on the store sheet (ExcelApi 1.1)", () => {
  it('refuses {"fills":5} with a Vietnamese and English message naming the entry and the problem', async () => {
    const fake = withStoreSheet([
      ["chitieu.state.count", "1"],
      ["chitieu.state.0", '{"fills":5}'],
    ]);
    const e = await refusal(hostOn(fake).readMetadata());
    expect(e.code).toBe("store-damaged");
    expect(e.text("vi")).toContain('"chitieu.state.*" trên trang tính "_chitieu"');
    expect(e.text("vi")).toContain("fills: Đầu vào không hợp lệ: mong đợi mảng, nhận được số");
    expect(e.text("en")).toContain("fills: Invalid input: expected array, received number");
    expect(e.text("vi")).toBe(e.text("vi").normalize("NFC"));
  });

  it.each([
    ["a piece deleted", (fake: FakeExcel) => fake.setValues(STORE, `A${rowOf(fake, "chitieu.state.0")}`, [["", ""]]), "chitieu.state.0 of 1 is missing"],
    ["a piece that is no longer JSON", (fake: FakeExcel) => fake.setValues(STORE, `B${rowOf(fake, "chitieu.state.0")}`, [["xin chào"]]), "not JSON"],
    ["a cell address typed over", (fake: FakeExcel) => fake.setValues(STORE, `B${rowOf(fake, "chitieu.state.0")}`, [['{"fills":[{"sheet":"Số liệu","cell":"B 2","fill":null}]}']]), "fills.0.cell: not a cell address"],
    ["the piece count", (fake: FakeExcel) => fake.setValues(STORE, `B${rowOf(fake, "chitieu.state.count")}`, [["nhiều"]]), "chitieu.state.count"],
  ])("keeps the marked cells as they are when the state has %s, and clears once the edit is undone", async (_what, damage, problem) => {
    const fake = withStoreSheet([]);
    const host = hostOn(fake);
    const plan = { marks: [{ sheet: "Số liệu", cell: "B2", severity: "error" as const, status: "invalid" as const, indicator: "CQS-01", message: { vi: "Sai", en: "Wrong" } }] };
    await host.applyHighlights(plan);
    const marked = fake.cell("'Số liệu'!B2")?.fill;
    expect(marked).not.toBe("#92D050");
    const before = storeRows(fake);

    damage(fake);
    const e = await refusal(host.clearHighlights());
    expect(e.code).toBe("store-damaged");
    expect(e.text("en")).toContain(problem);
    // nothing was written: the cell keeps our mark, so its own fill can still come back
    expect(fake.cell("'Số liệu'!B2")?.fill).toBe(marked);

    // the user undoes the edit: the saved fill comes back
    fake.setValues(STORE, "A1", before);
    await host.clearHighlights();
    expect(fake.cell("'Số liệu'!B2")?.fill).toBe("#92D050");
  });
});

describe("template information edited", () => {
  const meta = { templateVersion: "1", catalogId: "nq09", catalogVersion: "1.0", unitCode: "xa-a", level: "commune", year: "2025", sheet: "Báo cáo" };
  const entries = (over: Partial<typeof meta>) => Object.entries(METADATA_KEYS).map(([k, name]): [string, string] => [name, { ...meta, ...over }[k as keyof typeof meta]]);

  it("on the store sheet (ExcelApi 1.1): names the entry and what it should hold", async () => {
    const e = await refusal(hostOn(withStoreSheet(entries({ level: "huyen" }))).readMetadata());
    expect(e.code).toBe("store-damaged");
    expect(e.text("vi")).toContain("Thông tin biểu mẫu");
    expect(e.text("vi")).toMatch(/chitieu\.level: Tùy chọn không hợp lệ: mong đợi một trong các giá trị "province"\|"district"\|"commune"/);
    expect(e.text("en")).toContain("chitieu.level: Invalid option");
  });

  it("in the custom properties (ExcelApi 1.7): a field removed is named", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7", sheets: ["Báo cáo"] });
    for (const [k, v] of entries({})) if (k !== METADATA_KEYS.unitCode) fake.customProperties.set(k, v);
    const e = await refusal(hostOn(fake).readSnapshot());
    expect(e.code).toBe("store-damaged");
    expect(e.text("en")).toContain("chitieu.unitCode: required but missing (expected string)");
  });

  it("reads a year LibreOffice saved as 2025.0, and a workbook with none of it as not our template", async () => {
    expect((await hostOn(withStoreSheet(entries({ year: "2025.0" }))).readMetadata())?.year).toBe(2025);
    expect(await hostOn(withStoreSheet([])).readMetadata()).toBeNull();
  });
});
