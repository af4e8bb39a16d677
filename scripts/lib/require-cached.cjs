// Loads a CommonJS bundle of build/cli through V8's code cache, kept beside it: compiling a bundle is a good part of a
// start on node 20, which has no module.enableCompileCache. Copied into build/cli by scripts/build-cli.cjs, where
// bin/chitieu.cjs and the consolidation's worker threads load it.
//
// A cache holds the functions compiled when it was made, so it is made after the work, by `save()`, and one is kept per
// `key` (the command: a check's cache holds the check's code, not only what `--help` ran). A cache V8 rejects (another
// node version, a rebuilt bundle) is simply remade; a tree we cannot write to only misses the cache.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");

/** Runs `file` as a module; returns its exports and `save`, which writes the cache if there was none worth using. */
function requireCached(file, key) {
  const cacheFile = `${file}.${key}.v8-${process.version}.cache`;
  let cachedData;
  try { cachedData = fs.readFileSync(cacheFile); } catch { cachedData = undefined; }
  const script = new vm.Script(Module.wrap(fs.readFileSync(file, "utf8")), { filename: file, cachedData });
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext().call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
  m.loaded = true;
  let stale = cachedData === undefined || script.cachedDataRejected === true;
  const save = () => {
    if (!stale) return;
    stale = false;
    // written whole or not at all: a start running beside this one reads either no cache or this one
    try {
      const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch { /* a read-only tree: every start compiles, as without the cache */ }
  };
  return { exports: m.exports, save };
}

module.exports = { requireCached };
