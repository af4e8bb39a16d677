import { FakeExcel, installFakeOffice } from "../../support/fake";

// Test-only stand-in for office.js: the e2e test serves this bundle in place of the Office CDN script, so the
// production pane boots against the in-memory Excel without any test code in its own bundle. ExcelApi 1.18 unless
// the page set another level first.

// a test can ask for an older Excel with page.addInitScript(() => { window.__fakeExcelApi = "1.1"; })
const apiVersion = (globalThis as { __fakeExcelApi?: string }).__fakeExcelApi ?? "1.18";
const fake = new FakeExcel({ apiVersion, sheets: ["Sheet1"] });
installFakeOffice(fake);
(globalThis as { __fakeExcel?: FakeExcel }).__fakeExcel = fake;
