// A small, fast pull scanner over a decoded XML string. It checks what a reader must trust
// (balanced tags, one root, nothing but whitespace around it, valid references) and refuses DTDs.
// Names are compared by local name so any namespace prefix works (x:c, c, ns0:c).

import { msg, type MessageRef } from "../../../core/messages";
import { type Deadline, NO_DEADLINE } from "../limits";
import { decodeEntities } from "./entities";
import { malformedXml, xmlEntitiesRefused } from "./errors";

export const START = 1;
export const END = 2;
export const TEXT = 3;
export const EOF = 4;
export type TokenKind = typeof START | typeof END | typeof TEXT | typeof EOF;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

const DTD_PATTERN = /<!(DOCTYPE|ENTITY)/i;

export class XmlScanner {
  /** Local name of the current START or END element. */
  local = "";
  selfClosing = false;
  private pos = 0;
  private attrFrom = 0;
  private attrTo = 0;
  private textFrom = 0;
  private textTo = 0;
  private cdata = false;
  private pendingEnd = false;
  private readonly stack: string[] = [];
  private rootClosed = false;
  private rootSeen = false;
  private tokens = 0;

  readonly src: string;

  constructor(
    src: string,
    readonly part: string,
    private readonly deadline: Deadline = NO_DEADLINE,
  ) {
    // XML end-of-line handling (XML 1.0 §2.11): CR LF and lone CR read as LF. Encoded &#13; / _x000D_ survive.
    this.src = src.indexOf("\r") >= 0 ? src.replace(/\r\n?/g, "\n") : src;
    // Cheap and decisive: OOXML never needs a DTD, and entity bombs need one.
    const head = src.indexOf("<!");
    if (head >= 0 && DTD_PATTERN.test(this.src)) throw xmlEntitiesRefused(part);
  }

  get depth(): number {
    return this.stack.length;
  }

  /** Refuses the part as malformed XML; `what` is one of the catalog's `xml.*` messages. */
  fail(what: MessageRef, at = this.pos): never {
    throw malformedXml(this.part, this.src, at, what);
  }

