import { writeFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { chromium } from "playwright-core";
import { RecordPage } from "/work/wt/record/src/app/components/RecordPage";
import { defaultCatalog, findIndicator, indicatorsForLevel } from "/work/wt/record/src/core/catalog";
import { check } from "/work/wt/record/src/core/findings";
import { buildReviewRecord, recordText } from "/work/wt/record/src/core/review";
import { ratio } from "/work/wt/record/tests/core/judge/fixtures";
const catalog = defaultCatalog();
(async () => {
  const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless"] });
  const page = await b.newPage();
  for (const count of [20, 60, 120]) {
    const codes = indicatorsForLevel(catalog, "province").filter((i) => i.unit.kind === "ratio").map((i) => i.code);
    const decision = { kind: "returned" as const, comment: "Bổ sung danh sách kèm theo", by: "Nguyễn Thị Hoa", at: "2026-11-27T08:00:00Z" };
    const findings = Array.from({ length: count }, (_, i) => ({ ...check(findIndicator(catalog, codes[i % codes.length]!)!, ratio(35 + (i % 65), 100), { level: "province", year: 2025 }), explanation: i % 10 === 0 ? "Số liệu quý IV chưa tổng hợp xong" : null, decision: i % 15 === 0 ? decision : null }));
    const text = recordText(buildReviewRecord({ catalog, unit: "tỉnh Lai Châu", level: "province", year: 2025, findings, reportDecision: null, reviewer: "Nguyễn Thị Hoa", date: "2026-11-27" }), "vi");
    const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>${renderToStaticMarkup(createElement(RecordPage, { text }))}</body></html>`;
    await page.setContent(html);
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: `/tmp/rec/h${count}.pdf`, format: "A4", printBackground: true });
  }
  await b.close();
})();
