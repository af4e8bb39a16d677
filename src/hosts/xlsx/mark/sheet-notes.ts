// Decides where one sheet's notes go: parts of our own when the sheet has no notes, else inside its own notes parts.

import { ChitieuError } from "../../../core/errors";
import { relationshipType, type Namespaces } from "./conformance";
import { commentsXml, insertLegacyDrawing, vmlXml, type Note } from "./notes";
import {
  CONTENT_TYPE,
  EMPTY_RELS_SHELL_HEAD,
  EMPTY_RELS_SHELL_TAIL,
  appendToRoot,
  overrideXml,
  readRelationships,
  relationshipXml,
  relativeTarget,
  relsPartName,
  resolveTarget,
} from "./opc";
import { OUR_REL_ID, ourNotesPart, ourVmlPart } from "./ours";
import type { PartView } from "./part-view";
import { appendToComments, appendToVml, notedCells } from "./shared-notes";
import { applySplices, attributes, readRoot, type Root, type Splice } from "./xml-text";

export interface SheetNotes {
  /** Cells that received our note. */
  noted: string[];
  /** idmap blocks taken by our shapes. */
  blocks: number;
  /** The sheet's notes parts could not be extended reversibly: colours only on this sheet. */
  skipped: boolean;
  /** Splice adding our <legacyDrawing> to the sheet, when the sheet had none. */
  sheetSplice?: Splice;
}

export interface SheetRef {
  part: string;
  number: number;
}

/** The sheet's own comments part and VML drawing, as the sheet's relationships name them. */
export function theirNotesParts(view: PartView, sheetPart: string, root: Root, sheetText: string): { comments?: string; vml?: string; legacy: boolean; broken: boolean } {
  const relsText = view.text(relsPartName(sheetPart));
  const rels = relsText === undefined ? [] : readRelationships(relsText);
  const resolve = (target: string) => view.resolve(resolveTarget(sheetPart, target));
  const commentsRel = rels.find((r) => r.type.endsWith("/comments") && !r.external && !r.id.startsWith(OUR_REL_ID.notes));
  const legacy = root.children.find((c) => c.local === "legacyDrawing");
  let vml: string | undefined;
  let broken = false;
  if (legacy) {
    const id = [...attributes(sheetText, legacy.startTag)].find(([name]) => name === "id" || name.endsWith(":id"))?.[1];
    const rel = rels.find((r) => r.id === id && !r.external);
    vml = rel ? resolve(rel.target) : undefined;
    if (!vml) broken = true;
  }
  const comments = commentsRel ? resolve(commentsRel.target) : undefined;
  if (commentsRel && !comments) broken = true;
  return { comments, vml, legacy: legacy !== undefined, broken };
}

export function addSheetNotes(
  view: PartView,
  sheet: SheetRef,
  sheetText: string,
  root: Root,
  notes: readonly Note[],
  firstBlock: number,
  overrides: string[],
  ns: Namespaces,
): SheetNotes {
  const theirs = theirNotesParts(view, sheet.part, root, sheetText);
  if (!theirs.legacy && !theirs.comments) return ownParts(view, sheet, root, notes, firstBlock, overrides, ns);
  const skipped: SheetNotes = { noted: [], blocks: 0, skipped: true };
  // notes without a drawing to show them, or a relationship pointing nowhere: nothing we could add would display
  if (theirs.broken || !theirs.vml) return skipped;
  let commentsText: string | undefined;
  let vmlText: string;
  try {
    commentsText = theirs.comments ? view.requireText(theirs.comments) : undefined;
    vmlText = view.requireText(theirs.vml);
  } catch (e) {
    // not UTF-8, or damaged: leave their notes exactly as they are
    if (e instanceof ChitieuError && (e.code === "unsupported-encoding" || e.code === "malformed-xml" || e.code === "missing-part")) return skipped;
    throw e;
  }
  const taken = commentsText === undefined ? new Set<string>() : notedCells(commentsText);
  const free = notes.filter((n) => !taken.has(n.cell));
  if (free.length === 0) return { noted: [], blocks: 0, skipped: false };
  const vml = appendToVml(vmlText, free, firstBlock);
  if (!vml) return skipped;
  if (commentsText !== undefined && theirs.comments) {
    const comments = appendToComments(commentsText, free);
    if (comments === undefined) return skipped;
    view.setText(theirs.comments, comments);
  } else {
    // a drawing of theirs (form controls, say) but no notes: our comments part, their drawing
    const relsPart = relsPartName(sheet.part);
    const relsText = view.requireText(relsPart);
    const edit = appendToRoot(relsText, "");
    if (!edit) return skipped;
    const rel = relationshipXml(edit.prefix, OUR_REL_ID.notes, relationshipType(ns, "comments"), relativeTarget(sheet.part, ourNotesPart(sheet.number)));
    view.setText(relsPart, applySplices(relsText, [{ ...edit.splice, insert: rel }]));
    view.setText(ourNotesPart(sheet.number), commentsXml(free, ns.main));
    overrides.push(overrideXml("", ourNotesPart(sheet.number), CONTENT_TYPE.comments));
  }
  view.setText(theirs.vml, vml.text);
  return { noted: free.map((n) => n.cell), blocks: vml.blocks, skipped: false };
}

/** A sheet without notes: our own comments part and VML drawing, tied to the sheet by our <legacyDrawing>. */
function ownParts(view: PartView, sheet: SheetRef, root: Root, notes: readonly Note[], firstBlock: number, overrides: string[], ns: Namespaces): SheetNotes {
  const relsPart = relsPartName(sheet.part);
  const relsText = view.text(relsPart);
  const relsXml = (p: string) =>
    relationshipXml(p, OUR_REL_ID.notes, relationshipType(ns, "comments"), relativeTarget(sheet.part, ourNotesPart(sheet.number))) +
    relationshipXml(p, OUR_REL_ID.vml, relationshipType(ns, "vmlDrawing"), relativeTarget(sheet.part, ourVmlPart(sheet.number)));
  const relsEdit = relsText === undefined ? undefined : appendToRoot(relsText, "");
  if (relsText !== undefined && !relsEdit) return { noted: [], blocks: 0, skipped: true };
  if (relsText === undefined || !relsEdit) {
    view.setText(relsPart, EMPTY_RELS_SHELL_HEAD + relsXml("") + EMPTY_RELS_SHELL_TAIL);
    if (!hasRelsDefault(view)) overrides.push(overrideXml("", relsPart, "application/vnd.openxmlformats-package.relationships+xml"));
  } else {
    view.setText(relsPart, applySplices(relsText, [{ ...relsEdit.splice, insert: relsXml(relsEdit.prefix) }]));
  }
  view.setText(ourNotesPart(sheet.number), commentsXml(notes, ns.main));
  view.setText(ourVmlPart(sheet.number), vmlXml(notes, firstBlock));
  overrides.push(overrideXml("", ourNotesPart(sheet.number), CONTENT_TYPE.comments));
  overrides.push(overrideXml("", ourVmlPart(sheet.number), CONTENT_TYPE.vml));
  return {
    noted: notes.map((n) => n.cell),
    blocks: Math.max(1, Math.ceil(notes.length / 1024)),
    skipped: false,
    sheetSplice: insertLegacyDrawing(root, OUR_REL_ID.vml, ns.relationships), // after the CF splice: same spot keeps schema order
  };
}

function hasRelsDefault(view: PartView): boolean {
  const text = view.requireText("[Content_Types].xml");
  return readRoot(text).children.some(
    (c) => c.local === "Default" && (attributes(text, c.startTag).get("Extension") ?? "").toLowerCase() === "rels",
  );
}
