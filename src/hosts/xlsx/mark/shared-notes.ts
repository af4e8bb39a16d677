// Our notes inside a sheet's OWN notes: our author and comments appended to their comments part, our shapes appended to
// their VML drawing. Every addition is a pure insertion that clearing can find again and cut out, byte for byte;
// their notes (and the placeholders Excel writes for threaded comments) are never edited.

import { cellAddress, parseCell, tryParseCell, type Cell } from "../../../core/a1";
import { NOTE_PREFIX, OUR_AUTHOR } from "./ours";
import { escapeText } from "../xml/escape";
import { attributes, childrenOf, qualify, readRoot, unescapeXml, type Element, type Splice, applySplices } from "./xml-text";
import type { Note } from "./notes";

/** Brackets our shapes in a VML drawing that is not ours; XML comments, which every VML reader skips. */
export const VML_BEGIN = "<!--chitieu-cds-->";
export const VML_END = "<!--/chitieu-cds-->";

const VML_NS = { v: "urn:schemas-microsoft-com:vml", o: "urn:schemas-microsoft-com:office:office", x: "urn:schemas-microsoft-com:office:excel" };

/** Cells that already carry a note (or a threaded comment's placeholder note) in a comments part. */
export function notedCells(commentsText: string): Set<string> {
  const root = readRoot(commentsText);
  const list = root.children.find((c) => c.local === "commentList");
  const out = new Set<string>();
  if (!list) return out;
  for (const c of childrenOf(commentsText, list)) {
    if (c.local !== "comment") continue;
    const ref = tryParseCell(attributes(commentsText, c.startTag).get("ref")?.trim() ?? "");
    if (ref) out.add(cellAddress(ref.row, ref.col));
  }
  return out;
}

/** Their comments part with our author and notes appended; undefined when it cannot be extended reversibly. */
export function appendToComments(text: string, notes: readonly Note[]): string | undefined {
  const root = readRoot(text);
  if (root.selfClosing) return undefined;
  const authors = root.children.find((c) => c.local === "authors");
  const list = root.children.find((c) => c.local === "commentList");
  // an empty <authors/> or <commentList/> would have to be opened up, which clearing could not tell apart
  if (!authors || !list || authors.startTag.kind === "empty" || list.startTag.kind === "empty") return undefined;
  const q = (n: string) => qualify(root.prefix, n);
  const authorId = childrenOf(text, authors).filter((c) => c.local === "author").length;
  const comments = notes
    .map(
      (n) =>
        `<${q("comment")} ref="${n.cell}" authorId="${authorId}"><${q("text")}><${q("r")}><${q("rPr")}><${q("sz")} val="9"/><${q("rFont")} val="Tahoma"/></${q("rPr")}>` +
        `<${q("t")} xml:space="preserve">${escapeText(n.text)}</${q("t")}></${q("r")}></${q("text")}></${q("comment")}>`,
    )
    .join("");
  return applySplices(text, [
    { at: endTagStart(text, authors), remove: 0, insert: `<${q("author")}>${escapeText(OUR_AUTHOR)}</${q("author")}>` },
    { at: endTagStart(text, list), remove: 0, insert: comments },
  ]);
}

