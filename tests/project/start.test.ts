import { spawn, type ChildProcess } from "node:child_process";
import * as https from "node:https";
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
