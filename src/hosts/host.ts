import { ChitieuError } from "../core/errors";
import type { HighlightPlan } from "../core/highlight-plan";
import type { SavedMapping } from "../core/mapping";
import type { TemplateMetadata, WorkbookSnapshot } from "../core/snapshot";
import type { TemplateLayout } from "../core/template";
import type { CellStyle } from "../core/template/types";
import type { ReviewStore } from "../core/review";

// One interface for "a workbook we can read and mark": Office.js inside Excel, or an .xlsx file in the browser / Node.
// The task pane, the ribbon commands and the CLI talk to this, never to Excel or to zip parts directly.

export interface HostCapabilities {
  /** Conditional-format rules we can recognise and delete (ExcelApi 1.6), else fills whose originals we save and restore. */
  highlightMethod: "conditional-format" | "fill";
  /** How a finding is explained inside the workbook: notes (ExcelApi 1.18), comments (1.10), or only in the task pane. */
  explanations: "notes" | "comments" | "none";
  /** Whether edits re-trigger a check (worksheet change events). */
  changeEvents: boolean;
  /** Whether a finding's cell can be selected for the user. */
  selectCell: boolean;
  /** What this host lacks, so the pane can say what is missing and what still works. */
  missing: { feature: "conditional-formats" | "notes" | "comments" | "change-events" | "metadata"; requirement: string }[];
}

export interface ApplyResult {
  /** Cells marked. */
  marked: number;
  /** Findings explained in the workbook itself (notes or comments). */
  explained: number;
}

/** One cell of a sheet written as data: its value and the name of its style in `SheetsToWrite.styles`. */
export interface SheetCell {
  v: string | number | null;
  s: string;
}

/**
 * New sheets to add to the open workbook, as data (the consolidated report: "Tổng hợp", "Bảng điểm", …): rows of
 * cells, made when the sheet is written so a long sheet is never held twice.
 */
export interface SheetsToWrite {
  styles: Readonly<Record<string, CellStyle>>;
  sheets: readonly {
    name: string;
    spec: () => { widths: readonly number[]; rows: Iterable<readonly (SheetCell | null)[]>; freeze?: { rows: number; columns: number } };
  }[];
  /** A clustered column chart of `range` (first row: series names; first column: categories) on sheet `sheet`. */
  chart?: { sheet: string; range: string; title: string; at: { start: string; end: string } } | null;
  /**
   * A colour that follows the figures where Excel keeps rules (ExcelApi 1.6: a conditional format of `formula` on
   * `range`), else painted now on `cells`, the ones the formula picks today.
   */
  rules?: readonly { sheet: string; range: string; formula: string; fill: string; font: string; cells: readonly string[] }[];
}

export interface SheetsWritten {
  /** The sheets added, in order, under the names they got ("Tổng hợp (2)" when the user has a "Tổng hợp"). */
  sheets: string[];
  /** Sheets this add-in had added before and that were replaced (deleted). */
  replaced: string[];
  /** What this Excel could not do (column widths below ExcelApi 1.2, frozen rows below 1.7, rules below 1.6…). */
  skipped: string[];
}

export interface WorkbookHost {
  readonly kind: "office" | "file";
  capabilities(): HostCapabilities;
  /** One read: used-range values and number formats of every worksheet, and our metadata. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** The template this workbook holds (unit, level, year, sheet), or null: a light read for when the pane opens. */
  readMetadata(): Promise<TemplateMetadata | null>;
  /** Replaces our previous highlights with this plan's, in one batch; never touches the user's own formats or notes. */
  applyHighlights(plan: HighlightPlan): Promise<ApplyResult>;
  /** Removes exactly what we added, restoring anything we had to change. */
  clearHighlights(): Promise<{ removed: number }>;
  /** Adds the template as a new sheet; throws ChitieuError "sheet-exists" (see sheetExists) when the name is taken. */
  insertTemplate(layout: TemplateLayout): Promise<{ sheetName: string }>;
  /** Selects a finding's cell for the user. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Keeps the reviewer's decisions inside the workbook (the very hidden REVIEW_SHEET, replaced whole), where every
   * host's snapshot reads them back: the next check applies them (src/core/review).
   */
  saveReview(store: ReviewStore): Promise<void>;
  /** Keeps a confirmed mapping of an office's own layout inside the workbook (hosts that can; see MAPPING_SHEET). */
  saveMapping?(saved: SavedMapping): Promise<void>;
  /** The cell the user selected (the top-left one of a range or merged cell), where the host has a grid to select in. */
  selectedCell?(): Promise<{ sheet: string; cell: string }>;
  /**
   * Adds sheets to the open workbook (hosts that have one: Excel) without touching the user's own sheets; with
   * `replace`, first removes the sheets an earlier call added (recognised by the ids kept in our store).
   */
  writeSheets?(book: SheetsToWrite, opts: { replace: boolean }): Promise<SheetsWritten>;
}

/** The refusal of insertTemplate when the sheet name is taken, offering the first free name. */
export function sheetExists(sheet: string, taken: readonly string[]): ChitieuError<"error.sheet-exists"> {
  return new ChitieuError("error.sheet-exists", { sheet, suggestion: freeSheetName(sheet, taken) });
}

/** "Báo cáo" → "Báo cáo (2)", "Báo cáo (3)"… the first name not taken (Excel limits sheet names to 31 characters). */
export function freeSheetName(wanted: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((n) => n.toLowerCase()));
  if (!lower.has(wanted.toLowerCase())) return wanted;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}
