// Writes the standard template (TemplateLayout) into a new sheet, plus its guide sheet and our metadata,
// in one write batch after the state read (the host's): the same syncs whatever the layout's size (a batch that would pass the
// request budget, 4 MB by default, is split: the standard template is about 0.1 MB).

import type { CellStyle, StyleId, TemplateLayout } from "../../core/template/types";
import { freeSheetName, sheetExists } from "../host";
import { areaAddress, parseArea, parseCell, type Area } from "../../core/a1";
import { mergeCells } from "./a1";
import type { OfficeFeatures } from "./features";
import { DEFAULT_REQUEST_BYTES, RequestBudget } from "./highlight";
import { queueStoreWrite } from "./store-write";
import { withMetadata } from "./store";
import type { WorkbookState } from "./state";

type Ctx = Excel.RequestContext;


/** Excel column width in characters → points, as Office.js wants them (7 px per character + 5 px padding). */
export function widthInPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** "@" (Text) for a constant text, so Excel stores it as written; "General" for numbers, formulas and blanks. */
function textFormatOf(v: string | number | boolean): string {
  return typeof v === "string" && v !== "" && !v.startsWith("=") ? "@" : "General";
}

/** The layout's cells as one formulas matrix (constants as values, formulas with "="), cut into row blocks. */
function contentBlocks(layout: TemplateLayout, blockBytes: number): { top: number; rows: (string | number | boolean)[][] }[] {
  const width = parseCell(`${layout.lastColumn}1`).col + 1;
  const height = layout.lastRow;
  const matrix: (string | number | boolean)[][] = Array.from({ length: height }, () => Array<string | number | boolean>(width).fill(""));
  for (const c of layout.cells) {
    const { row, col } = parseCell(c.ref);
    const line = matrix[row];
    if (!line || col >= width) continue;
    line[col] = c.formula !== undefined ? `=${c.formula}` : (c.value ?? "");
  }
  const blocks: { top: number; rows: (string | number | boolean)[][] }[] = [];
  let start = 0;
  let size = 0;
  matrix.forEach((row, i) => {
    size += JSON.stringify(row).length;
    if (size > blockBytes) {
      blocks.push({ top: start, rows: matrix.slice(start, i + 1) });
      start = i + 1;
      size = 0;
    }
  });
  if (start < matrix.length) blocks.push({ top: start, rows: matrix.slice(start) });
  return blocks;
}

