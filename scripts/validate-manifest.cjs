#!/usr/bin/env node
// Offline manifest check: XSD validation (xmllint-wasm + the schemas in schemas/office-addin-manifest) and the rules
// XSD cannot express: every resid resolves to a resource of the right kind, every URL is https, icons exist at their size.
// Usage: node scripts/validate-manifest.cjs [manifest.xml ...]   exit 0 = all valid, 1 = something invalid.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { SaxesParser } = require("saxes");
const { validateXML } = require("xmllint-wasm");
const { readPngInfo } = require("./lib/png.cjs");

const ROOT = path.resolve(__dirname, "..");
const SCHEMA_DIR = path.join(ROOT, "schemas", "office-addin-manifest");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";
const BT_NS = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";

// Which resource list a resid must point into, by the referencing element's name.
const RESID_KIND_BY_ELEMENT = {
  Image: "image",
  FunctionFile: "url",
  SourceLocation: "url",
  LearnMoreUrl: "url",
  Label: "short string",
  Title: "short string",
  Namespace: "short string",
  Description: "long string",
};
const RESOURCE_KIND_BY_LIST = { Images: "image", Urls: "url", ShortStrings: "short string", LongStrings: "long string" };
const ICON_SIZE_BY_ELEMENT = { IconUrl: 32, HighResolutionIconUrl: 64 }; // Office's documented sizes for these two

function loadSchemas() {
  const read = (f) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMA_DIR, f), "utf8") });
  // imports are resolved by bare file name, so every other XSD goes in as "preload"
  const preload = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".xsd") && f !== MAIN_SCHEMA).map(read);
  return { schema: [read(MAIN_SCHEMA)], preload };
}

// Namespaced names like {http://...}Id read badly in a message; keep the local part.
const shortenNames = (message) => message.replace(/\{[a-z][a-z0-9+.-]*:[^}]*\}/gi, "").replace(/^Schemas validity error : /, "");

async function checkSchema(xml, schemas) {
  const result = await validateXML({ xml: [{ fileName: "manifest.xml", contents: xml }], ...schemas });
  return result.errors.map((e) => ({
    line: e.loc && e.loc.lineNumber ? e.loc.lineNumber : 0,
    message: `[XSD] ${shortenNames(e.message)}`,
  }));
}

/** Walks the document once and collects what the semantic checks need, each with its line number. */
function collectFacts(xml) {
  const facts = { resources: [], references: [], urls: [], iconUses: [], parseErrors: [] };
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack = [];
  let startLine = 1;
  parser.on("error", (err) => facts.parseErrors.push({ line: parser.line, message: `XML: ${err.message}` }));
  parser.on("opentagstart", () => { startLine = parser.line; });
  parser.on("opentag", (node) => {
    const parent = stack[stack.length - 1];
    const attr = (name) => (node.attributes[name] ? node.attributes[name].value : undefined);
    const here = { name: node.local, line: startLine, parent };
    stack.push(here);
    for (const a of Object.values(node.attributes)) {
      if (a.prefix === "xmlns" || a.name === "xmlns" || a.local === "type") continue;
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(a.value)) facts.urls.push({ url: a.value, line: startLine });
    }
    const listKind = parent && node.uri === BT_NS ? RESOURCE_KIND_BY_LIST[parent.name] : undefined;
    if (listKind && attr("id") !== undefined) {
      here.resource = { kind: listKind, id: attr("id"), url: attr("DefaultValue"), line: startLine, overrides: [] };
      facts.resources.push(here.resource);
    }
    if (node.local === "Override" && parent && parent.resource && attr("Value")) parent.resource.overrides.push(attr("Value"));
    if (attr("resid") !== undefined) {
      facts.references.push({ resid: attr("resid"), kind: RESID_KIND_BY_ELEMENT[node.local], element: node.local, line: startLine,
        size: node.local === "Image" && attr("size") ? Number(attr("size")) : undefined });
    }
    if (ICON_SIZE_BY_ELEMENT[node.local] && attr("DefaultValue")) {
      facts.iconUses.push({ url: attr("DefaultValue"), size: ICON_SIZE_BY_ELEMENT[node.local], line: startLine, element: node.local });
    }
  });
  parser.on("text", (text) => {
    const trimmed = text.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) facts.urls.push({ url: trimmed, line: parser.line });
  });
  parser.on("closetag", () => { stack.pop(); });
  try {
    parser.write(xml).close();
  } catch (err) {
    facts.parseErrors.push({ line: parser.line, message: `XML: ${err.message}` });
  }
  return facts;
}

