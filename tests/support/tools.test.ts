// The tool guard: in CI a missing program fails the test; elsewhere the test is skipped with a warning that says
// what to install. Jest's describe/it are replaced by recorders so each branch can be watched from outside.

import { isCi, requireTools, type GuardEnv, type Tool } from "./tools";

interface Registered {
  kind: "describe" | "describe.skip" | "it" | "it.skip";
  name: string;
  fn?: () => unknown;
}

function recorder(): { jest: GuardEnv["jest"]; registered: Registered[] } {
  const registered: Registered[] = [];
  const describe = Object.assign((name: string, fn: () => void) => void registered.push({ kind: "describe", name, fn }), {
    skip: (name: string, fn: () => void) => void registered.push({ kind: "describe.skip", name, fn }),
  });
  const it = Object.assign((name: string, fn?: () => unknown) => void registered.push({ kind: "it", name, fn }), {
    skip: (name: string, fn?: () => unknown) => void registered.push({ kind: "it.skip", name, fn }),
  });
  return { jest: { describe, it } as unknown as GuardEnv["jest"], registered };
}

const only =
  (...present: Tool[]) =>
  (t: Tool) =>
    present.includes(t);

describe("requireTools", () => {
  it("hands back the real describe and it, with the body, when every tool is there", () => {
    const { jest, registered } = recorder();
    const warnings: string[] = [];
    const guard = requireTools(["soffice", "openpyxl"], { ci: true, probe: only("soffice", "openpyxl"), warn: (m) => warnings.push(m), jest });
    const body = () => {};
    guard.describe("LibreOffice opens it", body);
    guard.it("openpyxl reads it");
    expect(guard.missing).toEqual([]);
    expect(registered.map((r) => r.kind)).toEqual(["describe", "it"]);
    expect(registered[0]!.fn).toBe(body);
    expect(warnings).toEqual([]);
  });

  it("with CI set, fails each guarded test, naming the missing tool and its package, and never runs the body", () => {
    const { jest, registered } = recorder();
    const warnings: string[] = [];
    const guard = requireTools(["soffice", "openpyxl", "pdftoppm"], { ci: true, probe: only("soffice"), warn: (m) => warnings.push(m), jest });
    let ran = false;
    guard.describe("rendered by LibreOffice", () => {
      ran = true;
    });
    guard.it("read back by openpyxl", () => {
      ran = true;
    });
    expect(guard.missing).toEqual(["openpyxl", "pdftoppm"]);
    expect(warnings).toEqual([]);
    // the describe becomes one failing test inside it
    expect(registered.map((r) => [r.kind, r.name])).toEqual([
      ["describe", "rendered by LibreOffice"],
      ["it", "read back by openpyxl"],
    ]);
    registered[0]!.fn!();
    const inner = registered[2]!;
    expect(inner.kind).toBe("it");
    expect(() => inner.fn!()).toThrow(/openpyxl for \/usr\/bin\/python3, pdftoppm \(poppler\).*apt-get install python3-openpyxl poppler-utils/);
    expect(() => registered[1]!.fn!()).toThrow(/CI must run this test/);
    expect(ran).toBe(false);
  });

  it("without CI, skips the guarded tests and warns once with the tool and the apt-get line", () => {
    const { jest, registered } = recorder();
    const warnings: string[] = [];
    const guard = requireTools(["chromium"], { ci: false, probe: only(), warn: (m) => warnings.push(m), jest });
    guard.describe("the pane in Chromium", () => {});
    guard.it("loads without CSP violations", () => {});
    expect(registered.map((r) => r.kind)).toEqual(["describe.skip", "it.skip"]);
    expect(warnings).toEqual(["Skipping tests that need other programs (set CI=1 to make this a failure): missing Chromium (/usr/bin/chromium); install with: sudo apt-get install chromium"]);
  });

  it("reads CI from the environment when not told", () => {
    const { jest, registered } = recorder();
    const saved = process.env.CI;
    try {
      process.env.CI = "1";
      requireTools(["pdftoppm"], { probe: only(), warn: () => {}, jest }).it("renders");
      delete process.env.CI;
      requireTools(["pdftoppm"], { probe: only(), warn: () => {}, jest }).it("renders");
    } finally {
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
    }
    expect(registered.map((r) => r.kind)).toEqual(["it", "it.skip"]);
  });

  it("takes CI=1 and CI=true as CI, and an unset, empty, 0 or false CI as a developer machine", () => {
    expect(["1", "true", "TRUE", "yes"].map(isCi)).toEqual([true, true, true, true]);
    expect([undefined, "", "0", "false", "False"].map(isCi)).toEqual([false, false, false, false, false]);
  });
});
