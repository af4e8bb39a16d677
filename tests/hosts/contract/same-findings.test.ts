import { defaultCatalog } from "../../../src/core/catalog";
import { checkWorkbook, type CheckReport } from "../../../src/core/check";
import { fillTemplateLayout, type IndicatorFigures } from "../../../src/core/template";
import { FakeExcel } from "../../support/fake";
import { createFileHost } from "../../../src/hosts/xlsx/file-host";
import { hostOn, LEVELS } from "../office/harness";
import { communeLayout } from "./scenarios";

// The same clerk's work checked in Excel and in the browser mode: insert the template, fill figures, check. Both hosts
// must find the same indicators at the same cells with the same statuses and gaps, and plan the same marks.

const catalog = defaultCatalog();
const figures: [string, IndicatorFigures][] = [
  ["CQS-02", { numerator: 50, denominator: 100 }],
  ["CQS-03", { numerator: 120, denominator: 100 }],
  ["CQS-06", { value: "Không" }],
  ["XHS-06", { numerator: 80, denominator: 100 }],
  ["XHS-10", { numerator: 3, denominator: 12 }],
];

function essence(report: CheckReport) {
  return {
    context: report.context,
    findings: report.findings.map((f) => ({ indicator: f.indicator, sheet: f.sheet, cell: f.cell, status: f.status, severity: f.severity, value: f.value, gap: f.gap })),
    marks: report.plan.marks.map((m) => ({ sheet: m.sheet, cell: m.cell, severity: m.severity })),
  };
}

async function viaFileHost() {
  const host = createFileHost();
  await host.insertTemplate(fillTemplateLayout(communeLayout(), new Map(figures)));
  return { host, report: checkWorkbook(await host.readSnapshot(), { catalog }) };
}

describe.each(LEVELS)("Excel (ExcelApi %s) and the file host", (level) => {
  it("find the same things in the same filled template", async () => {
    const layout = communeLayout();
    const fake = new FakeExcel({ apiVersion: level, sheets: ["Sheet1"] });
    const office = hostOn(fake);
    await office.insertTemplate(layout);
    for (const [code, f] of figures) {
      const row = layout.rows.find((r) => r.indicatorCode === code)!;
      if (f.numerator !== undefined) await fake.edit(`'${layout.sheetName}'!${row.cells.numerator}`, f.numerator);
      if (f.denominator !== undefined) await fake.edit(`'${layout.sheetName}'!${row.cells.denominator}`, f.denominator);
      if (f.value !== undefined) await fake.edit(`'${layout.sheetName}'!${row.cells.value}`, f.value);
    }
    const inExcel = checkWorkbook(await office.readSnapshot(), { catalog });
    const inFile = (await viaFileHost()).report;

    expect(essence(inExcel)).toEqual(essence(inFile));
    expect(inFile.findings.find((f) => f.indicator === "CQS-02")).toMatchObject({ status: "below", gap: -10 });
    expect(inFile.findings.find((f) => f.indicator === "CQS-03")).toMatchObject({ status: "invalid" });
  });

  it("mark the same cells, and both clear them again", async () => {
    const layout = communeLayout();
    const fake = new FakeExcel({ apiVersion: level, sheets: ["Sheet1"] });
    const office = hostOn(fake);
    await office.insertTemplate(fillTemplateLayout(layout, new Map(figures)));
    const report = checkWorkbook(await office.readSnapshot(), { catalog });
    const { host: file } = await viaFileHost();

    const inExcel = await office.applyHighlights(report.plan);
    const inFile = await file.applyHighlights(report.plan);
    expect(inExcel.marked).toBe(report.plan.marks.length);
    expect(inFile.marked).toBe(inExcel.marked);

    await office.clearHighlights();
    await file.clearHighlights();
    const excelRules = fake.conditionalFormats(layout.sheetName).filter((r) => r.formula.includes("chitieu-cds"));
    expect(excelRules).toEqual([]);
    expect(checkWorkbook(await file.readSnapshot(), { catalog }).findings).toEqual(report.findings);
  });
});
