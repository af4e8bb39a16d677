// Marks the cells of a highlight plan in an .xlsx: conditional-format rules with our styles, plus our notes.
// Every edit is a splice into the original text, so clearHighlights can undo it byte for byte.

import { cellAddress, tryParseCell, type Cell } from "../../../core/a1";
import { ChitieuError } from "../../../core/errors";
import type { HighlightPlan, Mark, Severity, Watch } from "../../../core/highlight-plan";
import { isoDay, markNoteText } from "../../../core/mark-notes";
import { ourLiveFormula } from "../../../core/our-marks";
import { openPackage, savePackage } from "../package";
import { clearOurs } from "./clear";
import { maxVmlBlock, type Note } from "./notes";
import { relationshipType } from "./conformance";
import { CONTENT_TYPE, appendToRoot, overrideXml, relationshipXml, relativeTarget } from "./opc";
import { OUR_FORMULA, OUR_REL_ID, SEVERITY_ORDER } from "./ours";
import { PartView } from "./part-view";
import { insertOurRules, type OurRule } from "./sheet-cf";
import { addSheetNotes } from "./sheet-notes";
import { addOurDxfs, minimalStylesheet } from "./styles-dxfs";
import { findSheet, readWorkbook, type SheetEntry, type WorkbookInfo } from "./workbook";
import { applySplices, attributes, readRoot, type Splice } from "./xml-text";

export interface ApplyOptions {
  /** Language of the notes; Vietnamese unless asked otherwise. */
  lang?: "vi" | "en";
  /** Add a note explaining each finding (default true). */
  notes?: boolean;
  /** The day the notes state when the plan does not say (ISO yyyy-mm-dd); today by default. */
  today?: string;
}

export interface ApplyReport {
  bytes: Uint8Array;
  /** Cells marked, per sheet name. */
  markedCells: Map<string, number>;
  /** Sheets whose own notes parts cannot be extended reversibly: marked by colour only, their notes left alone. */
  notesSkipped: string[];
  /** Cells that received our note, per sheet name (never a cell that already had a note or threaded comment). */
  notedCells: Map<string, string[]>;
  /** Findings of the plan explained by one of our notes. */
  explained: number;
}

export function applyHighlights(bytes: Uint8Array, plan: HighlightPlan, opts?: ApplyOptions): Uint8Array {
  return applyHighlightsWithReport(bytes, plan, opts).bytes;
}

interface CellMarks {
  cell: string;
  row: number;
  column: number;
  severity: Severity;
  messages: string[];
  /** Marks of the plan merged into this cell. */
  findings: number;
  /** The live conditions of its marks; null once one of its marks is static (then the cell's mark is static). */
  live: string[] | null;
  /** A watch: a live rule on a figure that is fine today, without a note. */
  watch?: true;
}

/** One live formula for a cell: its marks' conditions, any of which keeps the mark. */
function liveFormulaOf(conditions: readonly string[]): string {
  return ourLiveFormula(conditions.length === 1 ? conditions[0]! : `OR(${conditions.join(",")})`);
}

