// Writes docs/robustness.md: every file the tool was tried on, by category, and what happened to it.
//   npm run robustness            regenerate the record
//   npm run robustness -- --check exit 1 when the committed record is not what the code does today
// The record holds outcomes, never timings, so it is the same on every machine; the time bounds are asserted by the
// tests (tests/hosts/xlsx/robustness).

import { refusalCode } from "../tests/support/corpus-expected";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultCatalog } from "../src/core/catalog";
import { buildTemplateLayout } from "../src/core/template";
import { writeTemplateXlsx } from "../src/hosts/xlsx/template";
import { HOSTILE_CASES } from "../tests/support/workbooks/hostile";
import { type Outcome, tryWorkbook } from "../tests/support/workbooks/outcome";
import { toStrict } from "../tests/support/workbooks/strict";

const ROOT = path.resolve(__dirname, "..");
const CORPUS = path.join(ROOT, "tests/fixtures/corpus");
const RECORD = path.join(ROOT, "docs/robustness.md");
/** Pinned corpus outcomes (file → refusal code, or null for read), when the corpus tests provide them. */

/** Cases whose outcome depends on the machine's speed: described, not run, here (their test asserts the bound). */
const TIMING_DEPENDENT: Record<string, string> = {
  "million-rows": "read, marked and cleared losslessly within 10 s of CPU per step, or refused `timeout` when the reader's 10 s wall-clock budget runs out (a loaded machine)",
};

interface Row {
  name: string;
  what: string;
  outcome: string;
}

function describe(o: Outcome): string {
  switch (o.kind) {
    case "refused":
      return `refused \`${o.code}\` (${o.stage})`;
    case "lossless":
      return o.marked ? `read, checked (${o.check}), marked and cleared losslessly` : `read, checked (${o.check}); no worksheet to mark`;
    case "lossy":
      return `**marked, clear not lossless: ${o.parts.join(", ")}**`;
  }
}

/** The code each corpus file is pinned to refuse with (read first, then mark), or null when it reads and marks. */
function pinnedCode(file: string): string | null {
  return refusalCode(file, "read") ?? refusalCode(file, "mark");
}

function corpusRows(): { rows: Row[]; mismatches: string[] } {
  const mismatches: string[] = [];
  const rows = readdirSync(CORPUS)
    .filter((f) => /\.xls[xm]$/i.test(f))
    .sort()
    .map((file) => {
      const o = tryWorkbook(new Uint8Array(readFileSync(path.join(CORPUS, file))));
      const code = o.kind === "refused" ? o.code : null;
      if (pinnedCode(file) !== code) mismatches.push(`${file}: pinned ${pinnedCode(file)}, got ${code}`);
      return { name: file, what: `from ${file.split("__")[0]}`, outcome: describe(o) };
    });
  return { rows, mismatches };
}

function hostileRows(): Row[] {
  return HOSTILE_CASES.map((c) => ({ name: c.fileName, what: c.what, outcome: TIMING_DEPENDENT[c.id] ?? describe(tryWorkbook(c.make())) }));
}

function producerRows(): Row[] {
  const catalog = defaultCatalog();
  const layout = buildTemplateLayout({ catalog, unit: { code: "huyen-tam-duong", name: "Tam Đường", level: "district", kind: "huyện" }, year: 2025 });
  const template = writeTemplateXlsx(layout, { values: new Map([["CQS-02", { numerator: 700, denominator: 1000 }]]) });
  return [
    { name: "mau-bao-cao.xlsx", what: "our own template, filled (Transitional)", outcome: describe(tryWorkbook(template)) },
    { name: "mau-bao-cao-strict.xlsx", what: "the same report saved as Strict Open XML (namespaces rewritten as Excel's Strict save does)", outcome: describe(tryWorkbook(toStrict(template))) },
    {
      name: "(LibreOffice, openpyxl)",
      what: "our template re-saved by LibreOffice 7 and by openpyxl, and saved by LibreOffice as .ods, made by tests/hosts/xlsx/robustness/producers.test.ts with the real tools",
      outcome: "re-saved .xlsx: read, checked with the same findings, marked and cleared losslessly; .ods: refused `ods` (asserted by that test, which needs the tools)",
    },
  ];
}

