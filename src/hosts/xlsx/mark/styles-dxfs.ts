// Our differential styles (dxf), appended at the end of styles.xml <dxfs>, and their exact removal.
// A stylesheet that lacks what readers need before they look at dxfs (fonts, fills, borders, cellXfs: openpyxl ignores
// every dxf of a stylesheet without cell formats, then fails on our rules) gets those too, recorded so clearing can
// give back the original bytes.

import { escapeAttr } from "../xml/escape";
import type { Severity } from "../../../core/highlight-plan";
import { OUR_DXF_EXT_URI, OUR_XML_NS, SEVERITY_STYLE } from "./ours";
import { attributes, childrenOf, qualify, readRoot, type Element, type Root, type Splice, applySplices } from "./xml-text";

/** How the <dxfs> element looked before we touched it; carried by our first dxf so clearing can restore it. */
type DxfsOrigin = "appended" | "expanded" | "created";

/** CT_Stylesheet children, in schema order. */
const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** What a reader needs for a cell format to exist; the defaults Excel itself writes (fills 0 and 1 are fixed by Excel). */
const SKELETON: ReadonlyArray<{ local: string; xml: (q: (n: string) => string) => string }> = [
  { local: "fonts", xml: (q) => `<${q("fonts")} count="1"><${q("font")}><${q("sz")} val="11"/><${q("name")} val="Calibri"/><${q("family")} val="2"/></${q("font")}></${q("fonts")}>` },
  {
    local: "fills",
    xml: (q) =>
      `<${q("fills")} count="2"><${q("fill")}><${q("patternFill")} patternType="none"/></${q("fill")}><${q("fill")}><${q("patternFill")} patternType="gray125"/></${q("fill")}></${q("fills")}>`,
  },
  {
    local: "borders",
    xml: (q) => `<${q("borders")} count="1"><${q("border")}><${q("left")}/><${q("right")}/><${q("top")}/><${q("bottom")}/><${q("diagonal")}/></${q("border")}></${q("borders")}>`,
  },
  { local: "cellXfs", xml: (q) => `<${q("cellXfs")} count="1"><${q("xf")} numFmtId="0" fontId="0" fillId="0" borderId="0"/></${q("cellXfs")}>` },
];

/** A stylesheet element we added or filled in: `original` is what stood there before ("" when it was absent). */
interface Restore {
  element: string;
  original: string;
}

export interface AddedDxfs {
  text: string;
  dxfId: Map<Severity, number>;
}

export function addOurDxfs(stylesText: string, severities: readonly Severity[]): AddedDxfs {
  const root = readRoot(stylesText);
  const p = root.prefix;
  const q = (n: string) => qualify(p, n);
  const dxfId = new Map<Severity, number>();
  if (severities.length === 0) return { text: stylesText, dxfId };

  const inserts: Splice[] = [];
  const restores: Restore[] = [];
  for (const part of SKELETON) {
    const el = mainChild(root, part.local);
    if (el && childrenOf(stylesText, el).length > 0) continue;
    restores.push({ element: part.local, original: el ? stylesText.slice(el.start, el.end) : "" });
    inserts.push(el ? { at: el.start, remove: el.end - el.start, insert: part.xml(q) } : { at: insertionPoint(root, part.local), remove: 0, insert: part.xml(q) });
  }
  const marker = { restores, emptyRoot: root.selfClosing };

  const dxfs = mainChild(root, "dxfs");
  if (!dxfs) {
    const xml = severities.map((s, i) => ourDxf(p, s, i === 0 ? { origin: "created", ...marker } : undefined)).join("");
    severities.forEach((s, i) => dxfId.set(s, i));
    inserts.push({ at: insertionPoint(root, "dxfs"), remove: 0, insert: `<${q("dxfs")} count="${severities.length}">${xml}</${q("dxfs")}>` });
    return { text: splice(stylesText, root, inserts), dxfId };
  }

  const existing = childrenOf(stylesText, dxfs).length; // an mc:AlternateContent child also holds one dxf
  severities.forEach((s, i) => dxfId.set(s, existing + i));
  const countSplice = bumpCount(stylesText, dxfs, severities.length);
  if (countSplice) inserts.push(countSplice);
  if (dxfs.startTag.kind === "empty") {
    const xml = severities.map((s, i) => ourDxf(p, s, i === 0 ? { origin: "expanded", ...marker } : undefined)).join("");
    // "<dxfs count="0"/>" → "<dxfs count="3">…</dxfs>": replace only the "/>"
    inserts.push({ at: dxfs.end - 2, remove: 2, insert: `>${xml}</${dxfs.qname}>` });
  } else {
    const xml = severities.map((s, i) => ourDxf(p, s, i === 0 ? { origin: "appended", ...marker } : undefined)).join("");
    inserts.push({ at: stylesText.lastIndexOf("<", dxfs.end - 1), remove: 0, insert: xml });
  }
  return { text: splice(stylesText, root, inserts), dxfId };
}

