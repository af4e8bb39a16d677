import fc from "fast-check";
import { isPercentFormat, readCell, type ExpectedKind, type ReadResult } from "../../../src/core/figures";
import { parseTextNumber } from "../../../src/core/figures/text-number";
import type { RawValue } from "../../../src/core/snapshot";

// Fuzzing figure reading: whatever a cell holds and whatever its number format says, reading never throws and gives
// exactly one of the documented result shapes (src/core/figures/types.ts), the same for the same input.

const KINDS: ExpectedKind[] = ["count", "percent", "growth", "number", "yesno"];
const PROBLEM_CODES = new Set([
  "problem.excel-error", "problem.not-a-number", "problem.not-finite", "problem.not-yes-no", "problem.boolean-not-number", "problem.percent-for-count",
]);
const NOTE_CODES = new Set(["note.percent-format", "note.probably-fraction", "note.reading-chosen", "note.number-as-text", "note.answer-not-from-list"]);

/** Characters that matter to the reader, mixed with anything at all. */
const SPECIAL = [..."0123456789.,%-+−  \u202f\u2009\u2007\t\n#\"\\[]_*eE", "\u200b", "\ufeff", "DIV/0!", "N/A", "có", "không", "x", "Có", "e\u0301"];
const numberLike = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SPECIAL) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) }), { maxLength: 16 })
  .map((parts) => parts.join(""));
const rawValue: fc.Arbitrary<RawValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(), // NaN, ±Infinity, -0, subnormals included
  fc.integer(),
  fc.string({ unit: "binary" }), // lone surrogates and control characters too
  numberLike,
  fc.record({ error: fc.oneof(fc.string(), fc.constantFrom("#DIV/0!", " #n/a ", "#SPILL!", "")) }),
);
const numberFormat = fc.oneof(
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.array(fc.constantFrom(..."0#%.,;\"\\[]_*@?/ ", "[Red]", "[$%-409]", "General", "0.0%", '"%"'), { maxLength: 10 }).map((p) => p.join("")),
);

function isParams(p: unknown): boolean {
  return typeof p === "object" && p !== null && Object.values(p).every((v) => typeof v === "string" || typeof v === "number");
}

/** What is wrong with a result's shape; empty when it is one of the four documented shapes, exactly. */
function shapeProblems(r: ReadResult): string[] {
  const out: string[] = [];
  const keys = Object.keys(r).sort().join(",");
  if (r.ok === true) {
    if (!["notes,ok,value", "answer,notes,ok,value"].includes(keys)) out.push(`ok keys ${keys}`);
    if (typeof r.value !== "number" || !Number.isFinite(r.value) || Object.is(r.value, -0)) out.push(`value ${r.value}`);
    if (r.answer !== undefined && !((r.answer === "yes" && r.value === 100) || (r.answer === "no" && r.value === 0))) out.push(`answer ${r.answer}=${r.value}`);
    if (!Array.isArray(r.notes) || !r.notes.every((n) => NOTE_CODES.has(n.code) && isParams(n.params))) out.push("notes");
    return out;
  }
  if (r.ok !== false) return [`ok ${String((r as { ok: unknown }).ok)}`];
  switch (r.kind) {
    case "missing":
      if (!["kind,ok", "kind,marker,ok"].includes(keys)) out.push(`missing keys ${keys}`);
      if (r.marker !== undefined && (typeof r.marker !== "string" || r.marker.trim() === "" || r.marker !== r.marker.normalize("NFC"))) out.push(`marker ${r.marker}`);
      break;
    case "invalid":
      if (keys !== "kind,ok,problem") out.push(`invalid keys ${keys}`);
      if (!PROBLEM_CODES.has(r.problem.code) || !isParams(r.problem.params)) out.push(`problem ${JSON.stringify(r.problem)}`);
      break;
    case "ambiguous":
      if (keys !== "kind,ok,readings,text") out.push(`ambiguous keys ${keys}`);
      if (typeof r.text !== "string" || r.readings.length !== 2) out.push("ambiguous readings");
      if (!r.readings.every((x) => Number.isFinite(x.value) && (x.convention === "vi" || x.convention === "en"))) out.push("reading values");
      if (r.readings[0]?.convention === r.readings[1]?.convention) out.push("one reading per convention");
      break;
    default:
      out.push(`kind ${(r as { kind: unknown }).kind}`);
  }
  return out;
}

describe("figure reading on arbitrary cells and number formats", () => {
  it("never throws, and returns one documented shape, the same each time", () => {
    fc.assert(
      fc.property(rawValue, numberFormat, fc.constantFrom(...KINDS), (raw, format, kind) => {
        const r = readCell(raw, format, kind);
        expect(shapeProblems(r)).toEqual([]);
        expect(readCell(raw, format, kind)).toEqual(r);
      }),
      { numRuns: 8_000 },
    );
  });

  it("reads text the same whether it was typed composed (NFC) or decomposed (NFD, as macOS writes)", () => {
    fc.assert(
      fc.property(fc.oneof(numberLike, fc.string({ unit: "grapheme" })), fc.constantFrom(...KINDS), (text, kind) => {
        expect(readCell(text.normalize("NFD"), "General", kind)).toEqual(readCell(text.normalize("NFC"), "General", kind));
      }),
      { numRuns: 3_000 },
    );
  });

  it("parses arbitrary text into a number, two readings or nothing, never throwing", () => {
    fc.assert(
      fc.property(fc.oneof(numberLike, fc.string({ unit: "binary" })), fc.constantFrom(...KINDS), (text, kind) => {
        const r = parseTextNumber(text, kind);
        if (r.kind === "number") expect(typeof r.value === "number" && typeof r.percentSign === "boolean").toBe(true);
        else if (r.kind === "ambiguous") expect(r.readings).toHaveLength(2);
        else expect(r).toEqual({ kind: "not-a-number" });
      }),
      { numRuns: 10_000 },
    );
  });

  it("answers whether any format shows a percentage, never throwing", () => {
    fc.assert(
      fc.property(numberFormat, (format) => {
        expect(typeof isPercentFormat(format)).toBe("boolean");
      }),
      { numRuns: 5_000 },
    );
  });
});

describe("cases the fuzzer found", () => {
  it("reads a negative zero (or a tiny negative) under a percent format as 0, never -0", () => {
    for (const raw of [-0, -1e-13]) {
      const r = readCell(raw, "0.0%", "percent");
      expect(r.ok && Object.is(r.value, 0)).toBe(true);
    }
  });
});
