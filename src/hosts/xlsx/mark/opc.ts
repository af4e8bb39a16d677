// Package plumbing (relationships, part names, content types) as splices into the original text.

import { dirname } from "../part-names";
import { escapeAttr } from "../xml/escape";
import { attributes, localName, qualify, readRoot, tags, type Splice } from "./xml-text";

// the reader resolves part names the same way: one home for both
export { relsPartName, resolveTarget } from "../part-names";

export const REL_NS = {
  transitional: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  strict: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};

export const REL_TYPE = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  styles: "/styles",
  comments: "/comments",
  vmlDrawing: "/vmlDrawing",
};

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** Span of the Relationship element in the .rels text. */
  start: number;
  end: number;
}

export function readRelationships(text: string): Relationship[] {
  const out: Relationship[] = [];
  for (const tag of tags(text)) {
    if (tag.kind === "end" || localName(tag.qname) !== "Relationship") continue;
    const a = attributes(text, tag);
    // an element written as <Relationship ...></Relationship> keeps its end tag inside the span
    let end = tag.end;
    if (tag.kind === "start") {
      const close = text.indexOf(">", text.indexOf("</", tag.end));
      end = close + 1;
    }
    out.push({
      id: a.get("Id") ?? "",
      type: a.get("Type") ?? "",
      target: a.get("Target") ?? "",
      external: (a.get("TargetMode") ?? "") === "External",
      start: tag.start,
      end,
    });
  }
  return out;
}

/** The target to write in `fromPart`'s .rels so that it points at `toPart`. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = dirname(fromPart).split("/").filter(Boolean);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** Finds a zip entry by part name, ignoring case as OPC does. */
export function findPartName(names: readonly string[], part: string): string | undefined {
  if (names.includes(part)) return part;
  const lower = part.toLowerCase();
  return names.find((n) => n.toLowerCase() === lower);
}

/** A new .rels part holding only our relationships; clearing recognises this exact shell and deletes the part. */
export const EMPTY_RELS_SHELL_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
export const EMPTY_RELS_SHELL_TAIL = "</Relationships>";

export function relationshipXml(prefix: string, id: string, type: string, target: string): string {
  return `<${qualify(prefix, "Relationship")} Id="${escapeAttr(id)}" Type="${escapeAttr(type)}" Target="${escapeAttr(target)}"/>`;
}

/**
 * Splice that appends elements at the end of the root element.
 * Undefined for an empty root written as `<x/>`: opening it up could not be undone byte for byte.
 */
export function appendToRoot(text: string, xml: string): { splice: Splice; prefix: string } | undefined {
  const root = readRoot(text);
  if (root.selfClosing) return undefined;
  return { splice: { at: root.closeStart, remove: 0, insert: xml }, prefix: root.prefix };
}

export function overrideXml(prefix: string, partName: string, contentType: string): string {
  return `<${qualify(prefix, "Override")} PartName="/${escapeAttr(partName)}" ContentType="${escapeAttr(contentType)}"/>`;
}

export const CONTENT_TYPE = {
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};
