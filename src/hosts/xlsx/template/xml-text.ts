// Escaping for the XML we write by hand: text nodes and attribute values.

// characters XML 1.0 forbids even when escaped (control characters other than tab, LF, CR)
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeText(s: string): string {
  return s.normalize("NFC").replace(FORBIDDEN, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

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
