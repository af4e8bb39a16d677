// The reviewer's decisions kept in the workbook by the Office host: the same "_chitieu_review" sheet the file host
// writes, very hidden from ExcelApi 1.2 (visible, saying not to edit it, at 1.1), written in two syncs, and read by
// the next check in the same syncs as the template sheet (a review never costs a round trip).

import { defaultCatalog } from "../../../src/core/catalog";
import { checkWorkbook } from "../../../src/core/check";
import { REVIEW_SHEET, withFindingDecision } from "../../../src/core/review";
import { fillTemplateLayout } from "../../../src/core/template";
import { FakeExcel } from "../../support/fake";
import { communeLayout } from "../contract/scenarios";
import { hostOn, LEVELS } from "./harness";

const catalog = defaultCatalog();
const AT = "2026-11-27T02:30:00.000Z";

describe.each(LEVELS)("Office host at ExcelApi %s: saveReview", (api) => {
  it("keeps the decisions in two syncs, on a very hidden sheet, and the next check reads them without an extra sync", async () => {
    const fake = new FakeExcel({ apiVersion: api, sheets: ["Sheet1"] });
    const host = hostOn(fake);
    await host.insertTemplate(fillTemplateLayout(communeLayout(), new Map([["CQS-02", { numerator: 50, denominator: 100, note: "Thiếu máy tính" }]])));
    let before = fake.syncCount;
    const first = checkWorkbook(await host.readSnapshot(), { catalog });
    const readSyncs = fake.syncCount - before;

    before = fake.syncCount;
    await host.saveReview(withFindingDecision(first, "CQS-02", { kind: "accepted", comment: "", by: "Lò Văn Hùng", at: AT }));
    expect(fake.syncCount - before).toBe(2);
    expect(fake.sheet(REVIEW_SHEET).visibility).toBe(api === "1.1" ? "Visible" : "VeryHidden");
    expect(String(fake.cell(`${REVIEW_SHEET}!B2`)?.value)).toContain("vui lòng không sửa");

    before = fake.syncCount;
    const again = checkWorkbook(await host.readSnapshot(), { catalog });
    expect(fake.syncCount - before).toBe(readSyncs);
    expect(again.findings.find((f) => f.indicator === "CQS-02")).toMatchObject({ explanation: "Thiếu máy tính", decision: { kind: "accepted", by: "Lò Văn Hùng" } });

    // a new pane (a host that has read nothing) reads them too
    const fresh = hostOn(fake);
    expect(checkWorkbook(await fresh.readSnapshot(), { catalog }).findings.find((f) => f.indicator === "CQS-02")?.decision?.kind).toBe("accepted");
  });
});
