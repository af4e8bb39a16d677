// A live mark judges an edited figure the way the engine would: the rule written at the check, evaluated on a new
// figure by a spreadsheet, fires exactly when a new check would still mark the cell (below the level, or malformed).
// The spreadsheet here is the Excel fake's formula evaluator (tests/support/fake/formula.ts), not our code.

import { defaultCatalog, inputUnit, type Indicator, type Level } from "../../../src/core/catalog";
import { liveCondition } from "../../../src/core/check/live-rule";
import type { LocatedRow } from "../../../src/core/check/locate";
import { readCell, type ExpectedKind } from "../../../src/core/figures";
import { judge, type Entry, type JudgeContext } from "../../../src/core/judge";
import { ruleApplies, type FormulaValue } from "../../support/fake/formula";
import { parseCell } from "../../support/fake/a1";

const catalog = defaultCatalog();
const ctx: JudgeContext = { level: "province", year: 2025, fieldSizeNow: 34 };

function indicator(code: string, level: Level = "province"): Indicator {
  const i = catalog.indicators.find((x) => x.code === code)!;
  return { ...i, unit: inputUnit(i.unit, level) };
}

type Cells = { numerator?: number | string; denominator?: number | string; value?: number | string };

function rowOf(ind: Indicator, cells: Cells, format: string): LocatedRow {
  const cell = (address: string, raw: number | string | undefined) => (raw === undefined ? undefined : { address, raw, format });
  const row: LocatedRow = { indicator: ind, sheet: "Báo cáo", row: 11, matchedBy: "code" };
  const g = cell("G11", cells.numerator);
  const h = cell("H11", cells.denominator);
  const i = cell("I11", cells.value);
  if (g) row.numerator = g;
  if (h) row.denominator = h;
  if (i) row.value = i;
  return row;
}

function entryOf(ind: Indicator, cells: Cells, format: string): Entry {
  const kind: ExpectedKind = ind.unit.kind === "count" || ind.unit.kind === "rank" ? "count" : ind.unit.kind === "growth" ? "growth" : "percent";
  const e: Entry = {};
  if (cells.value !== undefined) e.value = readCell(cells.value, format, kind);
  if (cells.numerator !== undefined) e.numerator = readCell(cells.numerator, "General", "count");
  if (cells.denominator !== undefined) e.denominator = readCell(cells.denominator, "General", "count");
  return e;
}

const field = (ind: Indicator) => (ind.unit.kind === "rank" ? (ctx.fieldSizeNow ?? ind.unit.fieldSize) : 0);

/** The rule of a check of `first`, as a spreadsheet evaluates it once the cells hold `now`. */
function ruleFires(code: string, first: Cells, now: Cells, format = "General"): boolean {
  const ind = indicator(code);
  const live = liveCondition(rowOf(ind, first, format), ind.unit, judge(ind, entryOf(ind, first, format), ctx), field(ind));
  if (live === null) throw new Error(`${code}: no live rule for ${JSON.stringify(first)}`);
  const values: Record<string, FormulaValue> = { G11: now.numerator ?? null, H11: now.denominator ?? null, I11: now.value ?? null };
  const read = (row: number, col: number) => {
    for (const [a, v] of Object.entries(values)) {
      const p = parseCell(a);
      if (p.row === row && p.col === col) return v;
    }
    return null;
  };
  const at = parseCell("J11");
  return ruleApplies(live, read, at, at);
}

/** Whether a new check would still mark the figure: anything but met/on-track. */
function engineMarks(code: string, now: Cells, format = "General"): boolean {
  const ind = indicator(code);
  const status = judge(ind, entryOf(ind, now, format), ctx).status;
  return status !== "met" && status !== "on-track";
}

