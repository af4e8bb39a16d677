import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { hasHighlights } from "../../src/hosts/xlsx/mark";
import type { FakeExcel } from "../support/fake";
import { buildApp, buildFakeOffice } from "./support/build";
import { launch } from "./support/chromium";
import { serveDir, type StaticServer } from "./support/server";

// The built pages under their Content Security Policy in headless Chromium: each page is used as a clerk would use
// it, and any CSP violation, console error or request to another origin fails the test. A probe first proves the
// policy is in force on the page (an inline script, eval, a foreign fetch and a foreign image are all refused), so a
// page that lost its policy cannot pass by having nothing to report.

jest.setTimeout(180_000);

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const ROOT = path.resolve(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require(path.join(ROOT, "webpack.config.js")) as {
  PAGES: { filename: string; office: boolean }[];
  contentSecurityPolicy(page: { office: boolean }): string;
};

let work: string;
let dist: string;
let server: StaticServer;
let fakeOfficeJs: string;
let browser: { context: BrowserContext; close: () => Promise<void> };

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-csp-"));
  dist = path.join(work, "dist");
  const [, fakePath] = await Promise.all([buildApp(dist), buildFakeOffice(path.join(work, "fake"))]);
  fakeOfficeJs = fs.readFileSync(fakePath, "utf8");
  fs.writeFileSync(path.join(dist, "csp-probe.js"), PROBE);
  server = await serveDir(dist);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

interface Violation {
  directive: string;
  blocked: string;
}

interface Watch {
  /** Requests to anything but the page's own origin (office.js excepted where the page loads it). */
  foreign: string[];
  /** Requests Chromium refused to send because of the policy, with its reason. */
  refused: string[];
  consoleErrors: string[];
  pageErrors: string[];
  violations(): Promise<Violation[]>;
}

/** Watches a page from before its first script: CSP violation events, console errors, uncaught errors, requests. */
async function watch(page: Page, allowed: string[]): Promise<Watch> {
  await page.addInitScript(() => {
    const seen: { directive: string; blocked: string }[] = [];
    (window as unknown as { __csp: typeof seen }).__csp = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI }), true);
  });
  const w: Watch = {
    foreign: [],
    refused: [],
    consoleErrors: [],
    pageErrors: [],
    violations: () => page.evaluate(() => [...(window as unknown as { __csp: Violation[] }).__csp]),
  };
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(`${server.origin}/`) && !url.startsWith("blob:") && !url.startsWith("data:") && !allowed.includes(url)) w.foreign.push(url);
  });
  page.on("requestfailed", (r) => w.refused.push(`${r.url()} ${r.failure()?.errorText ?? ""}`));
  page.on("console", (m) => {
    if (m.type() === "error") w.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => w.pageErrors.push(String(e)));
  return w;
}

// What the policy must refuse, tried by a script of the page's own origin (written into the test's build only), so
// the page's CSP applies to each attempt; code evaluated from the test through DevTools is not bound by it.
const PROBE = `window.__probe = (async () => {
  const csp = window.__csp;
  const script = document.createElement("script");
  script.textContent = "window.__inline = true;";
  document.head.appendChild(script);
  let evalRan = false;
  try { evalRan = (0, eval)("1 + 1") === 2; } catch (e) { evalRan = false; }
  let functionRan = false;
  try { functionRan = new Function("return 2")() === 2; } catch (e) { functionRan = false; }
  let foreignFetch = false;
  try { await fetch("https://example.invalid/leak"); foreignFetch = true; } catch (e) { foreignFetch = false; }
  const img = new Image();
  img.src = "https://example.invalid/pixel.png";
  document.body.appendChild(img);
  await new Promise((r) => setTimeout(r, 200));
  img.remove();
  script.remove();
  return { inlineScript: window.__inline === true, evalRan, functionRan, foreignFetch, directives: csp.map((v) => v.directive) };
})();`;

