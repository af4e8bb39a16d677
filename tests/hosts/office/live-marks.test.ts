// Marks that stay true in Excel: from ExcelApi 1.6 a shortfall's mark is a live conditional format, so it goes away
// when the clerk fixes the figure (and a met figure edited into a shortfall becomes marked) without a new check.
// Below 1.6 a mark is a fill, which cannot follow the figure: it stays until the next check.

import { defaultCatalog } from "../../../src/core/catalog";
import { checkWorkbook, type CheckReport } from "../../../src/core/check";
import { fillTemplateLayout, type IndicatorFigures, type TemplateLayout } from "../../../src/core/template";
import { FakeExcel } from "../../support/fake";
import { communeLayout } from "../contract/scenarios";
import { hostOn } from "./harness";

const catalog = defaultCatalog();
const AMBER = "#FFEB9C"; // our warning fill: a shortfall
const CHECKED_ON = "2026-11-27";
const figures = new Map<string, IndicatorFigures>([
  ["CQS-01", { numerator: 45, denominator: 50 }], // 90% of ≥ 100%: below
  ["CQS-02", { numerator: 70, denominator: 100 }], // 70% of ≥ 60%: met
]);

interface Scene {
  fake: FakeExcel;
  layout: TemplateLayout;
  report: CheckReport;
  at: (code: string, column: "numerator" | "result") => string;
  /** Excel recalculates the template's own result and assessment after an edit; the fake does not, so the test says what they become. */
  recalculated: (code: string, result: number, assessment: string) => void;
}

async function markedIn(apiVersion: string): Promise<Scene> {
  const layout = communeLayout();
  const fake = new FakeExcel({ apiVersion, sheets: ["Sheet1"] });
  const host = hostOn(fake);
  await host.insertTemplate(fillTemplateLayout(layout, figures));
  const cells = (code: string) => layout.rows.find((r) => r.indicatorCode === code)!.cells;
  const recalculated = (code: string, result: number, assessment: string) =>
    fake.setCells(layout.sheetName, { [cells(code).result]: { value: result, formula: "cached" }, [cells(code).assessment]: { value: assessment, formula: "cached" } });
  recalculated("CQS-01", 0.9, "Chưa đạt");
  recalculated("CQS-02", 0.7, "Đạt");
  const report = checkWorkbook(await host.readSnapshot(), { catalog, checkedOn: CHECKED_ON });
  await host.applyHighlights(report.plan);
  return { fake, layout, report, at: (code, column) => `'${layout.sheetName}'!${cells(code)[column]!}`, recalculated };
}

describe("Excel with conditional formats (ExcelApi 1.18)", () => {
  it("takes the mark off a shortfall as soon as the figure is fixed, with no new check", async () => {
    const s = await markedIn("1.18");
    expect(s.fake.shownFill(s.at("CQS-01", "result"))).toBe(AMBER);
    await s.fake.edit(s.at("CQS-01", "numerator"), 50); // 50/50 = 100%
    s.recalculated("CQS-01", 1, "Đạt");
    expect(s.fake.shownFill(s.at("CQS-01", "result"))).not.toBe(AMBER);
  });

  it("marks a met figure the clerk lowers below its level", async () => {
    const s = await markedIn("1.18");
    expect(s.fake.shownFill(s.at("CQS-02", "result"))).not.toBe(AMBER);
    await s.fake.edit(s.at("CQS-02", "numerator"), 59); // 59% of ≥ 60%
    s.recalculated("CQS-02", 0.59, "Chưa đạt");
    expect(s.fake.shownFill(s.at("CQS-02", "result"))).toBe(AMBER);
    // and "fixed" with text: the sheet cannot compare it, the mark stays
    await s.fake.edit(s.at("CQS-02", "numerator"), "sáu mươi");
    expect(s.fake.shownFill(s.at("CQS-02", "result"))).toBe(AMBER);
  });

  it("keeps static marks static, and dates every note", async () => {
    const s = await markedIn("1.18");
    const missing = s.report.plan.marks.find((m) => m.status === "missing")!;
    const missingAt = `'${missing.sheet}'!${missing.cell}`;
    await s.fake.edit(missingAt, 80); // a figure typed later: the static mark is only re-judged by a new check
    expect(s.fake.shownFill(missingAt)).toBe("#DDEBF7");
    const note = (address: string) => s.fake.notes().find((n) => `'${n.sheet}'!${n.cell}` === address)?.content;
    expect(note(missingAt)).toMatch(/\nKết quả kiểm tra ngày 27\/11\/2026; ô giữ màu này đến lần kiểm tra sau\.$/);
    expect(note(s.at("CQS-01", "result"))).toMatch(/^Chỉ tiêu CĐS: Chưa đạt .*\nKiểm tra ngày 27\/11\/2026; màu tự mất khi số liệu được sửa đạt yêu cầu\.$/s);
    // a watched figure has no note: nothing is wrong with it
    expect(note(s.at("CQS-02", "result"))).toBeUndefined();
  });

  it("writes each live rule on its own cell, and clearing removes every rule of ours, live or not", async () => {
    const s = await markedIn("1.18");
    const ours = s.fake.conditionalFormats(s.layout.sheetName).filter((r) => r.formula.includes("chitieu-cds"));
    const live = ours.filter((r) => r.formula.startsWith('=AND("chitieu-cds"="chitieu-cds",'));
    expect(live.map((r) => r.areas)).toEqual(expect.arrayContaining([[s.at("CQS-01", "result").split("!")[1]], [s.at("CQS-02", "result").split("!")[1]]]));
    expect(live.find((r) => r.areas[0] === s.at("CQS-01", "result").split("!")[1])!.formula).toBe(`=AND("chitieu-cds"="chitieu-cds",${s.report.plan.marks.find((m) => m.indicator === "CQS-01")!.live})`);
    const theirs = s.fake.conditionalFormats(s.layout.sheetName).filter((r) => !r.formula.includes("chitieu-cds"));
    await hostOn(s.fake).clearHighlights();
    expect(s.fake.conditionalFormats(s.layout.sheetName)).toEqual(theirs);
  });
});

describe("Excel without conditional formats (ExcelApi 1.1)", () => {
  it("paints static fills that stay until the next check, and adds no rule", async () => {
    const s = await markedIn("1.1");
    expect(s.fake.shownFill(s.at("CQS-01", "result"))).toBe(AMBER);
    await s.fake.edit(s.at("CQS-01", "numerator"), 50);
    expect(s.fake.shownFill(s.at("CQS-01", "result"))).toBe(AMBER);
    // a watch needs a rule: a met figure lowered is not marked until the next check
    await s.fake.edit(s.at("CQS-02", "numerator"), 10);
    expect(s.fake.shownFill(s.at("CQS-02", "result"))).not.toBe(AMBER);
    // and Excel 2016 has no notes or comments to date: the pane lists the findings instead
    expect(s.fake.notes()).toEqual([]);
    expect(s.fake.comments()).toEqual([]);
  });
});
