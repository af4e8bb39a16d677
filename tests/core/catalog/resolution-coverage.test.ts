import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCatalog, type Target } from "../../../src/core/catalog";

// Reads section II.2.2 of the resolution as received (OCR'd) and proves the catalog holds every percentage it states.

interface StatedNumber {
  clause: string;
  bullet: number;
  value: number;
  comparator: ">=" | ">";
  context: string;
}

function statedPercentages(text: string): StatedNumber[] {
  const start = text.indexOf("2.2. Mục tiêu cụ thể");
  const end = text.indexOf("III- NHIỆM VỤ");
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  const out: StatedNumber[] = [];
  let year = "";
  let letter = "";
  let bullet = 0;
  for (const line of text.slice(start, end).split("\n")) {
    const heading = /^2\.2\.(\d)\./.exec(line);
    if (heading) { year = heading[1]!; letter = ""; continue; }
    const sub = /^([abc])\)/.exec(line);
    if (sub) { letter = sub[1]!; bullet = 0; continue; }
    if (!line.startsWith("–")) continue;
    bullet++;
    for (const m of line.matchAll(/(\d+(?:,\d+)?)\s*%/g)) {
      const before = line.slice(0, m.index).trimEnd().split(/\s+/).pop() ?? "";
      out.push({
        clause: `II.2.2.${year}.${letter}`,
        bullet,
        value: Number(m[1]!.replace(",", ".")),
        comparator: /^trên$/i.test(before) ? ">" : ">=",
        context: line.slice(Math.max(0, m.index! - 30), m.index! + 40),
      });
    }
  }
  return out;
}

const seed = readFileSync(join(__dirname, "../../../seeds/nghi-quyet-09-NQ-TU-lai-chau.txt"), "utf8").normalize("NFC");
const catalog = defaultCatalog();
const allTargets: (Target & { code: string })[] = catalog.indicators.flatMap((i) => i.targets.map((t) => ({ ...t, code: i.code })));
const stated = statedPercentages(seed);

describe("the catalog against section II.2.2 of the resolution", () => {
  it("finds the percentages of all six target paragraphs (2025 and 2030, a to c)", () => {
    const clauses = new Set(stated.map((s) => s.clause));
    expect([...clauses].sort()).toEqual(["II.2.2.1.a", "II.2.2.1.b", "II.2.2.1.c", "II.2.2.2.a", "II.2.2.2.b", "II.2.2.2.c"]);
    expect(stated.length).toBeGreaterThanOrEqual(50);
  });

  it.each(stated.map((s) => [`${s.clause} ý ${s.bullet}: "${s.context}"`, s] as const))(
    "has a target or a stated reason for %s",
    (_name, s) => {
      const target = allTargets.find(
        (t) => !t.carried && t.source.clause === s.clause && t.source.bullet === s.bullet && t.value === s.value,
      );
      const excused = catalog.notTargets.find((n) => n.source.clause === s.clause && n.source.bullet === s.bullet && n.value === s.value);
      expect(target ?? excused).toBeDefined();
      if (target) {
        expect(target.comparator).toBe(s.comparator);
        const horizon = s.clause.startsWith("II.2.2.1") ? 2025 : 2030;
        // a yearly target ("hàng năm tăng tối thiểu 7%") holds each year of the period that ends at the horizon
        expect(target.year === "annual" ? target.period?.to : target.year).toBe(horizon);
      }
    },
  );

  it("invents no target: every dated target citing II.2.2 states a value found in that bullet", () => {
    const cited = allTargets.filter((t) => t.source.clause.startsWith("II.2.2") && !t.carried && t.value !== 1);
    for (const t of cited) {
      const match = stated.find((s) => s.clause === t.source.clause && s.bullet === t.source.bullet && s.value === t.value);
      expect({ code: t.code, found: match !== undefined }).toEqual({ code: t.code, found: true });
    }
  });

  it("marks a 2030 target that the 2030 text does not restate as carried from 2025", () => {
    const carried = allTargets.filter((t) => t.carried);
    expect(carried.length).toBeGreaterThan(0);
    for (const t of carried) {
      expect(t.year).toBe(2030);
      expect(t.source.clause.startsWith("II.2.2.1")).toBe(true);
      const original = allTargets.find((o) => o.code === t.code && o.year === 2025 && o.level === t.level);
      expect(original?.value).toBe(t.value);
    }
  });

  it("holds the 2022 e-commerce platform, the 2025 DTI rank and the yearly budget share", () => {
    const byCode = (c: string) => catalog.indicators.find((i) => i.code === c)!;
    expect(byCode("KTS-12").targets).toEqual([expect.objectContaining({ year: 2022, value: 1, comparator: ">=" })]);
    expect(byCode("NL-01").targets).toEqual([expect.objectContaining({ year: 2025, value: 45, comparator: "<=" })]);
    expect(byCode("NL-01").unit).toEqual({ kind: "rank", fieldSize: 63 });
    expect(byCode("NL-02").targets).toEqual([expect.objectContaining({ year: "annual", value: 1, comparator: ">=", period: { from: 2022, to: 2030 } })]);
  });

  it("keeps the baselines that section I states", () => {
    const baselines = catalog.indicators.flatMap((i) => i.baselines.map((b) => [i.code, b.year, b.value]));
    expect(baselines).toEqual(expect.arrayContaining([["XHS-02", 2021, 38.3], ["NL-01", 2020, 50], ["XHS-03", 2021, 52]]));
  });
});
