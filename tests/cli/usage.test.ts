import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../../src/core/catalog";
import { buildTemplateLayout } from "../../src/core/template";
import { writeTemplateXlsx } from "../../src/hosts/xlsx/template";
import { main } from "../../src/cli/main";

// The command line as a clerk meets it: help where they ask for it, options in any order, a message (never a stack
// trace) for every mistake, and JSON a program can read.

const dir = mkdtempSync(join(tmpdir(), "chitieu-cli-usage-"));
const pkg = JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { version: string };

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

function commune2025(): string {
  const layout = buildTemplateLayout({ catalog: defaultCatalog(), unit: { code: "xa-muong-kim", name: "Mường Kim", level: "commune", kind: "xã" }, year: 2025 });
  const file = join(dir, `muong-kim-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, writeTemplateXlsx(layout, { values: new Map([["XHS-01", { value: 12 }]]) }));
  return file;
}

describe("help and version", () => {
  it("gives the help of one command, not the whole list, with `chitieu check --help`", async () => {
    const r = await run(["check", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("check <tệp.xlsx>...");
    expect(r.out).not.toContain("consolidate <");
    expect(r.out).toContain("Tùy chọn chung:");
  });

  it("reads --lang before the command and --help anywhere: `chitieu --lang en --help`", async () => {
    const r = await run(["--lang", "en", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: chitieu <command>/);
    expect(r.out).toContain("consolidate <files or folders>");
    const c = await run(["--lang", "en", "template", "--help"]);
    expect(c.out).toContain("template --level <province|district|commune>");
    expect(c.out).not.toContain("check <file.xlsx>");
  });

  it("prints the version of package.json with --version", async () => {
    const r = await run(["--version"]);
    expect(r).toEqual({ code: 0, out: `chitieu ${pkg.version}\n`, err: "" });
  });

  it("runs a command with --lang given before it", async () => {
    const r = await run(["--lang", "en", "units", "--year", "2025"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Units existing in 2025");
  });
});

describe("mistakes in options", () => {
  it("refuses an unknown --lang instead of silently answering in Vietnamese", async () => {
    const r = await run(["catalog", "--lang", "fr"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe("Ngôn ngữ không hỗ trợ: --lang fr (dùng vi hoặc en)\n");
  });

  it("names only the missing options of `template`", async () => {
    const r = await run(["template", "--level", "xa", "--unit", "Mường Kim", "--year", "2025"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Thiếu --out, ví dụ:/);
    const two = await run(["template", "--year", "2025", "--lang", "en"]);
    expect(two.err).toMatch(/^Missing --unit and --out, for example:/);
  });

  it("refuses --out x.xls before writing anything, naming the name to use", async () => {
    const input = commune2025();
    const out = join(dir, "danh-dau.xls");
    const r = await run(["check", input, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Hãy dùng --out danh-dau.xlsx");
    expect(existsSync(out)).toBe(false);
    const t = await run(["template", "--unit", "Mường Kim", "--year", "2025", "--out", join(dir, "mau.xls")]);
    expect(t.code).toBe(2);
    expect(t.err).toContain("--out mau.xlsx");
  });

  it("says why an --out cannot be written, with no stack trace", async () => {
    const input = commune2025();
    const missingFolder = join(dir, "khong-co", "x.xlsx");
    const r = await run(["check", input, "--out", missingFolder]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Không ghi được tệp ${missingFolder}: thư mục chứa tệp không tồn tại`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("says permission denied for a folder it may not write to", async () => {
    if (process.getuid?.() === 0) return expect(process.getuid()).toBe(0); // root writes anywhere: nothing to deny
    const locked = join(dir, "khoa");
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    const r = await run(["template", "--unit", "Mường Kim", "--year", "2025", "--out", join(locked, "x.xlsx"), "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("permission denied");
  });
});

describe("check --json", () => {
  it("writes the JSON to standard output with `--json -`, and the words for people to standard error", async () => {
    const input = commune2025();
    const r = await run(["check", input, "--json", "-"]);
    expect(r.code).toBe(0);
    expect(existsSync("-")).toBe(false);
    const report = JSON.parse(r.out) as { file: string; findings: { indicator: string }[] };
    expect(report.file).toBe(input);
    expect(report.findings.some((f) => f.indicator === "XHS-01")).toBe(true);
    expect(r.err).toContain("Tổng hợp:");
  });

  it("keeps a broken file in the multi-file JSON with its error", async () => {
    const good = commune2025();
    const broken = join(dir, "hong.xlsx");
    writeFileSync(broken, "đây không phải sổ tính");
    const r = await run(["check", good, broken, "--json", "-"]);
    expect(r.code).toBe(2);
    const reports = JSON.parse(r.out) as { file: string; error?: { code: string; message: string } }[];
    expect(reports.map((x) => x.file)).toEqual([good, broken]);
    expect(reports[0]!.error).toBeUndefined();
    expect(reports[1]!.error?.message).toMatch(/\S/);
    expect(r.err).toContain(`Không dùng được tệp ${broken}: ${reports[1]!.error!.message}`);
  });
});

describe("dates", () => {
  it("are dd/mm/yyyy in Vietnamese text and ISO in English", async () => {
    const vi = await run(["units", "--year", "2025"]);
    expect(vi.out).toContain("01/07/2025");
    expect(vi.out).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const en = await run(["units", "--year", "2025", "--lang", "en"]);
    expect(en.out).toContain("2025-07-01");
  });

  it("are dd/mm/yyyy in the message about a unit that did not exist that year", async () => {
    const r = await run(["template", "--level", "huyen", "--unit", "Tam Đường", "--year", "2026", "--out", join(dir, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(r.err).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
