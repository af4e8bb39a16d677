// The report worksheet, elements in the order CT_Worksheet requires (Excel refuses a file otherwise).

import { parseCell } from "../../../core/a1";
import type { CellValue, LayoutCell, StyleId, TemplateLayout } from "../../../core/template/types";
import type { SharedStrings } from "./shared-strings";
import { escapeText } from "../xml/escape";
import { attrs, XML_DECLARATION } from "./xml-text";

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function numberText(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`cannot write a non-finite number (${n}) into a cell`);
  return String(n);
}

/** One <c>: constants by type, formulas with their cached value so non-recalculating readers agree. */
export function cellXml(cell: LayoutCell, s: number, strings: SharedStrings): string {
  const r = cell.ref;
  if (cell.formula !== undefined) {
    const f = `<f>${escapeText(cell.formula)}</f>`;
    const cached = cell.cached ?? "";
    if (typeof cached === "number") return `<c r="${r}" s="${s}">${f}<v>${numberText(cached)}</v></c>`;
    if (typeof cached === "boolean") return `<c r="${r}" s="${s}" t="b">${f}<v>${cached ? 1 : 0}</v></c>`;
    return `<c r="${r}" s="${s}" t="str">${f}<v>${escapeText(cached)}</v></c>`;
  }
  return constantXml(r, s, cell.value ?? null, strings);
}

function constantXml(r: string, s: number, value: CellValue, strings: SharedStrings): string {
  if (value === null || value === "") return `<c r="${r}" s="${s}"/>`;
  if (typeof value === "number") return `<c r="${r}" s="${s}"><v>${numberText(value)}</v></c>`;
  if (typeof value === "boolean") return `<c r="${r}" s="${s}" t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${r}" s="${s}" t="s"><v>${strings.index(value)}</v></c>`;
}

export interface SimpleSheet {
  columns: { width: number; hidden?: boolean }[];
  cells: LayoutCell[];
  rowHeights: Record<number, number>;
}

function colsXml(columns: { width: number; hidden?: boolean }[]): string {
  const cols = columns.map((c, i) => `<col${attrs({ min: i + 1, max: i + 1, width: c.width, hidden: c.hidden, customWidth: true })}/>`);
  return `<cols>${cols.join("")}</cols>`;
}

function sheetDataXml(cells: LayoutCell[], rowHeights: Record<number, number>, styleIndex: Record<StyleId, number>, strings: SharedStrings): string {
  const byRow = new Map<number, LayoutCell[]>();
  for (const cell of cells) {
    const row = parseCell(cell.ref).row + 1;
    const list = byRow.get(row);
    if (list) list.push(cell);
    else byRow.set(row, [cell]);
  }
  const rows = new Set<number>([...byRow.keys(), ...Object.keys(rowHeights).map(Number)]);
  const out: string[] = [];
  for (const row of [...rows].sort((a, b) => a - b)) {
    const cellsOfRow = (byRow.get(row) ?? []).slice().sort((a, b) => parseCell(a.ref).col - parseCell(b.ref).col);
    const ht = rowHeights[row];
    const content = cellsOfRow.map((c) => cellXml(c, styleIndex[c.style], strings)).join("");
    out.push(`<row${attrs({ r: row, ht, customHeight: ht !== undefined })}>${content}</row>`);
  }
  return `<sheetData>${out.join("")}</sheetData>`;
}

export function reportSheetXml(layout: TemplateLayout, styleIndex: Record<StyleId, number>, dxf: Record<"met" | "notMet", number>, strings: SharedStrings): string {
  const freezeRef = `A${layout.freeze.row}`;
  const frozenRows = layout.freeze.row - 1;
  const firstInput = layout.rows[0]?.cells.numerator ?? layout.rows[0]?.cells.value ?? freezeRef;
  const sheetViews =
    `<sheetViews><sheetView tabSelected="1" zoomScaleNormal="100" workbookViewId="0">` +
    `<pane ySplit="${frozenRows}" topLeftCell="${freezeRef}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${firstInput}" sqref="${firstInput}"/></sheetView></sheetViews>`;

  const p = layout.protection;
  // in OOXML a "0" on formatCells etc. means the action is NOT protected, i.e. allowed
  const protection = `<sheetProtection${attrs({ sheet: true, objects: true, scenarios: true, formatCells: p.allowFormatCells ? "0" : undefined, formatColumns: p.allowFormatColumns ? "0" : undefined, formatRows: p.allowFormatRows ? "0" : undefined })}/>`;

  const merges = layout.merges.length ? `<mergeCells count="${layout.merges.length}">${layout.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";

  const cf = layout.conditionalFormats
    .map((rule, i) => `<conditionalFormatting sqref="${rule.refs.join(" ")}"><cfRule type="expression" dxfId="${dxf[rule.style]}" priority="${i + 1}"><formula>${escapeText(rule.formula)}</formula></cfRule></conditionalFormatting>`)
    .join("");

  const dv = layout.validations.length
    ? `<dataValidations count="${layout.validations.length}">` +
      layout.validations
        .map((v) => {
          const formula1 = v.type === "list" ? `"${v.formula1}"` : v.formula1;
          return (
            `<dataValidation${attrs({ type: v.type, operator: v.type === "list" ? undefined : v.operator, allowBlank: v.allowBlank, showInputMessage: true, showErrorMessage: true, errorTitle: v.errorTitle, error: v.error, promptTitle: v.promptTitle, prompt: v.prompt, sqref: v.refs.join(" ") })}>` +
            `<formula1>${escapeText(formula1)}</formula1>${v.formula2 !== undefined ? `<formula2>${escapeText(v.formula2)}</formula2>` : ""}</dataValidation>`
          );
        })
        .join("") +
      "</dataValidations>"
    : "";

  return (
    XML_DECLARATION +
    `<worksheet ${NS}>` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${layout.lastColumn}${layout.lastRow}"/>` +
    sheetViews +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    colsXml(layout.columns) +
    sheetDataXml(layout.cells, layout.rowHeights, styleIndex, strings) +
    protection +
    merges +
    cf +
    dv +
    '<printOptions horizontalCentered="1"/>' +
    '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    "<headerFooter><oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter></headerFooter>" +
    "</worksheet>"
  );
}

/** The instructions sheet: one wide column of text, locked like the rest. */
export function guideSheetXml(layout: TemplateLayout, styleIndex: Record<StyleId, number>, strings: SharedStrings): string {
  const width = 120;
  const cells: LayoutCell[] = [{ ref: "A1", value: layout.guide.title, style: "guideTitle" }];
  const heights: Record<number, number> = { 1: 24 };
  layout.guide.lines.forEach((line, i) => {
    cells.push({ ref: `A${i + 3}`, value: line, style: "guideText" });
    heights[i + 3] = Math.max(1, Math.ceil(line.length / (width * 1.05))) * 16 + 4;
  });
  return (
    XML_DECLARATION +
    `<worksheet ${NS}>` +
    `<dimension ref="A1:A${layout.guide.lines.length + 2}"/>` +
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    colsXml([{ width }]) +
    sheetDataXml(cells, heights, styleIndex, strings) +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="portrait"/>' +
    "</worksheet>"
  );
}