function fuzzRows(): Row[] {
  const found: Row[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.test\.tsx?$/.test(e.name)) {
        const text = readFileSync(p, "utf8");
        if (!text.includes("fast-check")) continue;
        const props = (text.match(/fc\.assert\(/g) ?? []).length;
        const runs = [...text.matchAll(/numRuns:\s*([0-9_]+)/g)].map((m) => Number(m[1]!.replace(/_/g, "")));
        found.push({
          name: path.relative(ROOT, p),
          what: `${props} properties`,
          outcome: runs.length ? `${runs.join(", ")} runs each (numRuns), every run in \`npm test\`` : "fast-check's default 100 runs each, in `npm test`",
        });
      }
    }
  };
  walk(path.join(ROOT, "tests"));
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

function table(rows: Row[]): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  return ["| file | what | outcome |", "| --- | --- | --- |", ...rows.map((r) => `| ${cell(r.name)} | ${cell(r.what)} | ${cell(r.outcome)} |`)].join("\n");
}

function tally(rows: Row[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = r.outcome.startsWith("refused") ? r.outcome.replace(/ \((read|mark)\)$/, "") : r.outcome.startsWith("read") ? (r.outcome.includes("marked and cleared losslessly") ? "read, marked losslessly" : "read") : r.outcome;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${n} ${k}`).join("; ");
}

export function renderRecord(): { text: string; mismatches: string[] } {
  const corpus = corpusRows();
  const hostile = hostileRows();
  const producers = producerRows();
  const fuzz = fuzzRows();
  const total = corpus.rows.length + hostile.length + producers.length;
  const text = [
    "# Robustness record",
    "",
    "Generated by `npm run robustness` (scripts/robustness.ts); `npm test` fails when it is not current. Every file goes",
    "through read → check → mark → clear; \"losslessly\" means clearing gave back every part of the package byte for byte.",
    "Time (under 10 s per file) and memory bounds are asserted by the tests in tests/hosts/xlsx/robustness, not recorded here.",
    "",
    `Totals: ${total} cases (${corpus.rows.length} real workbooks, ${hostile.length} hostile files, ${producers.length} producer cases), plus ${fuzz.length} fuzzing suites.`,
    "",
    `## Real workbooks (tests/fixtures/corpus): ${corpus.rows.length}`,
    "",
    tally(corpus.rows) + ".",
    "",
    table(corpus.rows),
    "",
    `## Hostile files made by the tests (tests/support/workbooks/hostile.ts): ${hostile.length}`,
    "",
    tally(hostile) + ".",
    "",
    table(hostile),
    "",
    `## Odd producers: ${producers.length}`,
    "",
    table(producers),
    "",
    `## Fuzzing (fast-check): ${fuzz.length} suites`,
    "",
    fuzz.length ? table(fuzz) : "None yet.",
    "",
  ].join("\n");
  return { text, mismatches: corpus.mismatches };
}

if (require.main === module) {
  const { text, mismatches } = renderRecord();
  for (const m of mismatches) console.error(`corpus outcome differs from expected.json: ${m}`);
  if (process.argv.includes("--check")) {
    const current = existsSync(RECORD) ? readFileSync(RECORD, "utf8") : "";
    if (current !== text) {
      console.error("docs/robustness.md is not current: run `npm run robustness`.");
      process.exit(1);
    }
    console.log("docs/robustness.md is current.");
  } else {
    writeFileSync(RECORD, text);
    console.log(`wrote ${path.relative(ROOT, RECORD)}`);
  }
  if (mismatches.length) process.exit(1);
}
