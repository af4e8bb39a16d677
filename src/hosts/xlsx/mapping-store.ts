// Keeps our JSON documents inside the workbook as very hidden key/value sheets (src/core/json-sheet.ts): the confirmed
// mapping (src/core/mapping/store.ts) and the reviewer's decisions (src/core/review/store.ts). A sheet is replaced in
// place if it is there, otherwise added as a new worksheet part. Nothing of the user's is rewritten.

import { isMappingSheet, MAPPING_SHEET, mappingSheetRows, type SavedMapping } from "../../core/mapping";
import { isReviewSheet, REVIEW_SHEET, reviewSheetRows, type ReviewStore } from "../../core/review";
import { cellAddress } from "../../core/a1";
import { openPackage, savePackage } from "./package";
import { overrideXml, readRelationships, relationshipXml, relativeTarget, REL_NS } from "./mark/opc";
import { PartView } from "./mark/part-view";
import { readWorkbook } from "./mark/workbook";
import { applySplices, qualify, readRoot } from "./mark/xml-text";
import { addOverrides, appendChildren, appendToList, freeIds, freeNames, WORKBOOK_ORDER } from "./template/insert";
import { XML_DECLARATION } from "./template/xml-text";
import { escapeAttr, escapeText } from "./xml/escape";

const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

function inline(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeText(text)}</t></is></c>`;
}

function keyValueSheetXml(pairs: readonly [string, string][]): string {
  const rows = pairs
    .map(([k, v], i) => `<row r="${i + 1}">${inline(cellAddress(i, 0), k)}${inline(cellAddress(i, 1), v)}</row>`)
    .join("");
  return `${XML_DECLARATION}<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
}

export function mappingSheetXml(saved: SavedMapping): string {
  return keyValueSheetXml(mappingSheetRows(saved));
}

/** The workbook with `saved` kept in it (a new version; the bytes given are not changed). */
export function writeMappingSheet(bytes: Uint8Array, saved: SavedMapping): Uint8Array {
  return writeKeyValueSheet(bytes, MAPPING_SHEET, isMappingSheet, mappingSheetRows(saved));
}

/** The workbook with the reviewer's decisions kept in it (a new version; the bytes given are not changed). */
export function writeReviewSheet(bytes: Uint8Array, store: ReviewStore): Uint8Array {
  return writeKeyValueSheet(bytes, REVIEW_SHEET, isReviewSheet, reviewSheetRows(store));
}

function writeKeyValueSheet(bytes: Uint8Array, name: string, isOurs: (name: string) => boolean, pairs: readonly [string, string][]): Uint8Array {
  const pkg = openPackage(bytes);
  const view = new PartView(pkg);
  const info = readWorkbook(view);
  const xml = keyValueSheetXml(pairs);
  const existing = info.sheets.find((s) => isOurs(s.name) && s.kind === "worksheet" && s.part);
  if (existing) {
    view.setText(existing.part!, xml);
    return savePackage(pkg, view.changes());
  }
  const [part] = freeNames(view, "xl/worksheets/sheet", ".xml", 1);
  const [relId] = freeIds(readRelationships(view.requireText(info.workbookRelsPart)).map((r) => r.id), 1);
  view.setText(part!, xml);
  appendChildren(view, info.workbookRelsPart, [relationshipXml("", relId!, `${REL_NS.transitional}/worksheet`, relativeTarget(info.workbookPart, part!))]);
  const text = view.requireText(info.workbookPart);
  const root = readRoot(text);
  const relPrefix = [...root.declarations].find(([p, uri]) => p !== "" && uri === REL_NS.transitional)?.[0];
  const idAttr = relPrefix ? `${relPrefix}:id="${relId}"` : `xmlns:r="${REL_NS.transitional}" r:id="${relId}"`;
  const sheetIds = [...text.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*\ssheetId\s*=\s*["']([0-9]+)["']/g)].map((m) => Number(m[1]));
  // very hidden: not listed under Unhide in Excel; the user's sheets and their order are untouched (it goes last)
  const entry = `<${qualify(root.prefix, "sheet")} name="${escapeAttr(name)}" sheetId="${Math.max(0, ...sheetIds) + 1}" state="veryHidden" ${idAttr}/>`;
  view.setText(info.workbookPart, applySplices(text, appendToList(text, root, "sheets", [entry], WORKBOOK_ORDER, false)));
  addOverrides(view, [overrideXml("", part!, WORKSHEET_CT)]);
  return savePackage(pkg, view.changes());
}
