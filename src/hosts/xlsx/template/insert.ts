// Inserts the template (report sheet + guide sheet) into an EXISTING workbook, as splices: new worksheet parts, their
// <sheet> entries and relationships, the template's styles appended to styles.xml under new ids, a print-titles name,
// and our metadata in the custom properties. Nothing of the user's is rewritten; every part we do not need is untouched.

import { METADATA_PREFIX } from "../../../core/metadata";
import type { TemplateLayout } from "../../../core/template/types";
import { ChitieuError } from "../../../core/errors";
import { freeSheetName, sheetExists } from "../../host";
import { openPackage, savePackage } from "../package";
import { appendToRoot, overrideXml, readRelationships, relationshipXml, relativeTarget, resolveTarget, REL_NS } from "../mark/opc";
import { PartView } from "../mark/part-view";
import { readWorkbook } from "../mark/workbook";
import { applySplices, attributes, childrenOf, qualify, readRoot, type Root, type Splice } from "../mark/xml-text";
import { customXml } from "./package-parts";
import { SharedStrings } from "./shared-strings";
import { stylesXml } from "./styles-xml";
import { guideSheetXml, reportSheetXml } from "./worksheet-xml";
import { escapeAttr, escapeText } from "../xml/escape";

const REL = `${REL_NS.transitional}/`;
const VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";
const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  custom: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
};

export interface Inserted {
  bytes: Uint8Array;
  sheetName: string;
  guideSheetName: string;
}

/** Throws ChitieuError "sheet-exists" (with a free name to suggest) when the workbook already has a sheet of the template's name. */
export function insertTemplateSheet(bytes: Uint8Array, layout: TemplateLayout): Inserted {
  const pkg = openPackage(bytes);
  const view = new PartView(pkg);
  const info = readWorkbook(view);
  // our template parts are written in Transitional vocabulary; spliced into a Strict workbook they would not be its sheets
  if (info.namespaces.conformance === "strict") throw new ChitieuError("error.strict-ooxml.insert");
  const taken = info.sheets.map((s) => s.name);
  if (taken.some((n) => n.toLowerCase() === layout.sheetName.toLowerCase())) throw sheetExists(layout.sheetName, taken);
  const guideName = freeSheetName(layout.guide.sheetName, [...taken, layout.sheetName]);
  const overrides: string[] = [];

  // styles first: the sheets need the new cellXfs and dxf ids
  const styles = info.stylesPart ? appendStyles(view, info.stylesPart, layout) : createStyles(view, info.workbookPart, info.workbookRelsPart, layout, overrides);
  const strings = new SharedStrings();
  const report = inlineStrings(reportSheetXml(layout, styles.index, styles.dxf, strings), strings).replace(' tabSelected="1"', "");
  const guide = inlineStrings(guideSheetXml(layout, styles.index, strings), strings);

  const parts = freeNames(view, "xl/worksheets/sheet", ".xml", 2);
  const relIds = freeIds(readRelationships(view.requireText(info.workbookRelsPart)).map((r) => r.id), 2);
  parts.forEach((p, i) => {
    view.setText(p, i === 0 ? report : guide);
    overrides.push(overrideXml("", p, CT.worksheet));
  });
  appendChildren(view, info.workbookRelsPart, parts.map((p, i) => relationshipXml("", relIds[i] as string, `${REL}worksheet`, relativeTarget(info.workbookPart, p))));
  addSheetEntries(view, info.workbookPart, [layout.sheetName, guideName], relIds, info.sheets.length, layout);
  writeMetadata(view, layout, overrides);
  addOverrides(view, overrides);
  return { bytes: savePackage(pkg, view.changes()), sheetName: layout.sheetName, guideSheetName: guideName };
}

// ---- styles ----

interface StyleIds {
  index: ReturnType<typeof stylesXml>["index"];
  dxf: ReturnType<typeof stylesXml>["dxf"];
}

/** CT_Stylesheet order: where each list we append to must go when the stylesheet lacks it. */
const STYLE_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

