// Removes exactly what applyHighlights added, restoring every part byte for byte.

import { openPackage, savePackage } from "../package";
import { EMPTY_RELS_SHELL_HEAD, EMPTY_RELS_SHELL_TAIL, readRelationships, relsPartName, resolveTarget } from "./opc";
import { OUR_DXF_EXT_URI, OUR_PART_PATTERN, OUR_REL_ID, OUR_REL_ID_PREFIX } from "./ours";
import { PartView } from "./part-view";
import { removeOurLegacyDrawing } from "./notes";
import { removeOurRules } from "./sheet-cf";
import { removeFromComments, removeFromVml, VML_BEGIN } from "./shared-notes";
import { hasOurDxfs, removeOurDxfs } from "./styles-dxfs";
import { readWorkbook } from "./workbook";
import { applySplices, attributes, readRoot, type Splice } from "./xml-text";

/** Text every part we touch carries once we have marked it. */
const OUR_TRACE = "chitieu-cds";

export function clearHighlights(bytes: Uint8Array): Uint8Array {
  const pkg = openPackage(bytes);
  const view = new PartView(pkg);
  clearOurs(view);
  const changes = view.changes();
  return changes.size === 0 ? bytes.slice() : savePackage(pkg, changes);
}

export function hasHighlights(bytes: Uint8Array): boolean {
  const view = new PartView(openPackage(bytes));
  const info = readWorkbook(view);
  if (info.relationships.some((r) => r.id.startsWith(OUR_REL_ID_PREFIX))) return true;
  if (info.stylesPart && view.mentions(info.stylesPart, OUR_DXF_EXT_URI)) return true;
  return info.sheets.some((s) => {
    if (s.kind !== "worksheet" || !s.part || !view.mentions(s.part, OUR_TRACE)) return false;
    const text = view.requireText(s.part);
    return removeOurRules(text, readRoot(text)).length > 0;
  });
}

/** Edits the view in place; a package without our marks comes out unchanged. */
export function clearOurs(view: PartView): void {
  const info = readWorkbook(view);
  const deleted: string[] = [];
  for (const sheet of info.sheets) {
    if (sheet.kind !== "worksheet" || !sheet.part) continue;
    if (view.mentions(sheet.part, OUR_REL_ID_PREFIX) || view.mentions(sheet.part, OUR_TRACE)) {
      const text = view.requireText(sheet.part);
      const root = readRoot(text);
      const splices = [...removeOurRules(text, root), ...removeOurLegacyDrawing(text, root)];
      if (splices.length > 0) view.setText(sheet.part, applySplices(text, splices));
    }
    removeOurNotesFromTheirs(view, sheet.part);
    removeOurRelationships(view, sheet.part, deleted);
  }
  removeOurRelationships(view, info.workbookPart, deleted);
  if (info.stylesPart && view.mentions(info.stylesPart, OUR_DXF_EXT_URI)) {
    const styles = view.requireText(info.stylesPart);
    if (hasOurDxfs(styles)) view.setText(info.stylesPart, removeOurDxfs(styles));
  }
  removeOverrides(view, deleted);
}

/** Our shapes in their VML drawing, and our author and notes in their comments part (added together, cut together). */
function removeOurNotesFromTheirs(view: PartView, sheetPart: string): void {
  const relsPart = relsPartName(sheetPart);
  if (!view.has(relsPart)) return;
  const rels = readRelationships(view.requireText(relsPart)).filter((r) => !r.external && !r.id.startsWith(OUR_REL_ID_PREFIX));
  const targets = (type: string) => rels.filter((r) => r.type.endsWith(type)).map((r) => view.resolve(resolveTarget(sheetPart, r.target)));
  const drawings = targets("/vmlDrawing").filter((p): p is string => p !== undefined && view.mentions(p, VML_BEGIN));
  if (drawings.length === 0) return;
  for (const vml of drawings) view.setText(vml, removeFromVml(view.requireText(vml)));
  for (const comments of targets("/comments")) {
    if (comments) view.setText(comments, removeFromComments(view.requireText(comments)));
  }
}

function removeOurRelationships(view: PartView, sourcePart: string, deleted: string[]): void {
  const relsPart = relsPartName(sourcePart);
  if (!view.mentions(relsPart, OUR_REL_ID_PREFIX)) return;
  const text = view.requireText(relsPart);
  const ours = readRelationships(text).filter((r) => r.id.startsWith(OUR_REL_ID_PREFIX));
  const splices: Splice[] = [];
  for (const rel of ours) {
    splices.push({ at: rel.start, remove: rel.end - rel.start, insert: "" });
    const target = view.resolve(resolveTarget(sourcePart, rel.target));
    if (!target) continue;
    const ourPart = OUR_PART_PATTERN.test(target) || (rel.id === OUR_REL_ID.styles && (view.text(target) ?? "").includes(OUR_DXF_EXT_URI));
    if (ourPart) {
      view.delete(target);
      deleted.push(target);
    }
  }
  const remaining = applySplices(text, splices);
  if (remaining === EMPTY_RELS_SHELL_HEAD + EMPTY_RELS_SHELL_TAIL) {
    view.delete(relsPart);
    deleted.push(relsPart);
  } else {
    view.setText(relsPart, remaining);
  }
}

function removeOverrides(view: PartView, deleted: readonly string[]): void {
  if (deleted.length === 0) return;
  const gone = new Set(deleted.map((n) => n.toLowerCase()));
  const text = view.requireText("[Content_Types].xml");
  const root = readRoot(text);
  const splices = root.children
    .filter((c) => c.local === "Override")
    .filter((c) => gone.has((attributes(text, c.startTag).get("PartName") ?? "").replace(/^\//, "").toLowerCase()))
    .map((c) => ({ at: c.start, remove: c.end - c.start, insert: "" }));
  if (splices.length > 0) view.setText("[Content_Types].xml", applySplices(text, splices));
}
