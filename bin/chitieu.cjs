#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx chitieu` works right after `npm ci` with no build step.
"use strict";
const path = require("node:path");
require("tsx/cjs/api").register();
// `chitieu check … | head` closes the pipe early: that is not an error
process.stdout.on("error", (e) => { if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0); else throw e; });
const { main } = require(path.join(__dirname, "..", "src", "cli", "main.ts"));
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`chitieu: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; },
);
