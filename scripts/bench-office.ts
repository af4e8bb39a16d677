// Round trips and payloads of a full check (readSnapshot + applyHighlights) on the fake Excel, per requirement-set
// level, for three workbooks: 60 indicator rows, a 10,000-row sheet, and our report beside a 10,000 × 20 data sheet.
// Three checks each:
//   pane    the first check after the pane opened (its readMetadata told the host the sheet list and the template)
//   again   the same cells checked again by the same host
//   ribbon  a ribbon button's check: a new host at every click (the command's runtime is closed after completed())
// For each: round trips, the largest request and the largest response Excel sent, and the answers Excel refused as
// over 5 MB (then read again in slices). Excel on the web allows 5 MB each way.
// Usage: npm run bench:office

import { defaultCatalog } from "../src/core/catalog";
import { consolidate, expectedUnits, NOT_REVIEWED, parsePeriod, type Submission } from "../src/core/consolidate";
import type { HighlightPlan, Mark, Severity } from "../src/core/highlight-plan";
import { loadUnits } from "../src/core/units";
import { paneConsolidation } from "../src/taskpane/consolidation";
import { createOfficeHost, type OfficeHost } from "../src/hosts/office";
import { FakeExcel, type SyncRecord } from "../tests/support/fake";
import { provinceLayout } from "../tests/hosts/contract/scenarios";

const LEVELS = ["1.1", "1.7", "1.14", "1.18"];
const SEVERITIES: Severity[] = ["error", "warning", "info"];
const LIMIT = 5 * 1024 * 1024;

type Setup = () => Promise<{ fake: FakeExcel; plan: HighlightPlan }>;

function mark(sheet: string, cell: string, i: number): Mark {
  return { sheet, cell, severity: SEVERITIES[i % 3]!, status: "invalid", indicator: "CQS-01", message: { vi: `Ô ${cell} cần kiểm tra`, en: `Check ${cell}` } };
}

/** A plain data sheet (not our template) of `rows` indicator rows, every `step`-th figure marked. */
function dataSheet(level: string, rows: number, step: number): Setup {
  return async () => {
    const fake = new FakeExcel({ apiVersion: level, sheets: ["Dữ liệu"] });
    const body = Array.from({ length: rows }, (_, i) => [`CQS-${i + 1}`, `Chỉ tiêu ${i + 1}`, i * 1.5, i % 7 === 0 ? "sai" : 10, "%", "", "", ""]);
    fake.setValues("Dữ liệu", "A1", [["Mã", "Chỉ tiêu", "Tử số", "Mẫu số", "Đơn vị", "Ghi chú", "Nguồn", "Kỳ"], ...body]);
    const marks: Mark[] = [];
    for (let r = 2; r <= rows + 1; r += step) marks.push(mark("Dữ liệu", `C${r}`, r));
    return { fake, plan: { marks } };
  };
}

/** Our province report, inserted by the host, beside a 10,000 × 20 data sheet of the user's. */
function reportBesideData(level: string): Setup {
  return async () => {
    const fake = new FakeExcel({ apiVersion: level });
    const layout = provinceLayout();
    await createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported }).insertTemplate(layout);
    fake.addSheet("Dữ liệu");
    fake.setValues(
      "Dữ liệu",
      "A1",
      Array.from({ length: 10_000 }, (_, r) => Array.from({ length: 20 }, (_, c) => (c % 3 === 0 ? `Mục ${r + 1}-${c + 1}` : r * 20 + c))),
    );
    fake.resetStats();
    const marks = layout.rows.flatMap((row, i) => (row.cells.numerator ? [mark(layout.sheetName, row.cells.numerator, i)] : []));
    return { fake, plan: { marks } };
  };
}

interface Measured {
  syncs: number;
  maxRequest: number;
  maxResponse: number;
  refused: number;
}

async function check(host: OfficeHost, fake: FakeExcel, plan: HighlightPlan): Promise<Measured> {
  const from = fake.syncCount;
  await host.readSnapshot();
  await host.applyHighlights(plan);
  const records: SyncRecord[] = fake.syncsSince(from);
  return {
    syncs: records.length,
    maxRequest: Math.max(...records.map((r) => r.requestBytes)),
    maxResponse: Math.max(...records.map((r) => r.responseBytes)),
    refused: records.filter((r) => r.refusedBytes !== undefined).length,
  };
}

