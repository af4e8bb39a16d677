// Our differential styles (dxf), appended at the end of styles.xml <dxfs>, and their exact removal.

import type { Severity } from "../../../core/highlight-plan";
import { OUR_DXF_EXT_URI, OUR_XML_NS, SEVERITY_STYLE } from "./ours";
import { childrenOf, qualify, readRoot, type Element, type Splice, applySplices } from "./xml-text";

/** How the <dxfs> element looked before we touched it; carried by our first dxf so clearing can restore it. */
type DxfsOrigin = "appended" | "expanded" | "created";

/** CT_Stylesheet children that must come after <dxfs>. */
const AFTER_DXFS = new Set(["tableStyles", "colors", "extLst"]);

export interface AddedDxfs {
  text: string;
  dxfId: Map<Severity, number>;
}

export function addOurDxfs(stylesText: string, severities: readonly Severity[]): AddedDxfs {
  const root = readRoot(stylesText);
  const p = root.prefix;
  const dxfs = root.children.find((c) => c.local === "dxfs" && c.qname === qualify(p, "dxfs"));
  const dxfId = new Map<Severity, number>();
  if (severities.length === 0) return { text: stylesText, dxfId };

  if (!dxfs) {
    const xml = severities.map((s, i) => ourDxf(p, s, i === 0 ? "created" : undefined)).join("");
    severities.forEach((s, i) => dxfId.set(s, i));
    const before = root.children.find((c) => AFTER_DXFS.has(c.local));
    const at = before ? before.start : root.closeStart;
    const wrapper = `<${qualify(p, "dxfs")} count="${severities.length}">${xml}</${qualify(p, "dxfs")}>`;
    return { text: applySplices(stylesText, [{ at, remove: 0, insert: wrapper }]), dxfId };
  }

  const existing = childrenOf(stylesText, dxfs).length; // an mc:AlternateContent child also holds one dxf
  severities.forEach((s, i) => dxfId.set(s, existing + i));
  const splices: Splice[] = [];
  const countSplice = bumpCount(stylesText, dxfs, severities.length);
  if (countSplice) splices.push(countSplice);
  if (dxfs.startTag.kind === "empty") {
    const xml = severities.map((s, i) => ourDxf(p, s, i === 0 ? "expanded" : undefined)).join("");
    // "<dxfs count="0"/>" → "<dxfs count="3">…</dxfs>": replace only the "/>"
    splices.push({ at: dxfs.end - 2, remove: 2, insert: `>${xml}</${dxfs.qname}>` });
  } else {
    const xml = severities.map((s, i) => ourDxf(p, s, i === 0 ? "appended" : undefined)).join("");
    const endTagStart = stylesText.lastIndexOf("<", dxfs.end - 1);
    splices.push({ at: endTagStart, remove: 0, insert: xml });
  }
  return { text: applySplices(stylesText, splices), dxfId };
}

/** Removes our dxf entries and restores <dxfs> to its exact original form. Unchanged text if there are none. */
export function removeOurDxfs(stylesText: string): string {
  const root = readRoot(stylesText);
  const dxfs = root.children.find((c) => c.local === "dxfs" && c.qname === qualify(root.prefix, "dxfs"));
  if (!dxfs || dxfs.startTag.kind === "empty") return stylesText;
  const children = childrenOf(stylesText, dxfs);
  const ours = children.filter((c) => isOurs(stylesText, c));
  if (ours.length === 0) return stylesText;
  const origin = originOf(stylesText.slice(ours[0]!.start, ours[0]!.end));
  const onlyOurs = ours.length === children.length;

  if (origin === "created" && onlyOurs) {
    return applySplices(stylesText, [{ at: dxfs.start, remove: dxfs.end - dxfs.start, insert: "" }]);
  }
  const splices: Splice[] = [];
  const countSplice = bumpCount(stylesText, dxfs, -ours.length);
  if (countSplice) splices.push(countSplice);
  if (origin === "expanded" && onlyOurs) {
    splices.push({ at: dxfs.startTag.end - 1, remove: dxfs.end - (dxfs.startTag.end - 1), insert: "/>" });
  } else {
    for (const c of ours) splices.push({ at: c.start, remove: c.end - c.start, insert: "" });
  }
  return applySplices(stylesText, splices);
}

export function hasOurDxfs(stylesText: string): boolean {
  return stylesText.includes(OUR_DXF_EXT_URI);
}

function isOurs(text: string, el: Element): boolean {
  return el.local === "dxf" && text.slice(el.start, el.end).includes(OUR_DXF_EXT_URI);
}

function originOf(dxfXml: string): DxfsOrigin {
  const m = /\sorigin="(appended|expanded|created)"/.exec(dxfXml);
  return (m?.[1] as DxfsOrigin | undefined) ?? "appended";
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

function ourDxf(p: string, severity: Severity, origin: DxfsOrigin | undefined): string {
  const q = (n: string) => qualify(p, n);
  const style = SEVERITY_STYLE[severity];
  const originAttr = origin ? ` origin="${origin}"` : "";
  return (
    `<${q("dxf")}>` +
    `<${q("font")}><${q("color")} rgb="${style.font}"/></${q("font")}>` +
    `<${q("fill")}><${q("patternFill")}><${q("bgColor")} rgb="${style.fill}"/></${q("patternFill")}></${q("fill")}>` +
    `<${q("extLst")}><${q("ext")} uri="${OUR_DXF_EXT_URI}" xmlns:chitieu="${OUR_XML_NS}">` +
    `<chitieu:highlight severity="${severity}"${originAttr}/>` +
    `</${q("ext")}></${q("extLst")}>` +
    `</${q("dxf")}>`
  );
}

/** A minimal stylesheet for a workbook that has none; our dxfs go inside it. */
export function minimalStylesheet(severities: readonly Severity[]): AddedDxfs {
  const shell =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    "</styleSheet>";
  return addOurDxfs(shell, severities);
}
