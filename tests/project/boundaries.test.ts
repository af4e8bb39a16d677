// The layers of ARCHITECTURE.md hold by themselves: `npm run lint` (the project's eslint.config.mjs, through ESLint's
// Node API) reports an import that crosses a boundary, with a message that names it, and lets the allowed ones through.
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const LINT = path.join(__dirname, "support", "lint-text.mjs");

interface Reported { ruleId: string | null; message: string; line: number }
interface Result { filePath: string; messages: Reported[] }

function lint(input: { fixtures?: { filePath: string; code: string }[]; paths?: string[] }): Result[] {
  const run = spawnSync(process.execPath, [LINT, ...(input.paths ?? [])], {
    cwd: ROOT, input: input.fixtures ? JSON.stringify(input.fixtures) : "", encoding: "utf8", maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`ESLint did not run (exit ${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout) as Result[];
}

/** A file that does not exist, linted as if it were at filePath: the config picks its rules by that path. */
const fixture = (filePath: string, ...lines: string[]) => ({ filePath, code: `${lines.join("\n")}\n` });

const crossings = [
  {
    what: "the core importing the Office host",
    file: fixture("src/core/check/fixture.ts",
      'import { createOfficeHostFromGlobals } from "../../hosts/office";', "export const host = createOfficeHostFromGlobals;"),
    rule: "no-restricted-imports",
    says: "src/core is pure and may not import a host (src/hosts)",
  },
  {
    what: "the core loading the file host with import()",
    file: fixture("src/core/fixture.ts", 'export const load = () => import("../hosts/xlsx/file-host");'),
    rule: "no-restricted-syntax",
    says: "src/core is pure and may not import a host (src/hosts)",
  },
  {
    what: "the core naming a host's type with import(\"…\")",
    file: fixture("src/core/findings/fixture.ts", 'export type Host = import("../../hosts/office").OfficeHost;'),
    rule: "no-restricted-syntax",
    says: "src/core is pure and may not import a host (src/hosts)",
  },
  {
    what: "the core importing React",
    file: fixture("src/core/template/fixture.ts", 'import { useState } from "react";', "export const hook = useState;"),
    rule: "no-restricted-imports",
    says: "src/core may not import React or Fluent UI",
  },
  {
    what: "the core importing node:fs",
    file: fixture("src/core/catalog/fixture.ts", 'import { readFileSync } from "node:fs";', "export const read = readFileSync;"),
    rule: "no-restricted-imports",
    says: "src/core may not import Node built-ins",
  },
  {
    what: "the core importing worker_threads without the node: prefix",
    file: fixture("src/core/fixture.ts", 'import { Worker } from "worker_threads";', "export const W = Worker;"),
    rule: "no-restricted-imports",
    says: "src/core may not import Node built-ins",
  },
  {
    what: "the core importing the command line",
    file: fixture("src/core/check/fixture.ts", 'import { main } from "../../cli/main";', "export const run = main;"),
    rule: "no-restricted-imports",
    says: "src/core may not import the command line (src/cli)",
  },
  {
    what: "the core importing the app",
    file: fixture("src/core/fixture.ts", 'import { toUserError } from "../app/errors";', "export const f = toUserError;"),
    rule: "no-restricted-imports",
    says: "src/core may not import the user interface",
  },
  {
    what: "the Office host importing the xlsx host",
    file: fixture("src/hosts/office/fixture.ts", 'import { createFileHost } from "../xlsx/file-host";', "export const open = createFileHost;"),
    rule: "no-restricted-imports",
    says: "A host may not import another host: src/hosts/office may not use src/hosts/xlsx",
  },
  {
    what: "the xlsx host importing the Office host",
    file: fixture("src/hosts/xlsx/read/fixture.ts", 'import type { OfficeFeatures } from "../../office/features";', "export type F = OfficeFeatures;"),
    rule: "no-restricted-imports",
    says: "A host may not import another host: src/hosts/xlsx may not use src/hosts/office",
  },
  {
    what: "the command line importing the Office host",
    file: fixture("src/cli/commands/fixture.ts",
      'import { createOfficeHostFromGlobals } from "../../hosts/office";', "export const host = createOfficeHostFromGlobals;"),
    rule: "no-restricted-imports",
    says: "The command line works on .xlsx files and may not import Office code",
  },
  {
    what: "the command line importing the task pane",
    file: fixture("src/cli/fixture.ts", 'import { officeDark } from "../taskpane/office-env";', "export const dark = officeDark;"),
    rule: "no-restricted-imports",
    says: "The command line works on .xlsx files and may not import Office code",
  },
  {
    what: "the browser mode loading the Office host",
    file: fixture("src/browser/fixture.ts", 'export const load = () => import("../hosts/office");'),
    rule: "no-restricted-syntax",
    says: "The browser mode runs without Office and may not import Office code",
  },
  {
    what: "the app importing a concrete host",
    file: fixture("src/app/screens/fixture.ts", 'import { createFileHost } from "../../hosts/xlsx/file-host";', "export const open = createFileHost;"),
    rule: "no-restricted-imports",
    says: "src/app uses a host through src/hosts/host.ts only",
  },
  {
    what: "product code importing the Excel fake from tests/",
    file: fixture("src/taskpane/fixture.ts", 'import { FakeExcel } from "../../tests/support/fake";', "export const E = FakeExcel;"),
    rule: "no-restricted-imports",
    says: "src/ is the product and may not import tests/",
  },
];

const allowed = [
  fixture("src/core/check/fixture.ts",
    'import { z } from "zod";',
    'import { defaultCatalog } from "../catalog";',
    'import type { WorkbookSnapshot } from "../snapshot";',
    'import seeds from "../../../seeds/catalog.json";',
    "export const parts = [z, defaultCatalog, seeds];",
    "export type S = WorkbookSnapshot;"),
  fixture("src/hosts/xlsx/fixture.ts",
    'import type { WorkbookHost } from "../host";',
    'import { unzipSync } from "fflate";',
    'import type { HighlightPlan } from "../../core/highlight-plan";',
    "export type Both = [WorkbookHost, HighlightPlan];",
    "export const unzip = unzipSync;"),
  fixture("src/hosts/office/fixture.ts",
    'import type { WorkbookHost } from "../host";',
    'import { parseCellRef } from "../../core/a1";',
    "export type H = WorkbookHost;",
    "export const parse = parseCellRef;"),
  fixture("src/cli/fixture.ts",
    'import { readFile } from "node:fs/promises";',
    'import { Worker } from "node:worker_threads";',
    'import { createFileHost } from "../hosts/xlsx/file-host";',
    "export const parts = [readFile, Worker, createFileHost];"),
  fixture("src/browser/fixture.ts", 'export const load = () => import("../hosts/xlsx/file-host");'),
  fixture("src/taskpane/fixture.ts",
    'import { createOfficeHostFromGlobals } from "../hosts/office";',
    'import { toUserError } from "../app/errors";',
    "export const parts = [createOfficeHostFromGlobals, toUserError];"),
];

describe("layer boundaries (eslint.config.mjs)", () => {
  let reported: Result[];
  let clean: Result[];

  beforeAll(() => {
    reported = lint({ fixtures: crossings.map((c) => c.file) });
    clean = lint({ fixtures: allowed });
  }, 60_000);

  test.each(crossings.map((c, i) => [c.what, i] as const))("reports %s, naming the boundary", (_what, i) => {
    const crossing = crossings[i]!;
    expect(reported[i]?.filePath).toBe(crossing.file.filePath);
    // exactly one report: the import, by the rule that owns it, and nothing else wrong with the fixture
    expect(reported[i]?.messages).toEqual([
      { ruleId: crossing.rule, line: 1, message: expect.stringContaining(crossing.says) as unknown as string },
    ]);
    expect(reported[i]?.messages[0]?.message).toContain("See ARCHITECTURE.md.");
  });

  test("lets each layer use what it may: core → zod, core, seeds; hosts → host.ts, core; CLI → Node, xlsx host; pages → their host", () => {
    expect(clean.map((r) => ({ file: r.filePath, messages: r.messages }))).toEqual(
      allowed.map((f) => ({ file: f.filePath, messages: [] })),
    );
  });

  test("the tree as it is crosses no boundary", () => {
    const crossed = lint({ paths: ["src"] }).flatMap((r) => r.messages
      .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax")
      .map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(crossed).toEqual([]);
  }, 120_000);
});
