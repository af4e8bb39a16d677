import { en, vi } from "../../src/cli/strings";

describe("the command line's own words", () => {
  it("exist in Vietnamese and English with the same placeholders", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) expect({ key, holes: holes(en[key]) }).toEqual({ key, holes: holes(vi[key]) });
  });

  it("are written in NFC so they compare and display correctly", () => {
    for (const s of Object.values(vi)) expect(s).toBe(s.normalize("NFC"));
  });
});
