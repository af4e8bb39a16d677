// Every real workbook of the corpus through every operation of the file host (browser mode and CLI): read, check,
// mark, clear and template insert each work losslessly or refuse with a specific bilingual message, exactly as
// tests/fixtures/corpus/expected.json pins, within 10 s and bounded memory. Then an indicator table added to each
// workbook (our template as new sheets; an office table below the data of the first worksheet) is found, marked and
// cleared byte for byte, or the file is pinned as unable to hold one, with the reason.

import { corpusFiles, readCorpus } from "../mark/helpers";
import { expected, expectationFor, pinned, type OperationName } from "../../../support/corpus-expected";
import { runInWorkers, type WorkerResult } from "./run-in-worker";

const files = corpusFiles();
const OPERATIONS: OperationName[] = ["read", "check", "mark", "clear", "insert"];
const TIME_LIMIT_MS = 10_000;
const MB = 1024 * 1024;
/**
 * Hard limits on the worker that runs the files, so a runaway file is named instead of taking the run down: a 256 MB
 * old generation (the whole corpus run measures well under 100 MB; the file limits allow 200 MB of inflated parts only
 * for files refused long before they are held whole), and 30 s per file, three times the bound asserted below.
 */
const LIMITS = { heapCapMb: 256, perFileMs: 30_000 };

/**
 * The heap a file may add while it goes through every operation: a fixed 32 MB (the catalog, the template layout and
 * code V8 compiles on first use; small files measure ~15 MB) plus 32 bytes per byte of the inflated package. Each
 * operation decodes the parts it touches into strings (2 bytes a character) and keeps at most a few versions of the
 * package (original, marked, cleared, with template) and one snapshot, so memory is linear in the inflated size;
 * 32× leaves room for that without letting a quadratic blow-up through (the largest, Ekaterinburg_IP_9 with 1.9 MB
 * inflated, measures ~41 MB against a 92 MB bound).
 */
function heapBoundBytes(inflatedBytes: number): number {
  return 32 * MB + 32 * inflatedBytes;
}

/** Sum of the declared inflated sizes in the central directory (0 when there is none: the file is refused early). */
function inflatedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (let i = 0; i + 46 <= bytes.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    total += view.getUint32(i + 24, true);
    i += 45 + view.getUint16(i + 28, true);
  }
  return total;
}

const record: { file: string; ms: number; peakMB: number }[] = [];

describe("the pinned expectations", () => {
  it("name every corpus workbook, and only those", () => {
    expect(Object.keys(expected).sort()).toEqual(files);
    expect(files.length).toBeGreaterThanOrEqual(60);
  });
});

let results: Map<string, WorkerResult>;
beforeAll(async () => {
  results = await runInWorkers(files, LIMITS);
}, 600_000);

/** The file's result; a crash, an exhausted heap or a hang fails the file's tests with what happened. */
function resultOf(file: string): Extract<WorkerResult, { kind: "done" }> {
  const r = results.get(file);
  if (r?.kind !== "done") throw new Error(`${file}: ${r ? JSON.stringify(r) : "no result"}`);
  return r;
}

describe.each(files)("%s", (file) => {

  it("gives each operation its pinned outcome, with nothing of theirs lost", () => {
    const { run } = resultOf(file);
    expect({ file, ...run.outcomes }).toEqual({ file, ...Object.fromEntries(OPERATIONS.map((op) => [op, pinned(file, op)])) });
    expect(run.losses).toEqual([]);
  });

  it("refuses, where it does, with a specific message in Vietnamese (NFC, with diacritics) and in English", () => {
    const { run } = resultOf(file);
    for (const r of run.refusals) {
      expect(r.vi).toBe(r.vi.normalize("NFC"));
      expect(r.vi).toMatch(/[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i);
      expect(r.en.length).toBeGreaterThan(30);
      expect(r.vi).not.toBe(r.en);
    }
  });

  it(`goes through all of them within ${TIME_LIMIT_MS / 1000} s and bounded memory`, () => {
    const { ms, peakHeapBytes } = resultOf(file).run.measure;
    record.push({ file, ms: Math.round(ms), peakMB: Math.round((peakHeapBytes / MB) * 10) / 10 });
    expect(ms).toBeLessThan(TIME_LIMIT_MS);
    expect(peakHeapBytes).toBeLessThan(heapBoundBytes(inflatedSize(readCorpus(file))));
  });

  it("holds an indicator table as a new sheet and below its data, found, marked and cleared byte for byte, or is pinned as unable to", () => {
    const { tables } = resultOf(file);
    const want = expectationFor(file).table;
    const strip = (o: typeof want.newSheet) => (typeof o === "string" ? o : { cannot: o.cannot });
    expect({ file, newSheet: tables.newSheet, belowData: tables.belowData }).toEqual({ file, newSheet: strip(want.newSheet), belowData: strip(want.belowData) });
    expect(tables.problems).toEqual([]);
  });
});

afterAll(() => {
  if (record.length === 0) return;
  const slowest = record.reduce((a, b) => (b.ms > a.ms ? b : a));
  const heaviest = record.reduce((a, b) => (b.peakMB > a.peakMB ? b : a));
  const count = (op: OperationName) => {
    const outcomes = files.map((f) => pinned(f, op));
    const done = outcomes.filter((o) => typeof o === "string").length;
    return `${op} ${done}/${files.length}`;
  };
  console.log(
    [
      `corpus through the file host: ${OPERATIONS.map(count).join(", ")} (the rest refused as pinned; check refuses these foreign workbooks as having no indicator table, and finds the tables added to them)`,
      `slowest ${slowest.file} ${slowest.ms} ms; largest heap growth ${heaviest.file} ${heaviest.peakMB} MB`,
    ].join("\n"),
  );
});
