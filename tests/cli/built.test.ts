import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ConsolidateJson } from "../../src/cli/commands/consolidate";
import { main } from "../../src/cli/main";
import { unitWorkbook } from "../support/unit-workbooks";

// What users run: bin/chitieu.cjs starts the CLI from its JavaScript bundle (build/cli, made by scripts/build-cli.cjs),
// rebuilds it when a source is newer, and consolidates on the bundle's own worker threads with the same result as the
// TypeScript sources.

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "chitieu.cjs");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const builder = require(join(ROOT, "scripts", "build-cli.cjs")) as { ensureBuilt: () => string; isFresh: () => boolean; OUT: string };

const dir = mkdtempSync(join(tmpdir(), "chitieu-built-"));
// preloaded into the process and (inherited) its worker threads: any use of tsx fails loudly
const noTsx = join(dir, "no-tsx.cjs");
writeFileSync(noTsx, `const M = require("node:module"); const r = M._resolveFilename;
M._resolveFilename = function (req, ...rest) { if (/^tsx(\\/|$)/.test(req)) throw new Error("tsx used: " + req); return r.call(this, req, ...rest); };`);

function chitieu(args: string[]) {
  return spawnSync(process.execPath, ["--require", noTsx, BIN, ...args], { cwd: ROOT, encoding: "utf8" });
}

const inbox = join(dir, "nhan");
mkdirSync(inbox);
writeFileSync(join(inbox, "tp-lai-chau.xlsx"), unitWorkbook("tp-lai-chau", { "CQS-02": { numerator: 700, denominator: 1000 }, "XHS-09": { value: "Có" } }));
writeFileSync(join(inbox, "tam-duong.xlsx"), unitWorkbook("huyen-tam-duong", { "CQS-02": { numerator: 150, denominator: 200 }, "XHS-09": { value: "Không" } }));
writeFileSync(join(inbox, "sin-ho.xlsx"), unitWorkbook("huyen-sin-ho", { "CQS-02": { numerator: 500, denominator: 500 } }));

describe("the built CLI", () => {
  beforeAll(() => builder.ensureBuilt());

  it("runs from the JavaScript bundle, not through tsx", () => {
    const r = chitieu(["--help"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Cách dùng: chitieu");
    expect(existsSync(join(builder.OUT, "main.cjs"))).toBe(true);
    expect(existsSync(join(builder.OUT, "consolidate-worker.cjs"))).toBe(true);
  });

  it("writes a PDF review record from the PDF bundle it loads only for that, with the font beside the repository", () => {
    const template = join(dir, "mau.xlsx");
    expect(chitieu(["template", "--level", "xa", "--unit", "Mường Kim", "--year", "2025", "--out", template]).status).toBe(0);
    const pdf = join(dir, "ra-soat.pdf");
    const r = chitieu(["review", template, "--out", pdf]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // the other commands' bundle does not carry pdf-lib: it is required only for a .pdf record
    expect(readFileSync(join(builder.OUT, "commands.js"), "utf8")).not.toContain("PDFDocument");
    expect(existsSync(join(builder.OUT, "record-pdf.js"))).toBe(true);
  });

  it("is stale once a source file is newer, and the next start rebuilds it", () => {
    expect(builder.isFresh()).toBe(true);
    const source = join(ROOT, "src", "cli", "entry.ts");
    const was = statSync(source);
    const later = new Date(Date.now() + 5_000);
    utimesSync(source, later, later);
    try {
      expect(builder.isFresh()).toBe(false);
      expect(chitieu(["--help"]).status).toBe(0);
      expect(builder.isFresh()).toBe(true);
    } finally {
      utimesSync(source, was.atime, was.mtime);
    }
  });

  it("has the catalog and unit registry that the sources validate (validated once, when the bundle is built)", async () => {
    const out = (argv: string[]) => {
      const r = chitieu(argv);
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout) as unknown;
    };
    const here = async (argv: string[]) => {
      let text = "";
      expect(await main(argv, { out: (s) => (text += s), err: () => {}, tty: false })).toBe(0);
      return JSON.parse(text) as unknown;
    };
    expect(out(["catalog", "--json"])).toEqual(await here(["catalog", "--json"]));
    expect(out(["units", "--json"])).toEqual(await here(["units", "--json"]));
  });

  it("consolidates on the bundle's worker threads as the sources do on this thread", async () => {
    // CQS-02 at district level: (700 + 150 + 500) / (1000 + 200 + 500) = 1350 / 1700
    const built = join(dir, "built.json");
    const r = chitieu(["consolidate", inbox, "--period", "2025-H1", "--out", join(dir, "built.xlsx"), "--json", built, "--workers", "2"]);
    expect(r.stderr).not.toMatch(/tsx/);
    expect(r.status).toBe(0);
    const here = join(dir, "here.json");
    const code = await main(["consolidate", inbox, "--period", "2025-H1", "--out", join(dir, "here.xlsx"), "--json", here, "--workers", "0"], { out: () => {}, err: () => {}, tty: false });
    expect(code).toBe(0);
    const a = JSON.parse(readFileSync(built, "utf8")) as ConsolidateJson;
    const b = JSON.parse(readFileSync(here, "utf8")) as ConsolidateJson;
    const cqs = a.indicators.find((i) => i.indicator === "CQS-02")!;
    expect([cqs.numerator, cqs.denominator]).toEqual([1350, 1700]);
    expect(a.received).toBe(3);
    expect(a).toEqual(b);
  });
});
