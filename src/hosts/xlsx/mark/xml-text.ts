// Just enough XML scanning to find where to insert or cut whole elements in the original text.
// We never re-serialise a part: every edit is a splice into the text the file already holds.

import { HighlightError } from "./errors";

const utf8Decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf8Encoder = new TextEncoder();

/**
 * Decodes a part we are about to edit, keeping a byte-order mark if there is one.
 * Refuses text that would not re-encode to the same bytes (another encoding, invalid UTF-8).
 */
export function decodePart(name: string, bytes: Uint8Array): string {
  let text: string;
  try {
    text = utf8Decoder.decode(bytes);
  } catch (cause) {
    throw unsupportedEncoding(name, cause);
  }
  const again = utf8Encoder.encode(text);
  if (!sameBytes(again, bytes)) throw unsupportedEncoding(name);
  return text;
}

export function encodePart(text: string): Uint8Array {
  return utf8Encoder.encode(text);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function unsupportedEncoding(name: string, cause?: unknown): HighlightError {
  return new HighlightError(
    "unsupported-encoding",
    {
      vi: `Phần "${name}" của tệp không được mã hóa UTF-8 nên không thể đánh dấu mà giữ nguyên tệp.`,
      en: `Part "${name}" is not UTF-8 encoded, so it cannot be marked without changing the file.`,
    },
    cause,
  );
}

// characters XML 1.0 forbids even escaped: a note quoting a cell that held one (read from "&#1;") must not carry it
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(s: string): string {
  return s.replace(FORBIDDEN_IN_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, ent: string) => {
    if (ent === "amp") return "&";
    if (ent === "lt") return "<";
    if (ent === "gt") return ">";
    if (ent === "quot") return '"';
    if (ent === "apos") return "'";
    const code = ent.startsWith("#x") ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

export interface Tag {
  kind: "start" | "end" | "empty";
  /** Qualified name as written, e.g. "x:worksheet". */
  qname: string;
  /** Index of "<". */
  start: number;
  /** Index just after ">". */
  end: number;
}

export function localName(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? qname : qname.slice(colon + 1);
}

export function prefixOf(qname: string): string {
  const colon = qname.indexOf(":");
  return colon < 0 ? "" : qname.slice(0, colon);
}

/** Element tags in document order; comments, processing instructions, CDATA and DOCTYPE are skipped. */
export function* tags(text: string, from = 0): Generator<Tag> {
  let i = text.indexOf("<", from);
  while (i >= 0 && i < text.length) {
    if (text.startsWith("<!--", i)) {
      i = skipTo(text, "-->", i);
    } else if (text.startsWith("<![CDATA[", i)) {
      i = skipTo(text, "]]>", i);
    } else if (text.startsWith("<?", i)) {
      i = skipTo(text, "?>", i);
    } else if (text.startsWith("<!", i)) {
      i = skipDeclaration(text, i);
    } else {
      const end = tagEnd(text, i);
      const isEnd = text[i + 1] === "/";
      const nameStart = isEnd ? i + 2 : i + 1;
      let nameEnd = nameStart;
      while (nameEnd < end && !/[\s/>]/.test(text[nameEnd] ?? ">")) nameEnd++;
      const qname = text.slice(nameStart, nameEnd);
      const kind = isEnd ? "end" : text[end - 2] === "/" ? "empty" : "start";
      yield { kind, qname, start: i, end };
      i = end;
    }
    i = text.indexOf("<", i);
  }
}

function skipTo(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from);
  if (at < 0) throw malformed();
  return at + terminator.length;
}

function skipDeclaration(text: string, from: number): number {
  // <!DOCTYPE ...> may hold an internal subset in [...]; openPackage refuses entities, this only has to be safe.
  let depth = 0;
  for (let i = from + 2; i < text.length; i++) {
    const ch = text[i];
    if (ch === "[") depth++;
    else if (ch === "]") depth--;
    else if (ch === ">" && depth <= 0) return i + 1;
  }
  throw malformed();
}

/** Index after the ">" that closes the tag opened at `from`; ">" inside quoted attribute values does not count. */
function tagEnd(text: string, from: number): number {
  let quote = "";
  for (let i = from + 1; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === ">") {
      return i + 1;
    }
  }
  throw malformed();
}

function malformed(): HighlightError {
  return new HighlightError("malformed-xml", {
    vi: "Một phần XML của tệp bị hỏng (thẻ không đóng).",
    en: "An XML part of the file is malformed (unclosed tag).",
  });
}

/** Attributes of one start or empty tag, by qualified name, values unescaped. */
export function attributes(text: string, tag: Tag): Map<string, string> {
  const source = text.slice(tag.start, tag.end);
  const out = new Map<string, string>();
  const re = /([^\s=/<>"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  // skip the element name itself
  re.lastIndex = 1 + tag.qname.length;
  while ((m = re.exec(source))) out.set(m[1] ?? "", unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
}

/** Namespace declarations made on one tag: prefix ("" for the default namespace) → URI. */
export function namespaceDeclarations(attrs: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of attrs) {
    if (name === "xmlns") out.set("", value);
    else if (name.startsWith("xmlns:")) out.set(name.slice(6), value);
  }
  return out;
}

export interface Element {
  qname: string;
  local: string;
  /** Index of the start tag's "<". */
  start: number;
  /** Index just after the end tag (or the empty tag). */
  end: number;
  startTag: Tag;
}

export interface Root extends Element {
  /** Prefix the root element is written with ("" when it uses the default namespace). */
  prefix: string;
  /** Namespace URI of the root element. */
  namespace: string;
  declarations: Map<string, string>;
  /** Children, in order, with their spans; empty for an empty root. */
  children: Element[];
  /** Index of the root's end tag "<" (or of its empty tag's "/>"). */
  closeStart: number;
  selfClosing: boolean;
}

/** The root element and its direct children. */
export function readRoot(text: string): Root {
  const stack: Array<{ tag: Tag }> = [];
  let root: Root | undefined;
  for (const tag of tags(text)) {
    if (!root) {
      if (tag.kind === "end") throw malformed();
      const attrs = attributes(text, tag);
      const declarations = namespaceDeclarations(attrs);
      const prefix = prefixOf(tag.qname);
      root = {
        qname: tag.qname,
        local: localName(tag.qname),
        start: tag.start,
        end: tag.end,
        startTag: tag,
        prefix,
        namespace: declarations.get(prefix) ?? "",
        declarations,
        children: [],
        closeStart: tag.end - 2,
        selfClosing: tag.kind === "empty",
      };
      if (tag.kind === "empty") return root;
      continue;
    }
    if (tag.kind === "start") {
      stack.push({ tag });
    } else if (tag.kind === "empty") {
      if (stack.length === 0) root.children.push(element(tag, tag.end));
    } else {
      const open = stack.pop();
      if (!open) {
        if (tag.qname !== root.qname) throw malformed();
        root.closeStart = tag.start;
        root.end = tag.end;
        return root;
      }
      if (open.tag.qname !== tag.qname) throw malformed();
      if (stack.length === 0) root.children.push(element(open.tag, tag.end));
    }
  }
  throw malformed();
}

function element(tag: Tag, end: number): Element {
  return { qname: tag.qname, local: localName(tag.qname), start: tag.start, end, startTag: tag };
}

/** Direct children of an element whose span is known (start tag → end). */
export function childrenOf(text: string, parent: Element): Element[] {
  if (parent.startTag.kind === "empty") return [];
  const out: Element[] = [];
  const stack: Tag[] = [];
  for (const tag of tags(text, parent.startTag.end)) {
    if (tag.start >= parent.end) break;
    if (tag.kind === "start") stack.push(tag);
    else if (tag.kind === "empty") {
      if (stack.length === 0) out.push(element(tag, tag.end));
    } else {
      const open = stack.pop();
      if (!open) break; // the parent's own end tag
      if (stack.length === 0) out.push(element(open, tag.end));
    }
  }
  return out;
}

/** qname for a main-namespace element written with the part's own prefix. */
export function qualify(prefix: string, local: string): string {
  return prefix ? `${prefix}:${local}` : local;
}

export interface Splice {
  at: number;
  /** Characters removed from `at`. */
  remove: number;
  insert: string;
}

/** Applies non-overlapping splices given against the original text. */
export function applySplices(text: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.at - b.at);
  let out = "";
  let cursor = 0;
  for (const s of sorted) {
    if (s.at < cursor) throw new Error("overlapping splices");
    out += text.slice(cursor, s.at) + s.insert;
    cursor = s.at + s.remove;
  }
  return out + text.slice(cursor);
}
