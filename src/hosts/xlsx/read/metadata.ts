// Our template metadata, stored as custom document properties (docProps/custom.xml) named "chitieu.*".
// Custom properties survive a save in Excel and LibreOffice, unlike most other places we could hide it.

import type { TemplateMetadata } from "../../../core/snapshot";
import type { Deadline } from "../limits";
import type { XlsxPackage } from "../package";
import { childrenNamed, parseXmlTree } from "../xml/tree";
import { readRelationships, relTypeIs } from "./relationships";

export const METADATA_PREFIX = "chitieu.";

const LEVELS: ReadonlySet<string> = new Set(["province", "district", "commune"]);

/** All custom properties as text, by name (NFC). */
export function readCustomProperties(pkg: XlsxPackage, deadline?: Deadline): Map<string, string> {
  const rel = readRelationships(pkg, "", deadline).find((r) => relTypeIs(r, "custom-properties") && !r.external);
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

/** TemplateMetadata when every field is present and valid; null otherwise (a workbook that is not our template). */
export function templateMetadataFrom(props: Map<string, string>): TemplateMetadata | null {
  const get = (k: string) => props.get(METADATA_PREFIX + k);
  const templateVersion = get("templateVersion");
  const catalogId = get("catalogId");
  const catalogVersion = get("catalogVersion");
  const unitCode = get("unitCode");
  const level = get("level");
  const yearText = get("year");
  const sheet = get("sheet");
  if (!templateVersion || !catalogId || !catalogVersion || !unitCode || !sheet || !level || !yearText) return null;
  if (!LEVELS.has(level)) return null;
  if (!/^\d{4}(\.0+)?$/.test(yearText)) return null;
  return {
    templateVersion,
    catalogId,
    catalogVersion,
    unitCode,
    level: level as TemplateMetadata["level"],
    year: Number(yearText),
    sheet,
  };
}

export function readTemplateMetadata(pkg: XlsxPackage, deadline?: Deadline): TemplateMetadata | null {
  return templateMetadataFrom(readCustomProperties(pkg, deadline));
}
