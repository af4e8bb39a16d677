import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { readWorkbook } from "../../src/hosts/xlsx/read";
import { truncated, unitWorkbook, withoutProperties } from "../support/unit-workbooks";
import { buildApp } from "./support/build";
import { launch, screenshot, seriousViolations } from "./support/chromium";
import { serveDir, type StaticServer } from "./support/server";

// The built browser mode in headless Chromium: many unit workbooks picked at once, progress, the provincial figures
// and the scorecard on screen, the consolidated workbook downloaded; nothing leaves the machine.

jest.setTimeout(300_000);

let work: string;
let server: StaticServer;
let browser: { context: BrowserContext; close: () => Promise<void> };

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-e2e-consolidate-"));
  const dist = path.join(work, "dist");
  await buildApp(dist);
  server = await serveDir(dist);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const file = (name: string, bytes: Uint8Array) => ({ name, mimeType: "application/octet-stream", buffer: Buffer.from(bytes) });

it("consolidates the districts' workbooks for the first half of 2025 and downloads the consolidated workbook", async () => {
  const page = await browser.context.newPage();
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${server.origin}/index.html`);
  await page.getByRole("button", { name: "Tổng hợp nhiều tệp" }).click();
  await page.getByRole("heading", { name: "Tổng hợp báo cáo của các đơn vị" }).waitFor();
  await page.getByLabel("Kỳ báo cáo").selectOption("2025-H1");
  await page.setInputFiles("#units-input", [
    file("tp-lai-chau.xlsx", unitWorkbook("tp-lai-chau", { "CQS-02": { numerator: 700, denominator: 1000 }, "XHS-09": { value: "Có" } })),
    file("tam-duong.xlsx", unitWorkbook("huyen-tam-duong", { "CQS-02": { numerator: 150, denominator: 200 }, "XHS-09": { value: "Không" } })),
    file("than-uyen.xlsx", withoutProperties(unitWorkbook("huyen-than-uyen", { "CQS-02": { numerator: 90, denominator: 100 }, "XHS-09": { value: "Có" } }))),
    file("sin-ho.xlsx", unitWorkbook("huyen-sin-ho", { "CQS-02": { numerator: 5, denominator: 5 } })),
    file("sin-ho-2.xlsx", unitWorkbook("huyen-sin-ho", { "CQS-02": { numerator: 4, denominator: 5 } })),
    file("tan-uyen.xlsx", truncated(unitWorkbook("huyen-tan-uyen", {}))),
  ]);
  await page.getByTestId("consolidate-summary").waitFor();
  expect(await page.getByTestId("consolidate-progress-text").textContent()).toBe("Đã đọc 6/6 tệp");
  expect(await page.getByTestId("consolidate-summary").textContent()).toBe("Kỳ báo cáo 2025-H1; cấp huyện: đã nhận 3/8 đơn vị");
  // (700 + 150 + 90) / (1000 + 200 + 100) = 940 / 1300 = 72.31 %; below the province's ≥ 90 %
  const cells = await page.locator('[data-testid="consolidate-indicators"] tr[data-indicator="CQS-02"] td').allTextContents();
  expect(cells.slice(0, 5)).toEqual(["72,31", "940", "1300", "≥ 90", "Chưa đạt"]);
  // XHS-09: 2 of 8 districts = 25 %
  expect((await page.locator('[data-testid="consolidate-indicators"] tr[data-indicator="XHS-09"] td').allTextContents()).slice(0, 3)).toEqual(["25", "2", "8"]);
  expect(await page.locator('[data-testid="consolidate-completeness"] tr[data-status="duplicate"]').count()).toBe(2);
  expect(await page.locator('[data-testid="consolidate-completeness"] tr[data-status="unreadable"]').count()).toBe(1);
  // the scorecard colours each unit's figure: Tam Đường's 75 % is below the district target 80 %
  const td = page.locator('[data-testid="consolidate-scorecard"] tr[data-unit="huyen-tam-duong"] td').nth(1);
  expect(await td.textContent()).toBe("75");
  expect(await td.getAttribute("title")).toBe("Chưa đạt");
  await screenshot(page, "browser-consolidate");
  expect(await seriousViolations(page)).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải sổ tổng hợp" }).click()]);
  expect(download.suggestedFilename()).toBe("tong-hop-2025-H1.xlsx");
  const book = readWorkbook(new Uint8Array(fs.readFileSync((await download.path())!)));
  expect(book.sheets.map((s) => s.name)).toEqual(["Tổng hợp", "Bảng điểm", "Đầy đủ", "Kết quả từng đơn vị", "Biểu đồ"]);
  expect(book.sheets[0]!.values.find((r) => r[1] === "CQS-02")!.slice(4, 7)).toEqual([72.3077, 940, 1300]);

  expect(requests.filter((u) => !u.startsWith(server.origin) && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
  await page.close();
});
