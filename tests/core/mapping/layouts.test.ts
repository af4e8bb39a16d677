// The labelled office layouts: the held-out group is frozen, every answer points at a filled cell, and the automatic
// mapping meets the goals on both groups (precision ≥ 0.98, recall ≥ 0.95, no wrong match shown as certain).

import { strFromU8, unzipSync } from "fflate";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { tryParseCell } from "../../../src/core/a1";
import { defaultCatalog } from "../../../src/core/catalog";
import { checkWorkbook } from "../../../src/core/check";
import { proposeMapping } from "../../../src/core/mapping";
import { LAYOUT_DIR, loadLayouts, scoreLayout, type Layout } from "../../support/layouts/answers";

const catalog = defaultCatalog();
let layouts: Layout[];
beforeAll(async () => {
  layouts = await loadLayouts();
});

describe("the labelled set", () => {
  it("has at least 15 layouts, held-out and tuning, with LibreOffice re-saves among them", () => {
    expect(layouts.length).toBeGreaterThanOrEqual(15);
    expect(layouts.filter((l) => l.answer.group === "held-out").length).toBeGreaterThanOrEqual(6);
    expect(layouts.filter((l) => l.answer.resavedByLibreOffice).length).toBeGreaterThanOrEqual(2);
    // a file LibreOffice saved says so in its package
    for (const l of layouts.filter((x) => x.answer.resavedByLibreOffice)) {
      expect(strFromU8(unzipSync(l.bytes, { filter: (f) => f.name === "docProps/app.xml" })["docProps/app.xml"]!)).toContain("LibreOffice");
    }
  });

  it("keeps the held-out files exactly as they were committed before tuning", () => {
    const manifest = readFileSync(join(LAYOUT_DIR, "held-out.sha256"), "utf8").trim().split("\n");
    expect(manifest.length).toBe(2 * layouts.filter((l) => l.answer.group === "held-out").length);
    for (const line of manifest) {
      const [hash, name] = line.split(/\s+/);
      const actual = createHash("sha256").update(readFileSync(join(LAYOUT_DIR, "held-out", name!))).digest("hex");
      expect({ name, hash: actual }).toEqual({ name, hash });
    }
  });

  it("answers only cells that hold something, on sheets that exist", () => {
    for (const l of layouts) {
      for (const a of l.answer.cells) {
        const sheet = l.snapshot.sheets.find((s) => s.name === a.sheet);
        expect({ layout: l.answer.layout, sheet: a.sheet, found: sheet !== undefined }).toEqual({ layout: l.answer.layout, sheet: a.sheet, found: true });
        const at = tryParseCell(a.cell)!;
        const v = sheet!.values[at.row - sheet!.top]?.[at.col - sheet!.left];
        expect({ layout: l.answer.layout, cell: a.cell, empty: v === null || v === undefined }).toEqual({ layout: l.answer.layout, cell: a.cell, empty: false });
      }
    }
  });
});

describe("the automatic mapping on the labelled set", () => {
  it.each(["held-out", "tuning"] as const)("meets the goals on the %s group", (group) => {
    let expected = 0;
    let certain = 0;
    let certainCorrect = 0;
    const wrongCertain: string[] = [];
    for (const l of layouts.filter((x) => x.answer.group === group)) {
      const s = scoreLayout(l, proposeMapping(l.snapshot, { catalog, year: l.answer.year }));
      expected += s.expected;
      certain += s.certain;
      certainCorrect += s.certainCorrect;
      wrongCertain.push(...s.wrong.filter((w) => w.endsWith("(certain)")).map((w) => `${l.answer.layout}: ${w}`));
    }
    expect(wrongCertain).toEqual([]);
    expect(certainCorrect / certain).toBeGreaterThanOrEqual(0.98);
    expect(certainCorrect / expected).toBeGreaterThanOrEqual(0.95);
  });

  it("reads level and year from titles that state them, and never guesses them wrong", () => {
    let stated = 0;
    for (const l of layouts) {
      const m = proposeMapping(l.snapshot, { catalog });
      if (m.level) expect({ layout: l.answer.layout, level: m.level.value }).toEqual({ layout: l.answer.layout, level: l.answer.level });
      if (m.year) expect({ layout: l.answer.layout, year: m.year.value }).toEqual({ layout: l.answer.layout, year: l.answer.year });
      if (m.year) stated++;
    }
    expect(stated).toBeGreaterThanOrEqual(6);
  });

  it("checks each layout end to end: every judged figure sits in an answer cell of the report year", () => {
    for (const l of layouts) {
      const report = checkWorkbook(l.snapshot, { catalog, level: l.answer.level, year: l.answer.year });
      const answerCells = new Set(l.answer.cells.filter((c) => c.year === l.answer.year && c.part !== "target").map((c) => `${c.indicator} ${c.sheet}!${c.cell}`));
      const answered = new Set(l.answer.cells.map((c) => c.indicator));
      // rows still to confirm are listed, never judged
      for (const e of report.mapping!.toConfirm) expect(report.findings.some((f) => f.indicator === e.indicator)).toBe(false);
      const judged = report.findings.filter((f) => f.status !== "not-applicable");
      expect(judged.length).toBeGreaterThan(0);
      for (const f of judged) {
        expect({ layout: l.answer.layout, indicator: f.indicator, answered: answered.has(f.indicator) }).toEqual({ layout: l.answer.layout, indicator: f.indicator, answered: true });
        if (f.cell) expect(answerCells.has(`${f.indicator} ${f.sheet}!${f.cell}`) || f.status === "missing").toBe(true);
      }
    }
  });
});
