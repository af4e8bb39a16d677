import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import type { FakeExcel } from "../support/fake";
import { buildApp, buildFakeOffice } from "./support/build";
import { launch, screenshot, seriousViolations } from "./support/chromium";
import { serveDir, type StaticServer } from "./support/server";

// The legacy pane (the one Internet Explorer 11 and EdgeHTML get) in headless Chromium posing as IE11: the built
// taskpane.html, its boot script choosing the ES5 pane by user agent, against the in-memory Excel served in place of
// office.js. Layout at the narrowest task pane width (350 px), axe-core on every screen, screenshots.

jest.setTimeout(300_000);

const OFFICE_JS = "https://appsforoffice.microsoft.com/**";
const IE11_UA = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
const WIDTH = 350;

let work: string;
let server: StaticServer;
let fakeOfficeJs: string;
let browser: { context: BrowserContext; close: () => Promise<void> };

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-e2e-legacy-"));
  const dist = path.join(work, "dist");
  const [, fakePath] = await Promise.all([buildApp(dist), buildFakeOffice(path.join(work, "fake"))]);
  fakeOfficeJs = fs.readFileSync(fakePath, "utf8");
  server = await serveDir(dist);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** A page that says it is IE11 (navigator.userAgent included), 350 px wide, with the fake Excel as office.js. */
async function ie11Page(apiVersion: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: WIDTH, height: 800 });
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send("Network.setUserAgentOverride", { userAgent: IE11_UA });
  await page.addInitScript((v) => {
    (window as unknown as { __fakeExcelApi: string }).__fakeExcelApi = v;
  }, apiVersion);
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: fakeOfficeJs }));
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  return { page, requests };
}

const fake = <T>(page: Page, f: (fake: FakeExcel) => T | Promise<T>) =>
  page.evaluate(`(${f.toString()})(window.__fakeExcel)`) as Promise<T>;

async function expectFits(page: Page, screen: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect({ screen, width }).toEqual({ screen, width: WIDTH });
}

async function expectAccessible(page: Page, screen: string) {
  expect({ screen, violations: await seriousViolations(page) }).toEqual({ screen, violations: [] });
}

describe.each(["1.1", "1.7"])("legacy pane at ExcelApi %s, as IE11 gets it", (apiVersion) => {
  it("loads only the ES5 files, fits 350 px, passes axe, and inserts, checks, selects and clears", async () => {
    const { page, requests } = await ie11Page(apiVersion);
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByRole("heading", { name: "Chọn biểu mẫu" }).waitFor();
    const ours = requests.filter((u) => u.startsWith(server.origin) && u.endsWith(".js")).map((u) => u.slice(server.origin.length + 1));
    expect(ours.every((u) => u.startsWith("legacy/"))).toBe(true); // never the modern bundle: IE11 could not parse it
    expect(ours.some((u) => u.startsWith("legacy/pane."))).toBe(true);

    await page.getByLabel("Cấp báo cáo").selectOption("district");
    await page.getByLabel("Năm báo cáo").selectOption("2025");
    await page.getByLabel("Đơn vị báo cáo").selectOption("huyen-tam-duong");
    await expectFits(page, "start");
    await expectAccessible(page, "start");
    await screenshot(page, `legacy-${apiVersion}-start`);

    await page.getByRole("button", { name: "Chèn biểu mẫu" }).click();
    await page.getByText('Đã chèn biểu mẫu vào trang "Báo cáo".').waitFor();
    await page.evaluate(async () => {
      const f = (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel;
      for (const [cell, value] of [["G18", 22], ["H18", 100], ["I30", "Có lẽ"]] as const) await f.edit(`'Báo cáo'!${cell}`, value);
    });
    await page.getByRole("button", { name: "Kiểm tra sổ tính" }).click();
    await page.getByText(/^Đã đánh dấu \d+ ô trong sổ tính\.$/).waitFor();
    expect(await page.getByTestId("count-notMet").locator("dd").textContent()).toBe("1");
    expect(await page.getByTestId("count-invalid").locator("dd").textContent()).toBe("1");
    await expectFits(page, "check");
    await expectAccessible(page, "check");
    await screenshot(page, `legacy-${apiVersion}-check`);

    // keyboard: the error finding is a button; Enter selects its cell in Excel
    await page.getByTestId("severity-error").getByRole("button").first().focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.selection !== undefined);
    expect(await fake(page, (f) => f.selection)).toMatch(/I30/);

    await page.getByRole("button", { name: "Xóa đánh dấu" }).click();
    await page.getByText("Đã xóa các đánh dấu của Chỉ tiêu CĐS.").waitFor();
    await page.close();
  });
});

it("when the legacy pane cannot load, the clerk reads what to do and where the browser mode is (and axe passes)", async () => {
  const { page } = await ie11Page("1.1");
  await page.route(/\/legacy\/pane\.[^/]+\.js$/, (route) => route.fulfill({ status: 404, body: "not found" }));
  await page.goto(`${server.origin}/taskpane.html`);
  const box = page.getByRole("alert");
  await box.waitFor();
  const text = (await box.textContent())!.replace(/\s+/g, " ");
  expect(text).toContain("Không mở được Chỉ tiêu CĐS trong Excel này.");
  expect(text).toContain(`${server.origin}/index.html`);
  expect(text).toContain("use the browser mode (no Excel needed)");
  await expectFits(page, "boot-failed");
  await expectAccessible(page, "boot-failed");
  await screenshot(page, "legacy-boot-failed");
  await page.close();
});
