import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const BASE_URL = "https://example.gov.vn/chitieu/";

function envWithBaseUrl(value: string | undefined): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.ADDIN_BASE_URL;
  if (value !== undefined) env.ADDIN_BASE_URL = value;
  return env;
}

describe("production build (npm run build)", () => {
  let out: string;
  let build: ReturnType<typeof spawnSync>;
  const read = (name: string) => fs.readFileSync(path.join(out, name), "utf8");

  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-build-"));
    build = spawnSync("npm", ["run", "build", "--", "--output-path", out], {
      cwd: ROOT, env: envWithBaseUrl(BASE_URL), encoding: "utf8", timeout: 240_000,
    });
  }, 250_000);
  afterAll(() => { fs.rmSync(out, { recursive: true, force: true }); });

  test("succeeds without warning about the base URL", () => {
    expect({ status: build.status, stderr: String(build.stderr).slice(-2000) }).toMatchObject({ status: 0 });
    expect(String(build.stderr)).not.toContain("ADDIN_BASE_URL is not set");
  });

  test("the built manifest points at ADDIN_BASE_URL only, and still validates", () => {
    const manifest = read("manifest.xml");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain(`<SourceLocation DefaultValue="${BASE_URL}taskpane.html"/>`);
    expect(manifest).toContain(`DefaultValue="${BASE_URL}commands.html"`);
    expect(manifest).toContain(`DefaultValue="${BASE_URL}assets/icon-80.png"`);
    const check = spawnSync(process.execPath, [path.join(ROOT, "scripts", "validate-manifest.cjs"), path.join(out, "manifest.xml")], { encoding: "utf8" });
    expect(check.stdout).toContain("manifest.xml: hợp lệ / valid");
    expect(check.status).toBe(0);
  });

  test("every URL in the built manifest is a file that was built", () => {
    const urls = [...read("manifest.xml").matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1] ?? "");
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url.startsWith(BASE_URL)).toBe(true);
      expect({ url, exists: fs.existsSync(path.join(out, url.slice(BASE_URL.length))) }).toEqual({ url, exists: true });
    }
  });

  test("task pane and commands load office.js; the browser mode loads nothing from elsewhere", () => {
    const officeJs = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
    expect(read("taskpane.html")).toContain(officeJs);
    expect(read("commands.html")).toContain(officeJs);
    const index = read("index.html");
    expect(index).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    const scripts = [...index.matchAll(/<script[^>]*src=["']?([^"' >]+)/g)].map((m) => m[1] ?? "");
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(fs.existsSync(path.join(out, script))).toBe(true);
  });
});

describe("ADDIN_BASE_URL handling in webpack.config.js", () => {
  const loadConfig = (value: string | undefined, mode: string) => {
    const saved = process.env.ADDIN_BASE_URL;
    if (value === undefined) delete process.env.ADDIN_BASE_URL; else process.env.ADDIN_BASE_URL = value;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: { mode: string }) => unknown;
      return makeConfig({}, { mode });
    } finally {
      if (saved === undefined) delete process.env.ADDIN_BASE_URL; else process.env.ADDIN_BASE_URL = saved;
    }
  };

  test("a production build without it still configures, with a clear warning in both languages", () => {
    const write = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(loadConfig(undefined, "production")).toBeTruthy();
      const printed = write.mock.calls.map((c) => String(c[0])).join("");
      expect(printed).toContain("Chưa đặt ADDIN_BASE_URL");
      expect(printed).toContain("ADDIN_BASE_URL is not set");
    } finally {
      write.mockRestore();
    }
  });

  test.each([
    ["https://example.gov.vn/chitieu", 'must end with "/"'],
    ["http://example.gov.vn/chitieu/", "must use https"],
    ["example.gov.vn/chitieu/", "is not a valid URL"],
  ])("rejects %s (%s)", (value, reason) => {
    expect(() => loadConfig(value, "production")).toThrow(reason);
  });
});
