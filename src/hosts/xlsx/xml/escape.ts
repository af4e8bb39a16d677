// Escaping for every piece of XML we write (template parts, and what we splice into a user's file).

// characters XML 1.0 forbids even when escaped (control characters other than tab, LF, CR; U+FFFE, U+FFFF):
// a note or sheet name holding one would make Excel refuse the whole file, so they are dropped
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text content: NFC, forbidden characters dropped, markup escaped. */
export function escapeText(s: string): string {
  return s.normalize("NFC").replace(FORBIDDEN, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An attribute value in double quotes; tab and line breaks as references, since a parser turns them into spaces. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}
