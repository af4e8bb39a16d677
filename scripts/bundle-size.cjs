#!/usr/bin/env node
// Reports what each built page downloads before it can run (raw and gzip), and fails when a page exceeds the budget:
// officials in mountain districts open the pane over slow links, so first-load weight is a feature.
// Usage: node scripts/bundle-size.cjs [distDir] [--budget-kb=N]   (default dist/, 200 KB gzip per page)
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

function parseArgs(args) {
  const budget = args.find((a) => a.startsWith("--budget-kb="));
  const dir = args.find((a) => !a.startsWith("--"));
  return { dist: path.resolve(dir || "dist"), budgetKb: budget ? Number(budget.split("=")[1]) : 200 };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function sizeOf(file) {
  const bytes = fs.readFileSync(file);
  return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

function localScripts(html) {
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((src) => !/^(https?:)?\/\//.test(src));
}

function main(args) {
  const { dist, budgetKb } = parseArgs(args);
  if (!Number.isFinite(budgetKb) || budgetKb <= 0) {
    process.stderr.write("--budget-kb phải là số dương / must be a positive number\n");
    return 2;
  }
  if (!fs.existsSync(dist)) {
    process.stderr.write(`Không có ${dist}: hãy chạy npm run build trước / ${dist} not found: run npm run build first\n`);
    return 2;
  }
  const pages = fs.readdirSync(dist).filter((f) => f.endsWith(".html")).sort();
  const referenced = new Set();
  let over = 0;
  for (const page of pages) {
    const scripts = localScripts(fs.readFileSync(path.join(dist, page), "utf8"));
    scripts.forEach((s) => referenced.add(s));
    const total = scripts.map((s) => sizeOf(path.join(dist, s))).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
    const verdict = total.gzip > budgetKb * 1024 ? "VƯỢT NGÂN SÁCH / OVER BUDGET" : "ok";
    if (verdict !== "ok") over++;
    process.stdout.write(`${page.padEnd(16)} ${String(scripts.length).padStart(2)} scripts  ${kb(total.raw).padStart(10)}  gzip ${kb(total.gzip).padStart(9)}  ${verdict}\n`);
  }
  const lazy = fs.readdirSync(dist).filter((f) => f.endsWith(".js") && !referenced.has(f));
  for (const chunk of lazy) {
    const size = sizeOf(path.join(dist, chunk));
    process.stdout.write(`  lazy ${chunk.padEnd(30)} ${kb(size.raw).padStart(10)}  gzip ${kb(size.gzip).padStart(9)}\n`);
  }
  process.stdout.write(`Ngân sách / budget: ${budgetKb} KB gzip mỗi trang / per page\n`);
  return over > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
