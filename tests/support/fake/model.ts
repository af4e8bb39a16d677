// The workbook the fake Excel holds: plain data the client objects read and change at sync time.

import { parseArea, parseCell, splitAddress, type Area } from "./a1";

export type Scalar = number | string | boolean;

export interface FakeCell {
  value?: Scalar;
  formula?: string;
  /** An error value such as "#DIV/0!" (a formula result). */
  error?: string;
  numberFormat?: string;
  /** "#RRGGBB"; absent = no fill. */
  fill?: string;
  font?: { bold?: boolean; italic?: boolean; underline?: string; size?: number; color?: string; name?: string };
  border?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  /** Excel's default is locked. */
  locked?: boolean;
}

export interface FakeConditionalFormat {
  /** The fake's own handle for a test to tell formats apart; Excel's id is a position (objects.ts, getItem). */
  key: string;
  type: "Custom" | "CellValue" | "DataBar" | "ColorScale" | "IconSet" | "TopBottom" | "PresetCriteria" | "ContainsText";
  /** Areas of the sheet it applies to, e.g. ["B3:B9", "D4"]. */
  areas: string[];
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

export interface FakeNote {
  sheet: string;
  cell: string;
  content: string;
  author: string;
}

export interface FakeComment {
  id: string;
  sheet: string;
  cell: string;
  content: string;
  author: string;
  /** A threaded comment's replies, which Comment.delete takes with it. */
  replies: { id: string; content: string; author: string }[];
}

export interface FakeProtection {
  protected: boolean;
  options: Record<string, boolean>;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  conditionalFormats: FakeConditionalFormat[];
  protection: FakeProtection;
  frozenRows: number;
  merges: string[];
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  rowHeights: Map<number, number>;
  validations: { area: string; rule: unknown; prompt?: unknown; errorAlert?: unknown }[];
  pageLayout: Record<string, unknown>;
  charts: FakeChart[];
  changeHandlers: Set<(args: FakeChangedEvent) => Promise<unknown> | unknown>;
}

/** A chart on a sheet: what it was made from, its title and where it sits (see FakeChartCollection). */
export interface FakeChart {
  name: string;
  type: string;
  /** The source data's address on its sheet, e.g. "'Biểu đồ'!A1:C9". */
  source: string;
  seriesBy: string;
  title: string | null;
  position: { start: string; end: string | null } | null;
}

export interface FakeChangedEvent {
  address: string;
  changeType: string;
  source: "Local" | "Remote";
  type: "WorksheetChanged";
  worksheetId: string;
}

export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

export function newSheet(id: string, name: string): FakeSheet {
  return {
    id,
    name,
    visibility: "Visible",
    cells: new Map(),
    conditionalFormats: [],
    protection: { protected: false, options: {} },
    frozenRows: 0,
    merges: [],
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    rowHeights: new Map(),
    validations: [],
    pageLayout: {},
    charts: [],
    changeHandlers: new Set(),
  };
}

function hasValue(c: FakeCell): boolean {
  return c.formula !== undefined || c.error !== undefined || (c.value !== undefined && c.value !== "");
}

function hasFormat(c: FakeCell): boolean {
  return c.fill !== undefined || c.font !== undefined || c.border !== undefined || (c.numberFormat !== undefined && c.numberFormat !== "General");
}

/** Bounding box of used cells; null when the sheet has none. */
export function usedArea(sheet: FakeSheet, valuesOnly: boolean): Area | null {
  let area: Area | null = null;
  for (const [key, cell] of sheet.cells) {
    if (!(hasValue(cell) || (!valuesOnly && hasFormat(cell)))) continue;
    const comma = key.indexOf(",");
    const r = Number(key.slice(0, comma));
    const c = Number(key.slice(comma + 1));
    if (!area) area = { top: r, bottom: r, left: c, right: c };
    else {
      area.top = Math.min(area.top, r);
      area.bottom = Math.max(area.bottom, r);
      area.left = Math.min(area.left, c);
      area.right = Math.max(area.right, c);
    }
  }
  return area;
}

export function areasOverlap(a: Area, b: Area): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Resolves "Sheet!A1" against a workbook's sheets; the sheet part is required. */
export function locate(sheets: readonly FakeSheet[], address: string): { sheet: FakeSheet; row: number; col: number } {
  const { sheet, area } = splitAddress(address);
  const found = sheets.find((s) => s.name.toLowerCase() === (sheet ?? "").toLowerCase());
  if (!found) throw new RangeError(`no sheet in address ${address}`);
  const { row, col } = parseCell(area.split(":")[0] ?? area);
  return { sheet: found, row, col };
}

export { parseArea };
