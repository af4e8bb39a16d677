#!/usr/bin/env node
// Initial JavaScript of each page must stay small for slow mountain-district links: builds production into a temp
// dir (or reads an existing build with --dist DIR and its stats), prints each entry's initial chunks raw and gzipped,
// then the chunks loaded on demand, and exits 1 when an entry is over budget.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const zlib = require("node:zlib");

const BUDGET_GZIP = 250 * 1024;
/** Code that must load on demand only: the .xlsx reader/writer and its zip library. */
const LAZY_ONLY = /[\\/]src[\\/]hosts[\\/]xlsx[\\/]|[\\/]node_modules[\\/]fflate[\\/]/;
/** Entries with a budget: the pages a user waits for. */
const BUDGETED = ["taskpane", "browser", "commands", "boot", "pane"];

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

function build(outDir) {
  const webpack = require("webpack");
  const makeConfig = require(path.join(__dirname, "..", "webpack.config.js"));
  // two compilations: legacy (ES5: boot, pane, commands) and modern (taskpane, browser)
  const configs = makeConfig({}, { mode: "production" }).map((config) => ({
    ...config,
    output: { ...config.output, path: outDir },
    devtool: false, // source maps are not shipped to the pane's first load and only slow this down
  }));
  return new Promise((resolve, reject) => {
    webpack(configs, (err, multi) => {
      if (err) return reject(err);
      if (multi.hasErrors()) return reject(new Error(multi.toString({ all: false, errors: true })));
      resolve(
        merge(multi.stats.map((stats) => Object.assign(stats.toJson({
          all: false,
          entrypoints: true,
          chunks: true,
          chunkModules: true,
          ids: true,
          nestedModules: true,
          chunkModulesSpace: Infinity,
          nestedModulesSpace: Infinity,
          assets: true,
        }), { name: stats.compilation.name }))),
      );
    });
  });
}

/** One stats object for both compilations: their entry points (named apart: legacy ones as "legacy/…") and chunks. */
function merge(list) {
  const out = { entrypoints: {}, chunks: [] };
  for (const s of list) {
    const legacy = s.name === "legacy";
    for (const [name, ep] of Object.entries(s.entrypoints)) {
      out.entrypoints[legacy ? `legacy/${name}` : name] = { ...ep, chunks: (ep.chunks || []).map((c) => `${s.name}:${c}`) };
    }
    for (const c of s.chunks || []) out.chunks.push({ ...c, id: `${s.name}:${c.id}` });
  }
  return out;
}

/** Names of modules, through concatenated modules and stats' path groups. */
function moduleNames(list) {
  return (list || []).flatMap((m) => [...(m.name ? [m.name] : []), ...moduleNames(m.modules), ...moduleNames(m.children)]);
}

function report(stats, outDir) {
  let failed = false;
  const initialFiles = new Set();
  const lines = [];
  for (const [name, ep] of Object.entries(stats.entrypoints)) {
    const files = ep.assets.map((a) => (typeof a === "string" ? a : a.name)).filter((f) => f.endsWith(".js"));
    let raw = 0;
    let gz = 0;
    lines.push(`entry ${name}:`);
    for (const f of files) {
      initialFiles.add(f);
      const full = path.join(outDir, f);
      const r = fs.statSync(full).size;
      const g = gzipSize(full);
      raw += r;
      gz += g;
      lines.push(`    ${f.padEnd(44)} ${kb(r).padStart(10)} raw ${kb(g).padStart(10)} gzip`);
    }
    // modules of the entry's initial chunks that should have been split off
    const eager = (stats.chunks || [])
      .filter((c) => (ep.chunks || []).includes(c.id))
      .flatMap((c) => moduleNames(c.modules))
      .filter((n) => LAZY_ONLY.test(n.replace(/^\.\//, "/")));
    if (eager.length > 0) {
      failed = true;
      lines.push(`  ! loaded eagerly, should be lazy: ${[...new Set(eager)].slice(0, 5).join(", ")}`);
    }
    const budgeted = BUDGETED.includes(name.replace(/^legacy\//, ""));
    const over = budgeted && gz > BUDGET_GZIP;
    if (over) failed = true;
    lines.push(
      `  = initial ${kb(raw)} raw, ${kb(gz)} gzip` +
        (budgeted ? ` (budget ${kb(BUDGET_GZIP)} gzip: ${over ? "VƯỢT / OVER" : "đạt / ok"})` : ""),
    );
  }
  const lazy = fs
    .readdirSync(outDir)
    .filter((f) => f.endsWith(".js") && !initialFiles.has(f))
    .sort();
  lines.push("lazy chunks (loaded on demand):");
  for (const f of lazy) {
    const full = path.join(outDir, f);
    lines.push(`    ${f.padEnd(44)} ${kb(fs.statSync(full).size).padStart(10)} raw ${kb(gzipSize(full)).padStart(10)} gzip`);
  }
  process.stdout.write(lines.join("\n") + "\n");
  return failed;
}

async function main() {
  const i = process.argv.indexOf("--dist");
  let outDir;
  let stats;
  if (i >= 0) {
    outDir = path.resolve(process.argv[i + 1] ?? "dist");
    const statsFile = path.join(outDir, "stats.json");
    if (!fs.existsSync(statsFile)) throw new Error(`${statsFile} missing: build with "webpack --json=${statsFile}" or run without --dist`);
    stats = JSON.parse(fs.readFileSync(statsFile, "utf8"));
  } else {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "chitieu-size-"));
    stats = await build(outDir);
  }
  const failed = report(stats, outDir);
  if (failed) {
    process.stderr.write(`Vượt ngân sách ${kb(BUDGET_GZIP)} gzip / over the ${kb(BUDGET_GZIP)} gzip budget\n`);
    process.exit(1);
  }
}

main().catch((e) => {
  process.stderr.write(`${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
