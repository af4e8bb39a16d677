// Fuzzing the package reader with damaged real workbooks: corpus files truncated, bit-flipped, overwritten, their
// entries shuffled, duplicated, dropped, renamed, or their XML cut and spliced (re-zipped with valid CRCs, so the
// damage reaches the XML parser and the workbook reader, not just the zip checks). Every run either reads or refuses
// with one of our error codes, within bounded time; no other exception type ever escapes.

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { unzipSync } from "fflate";
import { ChitieuError } from "../../../../src/core/errors";
import { applyHighlights, clearHighlights } from "../../../../src/hosts/xlsx/mark";
import { openPackage } from "../../../../src/hosts/xlsx/package";
import { readWorkbook } from "../../../../src/hosts/xlsx/read";
import { freshEntry, writeZip } from "../../../../src/hosts/xlsx/zip/write";
import { CORPUS_DIR } from "../package/zip-fixtures";

/** Each run reads (and marks and clears) one small package: milliseconds of CPU when healthy. */
const PER_RUN_MS = 3_000;

interface Seed {
  file: string;
  bytes: Uint8Array;
  /** Entries in zip order, inflated. */
  entries: [string, Uint8Array][];
}

// the corpus files small enough to fuzz quickly (most of it), that fflate can unzip as they are
const seeds: Seed[] = readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith(".xlsx") && statSync(path.join(CORPUS_DIR, f)).size <= 20_000)
  .sort()
  .flatMap((file) => {
    const bytes = new Uint8Array(readFileSync(path.join(CORPUS_DIR, file)));
    try {
      return [{ file, bytes, entries: Object.entries(unzipSync(bytes)) }];
    } catch {
      return []; // the corpus's own broken zips still take part through the byte-level mutations below
    }
  });
const rawSeeds = readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith(".xlsx") && statSync(path.join(CORPUS_DIR, f)).size <= 20_000)
  .sort()
  .map((file) => new Uint8Array(readFileSync(path.join(CORPUS_DIR, file))));

const encoder = new TextEncoder();
const zip = (entries: [string, Uint8Array][]) => writeZip(entries.map(([name, data]) => freshEntry(name, data)));

/** A position anywhere in a file or list, uniformly (fast-check's own numbers lean towards 0). */
const frac = fc.noBias(fc.integer({ min: 0, max: 1_000_000 })).map((n) => n / 1_000_000);
const XML_TOKENS = ["<", ">", "&", "&amp;", "&#0;", "&#xD800;", "&unknown;", "]]>", "<![CDATA[", "<!--", "<?xml?>", '"', "'", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "\u0000", "\uFEFF", "</x>", "<x>", 'r="XFD1048576"', 'r="A0"', 's="99999"', 't="s"', "<v>1e999</v>", "<v>99999999</v>", ":", 'xmlns:x=""'];

/** One kind of damage, as data: a failing run prints exactly what was done. */
type Mutation =
  // to the file as stored
  | { kind: "truncate"; at: number }
  | { kind: "flip-bits"; flips: [number, number][] }
  | { kind: "overwrite"; at: number; junk: Uint8Array }
  // to its entries, re-zipped with valid CRCs
  | { kind: "shuffle"; keys: number[] }
  | { kind: "duplicate"; at: number; before: boolean; junk: Uint8Array }
  | { kind: "drop"; at: number }
  | { kind: "rename"; at: number; how: "upper" | "slash" | "dotdot" | "backslash" | "empty" }
  | { kind: "splice-xml"; which: number; at: number; cut: number; tokens: string[] }
  | { kind: "deep-nesting"; which: number; depth: number };

const byteMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: frac }),
  fc.record({ kind: fc.constant("flip-bits" as const), flips: fc.array(fc.tuple(frac, fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant("overwrite" as const), at: frac, junk: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  byteMutation,
  fc.record({ kind: fc.constant("shuffle" as const), keys: fc.array(frac, { minLength: 64, maxLength: 64 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: frac, before: fc.boolean(), junk: fc.uint8Array({ maxLength: 40 }) }),
  fc.record({ kind: fc.constant("drop" as const), at: frac }),
  fc.record({ kind: fc.constant("rename" as const), at: frac, how: fc.constantFrom("upper" as const, "slash" as const, "dotdot" as const, "backslash" as const, "empty" as const) }),
  fc.record({
    kind: fc.constant("splice-xml" as const),
    which: frac,
    at: frac,
    cut: fc.nat({ max: 40 }),
    tokens: fc.array(fc.oneof(fc.constantFrom(...XML_TOKENS), fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant("deep-nesting" as const), which: frac, depth: fc.integer({ min: 1_000, max: 200_000 }) }),
);

function damage(m: Mutation, bytes: Uint8Array, entries: [string, Uint8Array][]): Uint8Array {
  const pick = (at: number, list: unknown[] = entries) => Math.floor(at * (list.length - 1));
  switch (m.kind) {
    case "truncate":
      return bytes.slice(0, Math.floor(bytes.length * m.at));
    case "flip-bits": {
      const out = bytes.slice();
      for (const [at, bit] of m.flips) if (out.length > 0) out[Math.floor(at * (out.length - 1))]! ^= 1 << bit;
      return out;
    }
    case "overwrite": {
      const out = bytes.slice();
      const at = Math.floor(m.at * out.length);
      out.set(m.junk.subarray(0, out.length - at), at);
      return out;
    }
    case "shuffle":
      return zip(entries.map((e, i) => [e, m.keys[i % m.keys.length]! + i / 1e7] as const).sort((x, y) => x[1] - y[1]).map(([e]) => e));
    case "duplicate": {
      const i = pick(m.at);
      const [name, data] = entries[i]!;
      const out = [...entries];
      out.splice(m.before ? i : i + 1, 0, [name, m.junk.length > 0 ? m.junk : data]); // the twin before or after the original
      return zip(out);
    }
    case "drop":
      return zip(entries.filter((_, i) => i !== pick(m.at)));
    case "rename": {
      const i = pick(m.at);
      return zip(
        entries.map(([name, data], j): [string, Uint8Array] => {
          if (j !== i) return [name, data];
          return [{ upper: name.toUpperCase(), slash: `/${name}`, dotdot: `../${name}`, backslash: name.replace(/\//g, "\\"), empty: "" }[m.how], data];
        }),
      );
    }
    case "splice-xml": {
      const xml = entries.map(([name], i) => [name, i] as const).filter(([name]) => /\.(xml|rels)$/i.test(name));
      const index = xml[pick(m.which, xml)]?.[1];
      return zip(
        entries.map(([name, data], i): [string, Uint8Array] => {
          if (i !== index) return [name, data];
          const text = new TextDecoder().decode(data);
          const p = Math.floor(m.at * text.length);
          return [name, encoder.encode(text.slice(0, p) + m.tokens.join("") + text.slice(p + m.cut))];
        }),
      );
    }
    case "deep-nesting": {
      const sheets = entries.filter(([name]) => /worksheets\/[^/]+\.xml$/i.test(name));
      const target = sheets[pick(m.which, sheets)]?.[0];
      const nested = encoder.encode(`<worksheet>${"<a>".repeat(m.depth)}${"</a>".repeat(m.depth)}</worksheet>`);
      return zip(entries.map(([name, data]): [string, Uint8Array] => [name, name === target ? nested : data]));
    }
  }
}

/**
 * What happened to one damaged package: read (and then marked and cleared back to the same parts, or marking
 * refused), or refused with our code. Anything else is thrown on.
 */
function outcome(bytes: Uint8Array): string {
  // CPU time, not wall time: the bound is on the work done, whatever else the machine is running
  const t = process.cpuUsage();
  const result = readMarkClear(bytes);
  const used = process.cpuUsage(t);
  const ms = (used.user + used.system) / 1000;
  if (ms > PER_RUN_MS) throw new Error(`took ${Math.round(ms)} ms of CPU (${result})`);
  return result;
}

function readMarkClear(bytes: Uint8Array): string {
  try {
    const wb = readWorkbook(bytes);
    if (!Array.isArray(wb.sheets)) throw new Error("read without a sheet list");
    const sheet = wb.sheets[0]?.name;
    if (sheet === undefined) return "read";
    let marked: Uint8Array;
    try {
      marked = applyHighlights(bytes, { marks: [{ sheet, cell: "B2", severity: "error", status: "invalid", indicator: "X", message: { vi: "thử", en: "test" } }] });
    } catch (e) {
      if (e instanceof ChitieuError) return `read, mark refused: ${e.code}`;
      throw e;
    }
    // the marked copy declares each part once: a PartName twice makes a package Excel refuses
    const declared = [...(openPackage(marked).text("[Content_Types].xml") ?? "").matchAll(/PartName="([^"]*)"/g)].map((m) => (m[1] ?? "").toLowerCase());
    const before = openPackage(bytes);
    const theirs = [...(before.text("[Content_Types].xml") ?? "").matchAll(/PartName="([^"]*)"/g)].map((m) => (m[1] ?? "").toLowerCase());
    // (a damaged original may already repeat one; we must add no repeat of our own)
    expect(declared.length - new Set(declared).size).toBe(theirs.length - new Set(theirs).size);
    const after = openPackage(clearHighlights(marked));
    expect(after.names).toEqual(before.names);
    const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) => (a === undefined ? b === undefined : b !== undefined && Buffer.from(a).equals(Buffer.from(b)));
    for (const name of before.names) expect({ name, same: same(after.get(name), before.get(name)) }).toEqual({ name, same: true });
    return "read, marked, cleared";
  } catch (e) {
    if (!(e instanceof ChitieuError) || typeof e.code !== "string" || e.code.length === 0) throw e;
    return e.code;
  }
}

describe("the package reader on damaged real workbooks", () => {
  it("has small corpus files to start from", () => {
    expect(seeds.length).toBeGreaterThanOrEqual(40);
  });

  it("reads or refuses with one of our codes, within bounded time, whatever the damage", () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), mutation, (i, m) => {
        const seed = seeds[i]!;
        const result = outcome(damage(m, seed.bytes, seed.entries));
        seen.set(result, (seen.get(result) ?? 0) + 1);
      }),
      { numRuns: 600 },
    );
    // the damage reached past the zip checks: some files still read, some XML was refused as such
    expect(seen.get("read, marked, cleared") ?? 0).toBeGreaterThan(0);
    expect(seen.get("malformed-xml") ?? 0).toBeGreaterThan(0);
    expect(seen.get("corrupt-zip") ?? 0).toBeGreaterThan(0);
  });

  it("does the same for the corpus files fflate cannot unzip, and for bytes that are no zip at all", () => {
    fc.assert(
      fc.property(fc.nat({ max: rawSeeds.length - 1 }), byteMutation, (i, m) => {
        outcome(damage(m, rawSeeds[i]!, []));
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => {
        outcome(bytes);
      }),
      { numRuns: 200 },
    );
  });
});
