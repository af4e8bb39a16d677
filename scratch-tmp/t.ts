import { writeFileSync } from "node:fs";
import { defaultCatalog, findIndicator } from "/work/wt/record/src/core/catalog";
import { check } from "/work/wt/record/src/core/findings";
import { buildReviewRecord, recordText } from "/work/wt/record/src/core/review";
import { writeRecordPdf } from "/work/wt/record/src/cli/record-pdf";
import { ratio } from "/work/wt/record/tests/core/judge/fixtures";
const catalog = defaultCatalog();
(async () => {
for (const count of [40, 60, 120, 300]) {
  const codes = catalog.indicators.filter(i => i.levels.includes("province") && i.targets.length).map(i=>i.code);
  const findings = Array.from({ length: count }, (_, i) => ({ ...check(findIndicator(catalog, codes[i % codes.length]!)!, ratio(40 + (i % 60), 100), { level: "province", year: 2025 }), explanation: i % 10 === 0 ? "Số liệu quý IV chưa tổng hợp xong" : null, decision: null }));
  const rec = buildReviewRecord({ catalog, unit: "tỉnh Lai Châu", level: "province", year: 2025, findings, reportDecision: null, reviewer: "Nguyễn Thị Hoa", date: "2026-11-27" });
  const t0 = process.cpuUsage();
  const bytes = await writeRecordPdf(recordText(rec, "vi"));
  const cpu = process.cpuUsage(t0);
  writeFileSync(`/tmp/rec/n${count}.pdf`, bytes);
  console.log(count, bytes.length, (cpu.user + cpu.system) / 1000, "ms");
}
})();
