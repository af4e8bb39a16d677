// The package as we edit it: original parts, overlaid with our changes, handed to savePackage at the end.

import { ChitieuError } from "../../../core/errors";
import type { XlsxPackage } from "../package";
import { decodePart, encodePart, sameBytes } from "./xml-text";

const latin1 = new TextDecoder("latin1");

export class PartView {
  private readonly edited = new Map<string, string | null>();
  private readonly decoded = new Map<string, string>();
  private readonly byLower = new Map<string, string>();

  constructor(readonly pkg: XlsxPackage) {
    for (const n of pkg.names) if (!this.byLower.has(n.toLowerCase())) this.byLower.set(n.toLowerCase(), n);
  }

  /** The stored name of a part (OPC names ignore case), or undefined if it does not exist now. */
  resolve(name: string): string | undefined {
    const lower = (name.startsWith("/") ? name.slice(1) : name).toLowerCase();
    const original = this.byLower.get(lower);
    const key = original ?? [...this.edited.keys()].find((k) => k.toLowerCase() === lower);
    if (key !== undefined && this.edited.has(key)) return this.edited.get(key) === null ? undefined : key;
    return original;
  }

  has(name: string): boolean {
    return this.resolve(name) !== undefined;
  }

  names(): string[] {
    const out = this.pkg.names.filter((n) => this.edited.get(n) !== null);
    for (const [n, v] of this.edited) if (v !== null && !out.includes(n)) out.push(n);
    return out;
  }

  /** Text of a part we may edit; refuses non-UTF-8 parts rather than alter their bytes. */
  text(name: string): string | undefined {
    const key = this.resolve(name);
    if (!key) return undefined;
    const edited = this.edited.get(key);
    if (typeof edited === "string") return edited;
    let t = this.decoded.get(key);
    if (t === undefined) {
      t = decodePart(key, this.pkg.get(key) as Uint8Array);
      this.decoded.set(key, t);
    }
    return t;
  }

  /** Whether the part's bytes contain an ASCII needle, without decoding (and so without refusing) the part. */
  mentions(name: string, needle: string): boolean {
    const key = this.resolve(name);
    if (!key) return false;
    const edited = this.edited.get(key);
    if (typeof edited === "string") return edited.includes(needle);
    return latin1.decode(this.pkg.get(key) as Uint8Array).includes(needle);
  }

  requireText(name: string): string {
    const t = this.text(name);
    if (t === undefined) {
      throw new ChitieuError("error.missing-part.referenced", { part: name });
    }
    return t;
  }

  setText(name: string, text: string): void {
    this.edited.set(this.resolve(name) ?? name, text);
  }

  delete(name: string): void {
    const key = this.resolve(name);
    if (key) this.edited.set(key, null);
  }

  /** Only parts whose bytes differ from the original (a part edited back to its original is left alone). */
  changes(): Map<string, Uint8Array | null> {
    const out = new Map<string, Uint8Array | null>();
    for (const [name, v] of this.edited) {
      const original = this.pkg.names.includes(name) ? this.pkg.get(name) : undefined;
      if (v === null) {
        if (original) out.set(name, null);
        continue;
      }
      const bytes = encodePart(v);
      if (!original || !sameBytes(original, bytes)) out.set(name, bytes);
    }
    return out;
  }
}