/** Runs the probe on the page, then forgets the violations and console reports it caused. */
async function probe(page: Page, w: Watch): Promise<{ inlineScript: boolean; evalRan: boolean; functionRan: boolean; foreignFetch: boolean; directives: string[] }> {
  const before = await w.violations();
  expect(before).toEqual([]); // nothing refused while the page loaded
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.src = "csp-probe.js";
    document.head.appendChild(s);
  });
  await page.waitForFunction(() => (window as unknown as { __probe?: unknown }).__probe !== undefined);
  const ran = await page.evaluate(async () => {
    const g = window as unknown as { __probe: Promise<{ inlineScript: boolean; evalRan: boolean; functionRan: boolean; foreignFetch: boolean; directives: string[] }>; __csp: Violation[] };
    const result = await g.__probe;
    g.__csp.length = 0;
    return result;
  });
  // Chromium shows the refused image to the network log before refusing it: it must have gone no further
  expect(w.foreign).toEqual(["https://example.invalid/pixel.png"]);
  for (let i = 0; i < 50 && w.refused.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  expect(w.refused).toEqual(["https://example.invalid/pixel.png csp"]);
  w.foreign.length = 0;
  w.refused.length = 0;
  w.consoleErrors.length = 0;
  return { ...ran, directives: [...new Set(ran.directives)].sort() };
}

async function expectEnforced(page: Page, w: Watch): Promise<void> {
  expect(await probe(page, w)).toEqual({
    inlineScript: false,
    evalRan: false,
    functionRan: false,
    foreignFetch: false,
    directives: ["connect-src", "img-src", "script-src", "script-src-elem"],
  });
}

async function expectClean(page: Page, w: Watch): Promise<void> {
  expect({ violations: await w.violations(), foreign: w.foreign, refused: w.refused, console: w.consoleErrors, errors: w.pageErrors }).toEqual({
    violations: [],
    foreign: [],
    refused: [],
    console: [],
    errors: [],
  });
}

/** Serves the Excel stand-in at office.js's address: the page's own policy allows that URL and nothing more. */
async function withFakeOffice(page: Page): Promise<void> {
  await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: fakeOfficeJs }));
}

describe("the built pages carry their policy", () => {
  it.each(webpackConfig.PAGES.map((p) => [p.filename, p.office] as const))("%s has it first in <head>, before any script", (file, office) => {
    const html = fs.readFileSync(path.join(dist, file), "utf8");
    const policy = webpackConfig.contentSecurityPolicy({ office });
    // the production build minifies the page (attribute quotes dropped where it can)
    const meta = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)">/.exec(html);
    expect(meta?.[1]).toBe(policy);
    for (const tag of ["<script", "<link"]) if (html.includes(tag)) expect(html.indexOf(meta![0])).toBeLessThan(html.indexOf(tag));
    expect(policy).toContain(office ? "script-src 'self' https://appsforoffice.microsoft.com;" : "script-src 'self';");
    expect(policy).toContain("connect-src 'self';");
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });

  it("the dev server sends the office pages' policy as a header, and builds without eval-based source maps", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => {
      name: string;
      devtool: string | false;
      devServer?: { headers: Record<string, string> };
    }[];
    // two compilations (modern and legacy); the dev server takes its options from the modern one
    const configs = makeConfig({}, { mode: "development" });
    const modern = configs.find((c) => c.name === "modern");
    expect(modern?.devServer?.headers["Content-Security-Policy"]).toBe(webpackConfig.contentSecurityPolicy({ office: true }));
    for (const c of configs) expect(String(c.devtool)).not.toContain("eval");
  });
});

