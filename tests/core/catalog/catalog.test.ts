import { ChitieuError } from "../../../src/core/errors";
import rawCatalog from "../../../seeds/catalog.json";
import {
  defaultCatalog, findIndicator, indicatorsForLevel, loadCatalog, targetFor, targetForReport, targetYears,
} from "../../../src/core/catalog";
import { describeTargets, formatTargetValue } from "../../../src/core/catalog/describe";

const catalog = defaultCatalog();
const clone = () => JSON.parse(JSON.stringify(rawCatalog));

describe("loading the catalog", () => {
  it("accepts the bundled catalog", () => {
    expect(catalog.indicators.length).toBeGreaterThanOrEqual(40);
  });

  it("rejects a target for a level that does not report the indicator, naming the indicator", () => {
    const bad = clone();
    const grdp = bad.indicators.find((i: { code: string }) => i.code === "KTS-01");
    grdp.targets.push({ year: 2025, level: "commune", value: 5, comparator: ">=", source: { clause: "II.2.2.1.b", bullet: 1 } });
    expect(() => loadCatalog(bad)).toThrow(/KTS-01: target for level commune/);
  });

  it("rejects text that is not NFC (a decomposed Vietnamese string)", () => {
    const bad = clone();
    bad.indicators[0].label.vi = "Tỷ lệ".normalize("NFD");
    expect(() => loadCatalog(bad)).toThrow(ChitieuError);
  });

  it("rejects duplicate codes, unknown comparators and a quantified indicator without targets", () => {
    const dup = clone();
    dup.indicators[1].code = dup.indicators[0].code;
    expect(() => loadCatalog(dup)).toThrow(/duplicate indicator code/);
    const cmp = clone();
    cmp.indicators[0].targets[0].comparator = "=>";
    expect(() => loadCatalog(cmp)).toThrow(ChitieuError);
    const none = clone();
    none.indicators[0].targets = [];
    expect(() => loadCatalog(none)).toThrow(/needs targets/);
  });

  it("rejects a rank target that is not 'at most'", () => {
    const bad = clone();
    bad.indicators.find((i: { code: string }) => i.code === "NL-01").targets[0].comparator = ">=";
    expect(() => loadCatalog(bad)).toThrow(/rank target/);
  });
});

describe("looking up targets", () => {
  const records = findIndicator(catalog, "cqs-02")!;

  it("gives each level its own 2025 target for work records processed online", () => {
    expect(targetFor(records, "province", 2025)?.value).toBe(90);
    expect(targetFor(records, "district", 2025)?.value).toBe(80);
    expect(targetFor(records, "commune", 2025)?.value).toBe(60);
    expect(targetFor(records, "commune", 2030)?.value).toBe(70);
  });

  it("has no target in a year between target years, and points a report to the next one", () => {
    expect(targetFor(records, "commune", 2027)).toBeUndefined();
    expect(targetForReport(records, "commune", 2027)?.year).toBe(2030);
    expect(targetYears(records, "commune")).toEqual([2025, 2030]);
  });

  it("applies a yearly target in every year of its period only", () => {
    const productivity = findIndicator(catalog, "KTS-02")!;
    expect(targetFor(productivity, "province", 2023)?.value).toBe(7);
    expect(targetFor(productivity, "province", 2027)?.value).toBe(8);
  });

  it("lists for a commune only what communes report, and never a qualitative goal", () => {
    const communeCodes = indicatorsForLevel(catalog, "commune").map((i) => i.code);
    expect(communeCodes).toContain("CQS-02");
    expect(communeCodes).not.toContain("KTS-01");
    expect(indicatorsForLevel(catalog, "province").some((i) => i.qualitative)).toBe(false);
  });

  it("words targets the way the resolution does", () => {
    expect(formatTargetValue(findIndicator(catalog, "NL-01")!, { value: 45, comparator: "<=" }, "vi")).toBe("≤ 45/63");
    expect(formatTargetValue(findIndicator(catalog, "XHS-02")!, { value: 50, comparator: ">" }, "vi")).toBe("> 50%");
    expect(describeTargets(records, "vi")).toEqual(["2025: tỉnh ≥ 90% · huyện ≥ 80% · xã ≥ 60%", "2030: tỉnh ≥ 100% · huyện ≥ 100% · xã ≥ 70%"]);
  });
});
