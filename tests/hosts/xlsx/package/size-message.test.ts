import { ChitieuError } from "../../../../src/core/errors";
import { openPackage } from "../../../../src/hosts/xlsx/package";
import { caught } from "../../../support/caught";
import { zipOf } from "./zip-fixtures";

// A part over the size limit is named as the clerk knows it (the sheet "Báo cáo"), with the limit, not as a zip part.

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

const big = `<worksheet xmlns="${MAIN}"><sheetData>${"<row/>".repeat(2000)}</sheetData></worksheet>`;

function workbook(parts: [string, string][] = []) {
  return zipOf([
    ["[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`],
    ["_rels/.rels", `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ["xl/workbook.xml", `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Hướng dẫn" sheetId="1" r:id="rId1"/><sheet name="Báo cáo" sheetId="2" r:id="rId2"/></sheets></workbook>`],
    ["xl/_rels/workbook.xml.rels", `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>`],
    ["xl/worksheets/sheet1.xml", `<worksheet xmlns="${MAIN}"/>`],
    ...parts,
  ]);
}

const limits = { maxPartBytes: 5000, ratioCheckAboveBytes: 10 * 1024 * 1024 };

describe("the size-limit message", () => {
  it("names the sheet and the limit, not the zip part", () => {
    const e = caught(() => openPackage(workbook([["xl/worksheets/sheet2.xml", big]]), limits), ChitieuError);
    expect(e.code).toBe("too-large");
    expect(e.text("vi")).toMatch(/^Trang "Báo cáo" quá lớn: khi giải nén hơn .*, vượt giới hạn 4,9 KB cho mỗi phần của sổ tính\./);
    expect(e.text("vi")).not.toContain("xl/worksheets");
    expect(e.text("en")).toMatch(/^Sheet "Báo cáo" is too large: .* over the 4.9 KB limit/);
  });

  it("names the shared text when that is what is too large", () => {
    const e = caught(() => openPackage(workbook([["xl/sharedStrings.xml", big]]), limits), ChitieuError);
    expect(e.text("vi")).toMatch(/^Phần văn bản dùng chung của các trang quá lớn/);
  });

  it("falls back to the part name when workbook.xml cannot say which sheet it is", () => {
    const e = caught(() => openPackage(workbook([["xl/worksheets/sheet9.xml", big]]), limits), ChitieuError);
    expect(e.text("vi")).toMatch(/^Thành phần "xl\/worksheets\/sheet9\.xml" của tệp quá lớn/);
  });
});
