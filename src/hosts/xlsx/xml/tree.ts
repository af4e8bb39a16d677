// A minimal element tree for the small parts (workbook, rels, styles, properties). Worksheets use the scanner directly.

import { msg } from "../../../core/messages";
import type { Deadline } from "../limits";
import { END, EOF, START, TEXT, XmlScanner } from "./scanner";

export interface XmlElement {
  /** Local name (prefix dropped). */
  name: string;
  /** Attributes by local name. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Direct text content, concatenated. */
  text: string;
}

/**
 * Parses a whole part. mc:AlternateContent is replaced by the content of its Fallback (or first Choice):
 * the content every consumer is meant to understand.
 */
export function parseXmlTree(src: string, part: string, deadline?: Deadline): XmlElement {
  const sc = new XmlScanner(src, part, deadline);
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  for (;;) {
    const k = sc.next();
    if (k === EOF) break;
    const top = stack[stack.length - 1]!;
    if (k === START) {
      const el: XmlElement = { name: sc.local, attrs: sc.attributes(), children: [], text: "" };
      top.children.push(el);
      stack.push(el);
    } else if (k === END) {
      stack.pop();
      if (top.name === "AlternateContent") resolveAlternateContent(stack[stack.length - 1]!, top);
    } else if (k === TEXT) {
      top.text += sc.text();
    }
  }
  const docRoot = root.children[0];
  return docRoot ?? sc.fail(msg("xml.no-root"), 0);
}

function resolveAlternateContent(parent: XmlElement, alt: XmlElement): void {
  const chosen = alt.children.find((c) => c.name === "Fallback") ?? alt.children.find((c) => c.name === "Choice");
  const at = parent.children.lastIndexOf(alt);
  parent.children.splice(at, 1, ...(chosen ? chosen.children : []));
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}
