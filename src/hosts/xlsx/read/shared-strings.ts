// sharedStrings.xml: the table that `t="s"` cells index into.

import type { Deadline } from "../limits";
import { EOF, START, XmlScanner } from "../xml/scanner";
import { readRichText } from "./rich-text";

export function parseSharedStrings(text: string, part: string, deadline?: Deadline): string[] {
  const sc = new XmlScanner(text, part, deadline);
  const out: string[] = [];
  for (;;) {
    const k = sc.next();
    if (k === EOF) break;
    if (k === START && sc.local === "si" && sc.depth === 2) out.push(readRichText(sc));
  }
  return out;
}
