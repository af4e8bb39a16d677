import ExcelJS from "exceljs";
import { metadataEntries } from "../../../../src/core/metadata";
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

describe("a template saved by an Excel without custom properties", () => {
  it("is recognised from its store sheet, which is not shown as the user's sheet", async () => {
    const snapshot = readWorkbook(await savedByOldExcel(metadataEntries(meta)));
    expect(snapshot.metadata).toEqual(meta);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Báo cáo"]);
  });

  it("is not taken for our template when a field is missing or wrong", async () => {
    const incomplete = metadataEntries(meta).filter(([k]) => k !== "chitieu.level");
    expect(readWorkbook(await savedByOldExcel(incomplete)).metadata).toBeNull();
    const badYear = metadataEntries(meta).map(([k, v]): [string, string] => [k, k === "chitieu.year" ? "năm nay" : v]);
    expect(readWorkbook(await savedByOldExcel(badYear)).metadata).toBeNull();
  });
});