function styleAreas(layout: TemplateLayout): Map<StyleId, Area[]> {
  const cells = new Map<StyleId, { row: number; col: number }[]>();
  for (const c of layout.cells) {
    const list = cells.get(c.style) ?? [];
    list.push(parseCell(c.ref));
    cells.set(c.style, list);
  }
  return new Map([...cells].map(([id, list]) => [id, mergeCells(list)]));
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

export function applyStyle(range: Excel.Range, s: CellStyle, f: OfficeFeatures, area: Area): void {
  const fmt = range.format;
  if (s.font) {
    if (s.font.bold !== undefined) fmt.font.bold = s.font.bold;
    if (s.font.italic !== undefined) fmt.font.italic = s.font.italic;
    if (s.font.underline) fmt.font.underline = "Single" as Excel.RangeUnderlineStyle;
    if (s.font.size !== undefined) fmt.font.size = s.font.size;
    if (s.font.color) fmt.font.color = `#${s.font.color}`;
  }
  if (s.fill) fmt.fill.color = `#${s.fill}`;
  if (s.border === "thin") {
    const multiRow = area.bottom > area.top;
    const multiCol = area.right > area.left;
    for (const edge of EDGES) {
      // inside edges only exist on ranges with more than one row / column
      if ((edge === "InsideHorizontal" && !multiRow) || (edge === "InsideVertical" && !multiCol)) continue;
      fmt.borders.getItem(edge as Excel.BorderIndex).style = "Continuous" as Excel.BorderLineStyle;
    }
  }
  if (s.align?.horizontal) fmt.horizontalAlignment = H_ALIGN[s.align.horizontal] as Excel.HorizontalAlignment;
  if (s.align?.vertical) fmt.verticalAlignment = V_ALIGN[s.align.vertical] as Excel.VerticalAlignment;
  if (s.align?.wrap) fmt.wrapText = true;
  if (s.numFmt) range.numberFormat = s.numFmt as unknown as string[][];
  if (!s.locked && f.api12) fmt.protection.locked = false;
}

async function queueValidations(ws: Excel.Worksheet, layout: TemplateLayout, batch: RequestBudget): Promise<void> {
  for (const v of layout.validations) {
    const criteria =
      v.type === "list"
        ? { list: { inCellDropDown: true, source: v.formula1 } }
        : {
            [v.type === "whole" ? "wholeNumber" : "decimal"]: {
              operator: v.operator === "between" ? "Between" : "GreaterThanOrEqualTo",
              formula1: v.formula1,
              ...(v.formula2 !== undefined ? { formula2: v.formula2 } : {}),
            },
          };
    for (const ref of v.refs) {
      await batch.spend(JSON.stringify(v).length + 400);
      const dv = ws.getRange(ref).dataValidation;
      dv.rule = criteria as Excel.DataValidationRule;
      dv.ignoreBlanks = v.allowBlank;
      dv.prompt = { showPrompt: true, title: v.promptTitle, message: v.prompt };
      dv.errorAlert = { showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: v.errorTitle, message: v.error };
    }
  }
}

function queueTemplateRules(ws: Excel.Worksheet, layout: TemplateLayout, f: OfficeFeatures): void {
  for (const rule of layout.conditionalFormats) {
    const style = layout.differentialStyles[rule.style];
    const targets = f.rangeAreas ? [ws.getRanges(rule.refs.join(",")).conditionalFormats] : rule.refs.map((r) => ws.getRange(r).conditionalFormats);
    for (const collection of targets) {
      const cf = collection.add("Custom" as Excel.ConditionalFormatType);
      cf.custom.rule.formula = `=${rule.formula}`;
      cf.custom.format.fill.color = `#${style.fill}`;
      cf.custom.format.font.color = `#${style.fontColor}`;
    }
  }
}

export interface InsertReport {
  sheetName: string;
  guideSheetName: string;
  /** What this Excel could not add (e.g. data validation below ExcelApi 1.8). */
  skipped: string[];
  /**
   * What was set but Excel may not apply: "print-fit-width", the fit-to-one-page-wide zoom, which Excel ignores until
   * the Page Layout tab is shown (office-js #1860), so the print setup cannot promise it.
   */
  unconfirmed: string[];
  /** Every sheet added, in the order Excel appended them. */
  addedSheets: string[];
}

/** One write batch (more only for a layout past the request budget) after `state` was read in the same context. */
export async function insertLayout(
  ctx: Ctx,
  f: OfficeFeatures,
  state: WorkbookState,
  layout: TemplateLayout,
  requestBytes = DEFAULT_REQUEST_BYTES,
): Promise<InsertReport> {
  const taken = [...state.sheetNames, ...(state.storeSheet ? ["_chitieu"] : [])];
  if (taken.some((n) => n.toLowerCase() === layout.sheetName.toLowerCase()))
    throw sheetExists(layout.sheetName, taken);
  const guideName = freeSheetName(layout.guide.sheetName, [...taken, layout.sheetName]);
  const skipped: string[] = [];
  const unconfirmed: string[] = [];
  const batch = new RequestBudget(ctx, requestBytes);

  const ws = ctx.workbook.worksheets.add(layout.sheetName);
  // blocks of rows, a fraction of the budget each, so a block never straddles a request limit by much
  for (const block of contentBlocks(layout, Math.min(512 * 1024, requestBytes / 4))) {
    const width = block.rows[0]?.length ?? 0;
    if (width === 0) continue;
    const area = { top: block.top, left: 0, bottom: block.top + block.rows.length - 1, right: width - 1 };
    await batch.spend(2 * JSON.stringify(block.rows).length + 200);
    const range = ws.getRange(areaAddress(area));
    // Excel parses text written through formulas/values as typed input ("(1)" would become -1): text cells get the
    // Text format first, the rest stay General until their style says otherwise
    range.numberFormat = block.rows.map((row) => row.map(textFormatOf));
    range.formulas = block.rows;
  }
  for (const [id, areas] of styleAreas(layout)) {
    const style = layout.styles[id];
    for (const a of areas) {
      await batch.spend(1000);
      applyStyle(ws.getRange(areaAddress(a)), style, f, a);
    }
  }
  if (f.api12) {
    for (const col of layout.columns) {
      await batch.spend(250);
      const r = ws.getRange(`${col.letter}:${col.letter}`);
      r.format.columnWidth = widthInPoints(col.width);
      if (col.hidden) r.columnHidden = true;
    }
    for (const [row, height] of Object.entries(layout.rowHeights)) {
      await batch.spend(150);
      ws.getRange(`${row}:${row}`).format.rowHeight = height;
    }
    for (const m of layout.merges) {
      await batch.spend(120);
      ws.getRange(m).merge(false);
    }
  } else skipped.push("column-widths", "merges", "protection");
  if (f.dataValidation) await queueValidations(ws, layout, batch);
  else if (layout.validations.length > 0) skipped.push("data-validation");
  if (f.conditionalFormats) {
    await batch.spend(layout.conditionalFormats.length * 1000);
    queueTemplateRules(ws, layout, f);
  }
  else skipped.push("conditional-formats");
  if (f.freezePanes) ws.freezePanes.freezeRows(layout.freeze.row - 1);
  else skipped.push("freeze-panes");
  if (f.pageLayout) {
    ws.pageLayout.orientation = "Landscape" as Excel.PageOrientation;
    ws.pageLayout.paperSize = "A4" as Excel.PaperType;
    ws.pageLayout.zoom = { horizontalFitToPages: 1 };
    unconfirmed.push("print-fit-width");
    ws.pageLayout.setPrintTitleRows(`$${layout.print.titleRows.from}:$${layout.print.titleRows.to}`);
  } else skipped.push("print-setup");

  const guideRows = [[layout.guide.title], [""], ...layout.guide.lines.map((l) => [l])];
  await batch.spend(JSON.stringify(guideRows).length + 3000);
  const guide = ctx.workbook.worksheets.add(guideName);
  const guideText = guide.getRange(`A1:A${guideRows.length}`);
  guideText.numberFormat = guideRows.map((row) => row.map(textFormatOf));
  guideText.values = guideRows;
  applyStyle(guide.getRange("A1"), layout.styles.guideTitle, f, parseArea("A1"));
  applyStyle(guide.getRange(`A3:A${guideRows.length}`), layout.styles.guideText, f, parseArea(`A3:A${guideRows.length}`));
  if (f.api12) guide.getRange("A:A").format.columnWidth = widthInPoints(110);

  const storeSheets = queueStoreWrite(ctx, f, state, withMetadata(state.store, { ...layout.metadata, sheet: layout.sheetName }));

  // protection last: locking changes are refused on a protected sheet
  if (f.api12) {
    ws.protection.protect({
      allowFormatCells: layout.protection.allowFormatCells,
      allowFormatColumns: layout.protection.allowFormatColumns,
      allowFormatRows: layout.protection.allowFormatRows,
      // lets Excel users (and our explanations) add notes on the protected template; the option is ExcelApi 1.7
      ...(f.protectEditObjects ? { allowEditObjects: true } : {}),
    });
  }
  ws.activate();
  ws.getRange(layout.info.preparer).select();
  await ctx.sync();
  return { sheetName: layout.sheetName, guideSheetName: guideName, skipped, unconfirmed, addedSheets: [layout.sheetName, guideName, ...storeSheets] };
}

