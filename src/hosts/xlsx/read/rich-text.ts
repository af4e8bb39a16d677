// The text of a shared string <si> or an inline string <is>: plain <t>, or rich-text runs <r><t> joined.
// Phonetic guides (<rPh>, furigana) are not part of the cell's value and are left out.

import { decodeOoxmlEscapes } from "../xml/entities";
import { END, EOF, START, TEXT, type XmlScanner } from "../xml/scanner";

/** Call right after the START of <si> or <is>; consumes through its END. Returns NFC text. */
export function readRichText(sc: XmlScanner): string {
  if (sc.selfClosing) {
    sc.next();
    return "";
  }
  const base = sc.depth; // depth with <si>/<is> open
  let out = "";
  let inT = false;
  let phoneticDepth = 0;
  for (;;) {
    const k = sc.next();
    if (k === START) {
      if (sc.local === "rPh" && phoneticDepth === 0) phoneticDepth = sc.depth;
      else if (sc.local === "t" && phoneticDepth === 0) inT = true;
    } else if (k === END) {
      if (sc.depth < base) break;
      if (phoneticDepth && sc.depth < phoneticDepth) phoneticDepth = 0;
      if (sc.local === "t") inT = false;
    } else if (k === TEXT) {
      if (inT) out += sc.text();
    } else if (k === EOF) break;
  }
  return decodeOoxmlEscapes(out).normalize("NFC");
}