/** Removes our dxf entries and restores the stylesheet to its exact original form. Unchanged text if there are none. */
export function removeOurDxfs(stylesText: string): string {
  const root = readRoot(stylesText);
  const dxfs = mainChild(root, "dxfs");
  if (!dxfs || dxfs.startTag.kind === "empty") return stylesText;
  const children = childrenOf(stylesText, dxfs);
  const ours = children.filter((c) => isOurs(stylesText, c));
  if (ours.length === 0) return stylesText;
  const first = readMarker(stylesText, ours[0]!);
  const onlyOurs = ours.length === children.length;
  // the stylesheet was "<styleSheet …/>": everything inside it now is ours
  if (first.emptyRoot && first.origin === "created" && onlyOurs) return stylesText.slice(0, root.startTag.end - 1) + "/>" + stylesText.slice(root.end);

  const splices: Splice[] = [];
  for (const r of first.restores) {
    const el = mainChild(root, r.element);
    if (el) splices.push({ at: el.start, remove: el.end - el.start, insert: r.original });
  }
  if (first.origin === "created" && onlyOurs) {
    splices.push({ at: dxfs.start, remove: dxfs.end - dxfs.start, insert: "" });
    return applySplices(stylesText, splices);
  }
  const countSplice = bumpCount(stylesText, dxfs, -ours.length);
  if (countSplice) splices.push(countSplice);
  if (first.origin === "expanded" && onlyOurs) {
    splices.push({ at: dxfs.startTag.end - 1, remove: dxfs.end - (dxfs.startTag.end - 1), insert: "/>" });
  } else {
    for (const c of ours) splices.push({ at: c.start, remove: c.end - c.start, insert: "" });
  }
  return applySplices(stylesText, splices);
}

export function hasOurDxfs(stylesText: string): boolean {
  return stylesText.includes(OUR_DXF_EXT_URI);
}

function mainChild(root: Root, local: string): Element | undefined {
  return root.children.find((c) => c.local === local && c.qname === qualify(root.prefix, local));
}

/** Where a missing CT_Stylesheet child goes: before the first existing child that must follow it. */
function insertionPoint(root: Root, local: string): number {
  const rank = STYLESHEET_ORDER.indexOf(local);
  const after = root.children.find((c) => STYLESHEET_ORDER.indexOf(c.local) > rank);
  return after ? after.start : root.closeStart;
}

/** Applies the splices; an empty root "<styleSheet …/>" is opened up with everything inside it, in order. */
function splice(text: string, root: Root, splices: Splice[]): string {
  if (!root.selfClosing) return applySplices(text, splices);
  const inner = [...splices].sort((a, b) => a.at - b.at).map((s) => s.insert).join("");
  return applySplices(text, [{ at: root.closeStart, remove: 2, insert: `>${inner}</${root.qname}>` }]);
}

function isOurs(text: string, el: Element): boolean {
  return el.local === "dxf" && text.slice(el.start, el.end).includes(OUR_DXF_EXT_URI);
}

interface Marker {
  origin: DxfsOrigin;
  restores: Restore[];
  emptyRoot: boolean;
}

function readMarker(text: string, dxf: Element): Marker {
  const xml = text.slice(dxf.start, dxf.end);
  const origin = (/\sorigin="(appended|expanded|created)"/.exec(xml)?.[1] as DxfsOrigin | undefined) ?? "appended";
  const restores: Restore[] = [];
  const offset = dxf.start;
  for (const m of xml.matchAll(/<chitieu:restore\b[^>]*\/>/g)) {
    const a = attributes(text, { kind: "empty", qname: "chitieu:restore", start: offset + m.index, end: offset + m.index + m[0].length });
    restores.push({ element: a.get("element") ?? "", original: a.get("original") ?? "" });
  }
  return { origin, restores: restores.filter((r) => SKELETON.some((s) => s.local === r.element)), emptyRoot: /\semptyRoot="1"/.test(xml) };
}

/** Splice that adds `delta` to a numeric count="" on the element's start tag; undefined when there is none. */
function bumpCount(text: string, el: Element, delta: number): Splice | undefined {
  const tagText = text.slice(el.startTag.start, el.startTag.end);
  const m = /\scount\s*=\s*(["'])([0-9]+)\1/.exec(tagText);
  if (!m) return undefined;
  const digits = m[2] ?? "";
  const next = Number(digits) + delta;
  if (next < 0) return undefined;
  const at = el.startTag.start + m.index + m[0].length - 1 - digits.length;
  return { at, remove: digits.length, insert: String(next) };
}

function ourDxf(p: string, severity: Severity, marker: Marker | undefined): string {
  const q = (n: string) => qualify(p, n);
  const style = SEVERITY_STYLE[severity];
  const attrs = marker ? ` origin="${marker.origin}"${marker.emptyRoot ? ' emptyRoot="1"' : ""}` : "";
  const restores = (marker?.restores ?? []).map((r) => `<chitieu:restore element="${r.element}" original="${escapeAttr(r.original)}"/>`).join("");
  const highlight = restores ? `<chitieu:highlight severity="${severity}"${attrs}>${restores}</chitieu:highlight>` : `<chitieu:highlight severity="${severity}"${attrs}/>`;
  return (
    `<${q("dxf")}>` +
    `<${q("font")}><${q("color")} rgb="${style.font}"/></${q("font")}>` +
    `<${q("fill")}><${q("patternFill")}><${q("bgColor")} rgb="${style.fill}"/></${q("patternFill")}></${q("fill")}>` +
    `<${q("extLst")}><${q("ext")} uri="${OUR_DXF_EXT_URI}" xmlns:chitieu="${OUR_XML_NS}">${highlight}</${q("ext")}></${q("extLst")}>` +
    `</${q("dxf")}>`
  );
}

/** A minimal stylesheet, in the workbook's main namespace, for a workbook that has none; our dxfs go inside it. */
export function minimalStylesheet(severities: readonly Severity[], mainNamespace: string): AddedDxfs {
  const shell =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<styleSheet xmlns="${mainNamespace}">` +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    "</styleSheet>";
  return addOurDxfs(shell, severities);
}
