#!/usr/bin/env node
// Builds the `chitieu` CLI and its consolidation worker into plain JavaScript (build/cli/), so a start does not pay
// for compiling TypeScript (tsx: ~0.4 s of CPU per start, ~0.7 s more per worker thread, measured in
// docs/consolidation.md). esbuild is what tsx itself runs on (a dependency of tsx, itself a runtime dependency), so it is
// present wherever the CLI can run; it bundles the CLI in about a quarter of a second, which lets bin/chitieu.cjs
// rebuild a stale bundle on the fly. `npm ci` builds it through the `prepare` script.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "build", "cli");
/** Entry points: the CLI, and the worker module, which consolidate-pool.ts loads from its own directory when built. */
const ENTRIES = { main: "src/cli/entry.ts", "consolidate-worker": "src/cli/consolidate-worker.ts" };
/** What the bundle is made of: when any of these is newer than the bundle, it is stale. */
const SOURCES = ["src", "seeds", "package.json"];
const STAMP = path.join(OUT, "stamp.json");

/** The newest modification time (ms) under the given paths. */
function newestSource() {
  let newest = 0;
  const walk = (p) => {
    const st = fs.statSync(p);
    if (st.mtimeMs > newest) newest = st.mtimeMs;
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name));
  };
  for (const s of SOURCES) {
    const p = path.join(ROOT, s);
    if (fs.existsSync(p)) walk(p);
  }
  return newest;
}

/** True when build/cli holds a bundle at least as new as every source file. */
function isFresh() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, "utf8"));
  } catch {
    return false;
  }
  return typeof stamp.built === "number" && stamp.built >= newestSource() && Object.keys(ENTRIES).every((e) => fs.existsSync(path.join(OUT, `${e}.cjs`)));
}

/** Builds the bundle; written to a temporary directory first and swapped in, so a concurrent start never sees half a build. */
function build() {
  const esbuild = require("esbuild");
  const started = newestSource();
  const tmp = fs.mkdtempSync(path.join(ROOT, "build", ".cli-"));
  try {
    esbuild.buildSync({
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, path.join(ROOT, v)])),
      outdir: tmp,
      outExtension: { ".js": ".cjs" },
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      // keeps error stacks pointing at the TypeScript
      sourcemap: "linked",
      sourcesContent: false,
      logLevel: "error",
      // the CLI needs no React; keep anything a browser-only module might pull in out of the bundle
      external: ["react", "react-dom", "@fluentui/*"],
    });
    // the sources' newest time when the build started: a file saved during the build leaves the bundle stale
    fs.writeFileSync(path.join(tmp, "stamp.json"), JSON.stringify({ built: started }));
    fs.chmodSync(tmp, 0o755);
    const old = `${OUT}.old-${process.pid}`;
    if (fs.existsSync(OUT)) fs.renameSync(OUT, old);
    fs.renameSync(tmp, OUT);
    fs.rmSync(old, { recursive: true, force: true });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Builds unless fresh; returns the bundle's entry path. */
function ensureBuilt() {
  if (!isFresh()) {
    fs.mkdirSync(path.join(ROOT, "build"), { recursive: true });
    build();
  }
  return path.join(OUT, "main.cjs");
}

module.exports = { ensureBuilt, isFresh, build, OUT };

if (require.main === module) {
  const t = process.hrtime.bigint();
  fs.mkdirSync(path.join(ROOT, "build"), { recursive: true });
  build();
  process.stdout.write(`build/cli: ${Object.keys(ENTRIES).map((e) => `${e}.cjs`).join(", ")} (${Number((process.hrtime.bigint() - t) / 1000000n)} ms)\n`);
}
