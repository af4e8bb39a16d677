import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const scripts = Object.keys((JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);

function section(title: string): string {
  const start = readme.indexOf(`## ${title}\n`);
  if (start < 0) throw new Error(`README has no "## ${title}" section`);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

describe("README", () => {
  test("Quick start is exactly two commands in one code block", () => {
    const blocks = [...section("Quick start").matchAll(/```\w*\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.trim().split("\n")).toEqual(["npm ci && npm start", "npm test"]);
  });

  test("every npm script it mentions exists in package.json", () => {
    const mentioned = new Set([
      ...[...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1] ?? ""),
      ...[...readme.matchAll(/npm (start|test)\b/g)].map((m) => m[1] ?? ""),
    ]);
    expect(mentioned.size).toBeGreaterThan(8);
    for (const name of mentioned) expect({ name, exists: scripts.includes(name) }).toEqual({ name, exists: true });
  });

  test("the project layout names folders and files that exist", () => {
    const layout = section("Project layout");
    const entries = [...layout.matchAll(/^([.\w/-]+\/?)\s{2,}/gm)].map((m) => m[1] ?? "");
    expect(entries.length).toBeGreaterThan(8);
    for (const entry of entries) expect({ entry, exists: fs.existsSync(path.join(ROOT, entry)) }).toEqual({ entry, exists: true });
  });
});

describe(".ci/run", () => {
  const script = fs.readFileSync(path.join(ROOT, ".ci", "run"), "utf8");

  test("is valid bash that stops on the first failure and never prompts", () => {
    expect(spawnSync("bash", ["-n", path.join(ROOT, ".ci", "run")]).status).toBe(0);
    expect(script).toMatch(/^set -euo pipefail$/m);
    expect(script).toMatch(/^export DEBIAN_FRONTEND=noninteractive$/m);
  });

  test("runs the checks in order: install, lint, typecheck, validate, test", () => {
    const steps = ["npm ci", "npm run lint", "npm run typecheck", "npm run validate", "npm test"].map((s) => script.indexOf(`\n${s}\n`));
    expect(steps.every((at) => at > 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });
});

describe("README: installing chitieu outside the repository", () => {
  const text = section("The `chitieu` command line");

  test("says how to install it globally from the checkout or a packed tarball, and warns about npx outside it", () => {
    expect(text).toContain("### Installing the command for use outside the repository");
    expect(text).toMatch(/npm install -g \/path\/to\/chitieu-cds/);
    expect(text).toMatch(/npm pack\b/);
    expect(text).toMatch(/npm install -g \.\/chitieu-cds-[\d.]+\.tgz/);
    expect(text).toMatch(/Outside it, `npx chitieu` does not run this tool: it downloads an\s+unrelated package/);
  });

  test("the packed tarball it tells people to install holds the command and what it runs", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; version: string; bin: Record<string, string> };
    expect(text).toContain(`${pkg.name}-${pkg.version}.tgz`);
    const r = spawnSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    const files = new Set((JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
    expect(files.has(pkg.bin.chitieu!.replace(/^\.\//, ""))).toBe(true);
    expect(files.has("seeds/catalog.json")).toBe(true);
    expect(files.has("seeds/units.json")).toBe(true);
  });
});
