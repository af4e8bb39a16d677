import fc from "fast-check";
import { readCell, type ExpectedKind } from "../../../src/core/figures";
import type { RawValue } from "../../../src/core/snapshot";

const kinds: ExpectedKind[] = ["count", "percent", "growth", "number", "yesno"];
const rawValue: fc.Arbitrary<RawValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.stringMatching(/^[-+%\s]{0,2}[0-9]{1,4}([., \u00a0][0-9]{1,4}){0,3}%?$/),
  fc.record({ error: fc.string() }),
);

describe("readCell on arbitrary input", () => {
  it("never throws and always returns one of the four result shapes", () => {
    fc.assert(
      fc.property(rawValue, fc.string(), fc.constantFrom(...kinds), (raw, format, kind) => {
        const r = readCell(raw, format, kind);
        if (r.ok) return Number.isFinite(r.value);
        return r.kind === "missing" || r.kind === "invalid" || r.kind === "ambiguous";
      }),
      { numRuns: 5000 },
    );
  });

  it("gives ambiguous results exactly two readings, one per convention, with different values", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9][0-9]{0,2}[.,][0-9]{3}$/), fc.constantFrom(...kinds), (text, kind) => {
        const r = readCell(text, "General", kind);
        if (r.ok || r.kind !== "ambiguous") return true;
        const [a, b] = r.readings;
        return r.readings.length === 2 && a!.convention !== b!.convention && a!.value !== b!.value;
      }),
    );
  });

  it("reads any whole number written with Vietnamese thousands dots back to itself for a count", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        const text = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
        const r = readCell(text, "General", "count");
        return r.ok && r.value === n;
      }),
    );
  });

  it("reads any number written with a Vietnamese decimal comma back to itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 99 }), (whole, hundredths) => {
        const text = `${whole},${String(hundredths).padStart(2, "0")}`;
        const r = readCell(text, "General", "number");
        return r.ok && Math.abs(r.value - (whole + hundredths / 100)) < 1e-9;
      }),
    );
  });
});