  next(): TokenKind {
    if ((++this.tokens & 0x3fff) === 0) this.deadline.check();
    if (this.pendingEnd) {
      this.pendingEnd = false;
      this.selfClosing = true;
      this.stack.pop();
      if (this.stack.length === 0) this.rootClosed = true;
      return END;
    }
    const s = this.src;
    for (;;) {
      const pos = this.pos;
      if (pos >= s.length) {
        if (this.stack.length > 0) this.fail(msg("xml.ends-before", { tag: this.stack[this.stack.length - 1]! }));
        if (!this.rootSeen) this.fail(msg("xml.no-root"));
        return EOF;
      }
      const lt = s.indexOf("<", pos);
      if (lt !== pos) {
        const end = lt < 0 ? s.length : lt;
        if (this.stack.length === 0) {
          for (let i = pos; i < end; i++) {
            const c = s.charCodeAt(i);
            if (!isSpace(c) && !(i === 0 && c === 0xfeff)) this.fail(msg("xml.text-outside-root"), i);
          }
          this.pos = end;
          continue;
        }
        this.textFrom = pos;
        this.textTo = end;
        this.cdata = false;
        this.pos = end;
        return TEXT;
      }
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 63 /* ? */) {
        const e = s.indexOf("?>", lt + 2);
        if (e < 0) this.fail(msg("xml.unterminated-pi"), lt);
        this.pos = e + 2;
        continue;
      }
      if (c1 === 33 /* ! */) {
        if (s.startsWith("<!--", lt)) {
          const e = s.indexOf("-->", lt + 4);
          if (e < 0) this.fail(msg("xml.unterminated-comment"), lt);
          this.pos = e + 3;
          continue;
        }
        if (s.startsWith("<![CDATA[", lt)) {
          if (this.stack.length === 0) this.fail(msg("xml.cdata-outside-root"), lt);
          const e = s.indexOf("]]>", lt + 9);
          if (e < 0) this.fail(msg("xml.unterminated-cdata"), lt);
          this.textFrom = lt + 9;
          this.textTo = e;
          this.cdata = true;
          this.pos = e + 3;
          return TEXT;
        }
        this.fail(msg("xml.markup-declaration"), lt);
      }
      if (c1 === 47 /* / */) {
        const gt = s.indexOf(">", lt + 2);
        if (gt < 0) this.fail(msg("xml.unterminated-end-tag"), lt);
        let nameEnd = gt;
        while (nameEnd > lt + 2 && isSpace(s.charCodeAt(nameEnd - 1))) nameEnd--;
        const qname = s.slice(lt + 2, nameEnd);
        const open = this.stack.pop();
        if (open !== qname) {
          this.fail(open === undefined ? msg("xml.unexpected-end-tag", { tag: qname }) : msg("xml.mismatched-end-tag", { tag: qname, open }), lt);
        }
        if (this.stack.length === 0) this.rootClosed = true;
        const colon = qname.indexOf(":");
        this.local = colon < 0 ? qname : qname.slice(colon + 1);
        this.selfClosing = false;
        this.pos = gt + 1;
        return END;
      }
      // start tag
      let i = lt + 1;
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (isSpace(c) || c === 62 /* > */ || c === 47 /* / */) break;
        if (c === 60 /* < */) this.fail(msg("xml.lt-in-tag"), i);
      }
      if (i === lt + 1) this.fail(msg("xml.lt-starts-no-tag"), lt);
      const qname = s.slice(lt + 1, i);
      // find the end of the tag, honouring quotes ('>' may appear inside attribute values)
      const attrFrom = i;
      let quote = 0;
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (quote) {
          if (c === quote) quote = 0;
          else if (c === 60) this.fail(msg("xml.lt-in-attribute"), i);
        } else if (c === 34 || c === 39) quote = c;
        else if (c === 62) break;
        else if (c === 60) this.fail(msg("xml.lt-in-tag"), i);
      }
      if (i >= s.length) this.fail(msg("xml.unterminated-tag", { tag: qname }), lt);
      const selfClosing = s.charCodeAt(i - 1) === 47;
      if (this.rootClosed) this.fail(msg("xml.second-root"), lt);
      this.rootSeen = true;
      this.attrFrom = attrFrom;
      this.attrTo = selfClosing ? i - 1 : i;
      this.pos = i + 1;
      const colon = qname.indexOf(":");
      this.local = colon < 0 ? qname : qname.slice(colon + 1);
      this.selfClosing = selfClosing;
      this.stack.push(qname);
      if (selfClosing) this.pendingEnd = true;
      return START;
    }
  }

  /** Raw text of the current TEXT token, entities decoded. */
  text(): string {
    const raw = this.src.slice(this.textFrom, this.textTo);
    if (this.cdata) return raw;
    const t = decodeEntities(raw);
    if (t === null) this.fail(msg("xml.bad-entity"), this.textFrom);
    return t;
  }

  /** Value of the attribute with this local name on the current START tag, entities decoded. */
  attr(localName: string): string | undefined {
    const s = this.src;
    let i = this.attrFrom;
    const end = this.attrTo;
    while (i < end) {
      while (i < end && isSpace(s.charCodeAt(i))) i++;
      if (i >= end) break;
      const nameFrom = i;
      while (i < end && s.charCodeAt(i) !== 61 /* = */ && !isSpace(s.charCodeAt(i))) i++;
      const nameTo = i;
      while (i < end && isSpace(s.charCodeAt(i))) i++;
      if (s.charCodeAt(i) !== 61) this.fail(msg("xml.attribute-without-value"), nameFrom);
      i++;
      while (i < end && isSpace(s.charCodeAt(i))) i++;
      const q = s.charCodeAt(i);
      if (q !== 34 && q !== 39) this.fail(msg("xml.attribute-without-quotes"), i);
      const close = s.indexOf(q === 34 ? '"' : "'", i + 1);
      if (close < 0 || close > end) this.fail(msg("xml.unterminated-attribute"), i);
      if (matchesLocal(s, nameFrom, nameTo, localName) && !s.startsWith("xmlns", nameFrom)) {
        const raw = s.slice(i + 1, close);
        const v = decodeEntities(raw);
        if (v === null) this.fail(msg("xml.bad-entity"), i);
        return v;
      }
      i = close + 1;
    }
    return undefined;
  }

  /** All attributes of the current START tag by local name (namespace declarations left out). */
  attributes(): Record<string, string> {
    const out: Record<string, string> = {};
    const s = this.src;
    const re = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
    re.lastIndex = 0;
    const region = s.slice(this.attrFrom, this.attrTo);
    let m: RegExpExecArray | null;
    while ((m = re.exec(region))) {
      const qname = m[1]!;
      if (qname === "xmlns" || qname.startsWith("xmlns:")) continue;
      const colon = qname.indexOf(":");
      const local = colon < 0 ? qname : qname.slice(colon + 1);
      const v = decodeEntities(m[3] ?? m[4] ?? "");
      if (v === null) this.fail(msg("xml.bad-entity"), this.attrFrom + m.index);
      if (!(local in out)) out[local] = v;
    }
    return out;
  }

  /** Skips the rest of the current element (call right after its START). */
  skipElement(): void {
    const target = this.stack.length - 1;
    if (this.pendingEnd) {
      this.next();
      return;
    }
    while (this.stack.length > target) {
      if (this.next() === EOF) return;
    }
  }

  /** Concatenated text inside the current element (call right after its START); consumes its END. */
  readText(): string {
    if (this.pendingEnd) {
      this.next();
      return "";
    }
    const target = this.stack.length - 1;
    let out = "";
    for (;;) {
      const k = this.next();
      if (k === TEXT) out += this.text();
      else if (k === END && this.stack.length === target) return out;
      else if (k === EOF) return out;
    }
  }
}

function matchesLocal(s: string, from: number, to: number, local: string): boolean {
  const n = local.length;
  if (to - from < n) return false;
  if (to - from > n && s.charCodeAt(to - n - 1) !== 58 /* : */) return false;
  return s.startsWith(local, to - n);
}