function createStyles(view: PartView, workbookPart: string, workbookRels: string, layout: TemplateLayout, overrides: string[]): StyleIds {
  const generated = stylesXml(layout.styles, layout.differentialStyles);
  const part = freeNames(view, "xl/styles", ".xml", 1, true)[0] as string;
  view.setText(part, generated.xml);
  const id = freeIds(readRelationships(view.requireText(workbookRels)).map((r) => r.id), 1)[0] as string;
  appendChildren(view, workbookRels, [relationshipXml("", id, `${REL}styles`, relativeTarget(workbookPart, part))]);
  overrides.push(overrideXml("", part, CT.styles));
  return { index: generated.index, dxf: generated.dxf };
}

/** The template's stylesheet, its lists appended to theirs with every id shifted past what is already there. */
function appendStyles(view: PartView, part: string, layout: TemplateLayout): StyleIds {
  const generated = stylesXml(layout.styles, layout.differentialStyles);
  const ours = readRoot(generated.xml);
  const list = (root: Root, name: string) => root.children.find((c) => c.local === name);
  const items = (name: string) => {
    const el = list(ours, name);
    return el ? childrenOf(generated.xml, el).map((c) => generated.xml.slice(c.start, c.end)) : [];
  };
  const text = view.requireText(part);
  const root = readRoot(text);
  const count = (name: string) => {
    const el = list(root, name);
    return el ? childrenOf(text, el).length : 0;
  };
  const offset = { font: count("fonts"), fill: count("fills"), border: count("borders"), xf: count("cellXfs"), dxf: count("dxfs") };

  // custom number formats get ids above every id the workbook uses
  const theirFormats = list(root, "numFmts");
  const usedIds = theirFormats ? childrenOf(text, theirFormats).map((c) => Number(attributes(text, c.startTag).get("numFmtId") ?? 0)) : [];
  let nextFormat = Math.max(163, ...usedIds) + 1;
  const formatId = new Map<string, number>();
  const numFmts = items("numFmts").map((x) =>
    x.replace(/numFmtId="([0-9]+)"/, (_m, id: string) => {
      formatId.set(id, nextFormat);
      return `numFmtId="${nextFormat++}"`;
    }),
  );
  const shift = (x: string, attr: string, by: number) => x.replace(new RegExp(`${attr}="([0-9]+)"`), (_m, n: string) => `${attr}="${Number(n) + by}"`);
  const cellXfs = items("cellXfs").map((x) => {
    let out = shift(shift(shift(x, "fontId", offset.font), "fillId", offset.fill), "borderId", offset.border);
    out = out.replace(/numFmtId="([0-9]+)"/, (m, id: string) => (formatId.has(id) ? `numFmtId="${formatId.get(id)}"` : m));
    return out;
  });

  const additions: [string, string[]][] = [
    ["numFmts", numFmts],
    ["fonts", items("fonts")],
    ["fills", items("fills")],
    ["borders", items("borders")],
    ["cellXfs", cellXfs],
    ["dxfs", items("dxfs")],
  ];
  const splices: Splice[] = [];
  for (const [name, xml] of additions) {
    if (xml.length > 0) splices.push(...appendToList(text, root, name, xml.map((x) => withPrefix(x, root.prefix)), STYLE_ORDER));
  }
  view.setText(part, applySplices(text, splices));
  const index = Object.fromEntries(Object.entries(generated.index).map(([k, v]) => [k, v + offset.xf])) as StyleIds["index"];
  return { index, dxf: { met: generated.dxf.met + offset.dxf, notMet: generated.dxf.notMet + offset.dxf } };
}

