// Our notes ("legacy comments"): a comments part, its VML drawing, and the <legacyDrawing> that ties them to the sheet.

import { OUR_AUTHOR, OUR_REL_ID_PREFIX } from "./ours";
import { noteShapes, SHAPETYPE_202 } from "./shared-notes";
import { escapeText } from "../xml/escape";
import { attributes, qualify, type Root, type Splice } from "./xml-text";
import { elementsAfter } from "./worksheet-order";

export interface Note {
  cell: string;
  text: string;
}

const AFTER_LEGACY_DRAWING = elementsAfter("legacyDrawing");

/** Our comments part, in the workbook's main namespace (Transitional or Strict). */
export function commentsXml(notes: readonly Note[], mainNamespace: string): string {
  const list = notes
    .map(
      (n) =>
        `<comment ref="${n.cell}" authorId="0"><text><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr>` +
        `<t xml:space="preserve">${escapeText(n.text)}</t></r></text></comment>`,
    )
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<comments xmlns="${mainNamespace}">` +
    `<authors><author>${escapeText(OUR_AUTHOR)}</author></authors><commentList>${list}</commentList></comments>`
  );
}

/** VML shapes Excel needs to show the notes; `firstBlock` is an idmap block no other drawing of the workbook uses. */
export function vmlXml(notes: readonly Note[], firstBlock: number): string {
  const blocks = Math.max(1, Math.ceil(notes.length / 1024));
  const idmap = Array.from({ length: blocks }, (_, i) => firstBlock + i).join(",");
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idmap}"/></o:shapelayout>` +
    SHAPETYPE_202 +
    `${noteShapes(notes, firstBlock)}</xml>`
  );
}

/** Highest idmap block used by any VML drawing, so ours can take the next free ones. */
export function maxVmlBlock(vmlTexts: Iterable<string>): number {
  let max = 0;
  for (const text of vmlTexts) {
    for (const m of text.matchAll(/<o:idmap\b[^>]*\bdata\s*=\s*["']([^"']*)["']/g)) {
      for (const n of (m[1] ?? "").split(/[\s,]+/)) if (/^[0-9]+$/.test(n)) max = Math.max(max, Number(n));
    }
  }
  return max;
}

/** Splice adding <legacyDrawing r:id=…/> at its place in CT_Worksheet order, r:id in the workbook's relationships namespace. */
export function insertLegacyDrawing(root: Root, relId: string, relationshipsNamespace: string): Splice {
  const relPrefix = [...root.declarations].find(([prefix, uri]) => prefix !== "" && uri === relationshipsNamespace)?.[0];
  const idAttr = relPrefix ? `${relPrefix}:id="${relId}"` : `xmlns:r="${relationshipsNamespace}" r:id="${relId}"`;
  const xml = `<${qualify(root.prefix, "legacyDrawing")} ${idAttr}/>`;
  const before = root.children.find((c) => AFTER_LEGACY_DRAWING.has(c.local));
  return { at: before ? before.start : root.closeStart, remove: 0, insert: xml };
}

/** Splice removing our <legacyDrawing>, recognised by our relationship id. */
export function removeOurLegacyDrawing(sheetText: string, root: Root): Splice[] {
  return root.children
    .filter((c) => c.local === "legacyDrawing" && isOurLegacyDrawing(sheetText, c.startTag))
    .map((c) => ({ at: c.start, remove: c.end - c.start, insert: "" }));
}

function isOurLegacyDrawing(text: string, tag: Root["startTag"]): boolean {
  for (const [name, value] of attributes(text, tag)) {
    if ((name === "id" || name.endsWith(":id")) && value.startsWith(OUR_REL_ID_PREFIX)) return true;
  }
  return false;
}
