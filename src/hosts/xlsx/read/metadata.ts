// Our template metadata, stored as custom document properties (docProps/custom.xml) named "chitieu.*".
// Custom properties survive a save in Excel and LibreOffice, unlike most other places we could hide it.

import { metadataFrom } from "../../../core/metadata";
import type { TemplateMetadata } from "../../../core/snapshot";
import type { Deadline } from "../limits";
import type { XlsxPackage } from "../package";
import { childrenNamed, parseXmlTree } from "../xml/tree";
import { readRelationships, relTypeIs } from "./relationships";

/** All custom properties as text, by name (NFC). */
export function readCustomProperties(pkg: XlsxPackage, deadline?: Deadline): Map<string, string> {
  // Strict spells the type "customProperties"
  const rel = readRelationships(pkg, "", deadline).find((r) => (relTypeIs(r, "custom-properties") || relTypeIs(r, "customProperties")) && !r.external);
  const part = rel?.target ?? "docProps/custom.xml";
  const text = pkg.text(part);
  const props = new Map<string, string>();
  if (text === undefined) return props;
  const root = parseXmlTree(text, part, deadline);
  for (const p of childrenNamed(root, "property")) {
    const name = p.attrs.name;
    const valueEl = p.children[0];
    if (name === undefined || valueEl === undefined) continue;
    props.set(name.normalize("NFC"), valueEl.text.trim().normalize("NFC"));
  }
  return props;
}

export function readTemplateMetadata(pkg: XlsxPackage, deadline?: Deadline): TemplateMetadata | null {
  const props = readCustomProperties(pkg, deadline);
  return metadataFrom((name) => props.get(name));
}
