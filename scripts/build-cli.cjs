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
/**
 * The bundles: the CLI's argument handling, help and version (main.cjs), which loads the commands' code (commands.js,
 * the name main's `import("./commands")` finds as a require) only when a command runs; and the worker module, which
 * consolidate-pool.ts loads from its own directory.
 */
const ENTRIES = { main: "src/cli/entry.ts", "consolidate-worker": "src/cli/consolidate-worker.ts" };
const COMMANDS = { commands: "src/cli/commands/index.ts", "record-pdf": "src/cli/commands/record-pdf.ts" };
const FILES = ["main.cjs", "consolidate-worker.cjs", "commands.js", "record-pdf.js", "require-cached.cjs"];
/** The loader through V8's code cache, copied beside the bundles (bin/chitieu.cjs and the worker threads use it). */
const LOADER = "scripts/lib/require-cached.cjs";
const STAMP = path.join(OUT, "stamp.json");
/** Besides the files esbuild read: a dependency updated or the build settings changed make the bundle stale too. */
const ALSO = ["package.json", "package-lock.json", "scripts/build-cli.cjs", LOADER];

/** The newest modification time (ms) under the folders a bundle may be made of, and of ALSO: read once per build. */
function newestSource() {
  let newest = 0;
  const walk = (p) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (st === undefined) return;
    if (st.mtimeMs > newest) newest = st.mtimeMs;
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name));
  };
  for (const s of ["src", "seeds", ...ALSO]) walk(path.join(ROOT, s));
  return newest;
}

/**
 * True when build/cli holds a bundle at least as new as every file it was made of: the files esbuild read (its
 * metafile, kept in the stamp) and ALSO. A file gone is stale too. Only those files are looked at, one stat each
 * (about 150), so this runs at every start of `chitieu` for about a millisecond.
 */
function isFresh() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, "utf8"));
  } catch {
    return false;
  }
  if (typeof stamp.built !== "number" || !Array.isArray(stamp.inputs)) return false;
  for (const rel of [...stamp.inputs, ...ALSO]) {
    const st = fs.statSync(path.join(ROOT, rel), { throwIfNoEntry: false });
    if (st === undefined ? !ALSO.includes(rel) : st.mtimeMs > stamp.built) return false;
  }
  return FILES.every((f) => fs.existsSync(path.join(OUT, f)));
}

/**
 * The bundled catalog and unit registry as the sources' own loadCatalog() and loadUnits() return them (validated by
 * their zod schemas, defaults filled), as JSON text: defined into the bundles, which then skip validating them at
 * every start. A seed that does not validate fails the build with the same message a start would give.
 */
function validatedSeeds(esbuild) {
  const { outputFiles } = esbuild.buildSync({
    stdin: {
      contents: 'import { loadCatalog } from "./src/core/catalog"; import { loadUnits } from "./src/core/units";\n' +
        "module.exports = { catalog: loadCatalog(), units: loadUnits() };",
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true, platform: "node", format: "cjs", target: "node20", write: false, logLevel: "error",
  });
  const m = { exports: {} };
  new Function("module", "exports", "require", outputFiles[0].text)(m, m.exports, require);
  const out = {};
  for (const [k, v] of Object.entries(m.exports)) {
    const text = JSON.stringify(v);
    // plain data only: what JSON keeps is what the code gets
    if (!require("node:util").isDeepStrictEqual(JSON.parse(text), v)) throw new Error(`the validated ${k} is not plain JSON data`);
    out[k] = text;
  }
  return out;
}

/** Builds the bundle; written to a temporary directory first and swapped in, so a concurrent start never sees half a build. */
function build() {
  const esbuild = require("esbuild");
  // the sources' newest time when the build starts (not the clock: a file dated ahead stays fresh once built); a file
  // saved during the build is newer, so the bundle stays stale
  const started = newestSource();
  const tmp = fs.mkdtempSync(path.join(ROOT, "build", ".cli-"));
  try {
    const common = {
      outdir: tmp,
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      // keeps error stacks pointing at the TypeScript
      sourcemap: "linked",
      sourcesContent: false,
      logLevel: "error",
      metafile: true,
      // the CLI needs no React; keep anything a browser-only module might pull in out of the bundle
      external: ["react", "react-dom", "@fluentui/*"],
    };
    const seeds = validatedSeeds(esbuild);
    common.define = { CHITIEU_VALIDATED_CATALOG: JSON.stringify(seeds.catalog), CHITIEU_VALIDATED_UNITS: JSON.stringify(seeds.units) };
    const entries = (list) => Object.fromEntries(Object.entries(list).map(([k, v]) => [k, path.join(ROOT, v)]));
    const results = [
      esbuild.buildSync({
        ...common,
        entryPoints: entries(ENTRIES),
        outExtension: { ".js": ".cjs" },
        // main's import("./commands") is the commands bundle beside it, as a require (dynamic import lowered)
        external: [...common.external, "./commands"],
        supported: { "dynamic-import": false },
      }),
      esbuild.buildSync({
        ...common,
        entryPoints: entries(COMMANDS),
        // review's import("./record-pdf") is the PDF bundle beside commands.js, required only for a .pdf record
        external: [...common.external, "./record-pdf"],
        supported: { "dynamic-import": false },
      }),
    ];
    fs.copyFileSync(path.join(ROOT, LOADER), path.join(tmp, "require-cached.cjs"));
    // what the bundle is made of (paths from the repository's root), outside node_modules, which ALSO's lock file covers
    const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))]
      .map((p) => path.relative(ROOT, path.resolve(process.cwd(), p)))
      .filter((p) => !p.split(path.sep).includes("node_modules"));
    fs.writeFileSync(path.join(tmp, "stamp.json"), JSON.stringify({ built: started, inputs }));
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
  process.stdout.write(`build/cli: ${FILES.join(", ")} (${Number((process.hrtime.bigint() - t) / 1000000n)} ms)\n`);
}