function checkResids(facts) {
  const errors = [];
  const byId = new Map();
  for (const r of facts.resources) {
    const key = `${r.kind}:${r.id}`;
    if (byId.has(key)) errors.push({ line: r.line, message: `resid "${r.id}" được khai báo hai lần / is declared twice (${r.kind})` });
    byId.set(key, r);
  }
  for (const ref of facts.references) {
    const candidates = facts.resources.filter((r) => r.id === ref.resid);
    if (candidates.length === 0) {
      errors.push({ line: ref.line, message: `resid "${ref.resid}" (${ref.element}) không có trong Resources / is not defined in Resources` });
    } else if (ref.kind && !candidates.some((r) => r.kind === ref.kind)) {
      errors.push({ line: ref.line, message: `resid "${ref.resid}" (${ref.element}) phải trỏ tới ${ref.kind}, không phải ${candidates[0].kind} / must point to a ${ref.kind}, not a ${candidates[0].kind}` });
    }
  }
  return errors;
}

function checkHttps(facts) {
  return facts.urls
    .filter((u) => !u.url.toLowerCase().startsWith("https://"))
    .map((u) => ({ line: u.line, message: `URL phải dùng https / URL must use https: ${u.url}` }));
}

/** Icon URLs map to files under assets/: next to the manifest (dist/) if present, else in the project. */
function resolveIconFile(url, manifestDir) {
  let pathname;
  try { pathname = decodeURIComponent(new URL(url).pathname); } catch { return { problem: "URL không hợp lệ / malformed URL" }; }
  const at = pathname.lastIndexOf("/assets/");
  if (at < 0) return { problem: "biểu tượng phải nằm trong assets/ / icon must be served from assets/" };
  const relative = pathname.slice(at + 1);
  const candidates = [path.join(manifestDir, relative), path.join(ROOT, relative)];
  const found = candidates.find((f) => fs.existsSync(f));
  return found ? { file: found } : { problem: `không tìm thấy tệp / file not found: ${relative}` };
}

function checkIcons(facts, manifestDir) {
  const errors = [];
  const uses = [...facts.iconUses];
  for (const ref of facts.references) {
    if (ref.size === undefined) continue;
    const image = facts.resources.find((r) => r.kind === "image" && r.id === ref.resid);
    if (!image) continue; // already reported as a dangling resid
    for (const url of [image.url, ...image.overrides].filter(Boolean)) {
      uses.push({ url, size: ref.size, line: image.line, element: `bt:Image ${image.id}` });
    }
  }
  const seen = new Set();
  for (const use of uses) {
    const key = `${use.url}@${use.size}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { file, problem } = resolveIconFile(use.url, manifestDir);
    if (problem) { errors.push({ line: use.line, message: `${use.element}: ${problem}` }); continue; }
    try {
      const { width, height } = readPngInfo(fs.readFileSync(file));
      if (width !== use.size || height !== use.size) {
        errors.push({ line: use.line, message: `${use.element}: ${path.relative(ROOT, file)} là ${width}x${height}, cần ${use.size}x${use.size} / is ${width}x${height}, needs ${use.size}x${use.size}` });
      }
    } catch (err) {
      errors.push({ line: use.line, message: `${use.element}: ${path.relative(ROOT, file)} không phải PNG hợp lệ / is not a valid PNG (${err.message})` });
    }
  }
  return errors;
}

/** Returns every problem found in one manifest, sorted by line. */
async function validateManifest(file, schemas = loadSchemas()) {
  let xml;
  try { xml = fs.readFileSync(file, "utf8"); } catch (err) {
    return [{ line: 0, message: `không đọc được tệp / cannot read file (${err.code || err.message})` }];
  }
  const facts = collectFacts(xml);
  const errors = [...(await checkSchema(xml, schemas)), ...facts.parseErrors];
  if (facts.parseErrors.length === 0) {
    errors.push(...checkResids(facts), ...checkHttps(facts), ...checkIcons(facts, path.dirname(path.resolve(file))));
  }
  return errors.sort((a, b) => a.line - b.line);
}

async function main(args) {
  const files = args.length > 0 ? args : [path.join(ROOT, "manifest.xml")];
  const schemas = loadSchemas();
  let invalid = 0;
  for (const file of files) {
    const shown = path.relative(process.cwd(), path.resolve(file)) || file;
    const errors = await validateManifest(file, schemas);
    if (errors.length === 0) {
      process.stdout.write(`${shown}: hợp lệ / valid\n`);
      continue;
    }
    invalid++;
    process.stdout.write(`${shown}: KHÔNG hợp lệ / INVALID (${errors.length} lỗi / errors)\n`);
    for (const e of errors) process.stdout.write(`${shown}:${e.line}: ${e.message}\n`);
  }
  return invalid > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err) => { process.stderr.write(`validate-manifest: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; },
  );
}
module.exports = { validateManifest };
