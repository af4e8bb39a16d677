import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as https from "node:https";
import { createRequire } from "node:module";
import * as net from "node:net";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const ADDRESS = "https://localhost:3000/index.html";

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "localhost", port });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
  });
}

// TLS verification is off for this one request only: the dev server uses its own self-signed certificate.
function getInsecure(url: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    https.get(url, { rejectUnauthorized: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => { body += chunk; });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
    }).on("error", reject);
  });
}

function groupIsAlive(pid: number): boolean {
  try { process.kill(-pid, 0); return true; } catch { return false; }
}

// on Windows and macOS npm start sideloads into desktop Excel instead, which cannot run here
const onLinux = process.platform === "linux" ? describe : describe.skip;

onLinux("npm start on Linux", () => {
  let child: ChildProcess | undefined;
  let output = "";

  afterAll(async () => {
    // safety net if a test failed midway: never leave a dev server behind
    if (child?.pid && groupIsAlive(child.pid)) process.kill(-child.pid, "SIGKILL");
  });

  test("serves the browser mode over https at the address it prints, and stops cleanly", async () => {
    expect(await portIsOpen(3000)).toBe(false); // otherwise we would be testing someone else's server

    child = spawn("npm", ["start"], { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const started = child;
    child.stdout?.on("data", (d: Buffer) => { output += d.toString("utf8"); });
    child.stderr?.on("data", (d: Buffer) => { output += d.toString("utf8"); });

    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address line within 90 s:\n${output}`)), 90_000);
      const poll = setInterval(() => {
        if (output.includes(`Browser mode is running at: ${ADDRESS}`)) { clearInterval(poll); clearTimeout(timer); resolve(); }
      }, 200);
      started.once("exit", (code) => { clearInterval(poll); clearTimeout(timer); reject(new Error(`npm start exited (${code}):\n${output}`)); });
    });
    expect(output).toContain(`Chế độ trình duyệt đang chạy tại: ${ADDRESS}`);

    const page = await getInsecure(ADDRESS);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.body).toContain('<div id="root">');
    expect(page.body).not.toContain("appsforoffice.microsoft.com");

    const exited = new Promise<void>((resolve) => started.once("exit", () => resolve()));
    process.kill(-(started.pid as number), "SIGTERM");
    await exited;
    // the whole tree (npm, sh, node dev server) is gone and the port is free again
    const deadline = Date.now() + 10_000;
    while ((groupIsAlive(started.pid as number) || (await portIsOpen(3000))) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(groupIsAlive(started.pid as number)).toBe(false);
    expect(await portIsOpen(3000)).toBe(false);
  }, 120_000);
});

// On Windows and macOS npm start runs Microsoft's add-in tools. They are devDependencies pinned by package-lock.json and
// run from node_modules: nothing is downloaded at start, so it works offline (unlike `npx --yes <tool>`).
describe("npm start and npm run stop on Windows and macOS", () => {
  type Run = (command: string, args: string[]) => Promise<number>;
  interface Start {
    installedTool(name: string): string;
    sideloadDesktop(run: Run): Promise<number>;
  }
  // the script as node runs it (CommonJS), outside jest's module registry
  const start = createRequire(__filename)(path.join(ROOT, "scripts", "start.cjs")) as Start;
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>; devDependencies: Record<string, string>;
  };
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, { version?: string; integrity?: string }>;
  };
  const TOOLS = ["office-addin-dev-certs", "office-addin-debugging", "office-addin-manifest"];
  // the script announces itself on stdout; keep the test output to the tests
  beforeEach(() => { jest.spyOn(process.stdout, "write").mockImplementation(() => true); });
  afterEach(() => { jest.restoreAllMocks(); });
  const installedVersion = (name: string) =>
    (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

  test.each(TOOLS)("%s is a devDependency with a lock entry, and the installed copy is the locked version", (name) => {
    expect(pkg.devDependencies[name]).toBeDefined();
    const locked = lock.packages[`node_modules/${name}`];
    expect(locked?.integrity).toMatch(/^sha512-/);
    expect(installedVersion(name)).toBe(locked?.version);
  });

  test("sideloading runs the installed dev-certs, then the installed debugging tool, with this node", async () => {
    const calls: string[][] = [];
    const code = await start.sideloadDesktop(async (command, args) => { calls.push([command, ...args]); return 0; });
    expect(code).toBe(0);
    // the script resolves the tools as node does, so a linked node_modules shows its real path
    const installed = (name: string) => fs.realpathSync(path.join(ROOT, "node_modules", name, "cli.js"));
    expect(calls.map(([command, script, ...rest]) => [command, fs.realpathSync(script!), ...rest])).toEqual([
      [process.execPath, installed("office-addin-dev-certs"), "install"],
      [process.execPath, installed("office-addin-debugging"),
        "start", "manifest.xml", "desktop", "--app", "excel", "--dev-server", "npm run dev-server", "--dev-server-port", "3000"],
    ]);
  });

  test("a refused certificate stops there, with its exit code", async () => {
    const calls: string[] = [];
    const code = await start.sideloadDesktop(async (_command, args) => { calls.push(path.basename(path.dirname(args[0] ?? ""))); return 5; });
    expect(code).toBe(5);
    expect(calls).toEqual(["office-addin-dev-certs"]);
  });

  test("a tool that npm ci has not installed is named, with the fix, instead of being fetched", () => {
    expect(() => start.installedTool("office-addin-not-a-tool")).toThrow(
      'Chưa cài office-addin-not-a-tool: hãy chạy "npm ci". / office-addin-not-a-tool is not installed: run "npm ci".',
    );
  });

  test("no npm script or start step fetches a tool: npm run stop runs the installed office-addin-debugging", () => {
    expect(Object.entries(pkg.scripts).filter(([, script]) => /\bnpx\b/.test(script))).toEqual([]);
    expect(fs.readFileSync(path.join(ROOT, "scripts", "start.cjs"), "utf8")).not.toMatch(/\bnpx\b/);
    // npm runs a script with node_modules/.bin first on PATH: the stop script's command is the installed tool
    const [command, ...args] = pkg.scripts.stop?.split(" ") ?? [];
    expect(command).toBe("office-addin-debugging");
    expect(args).toEqual(["stop", "manifest.xml"]);
    expect(fs.realpathSync(path.join(ROOT, "node_modules", ".bin", "office-addin-debugging")))
      .toBe(start.installedTool("office-addin-debugging"));
  });

  test.each([
    ["office-addin-dev-certs", ["install", "verify", "uninstall"]],
    ["office-addin-debugging", ["start", "stop"]],
  ])("the installed %s runs offline and has the commands npm start and stop use", (name, commands) => {
    const help = spawnSync(process.execPath, [start.installedTool(name), "--help"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain(`Usage: ${name}`);
    for (const command of commands) expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
  }, 90_000);

  test("Microsoft's manifest reader, the one the debugging tool sideloads with, reads manifest.xml offline", () => {
    const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
    const info = spawnSync(process.execPath, [start.installedTool("office-addin-manifest"), "info", "manifest.xml"],
      { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
    expect(info.status).toBe(0);
    const field = (label: string) => new RegExp(`^\\s*${label}: (.*)$`, "m").exec(info.stdout)?.[1];
    expect(field("Id")).toBe(/<Id>([^<]+)<\/Id>/.exec(xml)?.[1]);
    expect(field("Name")).toBe(/<DisplayName DefaultValue="([^"]+)"/.exec(xml)?.[1]);
    expect(field("Source Location")).toBe(/<DefaultSettings>[\s\S]*?<SourceLocation DefaultValue="([^"]+)"/.exec(xml)?.[1]);
    expect(field("Hosts")).toBe("Workbook");
  }, 90_000);
});
