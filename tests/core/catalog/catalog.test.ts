import { ChitieuError } from "../../../src/core/errors";
import rawCatalog from "../../../seeds/catalog.json";
import { defaultCatalog, findIndicator, indicatorsForLevel, loadCatalog, RESOLUTION_PERIOD } from "../../../src/core/catalog";
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

  it("states the resolution's period, which its title names, and rejects a target outside it", () => {
    expect(RESOLUTION_PERIOD).toEqual(catalog.resolution.period);
    expect(catalog.resolution.title).toContain(`${RESOLUTION_PERIOD.from} – 2025`);
    expect(catalog.resolution.title).toContain(`đến năm ${RESOLUTION_PERIOD.to}`);
    const late = clone();
    late.indicators[0].targets[0].year = 2031;
    expect(() => loadCatalog(late)).toThrow(/target year 2031 is outside the resolution's 2021–2030/);
    const reversed = clone();
    reversed.resolution.period = { from: 2030, to: 2021 };
    expect(() => loadCatalog(reversed)).toThrow(ChitieuError);
  });

  it("rejects a rank target that is not 'at most'", () => {
    const bad = clone();
    bad.indicators.find((i: { code: string }) => i.code === "NL-01").targets[0].comparator = ">=";
    expect(() => loadCatalog(bad)).toThrow(/rank target/);
  });
});

describe("looking up indicators", () => {
  const records = findIndicator(catalog, "cqs-02")!;

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