/** Splices appending children to the list element `name` of `root` (creating it in schema order), its count bumped. */
export function appendToList(text: string, root: Root, name: string, children: string[], order: readonly string[], counted = true): Splice[] {
  const q = qualify(root.prefix, name);
  const el = root.children.find((c) => c.local === name);
  const xml = children.join("");
  if (!el) {
    const after = new Set(order.slice(order.indexOf(name) + 1));
    const before = root.children.find((c) => after.has(c.local));
    const count = counted ? ` count="${children.length}"` : ""; // <sheets> and <definedNames> have no count
    return [{ at: before ? before.start : root.closeStart, remove: 0, insert: `<${q}${count}>${xml}</${q}>` }];
  }
  const splices: Splice[] = [];
  const tag = text.slice(el.startTag.start, el.startTag.end);
  const m = /\scount\s*=\s*(["'])([0-9]+)\1/.exec(tag);
  if (m && counted) {
    const digits = m[2] ?? "";
    splices.push({ at: el.startTag.start + m.index + m[0].length - 1 - digits.length, remove: digits.length, insert: String(Number(digits) + children.length) });
  }
  if (el.startTag.kind === "empty") splices.push({ at: el.end - 2, remove: 2, insert: `>${xml}</${el.qname}>` });
  else splices.push({ at: text.lastIndexOf("<", el.end - 1), remove: 0, insert: xml });
  return splices;
}

/** Our generated elements (no prefix, no foreign namespaces) written with the part's prefix for the main namespace. */
function withPrefix(xml: string, prefix: string): string {
  return prefix ? xml.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}:$2`) : xml;
}

// ---- sheets and names ----

/** Shared-string cells as inline strings: the workbook's own string table stays untouched. */
function inlineStrings(sheetXml: string, strings: SharedStrings): string {
  const texts = [...strings.xml().matchAll(/<si>(<t[^>]*>[\s\S]*?<\/t>)<\/si>/g)].map((m) => m[1] ?? "");
  return sheetXml.replace(/<c r="([A-Z]+[0-9]+)" s="([0-9]+)" t="s"><v>([0-9]+)<\/v><\/c>/g, (_m, r: string, s: string, i: string) => `<c r="${r}" s="${s}" t="inlineStr"><is>${texts[Number(i)] ?? "<t></t>"}</is></c>`);
}

function addSheetEntries(view: PartView, workbookPart: string, names: string[], relIds: string[], existingSheets: number, layout: TemplateLayout): void {
  const text = view.requireText(workbookPart);
  const root = readRoot(text);
  const q = (n: string) => qualify(root.prefix, n);
  const relPrefix = [...root.declarations].find(([p, uri]) => p !== "" && uri === REL_NS.transitional)?.[0];
  const idAttr = (id: string) => (relPrefix ? `${relPrefix}:id="${id}"` : `xmlns:r="${REL_NS.transitional}" r:id="${id}"`);
  // only <sheet> carries a sheetId attribute (definedName's is localSheetId)
  const sheetTags = [...text.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*\ssheetId\s*=\s*["']([0-9]+)["']/g)].map((m) => Number(m[1]));
  let sheetId = Math.max(0, ...sheetTags);
  const entries = names.map((name, i) => `<${q("sheet")} name="${escapeAttr(name)}" sheetId="${++sheetId}" ${idAttr(relIds[i] as string)}/>`);
  const splices = appendToList(text, root, "sheets", entries, WORKBOOK_ORDER, false);
  const titles = `'${layout.sheetName.replace(/'/g, "''")}'!$${layout.print.titleRows.from}:$${layout.print.titleRows.to}`;
  const definedName = `<${q("definedName")} name="_xlnm.Print_Titles" localSheetId="${existingSheets}">${escapeText(titles)}</${q("definedName")}>`;
  splices.push(...appendToList(text, root, "definedNames", [definedName], WORKBOOK_ORDER, false));
  view.setText(workbookPart, applySplices(text, splices));
}

export const WORKBOOK_ORDER = [
  "fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews", "sheets", "functionGroups", "externalReferences", "definedNames",
  "calcPr", "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst",
];

// ---- metadata ----

