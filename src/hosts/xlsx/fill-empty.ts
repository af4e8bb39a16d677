// Writes numbers into cells that exist and are empty (the template's "Kết quả năm trước" input cells), never into a cell
// that holds anything: what the clerk typed stays. A cell the sheet does not have is reported, not created.

import { openPackage, savePackage } from "./package";
import { PartView } from "./mark/part-view";
import { findSheet, readWorkbook } from "./mark/workbook";
import { applySplices, attributes, localName, prefixOf, qualify, tags, type Splice, type Tag } from "./mark/xml-text";

export interface CellFill {
  sheet: string;
  /** A1 address. */
  cell: string;
  value: number;
}

export interface FillReport {
  bytes: Uint8Array;
  /** "Sheet!P12" written. */
  written: string[];
  /** Cells that already held something: left as they were. */
  kept: string[];
  /** Cells (or sheets) the workbook does not have: nothing written. */
  absent: string[];
}

/** The end of a cell element that has a start tag: the index just after its end tag. */
function endOf(text: string, start: Tag): { contentEnd: number; end: number } {
  let depth = 0;
  for (const tag of tags(text, start.end)) {
    if (tag.kind === "start") depth++;
    else if (tag.kind === "end") {
      if (depth === 0) return { contentEnd: tag.start, end: tag.end };
      depth--;
    }
  }
  return { contentEnd: text.length, end: text.length };
}

/** Whether a cell's content holds a value, a formula or inline text (anything the clerk or Excel put there). */
function holdsSomething(content: string): boolean {
  for (const tag of tags(content)) {
    const local = localName(tag.qname);
    if (local === "f") return true;
    if ((local === "v" || local === "t") && tag.kind === "start") {
      const close = content.indexOf("<", tag.end);
      if (close > tag.end && content.slice(tag.end, close).trim() !== "") return true;
    }
  }
  return false;
}

/** The start tag without a type attribute (an empty cell may carry t="s" or t="str" from an earlier value). */
function startTagWithoutType(text: string, tag: Tag): string {
  const written = text.slice(tag.start, tag.end);
  return written.replace(/\s+t\s*=\s*("[^"]*"|'[^']*')/, "").replace(/\s*\/>$/, ">");
}

export function fillEmptyCells(bytes: Uint8Array, fills: readonly CellFill[]): FillReport {
  const report: FillReport = { bytes, written: [], kept: [], absent: [] };
  if (fills.length === 0) return { ...report, bytes: bytes.slice() };
  const pkg = openPackage(bytes);
  const view = new PartView(pkg);
  const info = readWorkbook(view);
  const bySheet = new Map<string, Map<string, number>>();
  for (const f of fills) {
    let cells = bySheet.get(f.sheet);
    if (!cells) bySheet.set(f.sheet, (cells = new Map()));
    cells.set(f.cell.toUpperCase(), f.value);
  }
  for (const [sheetName, wanted] of bySheet) {
    const sheet = findSheet(info, sheetName);
    if (!sheet?.part || sheet.kind !== "worksheet") {
      for (const cell of wanted.keys()) report.absent.push(`${sheetName}!${cell}`);
      continue;
    }
    const text = view.requireText(sheet.part);
    const splices: Splice[] = [];
    const seen = new Set<string>();
    for (const tag of tags(text)) {
      if (tag.kind === "end" || localName(tag.qname) !== "c") continue;
      const ref = attributes(text, tag).get("r")?.toUpperCase();
      const value = ref === undefined ? undefined : wanted.get(ref);
      if (ref === undefined || value === undefined) continue;
      seen.add(ref);
      const v = qualify(prefixOf(tag.qname), "v");
      const close = `</${tag.qname}>`;
      if (tag.kind === "empty") {
        splices.push({ at: tag.start, remove: tag.end - tag.start, insert: `${startTagWithoutType(text, tag)}<${v}>${value}</${v}>${close}` });
        report.written.push(`${sheetName}!${ref}`);
        continue;
      }
      const { contentEnd, end } = endOf(text, tag);
      if (holdsSomething(text.slice(tag.end, contentEnd))) {
        report.kept.push(`${sheetName}!${ref}`);
        continue;
      }
      splices.push({ at: tag.start, remove: end - tag.start, insert: `${startTagWithoutType(text, tag)}<${v}>${value}</${v}>${close}` });
      report.written.push(`${sheetName}!${ref}`);
    }
    for (const cell of wanted.keys()) if (!seen.has(cell)) report.absent.push(`${sheetName}!${cell}`);
    if (splices.length > 0) view.setText(sheet.part, applySplices(text, splices));
  }
  const changes = view.changes();
  return { ...report, bytes: changes.size === 0 ? bytes.slice() : savePackage(pkg, changes) };
}