describe("a live rule and a new check agree on the edited figure", () => {
  const cases: { what: string; code: string; first: Cells; edits: Cells[]; format?: string }[] = [
    {
      what: "a ratio against ≥ 90% (CQS-02), at and around the level, and malformed pairs",
      code: "CQS-02",
      first: { numerator: 80, denominator: 100 },
      edits: [{ numerator: 90, denominator: 100 }, { numerator: 89.99, denominator: 100 }, { numerator: 9, denominator: 10 }, { numerator: 101, denominator: 100 }, { numerator: 5, denominator: 0 }, { numerator: -1, denominator: 10 }, { numerator: 1, denominator: 1 }],
    },
    {
      what: "a ratio against > 50% (XHS-02): exactly 50% is not enough",
      code: "XHS-02",
      first: { numerator: 40, denominator: 100 },
      edits: [{ numerator: 50, denominator: 100 }, { numerator: 51, denominator: 100 }, { numerator: 1, denominator: 2 }, { numerator: 1001, denominator: 2000 }],
    },
    {
      what: "a ratio against ≥ 20% (KTS-05): numerator·100/denominator rounded as the engine rounds it",
      code: "KTS-05",
      first: { numerator: 7, denominator: 100 },
      edits: [{ numerator: 20, denominator: 100 }, { numerator: 1, denominator: 5 }, { numerator: 199999, denominator: 1000000 }],
    },
    {
      what: "percentage points typed plainly against > 50% (XHS-04)",
      code: "XHS-04",
      first: { value: 30 },
      edits: [{ value: 50 }, { value: 50.0001 }, { value: 101 }, { value: -3 }, { value: 100 }],
    },
    {
      what: "a fraction under a percent format (0.855 shown as 85.5%) against ≥ 10% (KTS-01)",
      code: "KTS-01",
      format: "0.0%",
      first: { value: 0.05 },
      edits: [{ value: 0.1 }, { value: 0.0999 }, { value: 0.855 }, { value: 1.2 }],
    },
    {
      what: "a rank against ≤ 45/63, compared relatively among 34 provinces (NL-01)",
      code: "NL-01",
      first: { value: 30 },
      edits: [{ value: 24 }, { value: 25 }, { value: 1 }, { value: 35 }, { value: 20.5 }],
    },
    {
      what: "a count against ≥ 1 (KTS-12): whole and not negative",
      code: "KTS-12",
      first: { value: 0 },
      edits: [{ value: 1 }, { value: 2.5 }, { value: -1 }, { value: 3 }],
    },
    {
      what: "growth against ≥ 7 (KTS-02), negative allowed",
      code: "KTS-02",
      first: { value: 3 },
      edits: [{ value: 7 }, { value: 6.9999999 }, { value: -2 }],
    },
  ];
  it.each(cases)("$what", ({ code, first, edits, format }) => {
    expect(engineMarks(code, first, format)).toBe(true);
    expect(ruleFires(code, first, first, format)).toBe(true);
    for (const now of edits) expect([now, ruleFires(code, first, now, format)]).toEqual([now, engineMarks(code, now, format)]);
    // a fix that is text or a blank is no fix: the sheet cannot compare it
    expect(ruleFires(code, first, { numerator: "chín mươi", denominator: 100, value: "chín mươi" }, format)).toBe(true);
    expect(ruleFires(code, first, {}, format)).toBe(true);
  });
});

describe("what has no live rule", () => {
  it("a figure typed as text, a missing one, and a yes/no answer", () => {
    const xhs02 = indicator("XHS-02");
    const text = { numerator: "1.079", denominator: 2000 };
    expect(liveCondition(rowOf(xhs02, text, "General"), xhs02.unit, judge(xhs02, entryOf(xhs02, text, "General"), ctx), 0)).toBeNull();
    const missing = { denominator: 2000 };
    expect(liveCondition(rowOf(xhs02, missing, "General"), xhs02.unit, judge(xhs02, entryOf(xhs02, missing, "General"), ctx), 0)).toBeNull();
    const commune = catalog.indicators.find((x) => x.code === "CQS-06")!;
    const answer: Entry = { value: readCell("Không", "General", "yesno") };
    const row: LocatedRow = { indicator: commune, sheet: "Báo cáo", row: 11, matchedBy: "code", value: { address: "I11", raw: "Không", format: "General" } };
    expect(liveCondition(row, commune.unit, judge(commune, answer, { level: "commune", year: 2025 }), 0)).toBeNull();
  });
});
