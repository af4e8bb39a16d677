// The one guard for tests that drive a program outside Node (Chromium, LibreOffice, openpyxl, poppler).
// With CI set, a missing tool fails the test: CI must prove what these tests prove. On a developer machine the tests
// are skipped, with a warning that names the missing tool and the Debian package that provides it (as .ci/run installs).

import { spawnSync } from "node:child_process";

export type Tool = "chromium" | "soffice" | "python3" | "openpyxl" | "pdftoppm" | "pdftotext";

interface ToolSpec {
  /** What the developer is told is missing. */
  label: string;
  /** The Debian package .ci/run installs for it. */
  apt: string;
  /** Command and arguments that exit 0 when the tool works. */
  probe: [string, string[]];
}

export const PYTHON = "/usr/bin/python3";
export const CHROMIUM = "/usr/bin/chromium";

export const TOOLS: Readonly<Record<Tool, ToolSpec>> = {
  chromium: { label: `Chromium (${CHROMIUM})`, apt: "chromium", probe: [CHROMIUM, ["--version"]] },
  soffice: { label: "LibreOffice (soffice)", apt: "libreoffice-calc-nogui", probe: ["soffice", ["--version"]] },
  python3: { label: PYTHON, apt: "python3", probe: [PYTHON, ["--version"]] },
  openpyxl: { label: `openpyxl for ${PYTHON}`, apt: "python3-openpyxl", probe: [PYTHON, ["-c", "import openpyxl"]] },
  pdftoppm: { label: "pdftoppm (poppler)", apt: "poppler-utils", probe: ["pdftoppm", ["-v"]] },
  pdftotext: { label: "pdftotext and pdfinfo (poppler)", apt: "poppler-utils", probe: ["pdfinfo", ["-v"]] },
};

/** Whether a tool runs here; probed once per test file (LibreOffice takes a second to answer). */
export type Probe = (tool: Tool) => boolean;

const seen = new Map<Tool, boolean>();
export const probeTool: Probe = (tool) => {
  let ok = seen.get(tool);
  if (ok === undefined) {
    const [cmd, args] = TOOLS[tool].probe;
    ok = spawnSync(cmd, args, { stdio: "ignore", timeout: 60_000 }).status === 0;
    seen.set(tool, ok);
  }
  return ok;
};

/** CI=1 / CI=true (what .ci/run and CI services set); unset, empty, "0" or "false" is a developer machine. */
export function isCi(value: string | undefined): boolean {
  return value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}

/** One line per missing tool: what it is and how to install it. */
export function missingMessage(missing: readonly Tool[]): string {
  const packages = [...new Set(missing.map((t) => TOOLS[t].apt))].join(" ");
  return `missing ${missing.map((t) => TOOLS[t].label).join(", ")}; install with: sudo apt-get install ${packages}`;
}

type Body = () => void;
type TestFn = (name: string, fn?: jest.ProvidesCallback, timeout?: number) => void;

export interface ToolGuard {
  /** The tools that are not there (empty when the tests run for real). */
  missing: Tool[];
  describe: (name: string, body: Body) => void;
  it: TestFn;
}

export interface GuardEnv {
  ci: boolean;
  probe: Probe;
  warn: (message: string) => void;
  /** Jest's own functions; replaced only by the guard's own tests. */
  jest: { describe: jest.Describe; it: jest.It };
}

/**
 * Wraps describe/it for tests that need the given tools. All present: the real describe and it. Missing in CI: each
 * guarded test (or one test per guarded describe) fails, naming what is missing. Missing elsewhere: skipped, with
 * one console warning naming the tools and the apt-get line.
 */
export function requireTools(tools: readonly Tool[], env: Partial<GuardEnv> = {}): ToolGuard {
  const ci = env.ci ?? isCi(process.env.CI);
  const probe = env.probe ?? probeTool;
  const warn = env.warn ?? ((m: string) => console.warn(m));
  const { describe: realDescribe, it: realIt } = env.jest ?? { describe, it };
  const missing = tools.filter((t) => !probe(t));
  if (missing.length === 0) return { missing, describe: (name, body) => realDescribe(name, body), it: (name, fn, timeout) => realIt(name, fn, timeout) };

  const message = missingMessage(missing);
  if (ci) {
    const fail = () => {
      throw new Error(`CI must run this test with its tools: ${message}`);
    };
    return {
      missing,
      describe: (name) => realDescribe(name, () => realIt(`has ${missing.map((t) => TOOLS[t].label).join(", ")}`, fail)),
      it: (name) => realIt(name, fail),
    };
  }
  warn(`Skipping tests that need other programs (set CI=1 to make this a failure): ${message}`);
  return {
    missing,
    describe: (name, body) => realDescribe.skip(name, body),
    it: (name, fn, timeout) => realIt.skip(name, fn, timeout),
  };
}
