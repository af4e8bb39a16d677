// Errors raised while scanning XML parts, pointing at the part and line so a user can report them precisely.

import { ChitieuError } from "../../../core/errors";
import type { MessageRef } from "../../../core/messages";

export function lineAt(src: string, pos: number): number {
  let line = 1;
  for (let i = src.indexOf("\n"); i >= 0 && i < pos; i = src.indexOf("\n", i + 1)) line++;
  return line;
}

/** `what` is one of the catalog's `xml.*` messages. */
export function malformedXml(part: string, src: string, pos: number, what: MessageRef): ChitieuError {
  return new ChitieuError("error.malformed-xml", { part, line: lineAt(src, pos), what });
}

export function xmlEntitiesRefused(part: string): ChitieuError {
  return new ChitieuError("error.xml-entities", { part });
}