/** Our chitieu.* custom properties: replaced if the workbook has them, else appended (custom.xml created if needed). */
function writeMetadata(view: PartView, layout: TemplateLayout, overrides: string[]): void {
  const generated = customXml({ ...layout.metadata, sheet: layout.sheetName });
  const props = [...generated.matchAll(/<property\b[\s\S]*?<\/property>/g)].map((m) => m[0]);
  const rootRels = view.requireText("_rels/.rels");
  const rel = readRelationships(rootRels).find((r) => r.type.endsWith("/custom-properties") && !r.external);
  const part = rel ? view.resolve(resolveTarget("", rel.target)) : undefined;
  if (!part) {
    const name = freeNames(view, "docProps/custom", ".xml", 1, true)[0] as string;
    view.setText(name, generated);
    const id = freeIds(readRelationships(rootRels).map((r) => r.id), 1)[0] as string;
    appendChildren(view, "_rels/.rels", [relationshipXml("", id, `${REL}custom-properties`, name)]);
    overrides.push(overrideXml("", name, CT.custom));
    return;
  }
  const text = view.requireText(part);
  const root = readRoot(text);
  const splices: Splice[] = [];
  let maxPid = 1;
  for (const c of root.children.filter((e) => e.local === "property")) {
    const a = attributes(text, c.startTag);
    maxPid = Math.max(maxPid, Number(a.get("pid") ?? 0));
    if ((a.get("name") ?? "").startsWith(METADATA_PREFIX)) splices.push({ at: c.start, remove: c.end - c.start, insert: "" });
  }
  const vt = [...root.declarations].find(([, uri]) => uri === VT_NS)?.[0];
  const xml = props
    .map((p) => p.replace(/pid="[0-9]+"/, `pid="${++maxPid}"`))
    .map((p) => (vt === "vt" ? p : vt ? p.replace(/(<\/?)vt:/g, `$1${vt}:`) : p.replace("<property ", `<property xmlns:vt="${VT_NS}" `)))
    .map((p) => withPrefixTop(p, root.prefix))
    .join("");
  if (root.selfClosing) splices.push({ at: root.closeStart, remove: 2, insert: `>${xml}</${root.qname}>` });
  else splices.push({ at: root.closeStart, remove: 0, insert: xml });
  view.setText(part, applySplices(text, splices));
}

/** Only <property> itself takes the custom-properties prefix; its vt: children keep theirs. */
function withPrefixTop(xml: string, prefix: string): string {
  return prefix ? xml.replace(/<(\/?)property\b/g, `<$1${prefix}:property`) : xml;
}

// ---- package plumbing ----

/** The first `n` part names not in the package: "sheet1.xml", "sheet2.xml"… or, with `plainFirst`, "custom.xml", "custom2.xml"… */
export function freeNames(view: PartView, stem: string, ext: string, n: number, plainFirst = false): string[] {
  const out: string[] = [];
  for (let i = 1; out.length < n; i++) {
    const name = `${stem}${i === 1 && plainFirst ? "" : i}${ext}`;
    if (!view.has(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

export function freeIds(taken: readonly string[], n: number): string[] {
  const used = new Set(taken);
  const out: string[] = [];
  for (let i = taken.length + 1; out.length < n; i++) if (!used.has(`rId${i}`)) out.push(`rId${i}`);
  return out;
}

/** Appends elements at the end of a part's root (relationships, content-type overrides), in the root's prefix. */
export function appendChildren(view: PartView, relsPart: string, rels: string[]): void {
  const text = view.requireText(relsPart);
  const edit = appendToRoot(text, "");
  const xml = rels.map((r) => withPrefix(r, edit?.prefix ?? "")).join("");
  if (edit) view.setText(relsPart, applySplices(text, [{ ...edit.splice, insert: xml }]));
  else {
    const root = readRoot(text);
    view.setText(relsPart, applySplices(text, [{ at: root.closeStart, remove: 2, insert: `>${xml}</${root.qname}>` }]));
  }
}

export function addOverrides(view: PartView, overrides: readonly string[]): void {
  if (overrides.length > 0) appendChildren(view, "[Content_Types].xml", [...overrides]);
}
