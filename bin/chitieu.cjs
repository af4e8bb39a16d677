#!/usr/bin/env node
// Runs the CLI from its JavaScript bundle (build/cli/, made by scripts/build-cli.cjs at `npm ci` through `prepare`),
// rebuilding it first when a source file is newer; a start then costs no TypeScript compilation. Should the bundle be
// impossible to build (no esbuild, read-only tree), the TypeScript runs through tsx as before, a little slower.
"use strict";
const path = require("node:path");
// `chitieu check … | head` closes the pipe early: that is not an error
process.stdout.on("error", (e) => { if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0); else throw e; });

/**
 * Requires a CommonJS bundle through V8's code cache (kept beside it, made on the first run): compiling the 1 MB bundle
 * is a third of a start's own time on node 20, which has no module.enableCompileCache. A cache V8 rejects (another node
 * version) is simply remade.
 */
function requireCached(file) {
  const fs = require("node:fs");
  const vm = require("node:vm");
  const Module = require("node:module");
  const cacheFile = `${file}.v8-${process.version}.cache`;
  let cachedData;
  try { cachedData = fs.readFileSync(cacheFile); } catch { cachedData = undefined; }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, "utf8")), { filename: file, cachedData });
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
  m.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected) {
    // made after the top level ran, so the functions it compiled are in it; written whole or not at all
    try {
      const tmp = `${cacheFile}.${process.pid}`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch { /* a read-only tree: every start compiles, as without the cache */ }
  }
  return m.exports;
}

function load() {
  if (process.env.CHITIEU_TSX !== "1") {
    let entry = null;
    try {
      entry = require(path.join(__dirname, "..", "scripts", "build-cli.cjs")).ensureBuilt();
    } catch (e) {
      process.stderr.write(`chitieu: không dựng được bản JavaScript, chạy TypeScript qua tsx / could not build the JavaScript bundle, running the TypeScript through tsx (${e && e.message ? e.message : e})\n`);
    }
    if (entry) return requireCached(entry);
  }
  require("tsx/cjs/api").register();
  return require(path.join(__dirname, "..", "src", "cli", "main.ts"));
}

load().main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`chitieu: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; },
);
