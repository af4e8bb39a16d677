import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { BrowserContext } from "playwright-core";
import { RecordPage } from "../../src/app/components/RecordPage";
import { defaultCatalog, findIndicator, indicatorsForLevel } from "../../src/core/catalog";
import { check } from "../../src/core/findings";
import { buildReviewRecord, recordText, type FindingDecision, type ReviewedFinding } from "../../src/core/review";
import { requireTools } from "../support/tools";
import { ratio } from "../core/judge/fixtures";
import { launch } from "./support/chromium";

// The printable review record as the pane and the browser mode show it, printed by Chromium to an A4 PDF (what "In biên
// bản rà soát" → "Save as PDF" gives a reviewer) and read back with poppler: the text is there with its diacritics,
// the pages come to about one per 40 findings, and each page repeats the table's header.

jest.setTimeout(120_000);

const tools = requireTools(["chromium", "pdftotext"]);
const catalog = defaultCatalog();
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'";

let work: string;
let browser: { context: BrowserContext; close: () => Promise<void> };

beforeAll(async () => {
  if (tools.missing.length > 0) return;
  work = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-record-"));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** A province's findings, the catalog's province indicators over and over; every tenth explained, every fifteenth returned. */
function record(count: number, lang: "vi" | "en" = "vi") {
  const codes = indicatorsForLevel(catalog, "province").filter((i) => i.unit.kind === "ratio").map((i) => i.code);
  const decision: FindingDecision = { kind: "returned", comment: "Bổ sung danh sách kèm theo", by: "Nguyễn Thị Hoa", at: "2026-11-27T08:00:00Z" };
  const findings: ReviewedFinding[] = Array.from({ length: count }, (_, i) => ({
    ...check(findIndicator(catalog, codes[i % codes.length]!)!, ratio(35 + (i % 65), 100), { level: "province", year: 2025 }),
    explanation: i % 10 === 0 ? "Số liệu quý IV chưa tổng hợp xong" : null,
    decision: i % 15 === 0 ? decision : null,
  }));
  return recordText(buildReviewRecord({ catalog, unit: "tỉnh Lai Châu", level: "province", year: 2025, findings, reportDecision: null, reviewer: "Nguyễn Thị Hoa", date: "2026-11-27" }), lang);
}

/** The page as the app renders it, in a document under the pages' own policy (no script at all). */
async function printToPdf(count: number, lang: "vi" | "en" = "vi"): Promise<string> {
  const body = renderToStaticMarkup(createElement(RecordPage, { text: record(count, lang) }));
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>record</title></head><body>${body}</body></html>`;
  const page = await browser.context.newPage();
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.setContent(html, { waitUntil: "load" });
  await page.emulateMedia({ media: "print" });
  const file = path.join(work, `record-${lang}-${count}.pdf`);
  await page.pdf({ path: file, format: "A4", printBackground: true });
  await page.close();
  expect(violations).toEqual([]);
  return file;
}

const pages = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))![1]);
const text = (file: string, page?: number) =>
  execFileSync("pdftotext", ["-layout", ...(page ? ["-f", String(page), "-l", String(page)] : []), file, "-"], { encoding: "utf8" }).normalize("NFC");

tools.describe("the printable review record in Chromium", () => {
  it("prints the official header, the per-pillar table and the findings with their Vietnamese text", async () => {
    const file = await printToPdf(20);
    const all = text(file);
    for (const line of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BIÊN BẢN RÀ SOÁT SỐ LIỆU CHỈ TIÊU CHUYỂN ĐỔI SỐ", "Đơn vị báo cáo: tỉnh Lai Châu", "Người rà soát: Nguyễn Thị Hoa", "Ngày rà soát: 27/11/2026", "I. Tổng hợp theo trụ cột", "Chính quyền số", "II. Chi tiết các chỉ tiêu", "Giải trình: Số liệu quý IV chưa tổng hợp xong", "Ý kiến: Bổ sung", "NGƯỜI RÀ SOÁT"]) {
      expect(all).toContain(line);
    }
    expect(pages(file)).toBe(1);
  });

  it.each([
    [60, 2, 2],
    [120, 3, 4],
  ])("lays %i findings on %i to %i A4 pages, each repeating the table's header and numbered", async (count, least, most) => {
    const file = await printToPdf(count);
    const n = pages(file);
    expect(n).toBeGreaterThanOrEqual(least);
    expect(n).toBeLessThanOrEqual(most);
    for (let p = 1; p <= n; p++) {
      const page = text(file, p);
      expect(page).toMatch(/STT\s+Mã\s+Chỉ tiêu\s+Số liệu\s+Mục tiêu\s+Đánh giá\s+Quyết định/);
      expect(page).toContain(`Trang ${p}/${n}`);
    }
    // every finding printed once, none lost at a page break
    const numbers = [...text(file).matchAll(/^\s*(\d+)\s+[A-Z]{2,3}-\d\d\b/gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  });

  it("prints in English with --lang en's words", async () => {
    const all = text(await printToPdf(5, "en"));
    expect(all).toContain("REVIEW RECORD OF THE DIGITAL TRANSFORMATION INDICATORS");
    expect(all).toContain("Page 1/1");
  });
});
