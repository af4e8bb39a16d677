// Round trips and time of a full check (readSnapshot + applyHighlights) on the fake Excel, per requirement-set level:
// a 60-indicator sheet and a 10,000-row sheet. Three checks each:
//   pane   the first check after the pane opened (its readMetadata told the host the sheet list)
//   again  the same cells checked again
//   cold   the first check of a host that never read the workbook (a ribbon button's first click)
// Usage: npm run bench:office

import type { HighlightPlan, Mark, Severity } from "../src/core/highlight-plan";
import { createOfficeHost } from "../src/hosts/office";
import { FakeExcel } from "../tests/support/fake";

const LEVELS = ["1.1", "1.7", "1.14", "1.18"];
const SEVERITIES: Severity[] = ["error", "warning", "info"];

function workbook(level: string, rows: number, step: number): { fake: FakeExcel; plan: HighlightPlan } {
  const fake = new FakeExcel({ apiVersion: level, sheets: ["Dữ liệu"] });
  const body = Array.from({ length: rows }, (_, i) => [`CQS-${i + 1}`, `Chỉ tiêu ${i + 1}`, i * 1.5, i % 7 === 0 ? "sai" : 10, "%", "", "", ""]);
  fake.setValues("Dữ liệu", "A1", [["Mã", "Chỉ tiêu", "Tử số", "Mẫu số", "Đơn vị", "Ghi chú", "Nguồn", "Kỳ"], ...body]);
  const marks: Mark[] = [];
  for (let r = 2; r <= rows + 1; r += step)
    marks.push({ sheet: "Dữ liệu", cell: `C${r}`, severity: SEVERITIES[r % 3]!, status: "invalid", indicator: "CQS-01", message: { vi: `Ô C${r} cần kiểm tra`, en: `Check C${r}` } });
  return { fake, plan: { marks } };
}

async function measure(level: string, rows: number, step: number) {
  const { fake, plan } = workbook(level, rows, step);
  const cold = workbook(level, rows, step);
  const host = createOfficeHost({ run: fake.run, isSetSupported: fake.isSetSupported });
  const coldHost = createOfficeHost({ run: cold.fake.run, isSetSupported: cold.fake.isSetSupported });
  const run = async (host: ReturnType<typeof createOfficeHost>, fake: FakeExcel) => {
    const from = fake.syncCount;
    const t0 = performance.now();
    await host.readSnapshot();
    await host.applyHighlights(plan);
    const records = fake.syncsSince(from);
    return {
      syncs: records.length,
      ms: Math.round(performance.now() - t0),
      maxRequestKB: Math.round(Math.max(...records.map((r) => r.requestBytes)) / 1024),
      responseKB: Math.round(records.reduce((n, r) => n + r.responseBytes, 0) / 1024),
    };
  };
  await host.readMetadata();
  const first = await run(host, fake);
  const again = await run(host, fake);
  const coldFirst = await run(coldHost, cold.fake);
  return { level, rows, marks: plan.marks.length, first, again, cold: coldFirst };
}

async function main(): Promise<void> {
  console.log("ExcelApi  rows    marks  syncs(pane/again/cold)  ms(pane/again/cold)  max request KB  response KB");
  for (const level of LEVELS)
    for (const [rows, step] of [[60, 1], [10_000, 10]] as const) {
      const r = await measure(level, rows, step);
      console.log(
        `${r.level.padEnd(9)} ${String(r.rows).padEnd(7)} ${String(r.marks).padEnd(6)} ${`${r.first.syncs}/${r.again.syncs}/${r.cold.syncs}`.padEnd(23)} ${`${r.first.ms}/${r.again.ms}/${r.cold.ms}`.padEnd(20)} ${String(r.first.maxRequestKB).padEnd(15)} ${r.first.responseKB}`,
      );
    }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
