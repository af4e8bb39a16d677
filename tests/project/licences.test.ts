import * as fs from "node:fs";
import * as path from "node:path";

// docs/licences.md lists every package the product installs, with its licence; it is generated from node_modules.

const ROOT = path.resolve(__dirname, "..", "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const licences = require(path.join(ROOT, "scripts", "licences.cjs")) as {
  collect(root?: string, dependencies?: string[]): { name: string; version: string; licence: string; repository: string; direct: boolean }[];
  render(entries: ReturnType<typeof licences.collect>): string;
  OUT: string;
};
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
const committed = fs.readFileSync(licences.OUT, "utf8");
const entries = licences.collect();

describe("docs/licences.md", () => {
  it("is what the script makes from the installed production tree (run `node scripts/licences.cjs` after changing dependencies)", () => {
    expect(committed).toBe(licences.render(entries));
  });

  it("names every direct production dependency, tsx included, at its installed version", () => {
    const direct = entries.filter((e) => e.direct).map((e) => e.name).sort();
    expect(direct).toEqual(Object.keys(pkg.dependencies).sort());
    expect(direct).toContain("tsx");
    for (const e of entries) expect(committed).toContain(`| ${e.direct ? `**${e.name}**` : e.name} | ${e.version} | ${e.licence} |`);
  });

  it("goes stale when a production dependency is added without regenerating it", () => {
    // as if fast-check (a dev dependency today) moved to "dependencies"
    const grown = licences.render(licences.collect(ROOT, [...Object.keys(pkg.dependencies), "fast-check"]));
    expect(grown).not.toBe(committed);
    expect(grown).toContain("| **fast-check** |");
    expect(committed).not.toContain("fast-check");
  });

  it("holds only permissive licences, each package with its repository", () => {
    const permissive = new Set(["MIT", "ISC", "Apache-2.0", "0BSD", "BSD-2-Clause", "BSD-3-Clause", "Zlib"]);
    // an SPDX expression such as pako's "(MIT AND Zlib)": every AND term permissive, each OR with a permissive choice
    const isPermissive = (spdx: string) => spdx.replace(/[()]/g, "").split(" AND ").every((term) => term.split(" OR ").some((l) => permissive.has(l.trim())));
    expect(isPermissive("(MIT AND GPL-3.0)")).toBe(false);
    expect(entries.filter((e) => !isPermissive(e.licence)).map((e) => `${e.name} ${e.licence}`)).toEqual([]);
    expect(entries.filter((e) => !/^https:\/\//.test(e.repository)).map((e) => e.name)).toEqual([]);
  });

  it("leaves out the development tools", () => {
    const names = new Set(entries.map((e) => e.name));
    for (const dev of ["jest", "webpack", "typescript", "eslint", "playwright-core"]) expect(names.has(dev)).toBe(false);
  });
});