export function applyHighlightsWithReport(bytes: Uint8Array, plan: HighlightPlan, opts?: ApplyOptions): ApplyReport {
  const lang = opts?.lang ?? "vi";
  const wantNotes = opts?.notes ?? true;
  const pkg = openPackage(bytes);
  const view = new PartView(pkg);
  clearOurs(view); // re-applying replaces our previous marks instead of stacking them

  const info = readWorkbook(view);
  const bySheet = groupMarks(info, plan.marks, plan.watches ?? [], lang);
  const checkedOn = plan.checkedOn ?? opts?.today ?? isoDay(new Date());
  const report: ApplyReport = { bytes, markedCells: new Map(), notesSkipped: [], notedCells: new Map(), explained: 0 };
  if (bySheet.size === 0) {
    const changes = view.changes();
    report.bytes = changes.size === 0 ? bytes.slice() : savePackage(pkg, changes);
    return report;
  }

  const used = SEVERITY_ORDER.filter((s) => [...bySheet.values()].some((cells) => cells.some((c) => c.severity === s)));
  const overrides: string[] = [];
  const dxfId = addStyles(view, info, used, overrides);

  let nextVmlBlock = maxVmlBlock(view.names().filter((n) => n.toLowerCase().endsWith(".vml")).map((n) => view.text(n) ?? "")) + 1;
  for (const [sheet, cells] of bySheet) {
    const part = sheet.part as string;
    const text = view.requireText(part);
    const root = readRoot(text);
    if (root.local !== "worksheet" || root.selfClosing) throw notAWorksheet(sheet.name);
    const marked = cells.filter((c) => !c.watch);
    if (marked.length > 0) report.markedCells.set(sheet.name, marked.length);

    const rules: OurRule[] = SEVERITY_ORDER.map((severity) => ({
      severity,
      dxfId: dxfId.get(severity) ?? 0,
      cells: cells.filter((c) => c.severity === severity && c.live === null).map((c) => c.cell),
      formula: OUR_FORMULA,
    })).filter((r) => r.cells.length > 0);
    // a live rule per cell: its formula's references are relative to the cell it marks
    for (const c of cells) {
      if (c.live !== null) rules.push({ severity: c.severity, dxfId: dxfId.get(c.severity) ?? 0, cells: [c.cell], formula: liveFormulaOf(c.live) });
    }
    const splices: Splice[] = [];
    splices.push(...insertOurRules(text, root, rules));

    if (wantNotes) {
      const notes: Note[] = marked.map((c) => ({ cell: c.cell, text: markNoteText(c.messages, c.live !== null, checkedOn, lang) }));
      const added = addSheetNotes(view, { part, number: sheet.number }, text, root, notes, nextVmlBlock, overrides, info.namespaces);
      nextVmlBlock += added.blocks;
      if (added.skipped) report.notesSkipped.push(sheet.name);
      if (added.sheetSplice) splices.push(added.sheetSplice);
      const noted = new Set(added.noted);
      if (noted.size > 0) report.notedCells.set(sheet.name, added.noted);
      report.explained += marked.filter((c) => noted.has(c.cell)).reduce((n, c) => n + c.findings, 0);
    }
    view.setText(part, applySplices(text, splices));
  }
  addOverrides(view, overrides);
  report.bytes = savePackage(pkg, view.changes());
  return report;
}

function groupMarks(info: WorkbookInfo, marks: readonly Mark[], watches: readonly Watch[], lang: "vi" | "en"): Map<SheetEntry, CellMarks[]> {
  const bySheet = new Map<SheetEntry, Map<string, CellMarks>>();
  const place = (at: { sheet: string; cell: string }) => {
    const sheet = findSheet(info, at.sheet);
    if (!sheet) throw unknownSheet(at.sheet, info);
    if (sheet.kind !== "worksheet" || !sheet.part) throw notAWorksheet(sheet.name);
    const pos = requireCell(sheet.name, at.cell);
    let cells = bySheet.get(sheet);
    if (!cells) bySheet.set(sheet, (cells = new Map()));
    return { cells, pos, cell: cellAddress(pos.row, pos.col) };
  };
  for (const mark of marks) {
    const { cells, pos, cell } = place(mark);
    const existing = cells.get(cell);
    const message = mark.message[lang].normalize("NFC");
    if (!existing) {
      cells.set(cell, { cell, row: pos.row, column: pos.col, severity: mark.severity, messages: [message], findings: 1, live: mark.live !== undefined ? [mark.live] : null });
    } else {
      // one colour per cell: the most severe finding wins; every message goes into the note
      if (SEVERITY_ORDER.indexOf(mark.severity) < SEVERITY_ORDER.indexOf(existing.severity)) existing.severity = mark.severity;
      if (!existing.messages.includes(message)) existing.messages.push(message);
      existing.findings++;
      // a static finding on the cell keeps it marked until the next check, whatever the live ones say
      if (mark.live === undefined) existing.live = null;
      else if (existing.live !== null && !existing.live.includes(mark.live)) existing.live.push(mark.live);
    }
  }
  for (const w of watches) {
    const { cells, pos, cell } = place(w);
    // a cell already marked says more than a watch
    if (!cells.has(cell)) cells.set(cell, { cell, row: pos.row, column: pos.col, severity: "warning", messages: [], findings: 0, live: [w.live], watch: true });
  }
  const out = new Map<SheetEntry, CellMarks[]>();
  for (const [sheet, cells] of [...bySheet].sort((a, b) => a[0].number - b[0].number)) {
    out.set(sheet, [...cells.values()].sort((a, b) => a.row - b.row || a.column - b.column));
  }
  return out;
}

