// Where the fake follows real Excel closely enough to catch what an in-memory model would hide (issue 14): rule ids
// that are positions, the 5 MB response limit, typed input, threaded-comment replies, sheet names that need quotes,
// event handlers removed in their own context. Each behaviour of the fake cites its source in tests/support/fake.

import type { HighlightPlan } from "../../../src/core/highlight-plan";
import { FakeExcel } from "../../support/fake";
import { communeLayout, mark } from "../contract/scenarios";
import { hostOn } from "./harness";

const OURS = '="chitieu-cds"="chitieu-cds"';

describe("conditional formats: ids are positions that shift (ExcelApi ≥ 1.6)", () => {
  it.each(["1.7", "1.14", "1.18"])("keeps the user's and the template's own rules through check, check, clear at ExcelApi %s", async (level) => {
    const fake = new FakeExcel({ apiVersion: level });
    const layout = communeLayout();
    await hostOn(fake).insertTemplate(layout);
    const sheet = layout.sheetName;
    fake.addUserConditionalFormat(sheet, ["Z1:Z50"], "=Z1>100", "#FF0000");
    const theirs = fake.conditionalFormats(sheet).map((r) => r.key);
    expect(theirs.length).toBeGreaterThanOrEqual(3);

    const row = layout.rows.find((r) => r.cells.numerator)!;
    const plan: HighlightPlan = { marks: [mark(sheet, row.cells.numerator!, "error"), mark(sheet, row.cells.denominator!, "warning")] };
    // each call is its own Excel.run, as from the pane; a fresh host for the second check, as from the ribbon
    const pane = hostOn(fake);
    await pane.readSnapshot();
    await pane.applyHighlights(plan);
    await pane.readSnapshot();
    await pane.applyHighlights(plan);
    expect(fake.conditionalFormats(sheet).filter((r) => r.formula === OURS)).toHaveLength(2);
    expect(fake.conditionalFormats(sheet).filter((r) => r.formula !== OURS).map((r) => r.key)).toEqual(theirs);

    const ribbon = hostOn(fake);
    await ribbon.readSnapshot();
    await ribbon.applyHighlights(plan);
    await hostOn(fake).clearHighlights();
    expect(fake.conditionalFormats(sheet).map((r) => r.key)).toEqual(theirs);
  });
});

describe("text written into cells is typed input to Excel", () => {
  it.each(["1.1", "1.7", "1.18"])("keeps every text of the template as text at ExcelApi %s, the column numbers (1), (2)… included", async (level) => {
    const fake = new FakeExcel({ apiVersion: level });
    const layout = communeLayout();
    await hostOn(fake).insertTemplate(layout);
    const texts = layout.cells.filter((c) => c.formula === undefined && typeof c.value === "string" && c.value !== "");
    expect(texts.some((c) => c.value === "(1)")).toBe(true);
    const changed = texts.filter((c) => fake.cell(`'${layout.sheetName}'!${c.ref}`)?.value !== c.value).map((c) => `${c.ref}: ${JSON.stringify(c.value)}`);
    expect(changed).toEqual([]);
    // the guide's lines too
    layout.guide.lines.forEach((line, i) => {
      if (line) expect(fake.cell(`'${layout.guide.sheetName}'!A${i + 3}`)?.value).toBe(line);
    });
  });
});
