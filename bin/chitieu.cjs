#!/usr/bin/env node
// Runs the CLI from its JavaScript bundle (build/cli/, made by scripts/build-cli.cjs at `npm ci` through `prepare`),
// rebuilding it first when a source file is newer; a start then costs no TypeScript compilation. Should the bundle be
// impossible to build (no esbuild, read-only tree), the TypeScript runs through tsx as before, a little slower.
"use strict";
const path = require("node:path");
// `chitieu check … | head` closes the pipe early: that is not an error
process.stdout.on("error", (e) => { if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0); else throw e; });

function load() {
  if (process.env.CHITIEU_TSX !== "1") {
    let entry = null;
    try {
      entry = require(path.join(__dirname, "..", "scripts", "build-cli.cjs")).ensureBuilt();
    } catch (e) {
      process.stderr.write(`chitieu: không dựng được bản JavaScript, chạy TypeScript qua tsx / could not build the JavaScript bundle, running the TypeScript through tsx (${e && e.message ? e.message : e})\n`);
    }
    if (entry) return require(entry);
  }
  require("tsx/cjs/api").register();
  return require(path.join(__dirname, "..", "src", "cli", "main.ts"));
}

load().main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`chitieu: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; },
);
