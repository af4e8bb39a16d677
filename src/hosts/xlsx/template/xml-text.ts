// Helpers for the template parts we write whole: attribute lists and the XML declaration.

import { escapeAttr } from "../xml/escape";

/** `name="value"` pairs for the defined entries, in the given order. */
export function attrs(pairs: Record<string, string | number | boolean | undefined | null>): string {
  let out = "";
  for (const [k, v] of Object.entries(pairs)) {
    if (v === undefined || v === null || v === false) continue;
    out += ` ${k}="${escapeAttr(v === true ? "1" : String(v))}"`;
  }
  return out;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
