import { FakeExcel, installFakeOffice } from "../../../src/hosts/office/fake";

// Test-only stand-in for office.js: the e2e test serves this bundle in place of the Office CDN script, so the
// production pane boots against the in-memory Excel without any test code in its own bundle.

const fake = new FakeExcel({ apiVersion: "1.18", sheets: ["Sheet1"] });
installFakeOffice(fake);
(globalThis as { __fakeExcel?: FakeExcel }).__fakeExcel = fake;
