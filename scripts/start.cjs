#!/usr/bin/env node
// `npm start`: on Windows and macOS, sideload the add-in into desktop Excel with the dev server running;
// elsewhere (Linux, CI) serve the browser mode over https on localhost:3000.
// `npm start -- --browser` forces the browser mode on any platform.
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const BROWSER_URL = "https://localhost:3000/index.html";

/**
 * The installed copy of a tool: a devDependency pinned by package-lock.json, run with this node, never fetched at start.
 * Returns the path of its command-line script, or throws with what to do when `npm ci` has not installed it.
 */
function installedTool(name) {
  let manifestPath;
  try {
    manifestPath = require.resolve(`${name}/package.json`, { paths: [ROOT] });
  } catch {
    throw new Error(`Chưa cài ${name}: hãy chạy "npm ci". / ${name} is not installed: run "npm ci".`);
  }
  const { bin } = require(manifestPath);
  return path.join(path.dirname(manifestPath), typeof bin === "string" ? bin : bin[name]);
}

/** What `npm start` runs on Windows and macOS, in order: trust a localhost certificate once, then sideload. */
function sideloadSteps() {
  return [
    { tool: "office-addin-dev-certs", args: ["install"] },
    {
      tool: "office-addin-debugging",
      args: ["start", "manifest.xml", "desktop", "--app", "excel", "--dev-server", "npm run dev-server", "--dev-server-port", "3000"],
    },
  ];
}

// No shell: node's own path may contain spaces ("C:\\Program Files\\nodejs\\node.exe").
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", (err) => {
      process.stderr.write(`Không chạy được / cannot run ${command}: ${err.message}\n`);
      resolve(1);
    });
  });
}

/** Desktop Excel: office-addin-debugging starts the dev server and sideloads; `run` is replaceable for tests. */
async function sideloadDesktop(runStep = run) {
  process.stdout.write("Đang nạp add-in vào Excel trên máy tính… / Sideloading the add-in into desktop Excel…\n");
  for (const { tool, args } of sideloadSteps()) {
    const code = await runStep(process.execPath, [installedTool(tool), ...args]);
    if (code !== 0) return code;
  }
  return 0;
}

/** Browser mode: webpack-dev-server in-process, so we know exactly when the page can be served. */
async function serveBrowserMode() {
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  // two compilations (modern and the ES5 legacy one), served together; the modern one carries the server's options
  const configs = [].concat(require(path.join(ROOT, "webpack.config.js"))({}, { mode: "development" }));
  const compiler = webpack(configs);
  const server = new WebpackDevServer(configs.find((c) => c.devServer).devServer, compiler);

  let announced = false;
  compiler.hooks.done.tap("announce-address", (stats) => {
    if (stats.hasErrors()) {
      process.stderr.write(`${stats.toString({ all: false, errors: true, colors: false })}\n` +
        "Lỗi biên dịch, đang chờ sửa… / Build failed, waiting for a fix…\n");
      return;
    }
    if (announced) return;
    announced = true;
    process.stdout.write(
      `\nChế độ trình duyệt đang chạy tại: ${BROWSER_URL}\n` +
      `Browser mode is running at: ${BROWSER_URL}\n` +
      "(Chứng chỉ tự ký: trình duyệt sẽ hỏi xác nhận lần đầu. Nhấn Ctrl+C để dừng. / " +
      "Self-signed certificate: the browser asks once. Press Ctrl+C to stop.)\n\n",
    );
  });

  const stop = () => {
    server.stop().finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  try {
    await server.start();
  } catch (err) {
    const busy = err && err.code === "EADDRINUSE";
    process.stderr.write(busy
      ? "Cổng 3000 đang được dùng bởi chương trình khác. / Port 3000 is already in use by another program.\n"
      : `Không khởi động được máy chủ phát triển / cannot start the dev server: ${err && err.message}\n`);
    return 1;
  }
  return undefined; // keep running until stopped
}

async function main(args) {
  const forceBrowser = args.includes("--browser");
  if (!forceBrowser && (process.platform === "win32" || process.platform === "darwin")) return sideloadDesktop();
  return serveBrowserMode();
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { if (code !== undefined) process.exitCode = code; },
    (err) => { process.stderr.write(`start: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; },
  );
}

module.exports = { installedTool, sideloadSteps, sideloadDesktop };