describe("in Chromium, under the policy", () => {
  it("browser mode: opens the sample, checks an uploaded file and downloads the marked copy, with no violation and no foreign request", async () => {
    const page = await browser.context.newPage();
    const w = await watch(page, []);
    await page.goto(`${server.origin}/index.html`);
    await page.getByRole("heading", { name: "Kiểm tra tệp báo cáo" }).waitFor();
    await expectEnforced(page, w);

    await page.getByRole("button", { name: "Dùng tệp mẫu" }).click();
    await page.getByRole("heading", { name: "Kết quả kiểm tra" }).waitFor();
    const [sample] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải bản đã đánh dấu" }).click()]);
    const marked = new Uint8Array(fs.readFileSync((await sample.path())!));
    expect(hasHighlights(marked)).toBe(true);

    // the marked copy goes back in as an upload: a second read and check in the same page
    await page.reload();
    await page.getByRole("heading", { name: "Kiểm tra tệp báo cáo" }).waitFor();
    await page.setInputFiles("#xlsx-input", { name: "mau.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from(marked) });
    await page.getByRole("heading", { name: "Kết quả kiểm tra" }).waitFor();
    await expectClean(page, w);
    await page.close();
  });

  it("task pane: inserts the template, checks and clears in the in-memory Excel, with no violation and no request but office.js", async () => {
    const page = await browser.context.newPage();
    const w = await watch(page, [OFFICE_JS]);
    await withFakeOffice(page);
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByRole("heading", { name: "Chọn biểu mẫu" }).waitFor();
    await expectEnforced(page, w);

    await page.getByLabel("Cấp báo cáo").selectOption("district");
    await page.getByLabel("Năm báo cáo").selectOption("2025");
    await page.getByLabel("Đơn vị báo cáo").selectOption("huyen-tam-duong");
    await page.getByRole("button", { name: "Chèn biểu mẫu" }).click();
    await page.getByText('Đã chèn biểu mẫu vào trang "Báo cáo".').waitFor();
    await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.setCells("Báo cáo", { G18: 22, H18: 100, I30: "Có lẽ" }));
    await page.getByRole("button", { name: "Kiểm tra sổ tính" }).click();
    await page.getByRole("heading", { name: "Kết quả kiểm tra" }).waitFor();
    await page.getByRole("button", { name: "Xóa đánh dấu" }).click();
    await page.getByText("Đã xóa các đánh dấu của Chỉ tiêu CĐS.").waitFor();
    await expectClean(page, w);
    await page.close();
  });

  it("task pane opened outside Excel (office.js finds no host): says so, with no violation", async () => {
    const page = await browser.context.newPage();
    const w = await watch(page, [OFFICE_JS]);
    await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: "text/javascript", body: "" }));
    await page.goto(`${server.origin}/taskpane.html`);
    await page.getByText("Trang này chạy bên trong Excel").waitFor();
    await expectEnforced(page, w);
    await expectClean(page, w);
    await page.close();
  });

  it("ribbon function file: runs insert, check and clear from the ribbon, with no violation and no request but office.js", async () => {
    const page = await browser.context.newPage();
    const w = await watch(page, [OFFICE_JS]);
    await withFakeOffice(page);
    await page.goto(`${server.origin}/commands.html`);
    await page.waitForFunction(() => typeof (window as unknown as { clear?: unknown }).clear === "function");
    await expectEnforced(page, w);

    const run = (name: string) =>
      page.evaluate(
        (command) =>
          new Promise<void>((resolve) => {
            const handler = (window as unknown as Record<string, (event: { completed(): void }) => void>)[command]!;
            handler({ completed: () => resolve() });
          }),
        name,
      );
    await run("insertTemplate");
    const sheets = await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.sheetNames());
    expect(sheets).toContain("Báo cáo");
    await page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.setCells("Báo cáo", { G18: 22, H18: 100 }));
    const rules = () => page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcel }).__fakeExcel.conditionalFormats("Báo cáo").length);
    const templateRules = await rules();
    await run("check");
    expect(await rules()).toBeGreaterThan(templateRules);
    await run("clear");
    expect(await rules()).toBe(templateRules);
    await expectClean(page, w);
    await page.close();
  });
});
