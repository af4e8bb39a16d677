#!/usr/bin/env node
// Runs the CLI from its JavaScript bundles (build/cli/, made by scripts/build-cli.cjs at `npm ci` through `prepare`),
// rebuilding them first when a source file is newer; a start then costs no TypeScript compilation. main.cjs holds the
// argument handling, help and version; commands.js, loaded only when a command runs, everything else. Both load
// through V8's code cache (scripts/lib/require-cached.cjs), one cache per command. Should the bundle be impossible to
// build (no esbuild, read-only tree), the TypeScript runs through tsx as before, a little slower.
"use strict";
const path = require("node:path");
// `chitieu check … | head` closes the pipe early: that is not an error
process.stdout.on("error", (e) => { if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0); else throw e; });

const argv = process.argv.slice(2);

function built() {
  if (process.env.CHITIEU_TSX === "1") return null;
  try {
    return path.dirname(require(path.join(__dirname, "..", "scripts", "build-cli.cjs")).ensureBuilt());
  } catch (e) {
    process.stderr.write(`chitieu: không dựng được bản JavaScript, chạy TypeScript qua tsx / could not build the JavaScript bundle, running the TypeScript through tsx (${e && e.message ? e.message : e})\n`);
    return null;
  }
}

function run() {
  const dir = built();
  if (dir === null) {
    require("tsx/cjs/api").register();
    const src = path.join(__dirname, "..", "src", "cli");
    // required, not import()ed: tsx's CommonJS hook does not reach node's import()
    return require(path.join(src, "main.ts")).main(argv, undefined, async () => require(path.join(src, "commands", "index.ts")));
  }
  const { requireCached } = require(path.join(dir, "require-cached.cjs"));
  const loaded = [requireCached(path.join(dir, "main.cjs"), "main")];
  const loadCommands = async (command) => {
    const commands = requireCached(path.join(dir, "commands.js"), command);
    loaded.push(commands);
    return commands.exports;
  };
  // the caches are made once the command has run, so they hold the code it compiled
  return loaded[0].exports.main(argv, undefined, loadCommands).finally(() => { for (const l of loaded) l.save(); });
}

run().then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`chitieu: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; },
);