/** Appends our dxfs (creating styles.xml for a workbook that has none); returns their ids. */
function addStyles(view: PartView, info: WorkbookInfo, used: readonly Severity[], overrides: string[]): Map<Severity, number> {
  if (info.stylesPart) {
    const added = addOurDxfs(view.requireText(info.stylesPart), used);
    view.setText(info.stylesPart, added.text);
    return added.dxfId;
  }
  // A workbook that declares styles.xml without a readable part (missing, or stored under another name) keeps its
  // declaration: ours gets its own name, or the content types would hold the same PartName twice (an invalid
  // package) and clearing could not tell their Override from ours.
  const part = view.has("xl/styles.xml") || declaresPart(view, "xl/styles.xml") ? "xl/chitieuCdsStyles.xml" : "xl/styles.xml";
  const created = minimalStylesheet(used, info.namespaces.main);
  view.setText(part, created.text);
  const relsText = view.requireText(info.workbookRelsPart);
  const edit = appendToRoot(relsText, "");
  if (!edit) throw missingWorkbookRels();
  const rel = relationshipXml(edit.prefix, OUR_REL_ID.styles, relationshipType(info.namespaces, "styles"), relativeTarget(info.workbookPart, part));
  view.setText(info.workbookRelsPart, applySplices(relsText, [{ ...edit.splice, insert: rel }]));
  overrides.push(overrideXml("", part, CONTENT_TYPE.styles));
  return created.dxfId;
}

/** True when [Content_Types].xml has an Override for `part` (compared as OPC does, ignoring case). */
function declaresPart(view: PartView, part: string): boolean {
  const text = view.text("[Content_Types].xml");
  if (text === undefined) return false;
  const wanted = `/${part}`.toLowerCase();
  return readRoot(text).children.some((c) => c.local === "Override" && (attributes(text, c.startTag).get("PartName") ?? "").toLowerCase() === wanted);
}

function addOverrides(view: PartView, overrides: readonly string[]): void {
  if (overrides.length === 0) return;
  const text = view.requireText("[Content_Types].xml");
  const edit = appendToRoot(text, "");
  if (!edit) throw missingWorkbookRels();
  const xml = edit.prefix ? overrides.map((o) => o.replace(/^<Override/, `<${edit.prefix}:Override`)).join("") : overrides.join("");
  view.setText("[Content_Types].xml", applySplices(text, [{ ...edit.splice, insert: xml }]));
}

function unknownSheet(name: string, info: WorkbookInfo): ChitieuError {
  const sheets = info.sheets.map((s) => `“${s.name}”`).join(", ");
  return sheets ? new ChitieuError("error.unknown-sheet", { sheet: name, sheets }) : new ChitieuError("error.unknown-sheet.none", { sheet: name });
}

function notAWorksheet(name: string): ChitieuError {
  return new ChitieuError("error.not-a-worksheet", { sheet: name });
}

function missingWorkbookRels(): ChitieuError {
  return new ChitieuError("error.missing-part.relationships");
}

/** A mark's cell, as a position; a plan naming no single cell of the grid is refused with a message. */
function requireCell(sheet: string, address: string): Cell {
  const p = tryParseCell(address.trim());
  if (!p) {
    throw new ChitieuError("error.bad-cell-address", { address, sheet });
  }
  return p;
}
