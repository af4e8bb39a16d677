import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LEVELS } from "../hosts/office/harness";

const ROOT = path.resolve(__dirname, "..", "..");
const VALIDATOR = path.join(ROOT, "scripts", "validate-manifest.cjs");
const MANIFEST = path.join(ROOT, "manifest.xml");
const source = fs.readFileSync(MANIFEST, "utf8");

function validate(...files: string[]) {
  const run = spawnSync(process.execPath, [VALIDATOR, ...files], { cwd: ROOT, encoding: "utf8" });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

/** 1-based line of the first line containing `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in text`);
  return index + 1;
}

let tmp: string;
beforeAll(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-test-")); });
afterAll(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

function brokenCopy(name: string, edit: (xml: string) => string): { file: string; xml: string } {
  const xml = edit(source);
  if (xml === source) throw new Error(`edit "${name}" changed nothing`);
  const file = path.join(tmp, `${name}.xml`);
  fs.writeFileSync(file, xml);
  return { file, xml };
}

describe("manifest.xml", () => {
  test("passes the offline validator (XSD + resids + https + icon sizes)", () => {
    const { code, output } = validate();
    expect(output).toContain("manifest.xml: hợp lệ / valid");
    expect(code).toBe(0);
  });

  test("declares Excel with ExcelApi 1.1 as the minimum, so Office 2016 can load it: the lowest level the host tests cover", () => {
    expect(source).toMatch(/<Host Name="Workbook"\/>/);
    const sets = [...source.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]);
    const lowestTested = [...LEVELS].sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]))[0];
    expect(lowestTested).toBe("1.1");
    expect(sets).toEqual([["ExcelApi", lowestTested]]);
  });

  test("every ribbon function is registered by the commands bundle", () => {
    const names = [...source.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
    expect(names.sort()).toEqual(["check", "clear", "insertTemplate"]);
    const commands = fs.readFileSync(path.join(ROOT, "src", "commands", "commands.ts"), "utf8");
    for (const name of names) expect(commands).toContain(`register("${name}"`);
  });

  test("asks for ReadWriteDocument and nothing more: no other permission, no extra domains, no single sign-on", () => {
    // ReadWriteDocument is the least that lets the add-in both read the figures and write the marks
    expect([...source.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((m) => m[1])).toEqual(["ReadWriteDocument"]);
    expect(source).not.toMatch(/<AppDomains?>|<WebApplicationInfo>|<ExtendedPermissions?>/);
  });

  test("every Vietnamese string has an en-US override", () => {
    const strings = [...source.matchAll(/<bt:String id="([^"]+)"[^>]*>([\s\S]*?)<\/bt:String>/g)];
    expect(strings.length).toBeGreaterThan(0);
    for (const [, id, body] of strings) expect({ id, hasEnglish: /Locale="en-US"/.test(body ?? "") }).toEqual({ id, hasEnglish: true });
    expect(source).toMatch(/<DisplayName DefaultValue="Chỉ tiêu CĐS">\s*<Override Locale="en-US"/);
  });
});

describe("the validator rejects broken manifests with line-numbered messages", () => {
  test("a removed required element", () => {
    const { file, xml } = brokenCopy("no-provider", (s) => s.replace(/\s*<ProviderName>[^<]*<\/ProviderName>/, ""));
    const { code, output } = validate(file);
    expect(code).toBe(1);
    expect(output).toContain(`no-provider.xml:${lineOf(xml, "<DefaultLocale>")}: [XSD]`);
    expect(output).toContain("ProviderName");
  });

  test("a malformed GUID", () => {
    const { file, xml } = brokenCopy("bad-guid", (s) => s.replace(/<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>"));
    const { code, output } = validate(file);
    expect(code).toBe(1);
    expect(output).toContain(`bad-guid.xml:${lineOf(xml, "<Id>")}: [XSD] Element 'Id'`);
  });

  test("a resid that points nowhere", () => {
    const { file, xml } = brokenCopy("dangling", (s) => s.replace('resid="Check.Tooltip"', 'resid="Check.Missing"'));
    const { code, output } = validate(file);
    expect(code).toBe(1);
    expect(output).toContain(`dangling.xml:${lineOf(xml, 'resid="Check.Missing"')}: resid "Check.Missing"`);
    expect(output).toContain("is not defined in Resources");
  });

  test("a resid that points to the wrong kind of resource", () => {
    const { file } = brokenCopy("wrong-kind", (s) => s.replace('<Description resid="Check.Tooltip"/>', '<Description resid="Check.Label"/>'));
    const { code, output } = validate(file);
    expect(code).toBe(1);
    expect(output).toContain("must point to a long string, not a short string");
  });

  test("a plain http URL", () => {
    const { file, xml } = brokenCopy("http", (s) => s.replace('"https://localhost:3000/commands.html"', '"http://localhost:3000/commands.html"'));
    const { code, output } = validate(file);
    expect(code).toBe(1);
    expect(output).toContain(`http.xml:${lineOf(xml, "http://localhost:3000/commands.html")}: URL phải dùng https / URL must use https`);
  });

  test("an icon of the wrong size and an icon that does not exist", () => {
    const { file } = brokenCopy("icons", (s) =>
      s.replace("assets/icon-16.png", "assets/icon-32.png").replace("assets/clear-80.png", "assets/clear-99.png"));
    const { code, output } = validate(file);
    expect(code).toBe(1);
    expect(output).toContain("is 32x32, needs 16x16");
    expect(output).toContain("file not found: assets/clear-99.png");
  });

  test("any invalid file among several makes the run fail, and each file gets its verdict", () => {
    const { file } = brokenCopy("second", (s) => s.replace("<Permissions>ReadWriteDocument", "<Permissions>Everything"));
    const { code, output } = validate(MANIFEST, file);
    expect(code).toBe(1);
    expect(output).toContain("manifest.xml: hợp lệ / valid");
    expect(output).toContain("second.xml: KHÔNG hợp lệ / INVALID");
  });
});
