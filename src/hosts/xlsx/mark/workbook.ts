// Which sheets the workbook has and which part holds each: _rels/.rels → workbook → its relationships.

import { ChitieuError } from "../../../core/errors";
import { namespacesFor, TRANSITIONAL, type Namespaces } from "./conformance";
import { REL_TYPE, readRelationships, relsPartName, resolveTarget, type Relationship } from "./opc";
import type { PartView } from "./part-view";
import { attributes, localName, namespaceDeclarations, prefixOf, readRoot, tags } from "./xml-text";

export interface SheetEntry {
  name: string;
  /** 1-based position in the workbook's sheet list. */
  number: number;
  kind: "worksheet" | "chartsheet" | "dialogsheet" | "other";
  /** Zip entry name of the sheet part; undefined if the relationship is missing. */
  part: string | undefined;
}

export interface WorkbookInfo {
  workbookPart: string;
  workbookRelsPart: string;
  relationships: Relationship[];
  sheets: SheetEntry[];
  /** Zip entry name of styles.xml, if the workbook has one. */
  stylesPart: string | undefined;
  /** Transitional or Strict namespaces, as the workbook part declares them; what we add is written in them. */
  namespaces: Namespaces;
}

export function readWorkbook(view: PartView): WorkbookInfo {
  const rootRels = readRelationships(view.requireText("_rels/.rels"));
  const officeDocument = rootRels.find((r) => r.type.endsWith(REL_TYPE.officeDocument) && !r.external);
  const workbookPart = view.resolve(officeDocument ? resolveTarget("", officeDocument.target) : "xl/workbook.xml");
  if (!workbookPart) throw missing("xl/workbook.xml");
  const workbookText = view.requireText(workbookPart);
  // a workbook in neither namespace is read as transitional: its sheets are simply not found
  const namespaces = namespacesFor(readRoot(workbookText).namespace) ?? TRANSITIONAL;

  const workbookRelsPart = relsPartName(workbookPart);
  const relationships = view.has(workbookRelsPart) ? readRelationships(view.requireText(workbookRelsPart)) : [];
  const byId = new Map(relationships.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  // namespace scopes, so that an r:id written with any prefix (even declared on <sheet> itself) is found
  const scopes: Array<Map<string, string>> = [];
  for (const tag of tags(workbookText)) {
    if (tag.kind === "end") {
      scopes.pop();
      continue;
    }
    const attrs = attributes(workbookText, tag);
    const scope = new Map([...(scopes[scopes.length - 1] ?? new Map<string, string>()), ...namespaceDeclarations(attrs)]);
    if (tag.kind === "start") scopes.push(scope);
    if (localName(tag.qname) !== "sheet" || scope.get(prefixOf(tag.qname)) !== namespaces.main) continue;
    let relId: string | undefined;
    for (const [name, value] of attrs) {
      if (localName(name) === "id" && name.includes(":") && scope.get(prefixOf(name)) === namespaces.relationships) relId = value;
    }
    const rel = relId === undefined ? undefined : byId.get(relId);
    const kind = !rel
      ? "other"
      : rel.type.endsWith("/worksheet")
        ? "worksheet"
        : rel.type.endsWith("/chartsheet")
          ? "chartsheet"
          : rel.type.endsWith("/dialogsheet")
            ? "dialogsheet"
            : "other";
    const part = rel && !rel.external ? view.resolve(resolveTarget(workbookPart, rel.target)) : undefined;
    sheets.push({ name: attrs.get("name") ?? "", number: sheets.length + 1, kind, part });
  }
  const stylesRel = relationships.find((r) => r.type.endsWith(REL_TYPE.styles) && !r.external);
  const stylesPart = stylesRel ? view.resolve(resolveTarget(workbookPart, stylesRel.target)) : undefined;
  return { workbookPart, workbookRelsPart, relationships, sheets, stylesPart, namespaces };
}

/** Finds a sheet by name: exact first, then ignoring case as Excel does. */
export function findSheet(info: WorkbookInfo, name: string): SheetEntry | undefined {
  return (
    info.sheets.find((s) => s.name === name) ??
    info.sheets.find((s) => s.name.toLocaleLowerCase("vi") === name.toLocaleLowerCase("vi"))
  );
}

function missing(part: string): ChitieuError {
  return new ChitieuError("error.missing-part.marking", { part });
}