/** Cuts our author (the last one, named like us) and our notes (the trailing ones by that author, with our prefix). */
export function removeFromComments(text: string): string {
  const root = readRoot(text);
  const authors = root.children.find((c) => c.local === "authors");
  const list = root.children.find((c) => c.local === "commentList");
  if (!authors || !list) return text;
  const names = childrenOf(text, authors).filter((c) => c.local === "author");
  const last = names[names.length - 1];
  if (!last || innerText(text, last) !== OUR_AUTHOR) return text;
  const ourId = String(names.length - 1);
  const comments = childrenOf(text, list).filter((c) => c.local === "comment");
  const splices: Splice[] = [];
  let kept = comments.length;
  while (kept > 0) {
    const c = comments[kept - 1] as Element;
    const tag = text.slice(c.startTag.start, c.startTag.end);
    const by = /\sauthorId\s*=\s*["']([0-9]+)["']/.exec(tag)?.[1];
    if (by !== ourId || !unescapeXml(text.slice(c.startTag.end, c.end)).includes(NOTE_PREFIX)) break;
    kept--;
  }
  if (kept === comments.length) return text;
  const firstOurs = comments[kept] as Element;
  const lastOurs = comments[comments.length - 1] as Element;
  splices.push({ at: firstOurs.start, remove: lastOurs.end - firstOurs.start, insert: "" });
  const stillUsed = comments.slice(0, kept).some((c) => new RegExp(`\\sauthorId\\s*=\\s*["']${ourId}["']`).test(text.slice(c.startTag.start, c.startTag.end)));
  if (!stillUsed) splices.push({ at: last.start, remove: last.end - last.start, insert: "" });
  return applySplices(text, splices);
}

/**
 * Their VML drawing with our note shapes appended (ids in the free blocks from `firstBlock`), the blocks added to its
 * idmap; undefined when the drawing does not declare the VML namespaces as Excel writes them.
 */
export function appendToVml(text: string, notes: readonly Note[], firstBlock: number): { text: string; blocks: number } | undefined {
  const open = /<xml\b[^>]*>/.exec(text);
  const close = text.lastIndexOf("</xml>");
  if (!open || close < open.index) return undefined;
  for (const [prefix, uri] of Object.entries(VML_NS)) {
    if (!new RegExp(`\\sxmlns:${prefix}\\s*=\\s*["']${uri}["']`).test(open[0])) return undefined;
  }
  if (text.includes(VML_BEGIN)) return undefined; // ours already there: clearing failed to find it, do not stack
  const blocks = Math.max(1, Math.ceil(notes.length / 1024));
  const list = Array.from({ length: blocks }, (_, i) => firstBlock + i);
  const splices: Splice[] = [];
  const idmap = /<o:idmap\b[^>]*?\sdata\s*=\s*(["'])([^"']*)\1/.exec(text);
  if (idmap) {
    const valueEnd = idmap.index + idmap[0].length - 1;
    splices.push({ at: valueEnd, remove: 0, insert: list.map((b) => `,${b}`).join("") });
  }
  const shapetype = /\sid\s*=\s*["']_x0000_t202["']/.test(text) ? "" : SHAPETYPE_202;
  splices.push({ at: close, remove: 0, insert: VML_BEGIN + shapetype + noteShapes(notes, firstBlock) + VML_END });
  return { text: applySplices(text, splices), blocks };
}

/** Cuts our bracketed shapes and the idmap blocks they used. */
export function removeFromVml(text: string): string {
  const begin = text.indexOf(VML_BEGIN);
  const end = text.indexOf(VML_END, begin);
  if (begin < 0 || end < 0) return text;
  const section = text.slice(begin, end + VML_END.length);
  const blocks = [...new Set([...section.matchAll(/\sid="_x0000_s([0-9]+)"/g)].map((m) => Math.floor((Number(m[1]) - 1) / 1024)))].sort((a, b) => a - b);
  const splices: Splice[] = [{ at: begin, remove: section.length, insert: "" }];
  const idmap = /<o:idmap\b[^>]*?\sdata\s*=\s*(["'])([^"']*)\1/.exec(text);
  const suffix = blocks.map((b) => `,${b}`).join("");
  if (idmap && suffix && (idmap[2] ?? "").endsWith(suffix)) {
    const valueEnd = idmap.index + idmap[0].length - 1;
    splices.push({ at: valueEnd - suffix.length, remove: suffix.length, insert: "" });
  }
  return applySplices(text, splices);
}

export const SHAPETYPE_202 =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** Excel's hidden note boxes, one per note, ids counted from the first free block. */
export function noteShapes(notes: readonly Note[], firstBlock: number): string {
  return notes
    .map((n, i) => {
      const p = parseCell(n.cell);
      const id = firstBlock * 1024 + 1 + i;
      return (
        `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:72pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>' +
        `<x:Anchor>${anchor(p)}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
        `<x:Row>${p.row}</x:Row><x:Column>${p.col}</x:Column></x:ClientData></v:shape>`
      );
    })
    .join("");
}

/** Where the note box sits: one column right of the cell, like Excel's default. */
function anchor(p: Cell): string {
  const top = Math.max(0, p.row - 1);
  return `${p.col + 1}, 15, ${top}, 10, ${p.col + 4}, 15, ${top + 4}, 4`;
}

function endTagStart(text: string, el: Element): number {
  return text.lastIndexOf("<", el.end - 1);
}

function innerText(text: string, el: Element): string {
  if (el.startTag.kind === "empty") return "";
  return unescapeXml(text.slice(el.startTag.end, endTagStart(text, el)));
}
