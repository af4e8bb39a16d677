// Package relationships: which part a workbook or sheet points at.

import type { XlsxPackage } from "../package";
import type { Deadline } from "../limits";
import { relsPartName, resolveTarget } from "../part-names";
import { parseXmlTree } from "../xml/tree";

export interface Relationship {
  id: string;
  /** Type URI; compare with relTypeIs, since strict OOXML uses other URIs than transitional. */
  type: string;
  /** Resolved part name inside the package (no leading slash), or the raw target when external. */
  target: string;
  external: boolean;
}

/** Transitional ".../officeDocument/2006/relationships/worksheet" and strict ".../relationships/worksheet" both end with the kind. */
export function relTypeIs(rel: Relationship, kind: string): boolean {
  return rel.type.endsWith(`/${kind}`);
}

/** Relationships of a part; an absent .rels part means none. */
export function readRelationships(pkg: XlsxPackage, sourcePart: string, deadline?: Deadline): Relationship[] {
  const path = relsPartName(sourcePart);
  const text = pkg.text(path);
  if (text === undefined) return [];
  const root = parseXmlTree(text, path, deadline);
  return root.children
    .filter((c) => c.name === "Relationship")
    .map((c) => {
      const external = c.attrs.TargetMode === "External";
      const target = c.attrs.Target ?? "";
      return { id: c.attrs.Id ?? "", type: c.attrs.Type ?? "", target: external ? target : resolveTarget(sourcePart, target), external };
    });
}
