import ExcelJS from "exceljs";
import { metadataEntries } from "../../../../src/core/metadata";
import { ChitieuError } from "../../../../src/core/errors";
import { createFileHost } from "../../../../src/hosts/xlsx/file-host";
import { caught as caughtError, rejected } from "../../../support/caught";
import type { TemplateMetadata } from "../../../../src/core/snapshot";
import { readWorkbook } from "../../../../src/hosts/xlsx/read";

// A template inserted in Office 2016 (ExcelApi below 1.7) keeps its metadata on a "_chitieu" sheet of key/value rows,
// because that Excel has no custom document properties. Saved and opened without Excel, it is still our template.

const meta: TemplateMetadata = {
  templateVersion: "1", catalogId: "lai-chau-09-NQ-TU", catalogVersion: "1.0.0",
  unitCode: "xa-muong-kim", level: "commune", year: 2025, sheet: "Báo cáo",
};

async function savedByOldExcel(rows: [string, string | number][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Báo cáo").getCell("A1").value = "BÁO CÁO";
  const store = wb.addWorksheet("_chitieu", { state: "veryHidden" });
  store.addRow(["chitieu.about", "Dữ liệu của phần bổ trợ Chỉ tiêu CĐS — vui lòng không sửa"]);
  for (const r of rows) store.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const caught = (fn: () => unknown) => caughtError(fn, ChitieuError);

const refusal = (p: Promise<unknown>) => rejected(p, ChitieuError);

const bytes: Record<"incomplete" | "badYear", Uint8Array> = { incomplete: new Uint8Array(), badYear: new Uint8Array() };
beforeAll(async () => {
  bytes.incomplete = await savedByOldExcel(metadataEntries(meta).filter(([k]) => k !== "chitieu.level"));
  bytes.badYear = await savedByOldExcel(metadataEntries(meta).map(([k, v]): [string, string] => [k, k === "chitieu.year" ? "năm nay" : v]));
});

describe("a template saved by an Excel without custom properties", () => {
  it("is recognised from its store sheet, which is not shown as the user's sheet", async () => {
    const snapshot = readWorkbook(await savedByOldExcel(metadataEntries(meta)));
    expect(snapshot.metadata).toEqual(meta);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Báo cáo"]);
  });

  it("is refused, naming the entry, when a field was deleted or edited on the store sheet", async () => {
    const e1 = caught(() => readWorkbook(bytes.incomplete));
    expect(e1.code).toBe("store-damaged");
    expect(e1.text("en")).toContain("chitieu.level: required but missing (expected string)");
    const e2 = await refusal(createFileHost(bytes.badYear).readMetadata());
    expect(e2.code).toBe("store-damaged");
    expect(e2.text("vi")).toContain('các mục "chitieu.*" trên trang tính "_chitieu"');
    expect(e2.text("vi")).toContain("chitieu.year: ");
    expect(e2.text("en")).toContain("chitieu.year: a year such as 2025");
  });

  it("is not our template when it holds none of our entries", async () => {
    expect(readWorkbook(await savedByOldExcel([])).metadata).toBeNull();
  });
});