async function measure(setup: Setup): Promise<{ marks: number; pane: Measured; again: Measured; ribbon: Measured }> {
  const { fake, plan } = await setup();
  const hostOf = () => createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported });
  const pane = hostOf();
  await pane.readMetadata();
  const first = await check(pane, fake, plan);
  const again = await check(pane, fake, plan);
  const ribbon = await check(hostOf(), fake, plan);
  return { marks: plan.marks.length, pane: first, again, ribbon };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)}`;
const trio = (m: { pane: Measured; again: Measured; ribbon: Measured }, pick: (x: Measured) => string) =>
  `${pick(m.pane)}/${pick(m.again)}/${pick(m.ribbon)}`;

/**
 * The pane's consolidation written into the workbook (writeSheets) for `files` commune files (the 38 communes of 2025,
 * files beyond that being second files for the same communes): round trips after the pane's opening read, and the
 * largest request.
 */
async function consolidationWrite(level: string, files: number): Promise<Measured> {
  const catalog = defaultCatalog();
  const registry = loadUnits();
  const period = parsePeriod("2025")!;
  const communes = expectedUnits(registry, period, "commune");
  const submissions: Submission[] = Array.from({ length: files }, (_, i) => ({
    file: `xa-${i}.xlsx`,
    kind: "read",
    identity: { unitCode: communes[i % communes.length]!.code, level: "commune", year: 2025, source: "metadata" },
    fileNameHint: null,
    review: NOT_REVIEWED,
    figures: [{ indicator: "CQS-02", status: "met", value: 75, numerator: 3 + (i % 5), denominator: 4 + (i % 5) }],
  }));
  const report = consolidate(submissions, { catalog, registry, period });
  const book = await paneConsolidation(catalog, registry).sheets(report, "vi");
  const fake = new FakeExcel({ apiVersion: level, sheets: ["Sheet1"] });
  const host = createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported });
  await host.readMetadata();
  const from = fake.syncCount;
  await host.writeSheets(book, { replace: true });
  const records = fake.syncsSince(from);
  return {
    syncs: records.length,
    maxRequest: Math.max(...records.map((r) => r.requestBytes)),
    maxResponse: Math.max(...records.map((r) => r.responseBytes)),
    refused: records.filter((r) => r.refusedBytes !== undefined).length,
  };
}

async function main(): Promise<void> {
  console.log("round trips, largest request and largest response of a check: pane / again / ribbon (KB; Excel on the web allows 5,120 KB)");
  console.log("ExcelApi  workbook                     marks  round trips  max request KB   max response KB  refused");
  let worst = 0;
  let paneMax = 0;
  for (const level of LEVELS) {
    const workbooks: [string, Setup][] = [
      ["60 indicator rows", dataSheet(level, 60, 1)],
      ["10,000-row sheet", dataSheet(level, 10_000, 10)],
      ["report + 10,000×20 data", reportBesideData(level)],
    ];
    for (const [name, setup] of workbooks) {
      const m = await measure(setup);
      worst = Math.max(worst, m.pane.maxResponse, m.again.maxResponse, m.ribbon.maxResponse);
      paneMax = Math.max(paneMax, m.pane.syncs, m.again.syncs);
      console.log(
        `${level.padEnd(9)} ${name.padEnd(28)} ${String(m.marks).padEnd(6)} ${trio(m, (x) => String(x.syncs)).padEnd(12)} ${trio(m, (x) => kb(x.maxRequest)).padEnd(16)} ${trio(m, (x) => kb(x.maxResponse)).padEnd(16)} ${trio(m, (x) => String(x.refused))}`,
      );
    }
  }
  console.log(`largest response: ${kb(worst)} KB (${worst < LIMIT ? "under" : "OVER"} 5 MB); most round trips of a check from the pane: ${paneMax}`);

  console.log("\nconsolidated sheets written into the workbook from the pane (writeSheets): round trips, largest request KB");
  console.log("ExcelApi  files  round trips  max request KB");
  let writeSyncs: number[] = [];
  for (const level of LEVELS) {
    writeSyncs = [];
    for (const files of [4, 40, 400]) {
      const m = await consolidationWrite(level, files);
      writeSyncs.push(m.syncs);
      worst = Math.max(worst, m.maxRequest);
      console.log(`${level.padEnd(9)} ${String(files).padEnd(6)} ${String(m.syncs).padEnd(12)} ${kb(m.maxRequest)}`);
    }
    if (new Set(writeSyncs).size !== 1) process.exitCode = 1;
  }
  if (worst >= LIMIT || paneMax > 3) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
