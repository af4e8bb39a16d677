// Which target a level's report for a year is judged against, on the bundled catalog (the one home of this rule:
// the judge, the template's target column and the check all ask src/core/judge/targets.ts).

import { defaultCatalog, findIndicator } from "../../../src/core/catalog";
import { resolveTarget, targetForYear } from "../../../src/core/judge";
import { finalTarget } from "../../../src/core/template";

const catalog = defaultCatalog();
const records = findIndicator(catalog, "CQS-02")!;

describe("the target of a target year", () => {
  it("gives each level its own 2025 target for work records processed online", () => {
    expect(targetForYear(records, "province", 2025)?.value).toBe(90);
    expect(targetForYear(records, "district", 2025)?.value).toBe(80);
    expect(targetForYear(records, "commune", 2025)?.value).toBe(60);
    expect(targetForYear(records, "commune", 2030)?.value).toBe(70);
  });

  it("applies a yearly target in every year of its period only", () => {
    const productivity = findIndicator(catalog, "KTS-02")!;
    expect(targetForYear(productivity, "province", 2023)?.value).toBe(7);
    expect(targetForYear(productivity, "province", 2027)?.value).toBe(8);
    expect(resolveTarget(productivity, "province", 2027)).toMatchObject({ year: 2027, basis: "target-year" });
  });
});

describe("a year between target years", () => {
  it("has no target of its own, and points the report to the next target year", () => {
    expect(targetForYear(records, "commune", 2027)).toBeNull();
    expect(resolveTarget(records, "commune", 2027)).toMatchObject({ year: 2030, basis: "path", target: { value: 70 } });
  });

  it("shows the 2030 target beside it", () => {
    expect(finalTarget(records, "commune")?.value).toBe(70);
    expect(finalTarget(records, "province")?.value).toBe(100);
  });
});
