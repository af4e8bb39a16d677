// Proxies with the shapes of the Excel JavaScript API objects the host uses. Every call queues an operation;
// everything happens at sync, against the FakeExcel model, with Excel's requirement sets and protection rules.

import { areaAddress, cellAddress, parseArea, quoteSheet, splitAddress, type Area } from "./a1";
import { FakeClientObject, FakeClientResult, FakeCollection, type FakeRequestContext } from "./context";
import { accessDenied, FakeOfficeError, invalidArgument, itemNotFound } from "./errors";
import {
  areasOverlap,
  cellKey,
  usedArea,
  type FakeCell,
  type FakeChangedEvent,
  type FakeChart,
  type FakeComment,
  type FakeConditionalFormat,
  type FakeNote,
  type FakeSheet,
  type Scalar,
} from "./model";

type Props = Record<string, { since: string; read: () => unknown }>;
type Navs = Record<string, { since: string; get: () => FakeClientObject }>;

const NO_FILL = "#FFFFFF";

function normColor(c: string): string {
  const hex = c.startsWith("#") ? c.slice(1) : c;
  if (/^[0-9a-fA-F]{6}$/.test(hex)) return `#${hex.toUpperCase()}`;
  const named: Record<string, string> = { white: "#FFFFFF", black: "#000000", red: "#FF0000", yellow: "#FFFF00" };
  const n = named[c.toLowerCase()];
  if (!n) throw invalidArgument("color", `not a colour: ${c}`);
  return n;
}

type Protectable = "content" | "format" | "columns" | "rows" | "objects";

function assertEditable(sheet: FakeSheet, area: Area | null, what: Protectable, where: string): void {
  if (!sheet.protection.protected) return;
  const o = sheet.protection.options;
  if (what === "format" && o.allowFormatCells) return;
  if (what === "columns" && o.allowFormatColumns) return;
  if (what === "rows" && o.allowFormatRows) return;
  if (what === "objects" && o.allowEditObjects) return;
  if (what === "content" && area) {
    let allUnlocked = true;
    for (let r = area.top; r <= area.bottom && allUnlocked; r++)
      for (let c = area.left; c <= area.right; c++) if (sheet.cells.get(cellKey(r, c))?.locked !== false) allUnlocked = false;
    if (allUnlocked) return;
  }
  throw accessDenied(where);
}

function cellAt(sheet: FakeSheet, r: number, c: number): FakeCell {
  const key = cellKey(r, c);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = {};
    sheet.cells.set(key, cell);
  }
  return cell;
}

/** Applies a scalar or a matrix of the range's size to every cell. */
function forEachInput<T>(area: Area, input: T | T[][], where: string, each: (r: number, c: number, v: T) => void): void {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  if (Array.isArray(input)) {
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols))
      throw invalidArgument(where, `expected ${rows}×${cols} values`);
    input.forEach((row, i) => row.forEach((v, j) => each(area.top + i, area.left + j, v)));
  } else for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) each(r, c, input);
}

function readMatrix<T>(sheet: FakeSheet, area: Area, read: (cell: FakeCell | undefined) => T): T[][] {
  const out: T[][] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const row: T[] = [];
    for (let c = area.left; c <= area.right; c++) row.push(read(sheet.cells.get(cellKey(r, c))));
    out.push(row);
  }
  return out;
}

function displayValue(cell: FakeCell | undefined): Scalar {
  if (!cell) return "";
  if (cell.error !== undefined) return cell.error;
  return cell.value ?? "";
}

function valueType(cell: FakeCell | undefined): string {
  if (cell?.error !== undefined) return "Error";
  const v = cell?.value;
  if (v === undefined || v === "") return "Empty";
  return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
}

const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+`;
const PLAIN = new RegExp(`^[+-]?(?:${NUMBER})$`);
const NEGATIVE = new RegExp(`^\\(\\s*(${NUMBER})\\s*\\)$`);
const PERCENT = new RegExp(`^([+-]?(?:${NUMBER}))\\s*%$`);
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function toNumber(text: string): number {
  return Number(text.replace(/,/g, ""));
}

/**
 * A string written through Range.values or Range.formulas is typed input, as if the user typed it: Excel reads
 * numbers in parentheses as negative ("(1)" → -1), percentages as fractions, ISO dates as date serials (office-js
 * issue #229 shows dates), TRUE/FALSE as booleans, and "If the returned value starts with a plus ("+"), minus ("-"),
 * or equal sign ("="), Excel interprets this value as a formula" (@types/office-js JSDoc of Range.values). Text stays
 * text in a cell formatted "@" (Text) or after a leading apostrophe, as when typing (support.microsoft.com, "Format
 * numbers as text"). Locale-shaped forms (1.234,5; 31/01/2025) are left as text here, as the JSDoc says for dates.
 */
function typedInput(cell: FakeCell, text: string): { value: Scalar; numberFormat?: string } | { formula: string; error?: string } {
  if (cell.numberFormat === "@") return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { formula: text.slice(1) };
  const t = text.trim();
  if (PLAIN.test(t)) return { value: toNumber(t) };
  const negative = NEGATIVE.exec(t);
  if (negative?.[1]) return { value: -toNumber(negative[1]) };
  const percent = PERCENT.exec(t);
  if (percent?.[1]) return { value: toNumber(percent[1]) / 100, ...(cell.numberFormat ? {} : { numberFormat: "0%" }) };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true" };
  const date = ISO_DATE.exec(t);
  if (date) {
    const serial = (Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) - Date.UTC(1899, 11, 30)) / 86_400_000;
    return { value: serial, ...(cell.numberFormat ? {} : { numberFormat: "yyyy-mm-dd" }) };
  }
  // "- Bước 1" is read as a formula that Excel cannot evaluate
  if (/^[+-]/.test(t)) return { formula: t, error: "#NAME?" };
  return { value: text };
}

function writeValue(cell: FakeCell, v: unknown): void {
  delete cell.error;
  delete cell.formula;
  if (v === null || v === undefined || v === "") {
    delete cell.value;
    return;
  }
  if (typeof v === "number" || typeof v === "boolean") {
    cell.value = v;
    return;
  }
  if (typeof v !== "string") throw invalidArgument("Range.values", `unsupported value ${JSON.stringify(v)}`);
  const typed = typedInput(cell, v);
  if ("formula" in typed) {
    cell.formula = typed.formula;
    // the fake does not calculate: a formula's cached value is unknown until a test sets it
    delete cell.value;
    if (typed.error) cell.error = typed.error;
    return;
  }
  cell.value = typed.value;
  if (typed.numberFormat) cell.numberFormat = typed.numberFormat;
}

// ---------------------------------------------------------------- workbook

export class FakeWorkbookObject extends FakeClientObject {
  readonly worksheets: FakeWorksheetCollection;
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
  protected apiName(): string {
    return "Workbook";
  }
  protected scalars(): Props {
    return { name: { since: "1.7", read: () => "Book1.xlsx" } };
  }
  protected override navigations(): Navs {
    return {
      worksheets: { since: "1.1", get: () => this.worksheets },
      properties: { since: "1.7", get: () => this.memo("properties", () => new FakeDocumentProperties(this.context)) },
    };
  }
  get properties(): FakeDocumentProperties {
    this.context.need("1.7", "Workbook.properties");
    return this.memo("properties", () => new FakeDocumentProperties(this.context));
  }
  /**
   * "Gets the currently selected single range from the workbook. If there are multiple ranges selected, this method
   * will throw an error." [Api set: ExcelApi 1.1] (@types/office-js JSDoc of Excel.Workbook.getSelectedRange;
   * learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-getselectedrange-member(1)). The error
   * for non-adjacent cells is "InvalidSelection" (OfficeDev/office-js-docs-pr issue #2477), and so it is, by design,
   * when a chart or shape is selected (OfficeDev/office-js issues #8 and #2268). Nothing selected yet: the active
   * sheet's A1, where Excel's cursor starts.
   */
  getSelectedRange(): FakeRange {
    const excel = this.context.excel;
    const now = () => {
      const sel = excel.selection;
      if (sel === "chart" || (sel !== undefined && /[,;]/.test(splitAddress(sel).area)))
        throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.", "Workbook.getSelectedRange");
      const named = sel === undefined ? undefined : splitAddress(sel).sheet;
      const sheet = named === undefined ? excel.activeSheet() : (excel.sheets.find((x) => x.name.toLowerCase() === named.toLowerCase()) ?? null);
      return { sheet, area: sel === undefined ? parseArea("A1") : parseArea(splitAddress(sel).area) };
    };
    const ws = new FakeWorksheet(this.context, () => now().sheet, false);
    this.context.enqueue("Workbook.getSelectedRange", null, () => void now());
    return new FakeRange(this.context, ws, () => now().area);
  }
  get notes(): FakeNoteCollection {
    this.context.need("1.18", "Workbook.notes");
    return new FakeNoteCollection(this.context, null);
  }
  get comments(): FakeCommentCollection {
    this.context.need("1.10", "Workbook.comments");
    return new FakeCommentCollection(this.context, null);
  }
}

export class FakeDocumentProperties extends FakeClientObject {
  protected apiName(): string {
    return "DocumentProperties";
  }
  protected scalars(): Props {
    return {};
  }
  protected override navigations(): Navs {
    return { custom: { since: "1.7", get: () => this.custom } };
  }
  get custom(): FakeCustomPropertyCollection {
    return this.memo("custom", () => new FakeCustomPropertyCollection(this.context));
  }
}

/** Excel keeps custom property values to 255 characters (longer ones are cut): callers must chunk. */
export const CUSTOM_PROPERTY_MAX = 255;

export class FakeCustomPropertyCollection extends FakeCollection<FakeCustomProperty> {
  protected apiName(): string {
    return "CustomPropertyCollection";
  }
  protected materialize(): FakeCustomProperty[] {
    return [...this.context.excel.customProperties.keys()].map((k) => new FakeCustomProperty(this.context, k));
  }
  add(key: string, value: unknown): FakeCustomProperty {
    this.context.need("1.7", "CustomPropertyCollection.add");
    this.context.enqueue("CustomPropertyCollection.add", [key, value], () => {
      const props = this.context.excel.customProperties;
      const existing = [...props.keys()].find((k) => k.toLowerCase() === key.toLowerCase());
      if (existing !== undefined) props.delete(existing);
      props.set(key, String(value).slice(0, CUSTOM_PROPERTY_MAX));
    });
    return new FakeCustomProperty(this.context, key);
  }
  getItem(key: string): FakeCustomProperty {
    this.context.need("1.7", "CustomPropertyCollection.getItem");
    return new FakeCustomProperty(this.context, key, false);
  }
  getItemOrNullObject(key: string): FakeCustomProperty {
    this.context.need("1.7", "CustomPropertyCollection.getItemOrNullObject");
    return new FakeCustomProperty(this.context, key, true);
  }
  deleteAll(): void {
    this.context.enqueue("CustomPropertyCollection.deleteAll", null, () => this.context.excel.customProperties.clear());
  }
}

export class FakeCustomProperty extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly keyName: string,
    private readonly nullable = false,
  ) {
    super(ctx);
  }
  protected apiName(): string {
    return "CustomProperty";
  }
  private actualKey(): string | undefined {
    return [...this.context.excel.customProperties.keys()].find((k) => k.toLowerCase() === this.keyName.toLowerCase());
  }
  protected override nullNow(): boolean {
    if (this.actualKey() !== undefined) return false;
    if (this.nullable) return true;
    throw itemNotFound(`CustomProperty ${this.keyName}`);
  }
  protected scalars(): Props {
    return {
      key: { since: "1.7", read: () => this.actualKey() },
      value: { since: "1.7", read: () => this.context.excel.customProperties.get(this.actualKey() ?? "") },
      type: { since: "1.7", read: () => "String" },
    };
  }
  get key(): string {
    return this.prop("key");
  }
  get value(): string {
    return this.prop("value");
  }
  delete(): void {
    this.context.enqueue("CustomProperty.delete", this.keyName, () => {
      const k = this.actualKey();
      if (k === undefined) throw itemNotFound(`CustomProperty ${this.keyName}`);
      this.context.excel.customProperties.delete(k);
    });
  }
}

// ---------------------------------------------------------------- worksheets

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet> {
  protected apiName(): string {
    return "WorksheetCollection";
  }
  protected materialize(): FakeWorksheet[] {
    return this.context.excel.sheets.map((s) => FakeWorksheet.byId(this.context, s.id));
  }
  getItem(name: string): FakeWorksheet {
    const ws = FakeWorksheet.byName(this.context, name, false);
    this.context.enqueue("WorksheetCollection.getItem", name, () => void ws.sheetNow());
    return ws;
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    this.context.need("1.4", "WorksheetCollection.getItemOrNullObject");
    return FakeWorksheet.byName(this.context, name, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.excel.activeSheet(), false);
  }
  add(name?: string): FakeWorksheet {
    const box: { id?: string } = {};
    this.context.enqueue("WorksheetCollection.add", name ?? null, () => {
      box.id = this.context.excel.createSheet(name).id;
    });
    return new FakeWorksheet(this.context, () => this.context.excel.sheets.find((s) => s.id === box.id) ?? null, false);
  }
}

export class FakeWorksheet extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly resolve: () => FakeSheet | null,
    private readonly nullable: boolean,
    private readonly label = "Worksheet",
  ) {
    super(ctx);
  }
  static byName(ctx: FakeRequestContext, name: string, nullable: boolean): FakeWorksheet {
    return new FakeWorksheet(ctx, () => ctx.excel.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null, nullable, `Worksheet '${name}'`);
  }
  static byId(ctx: FakeRequestContext, id: string): FakeWorksheet {
    return new FakeWorksheet(ctx, () => ctx.excel.sheets.find((s) => s.id === id) ?? null, false);
  }
  protected apiName(): string {
    return "Worksheet";
  }
  sheetNow(): FakeSheet {
    const s = this.resolve();
    if (!s) throw itemNotFound(this.label);
    return s;
  }
  protected override nullNow(): boolean {
    if (this.resolve()) return false;
    if (this.nullable) return true;
    throw itemNotFound(this.label);
  }
  protected scalars(): Props {
    return {
      name: { since: "1.1", read: () => this.sheetNow().name },
      id: { since: "1.1", read: () => this.sheetNow().id },
      position: { since: "1.1", read: () => this.context.excel.sheets.indexOf(this.sheetNow()) },
      visibility: { since: "1.1", read: () => this.sheetNow().visibility },
    };
  }
  protected override navigations(): Navs {
    return { protection: { since: "1.2", get: () => this.memo("protection", () => new FakeWorksheetProtection(this.context, this)) } };
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.context.enqueue("Worksheet.name", v, () => {
      this.sheetNow().name = v;
    });
  }
  get id(): string {
    return this.prop("id");
  }
  get visibility(): string {
    return this.prop("visibility");
  }
  set visibility(v: string) {
    this.context.need("1.2", "Worksheet.visibility (set)");
    this.context.enqueue("Worksheet.visibility", v, () => {
      this.sheetNow().visibility = v as FakeSheet["visibility"];
    });
  }
  activate(): void {
    this.context.enqueue("Worksheet.activate", null, () => {
      const s = this.sheetNow();
      if (s.visibility !== "Visible") throw new FakeOfficeError("InvalidOperation", "A hidden sheet cannot be activated.", "Worksheet.activate");
      this.context.excel.active = s.id;
    });
  }
  delete(): void {
    this.context.enqueue("Worksheet.delete", null, () => this.context.excel.deleteSheet(this.sheetNow()));
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this, () => (address ? parseArea(address) : { top: 0, left: 0, bottom: 1048575, right: 16383 }));
  }
  getRanges(address: string): FakeRangeAreas {
    this.context.need("1.9", "Worksheet.getRanges");
    return new FakeRangeAreas(this.context, this, address.split(/[,;]/).map((a) => a.trim()).filter(Boolean));
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.context.need("1.2", "Worksheet.getUsedRange(valuesOnly)");
    // a blank sheet gives its top-left cell (Excel does not throw here)
    return new FakeRange(this.context, this, () => usedArea(this.sheetNow(), valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.context.need("1.4", "Worksheet.getUsedRangeOrNullObject");
    return new FakeRange(this.context, this, () => usedArea(this.sheetNow(), valuesOnly === true), true);
  }
  get protection(): FakeWorksheetProtection {
    this.context.need("1.2", "Worksheet.protection");
    return this.memo("protection", () => new FakeWorksheetProtection(this.context, this));
  }
  get freezePanes(): FakeFreezePanes {
    this.context.need("1.7", "Worksheet.freezePanes");
    return new FakeFreezePanes(this.context, this);
  }
  get pageLayout(): FakePageLayout {
    this.context.need("1.9", "Worksheet.pageLayout");
    return new FakePageLayout(this.context, this);
  }
  get notes(): FakeNoteCollection {
    this.context.need("1.18", "Worksheet.notes");
    return new FakeNoteCollection(this.context, this);
  }
  get comments(): FakeCommentCollection {
    this.context.need("1.10", "Worksheet.comments");
    return new FakeCommentCollection(this.context, this);
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.context, this);
  }
  get onChanged(): FakeEvent {
    this.context.need("1.7", "Worksheet.onChanged");
    return new FakeEvent(this.context, this);
  }
}

/**
 * Worksheet.charts, ExcelApi 1.1: "A collection of all the chart objects on a worksheet"; add(type, sourceData,
 * seriesBy) "Creates a new chart" (learn.microsoft.com, Excel.ChartCollection class, [API set: ExcelApi 1.1]).
 * Chart.setPosition(startCell, endCell) and ChartTitle.text are ExcelApi 1.1 too (@types/office-js JSDoc of
 * Excel.Chart and Excel.ChartTitle). Only what the add-in uses is imitated: a chart is data a test inspects.
 */
export class FakeChartCollection {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {}
  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChartObject {
    const box: { chart?: FakeChart } = {};
    this.ctx.enqueue("ChartCollection.add", [type, seriesBy], () => {
      const sheet = this.ws.sheetNow();
      assertEditable(sheet, null, "objects", "ChartCollection.add");
      const { sheet: from, area } = sourceData.targetNow();
      const chart: FakeChart = { name: `Chart ${sheet.charts.length + 1}`, type, source: `${quoteSheet(from.name)}!${areaAddress(area)}`, seriesBy, title: null, position: null };
      sheet.charts.push(chart);
      box.chart = chart;
    });
    return new FakeChartObject(this.ctx, () => box.chart);
  }
}

export class FakeChartObject {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly chart: () => FakeChart | undefined,
  ) {}
  private now(api: string): FakeChart {
    const c = this.chart();
    if (!c) throw itemNotFound(api);
    return c;
  }
  get title(): { text: string } {
    const setText = (v: string) => this.ctx.enqueue("ChartTitle.text", v, () => void (this.now("ChartTitle").title = v));
    return {
      get text(): string {
        throw new RangeError("the fake does not load chart titles");
      },
      set text(v: string) {
        setText(v);
      },
    };
  }
  setPosition(startCell: string, endCell?: string): void {
    this.ctx.enqueue("Chart.setPosition", [startCell, endCell ?? null], () => {
      parseArea(startCell);
      if (endCell !== undefined) parseArea(endCell);
      this.now("Chart").position = { start: startCell, end: endCell ?? null };
    });
  }
}

export class FakeEvent {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {}
  add(handler: (args: FakeChangedEvent) => Promise<unknown>): { context: FakeRequestContext; remove: () => void } {
    let sheet: FakeSheet | undefined;
    this.ctx.enqueue("Worksheet.onChanged.add", null, () => {
      sheet = this.ws.sheetNow();
      sheet.changeHandlers.add(handler);
    });
    return {
      context: this.ctx,
      remove: () => this.ctx.enqueue("EventHandlerResult.remove", null, () => void sheet?.changeHandlers.delete(handler)),
    };
  }
}

export class FakeWorksheetProtection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {
    super(ctx);
  }
  protected apiName(): string {
    return "WorksheetProtection";
  }
  protected scalars(): Props {
    return {
      protected: { since: "1.2", read: () => this.ws.sheetNow().protection.protected },
      options: { since: "1.2", read: () => ({ ...this.ws.sheetNow().protection.options }) },
    };
  }
  get protected(): boolean {
    return this.prop("protected");
  }
  get options(): Record<string, boolean> {
    return this.prop("options");
  }
  protect(options?: Record<string, boolean>, password?: string): void {
    if (password !== undefined) this.context.need("1.7", "WorksheetProtection.protect(password)");
    // each option has its own requirement set (@types/office-js JSDoc of WorksheetProtectionOptions): allowEditObjects,
    // allowEditScenarios and selectionMode are ExcelApi 1.7, the rest 1.2; one from a later set fails like any API of it
    for (const key of Object.keys(options ?? {}))
      if (["allowEditObjects", "allowEditScenarios", "selectionMode"].includes(key)) this.context.need("1.7", `WorksheetProtectionOptions.${key}`);
    this.context.enqueue("WorksheetProtection.protect", options ?? {}, () => {
      const s = this.ws.sheetNow();
      if (s.protection.protected) throw new FakeOfficeError("InvalidOperation", "The sheet is already protected.", "WorksheetProtection.protect");
      s.protection = { protected: true, options: { ...(options ?? {}) } };
    });
  }
  unprotect(): void {
    this.context.enqueue("WorksheetProtection.unprotect", null, () => {
      this.ws.sheetNow().protection = { protected: false, options: {} };
    });
  }
}

export class FakeFreezePanes {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {}
  freezeRows(count?: number): void {
    this.ctx.enqueue("WorksheetFreezePanes.freezeRows", count ?? 1, () => {
      this.ws.sheetNow().frozenRows = count ?? 1;
    });
  }
  unfreeze(): void {
    this.ctx.enqueue("WorksheetFreezePanes.unfreeze", null, () => {
      this.ws.sheetNow().frozenRows = 0;
    });
  }
}

export class FakePageLayout {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
  ) {}
  private setProp(name: string, v: unknown): void {
    this.ctx.enqueue(`PageLayout.${name}`, v, () => {
      this.ws.sheetNow().pageLayout[name] = v;
    });
  }
  set orientation(v: string) {
    this.setProp("orientation", v);
  }
  set paperSize(v: string) {
    this.setProp("paperSize", v);
  }
  /**
   * A fit-to-pages zoom set through the API does not take effect until the user has the Page Layout tab shown
   * (OfficeDev/office-js issue #1860, "horizontalFitToPages does not set if Page Layout tab is not selected"; a scale
   * zoom does): the fake keeps it aside as not applied.
   */
  set zoom(v: unknown) {
    const fit = typeof v === "object" && v !== null && ("horizontalFitToPages" in v || "verticalFitToPages" in v);
    this.setProp(fit ? "zoomNotApplied" : "zoom", v);
  }
  set centerHorizontally(v: boolean) {
    this.setProp("centerHorizontally", v);
  }
  setPrintTitleRows(address: string): void {
    this.setProp("printTitleRows", address);
  }
}

// ---------------------------------------------------------------- ranges

export class FakeRange extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    readonly worksheet: FakeWorksheet,
    private readonly resolveArea: () => Area | null,
    private readonly nullable = false,
  ) {
    super(ctx);
  }
  protected apiName(): string {
    return "Range";
  }
  private pinned: { sheet: FakeSheet; area: Area } | undefined;

  /** One load reads several properties of the same cells: resolve the range once for all of them. */
  override loadNow(paths: string[][]): number {
    const sheet = this.worksheet.sheetNow();
    const area = this.resolveArea();
    this.pinned = area ? { sheet, area } : undefined;
    this.pinnedNull = area === null;
    try {
      return super.loadNow(paths);
    } finally {
      this.pinned = undefined;
      this.pinnedNull = undefined;
    }
  }
  private pinnedNull: boolean | undefined;

  /** Sheet and area at sync time. */
  targetNow(): { sheet: FakeSheet; area: Area } {
    if (this.pinned) return this.pinned;
    const sheet = this.worksheet.sheetNow();
    const area = this.resolveArea();
    if (!area) throw new FakeOfficeError("InvalidOperation", "This operation cannot be performed on a null object.", "Range");
    return { sheet, area };
  }
  protected override nullNow(): boolean {
    if (this.pinnedNull !== undefined) return this.nullable && this.pinnedNull;
    this.worksheet.sheetNow();
    return this.nullable && this.resolveArea() === null;
  }
  protected scalars(): Props {
    const t = () => this.targetNow();
    return {
      address: { since: "1.1", read: () => `${quoteSheet(t().sheet.name)}!${areaAddress(t().area)}` },
      // past the get limit (FakeExcelOptions.maxGetCells) Excel answers null, not the cells
      values: { since: "1.1", read: () => this.gettable() && readMatrix(t().sheet, t().area, displayValue) },
      formulas: { since: "1.1", read: () => this.gettable() && readMatrix(t().sheet, t().area, (c) => (c?.formula !== undefined ? `=${c.formula}` : displayValue(c))) },
      numberFormat: { since: "1.1", read: () => this.gettable() && readMatrix(t().sheet, t().area, (c) => c?.numberFormat ?? "General") },
      valueTypes: { since: "1.1", read: () => this.gettable() && readMatrix(t().sheet, t().area, valueType) },
      rowIndex: { since: "1.1", read: () => t().area.top },
      columnIndex: { since: "1.1", read: () => t().area.left },
      rowCount: { since: "1.1", read: () => t().area.bottom - t().area.top + 1 },
      columnCount: { since: "1.1", read: () => t().area.right - t().area.left + 1 },
    };
  }
  /** null (what Excel answers) when the range has more cells than a get may return. */
  private gettable(): true | null {
    const { area } = this.targetNow();
    return (area.bottom - area.top + 1) * (area.right - area.left + 1) > this.context.excel.maxGetCells ? null : true;
  }
  protected override navigations(): Navs {
    return {
      format: { since: "1.1", get: () => this.format },
      worksheet: { since: "1.1", get: () => this.worksheet },
    };
  }
  get address(): string {
    return this.prop("address");
  }
  get values(): Scalar[][] {
    return this.prop("values");
  }
  set values(v: unknown) {
    this.write("values", v);
  }
  get formulas(): Scalar[][] {
    return this.prop("formulas");
  }
  set formulas(v: unknown) {
    this.write("formulas", v);
  }
  get numberFormat(): string[][] {
    return this.prop("numberFormat");
  }
  set numberFormat(v: unknown) {
    this.context.enqueue("Range.numberFormat", v, () => {
      const { sheet, area } = this.targetNow();
      assertEditable(sheet, area, "format", "Range.numberFormat");
      forEachInput(area, v as string, "Range.numberFormat", (r, c, f) => {
        cellAt(sheet, r, c).numberFormat = String(f);
      });
    });
  }
  get valueTypes(): string[][] {
    return this.prop("valueTypes");
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  private write(kind: "values" | "formulas", v: unknown): void {
    this.context.enqueue(`Range.${kind}`, v, () => {
      const { sheet, area } = this.targetNow();
      assertEditable(sheet, area, "content", `Range.${kind}`);
      forEachInput(area, v, `Range.${kind}`, (r, c, x) => writeValue(cellAt(sheet, r, c), x));
    });
  }
  get format(): FakeRangeFormat {
    return this.memo("format", () => new FakeRangeFormat(this.context, this));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    this.context.need("1.6", "Range.conditionalFormats");
    return new FakeConditionalFormatCollection(this.context, this.worksheet, () => [this.targetNow().area]);
  }
  get dataValidation(): FakeDataValidation {
    this.context.need("1.8", "Range.dataValidation");
    return new FakeDataValidation(this.context, this);
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, this.worksheet, () => {
      const a = this.targetNow().area;
      return { top: a.top + row, left: a.left + column, bottom: a.top + row, right: a.left + column };
    });
  }
  select(): void {
    this.context.enqueue("Range.select", null, () => {
      const { sheet, area } = this.targetNow();
      if (this.context.excel.active !== sheet.id) throw new FakeOfficeError("InvalidOperation", "The range must be on the active sheet to be selected.", "Range.select");
      this.context.excel.selection = `${quoteSheet(sheet.name)}!${areaAddress(area)}`;
    });
  }
  set columnHidden(v: boolean) {
    this.context.need("1.2", "Range.columnHidden");
    this.context.enqueue("Range.columnHidden", v, () => {
      const { sheet, area } = this.targetNow();
      assertEditable(sheet, null, "columns", "Range.columnHidden");
      for (let c = area.left; c <= area.right; c++) sheet.hiddenColumns.add(c);
    });
  }
  merge(across?: boolean): void {
    this.context.need("1.2", "Range.merge");
    this.context.enqueue("Range.merge", across ?? false, () => {
      const { sheet, area } = this.targetNow();
      assertEditable(sheet, null, "format", "Range.merge");
      sheet.merges.push(areaAddress(area));
    });
  }
}

export class FakeRangeAreas extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
    private readonly areas: string[],
  ) {
    super(ctx);
  }
  protected apiName(): string {
    return "RangeAreas";
  }
  protected scalars(): Props {
    return {
      address: { since: "1.9", read: () => this.areas.map((a) => `${quoteSheet(this.ws.sheetNow().name)}!${a}`).join(",") },
      areaCount: { since: "1.9", read: () => this.areas.length },
    };
  }
  get address(): string {
    return this.prop("address");
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    this.context.need("1.9", "RangeAreas.conditionalFormats");
    return new FakeConditionalFormatCollection(this.context, this.ws, () => this.areas.map((a) => parseArea(a)));
  }
}

/** A format property over a range as Excel reports it: the cells' common value, or null when they differ. */
function uniformOver<T>(range: FakeRange, read: (c: FakeCell | undefined) => T): T | null {
  const { sheet, area } = range.targetNow();
  const all = readMatrix(sheet, area, read).flat();
  return all.every((x) => x === all[0]) ? (all[0] ?? null) : null;
}

export class FakeRangeFormat extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected apiName(): string {
    return "RangeFormat";
  }
  protected scalars(): Props {
    return {
      horizontalAlignment: { since: "1.1", read: () => uniformOver(this.range, (c) => c?.horizontalAlignment ?? "General") },
      verticalAlignment: { since: "1.1", read: () => uniformOver(this.range, (c) => c?.verticalAlignment ?? "Bottom") },
      wrapText: { since: "1.1", read: () => uniformOver(this.range, (c) => c?.wrapText ?? false) },
    };
  }
  protected override navigations(): Navs {
    return {
      fill: { since: "1.1", get: () => this.fill },
      protection: { since: "1.2", get: () => this.memo("protection", () => new FakeFormatProtection(this.context, this.range)) },
    };
  }
  private setEach(name: string, what: Protectable, apply: (c: FakeCell) => void): void {
    this.context.enqueue(`RangeFormat.${name}`, null, () => {
      const { sheet, area } = this.range.targetNow();
      assertEditable(sheet, null, what, `RangeFormat.${name}`);
      for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) apply(cellAt(sheet, r, c));
    });
  }
  set horizontalAlignment(v: string) {
    this.setEach("horizontalAlignment", "format", (c) => (c.horizontalAlignment = v));
  }
  set verticalAlignment(v: string) {
    this.setEach("verticalAlignment", "format", (c) => (c.verticalAlignment = v));
  }
  set wrapText(v: boolean) {
    this.setEach("wrapText", "format", (c) => (c.wrapText = v));
  }
  set columnWidth(v: number) {
    this.context.need("1.2", "RangeFormat.columnWidth");
    this.context.enqueue("RangeFormat.columnWidth", v, () => {
      const { sheet, area } = this.range.targetNow();
      assertEditable(sheet, null, "columns", "RangeFormat.columnWidth");
      for (let c = area.left; c <= area.right; c++) sheet.columnWidths.set(c, v);
    });
  }
  set rowHeight(v: number) {
    this.context.need("1.2", "RangeFormat.rowHeight");
    this.context.enqueue("RangeFormat.rowHeight", v, () => {
      const { sheet, area } = this.range.targetNow();
      assertEditable(sheet, null, "rows", "RangeFormat.rowHeight");
      for (let r = area.top; r <= area.bottom; r++) sheet.rowHeights.set(r, v);
    });
  }
  get fill(): FakeRangeFill {
    return this.memo("fill", () => new FakeRangeFill(this.context, this.range));
  }
  get font(): FakeRangeFont {
    return new FakeRangeFont(this.context, this.range);
  }
  get borders(): { getItem: (edge: string) => { style: string; color: string } } {
    const setEach = (name: string, apply: (c: FakeCell) => void) => this.setEach(name, "format", apply);
    return {
      getItem: (edge: string) => ({
        set style(v: string) {
          setEach(`borders.${edge}.style`, (c) => (c.border = v));
        },
        set color(_v: string) {
          setEach(`borders.${edge}.color`, () => undefined);
        },
        get style(): string {
          throw new FakeOfficeError("PropertyNotLoaded", "The property 'style' is not available.");
        },
        get color(): string {
          throw new FakeOfficeError("PropertyNotLoaded", "The property 'color' is not available.");
        },
      }),
    };
  }
  get protection(): FakeFormatProtection {
    this.context.need("1.2", "RangeFormat.protection");
    return this.memo("protection", () => new FakeFormatProtection(this.context, this.range));
  }
  /** Used by the fill and font proxies. */
  setCells(name: string, what: Protectable, apply: (c: FakeCell) => void): void {
    this.setEach(name, what, apply);
  }
}

export class FakeRangeFill extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected apiName(): string {
    return "RangeFill";
  }
  protected scalars(): Props {
    return {
      // Excel answers #FFFFFF for "no fill", and null when the cells differ
      color: {
        since: "1.1",
        read: () => uniformOver(this.range, (c) => c?.fill ?? NO_FILL),
      },
    };
  }
  get color(): string {
    return this.prop("color");
  }
  set color(v: string) {
    const color = normColor(v);
    new FakeRangeFormat(this.context, this.range).setCells("fill.color", "format", (c) => (c.fill = color));
  }
  clear(): void {
    new FakeRangeFormat(this.context, this.range).setCells("fill.clear", "format", (c) => delete c.fill);
  }
}

export class FakeRangeFont {
  private readonly fmt: FakeRangeFormat;
  constructor(ctx: FakeRequestContext, range: FakeRange) {
    this.fmt = new FakeRangeFormat(ctx, range);
  }
  private set1(name: keyof NonNullable<FakeCell["font"]>, v: unknown): void {
    this.fmt.setCells(`font.${name}`, "format", (c) => {
      c.font = { ...(c.font ?? {}), [name]: v };
    });
  }
  set bold(v: boolean) {
    this.set1("bold", v);
  }
  set italic(v: boolean) {
    this.set1("italic", v);
  }
  set underline(v: string) {
    this.set1("underline", v);
  }
  set size(v: number) {
    this.set1("size", v);
  }
  set color(v: string) {
    this.set1("color", normColor(v));
  }
  set name(v: string) {
    this.set1("name", v);
  }
}

export class FakeFormatProtection extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected apiName(): string {
    return "FormatProtection";
  }
  protected scalars(): Props {
    return {
      locked: {
        since: "1.2",
        read: () => uniformOver(this.range, (c) => c?.locked !== false),
      },
    };
  }
  get locked(): boolean {
    return this.prop("locked");
  }
  set locked(v: boolean) {
    this.context.enqueue("FormatProtection.locked", v, () => {
      const { sheet, area } = this.range.targetNow();
      // Excel refuses to change locking on a protected sheet
      if (sheet.protection.protected) throw accessDenied("FormatProtection.locked");
      for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) cellAt(sheet, r, c).locked = v;
    });
  }
}

export class FakeDataValidation {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly range: FakeRange,
  ) {}
  private entry(): FakeSheet["validations"][number] {
    const { sheet, area } = this.range.targetNow();
    const address = areaAddress(area);
    let e = sheet.validations.find((v) => v.area === address);
    if (!e) {
      e = { area: address, rule: undefined };
      sheet.validations.push(e);
    }
    return e;
  }
  set rule(v: unknown) {
    this.ctx.enqueue("DataValidation.rule", v, () => {
      this.entry().rule = v;
    });
  }
  set prompt(v: unknown) {
    this.ctx.enqueue("DataValidation.prompt", v, () => {
      this.entry().prompt = v;
    });
  }
  set errorAlert(v: unknown) {
    this.ctx.enqueue("DataValidation.errorAlert", v, () => {
      this.entry().errorAlert = v;
    });
  }
  set ignoreBlanks(_v: boolean) {
    this.ctx.enqueue("DataValidation.ignoreBlanks", _v, () => undefined);
  }
}

// ---------------------------------------------------------------- conditional formats

export class FakeConditionalFormatCollection extends FakeCollection<FakeConditionalFormatObject> {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
    private readonly areasNow: () => Area[],
  ) {
    super(ctx);
  }
  protected apiName(): string {
    return "ConditionalFormatCollection";
  }
  private overlapping(): FakeConditionalFormat[] {
    const sheet = this.ws.sheetNow();
    const mine = this.areasNow();
    return sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => mine.some((m) => areasOverlap(parseArea(a), m))));
  }
  protected materialize(): FakeConditionalFormatObject[] {
    return this.overlapping().map((cf) => new FakeConditionalFormatObject(this.context, this.ws, () => cf, () => this.overlapping(), false));
  }
  add(type: string): FakeConditionalFormatObject {
    const box: { cf?: FakeConditionalFormat } = {};
    this.context.enqueue("ConditionalFormatCollection.add", type, () => {
      const sheet = this.ws.sheetNow();
      assertEditable(sheet, null, "format", "ConditionalFormatCollection.add");
      const cf: FakeConditionalFormat = {
        key: this.context.excel.nextId("cf"),
        type: type as FakeConditionalFormat["type"],
        areas: this.areasNow().map(areaAddress),
        formula: "",
        fill: null,
        fontColor: null,
      };
      // Excel puts a new format first (highest priority), shifting the position (and so the id) of every other
      sheet.conditionalFormats.unshift(cf);
      box.cf = cf;
    });
    return new FakeConditionalFormatObject(this.context, this.ws, () => box.cf, () => this.overlapping(), false);
  }
  /**
   * `id` is a position, resolved when the request runs: ConditionalFormat.id is "the priority of the conditional
   * format in the current ConditionalFormatCollection" (@types/office-js JSDoc; learn.microsoft.com
   * /javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member), and "priority is a number
   * equal to the index in the collection" (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting,
   * "Multiple formats and priority"). So an id read before a format was added or deleted names another format after.
   */
  getItem(id: string): FakeConditionalFormatObject {
    return new FakeConditionalFormatObject(this.context, this.ws, () => this.atPosition(id), () => this.overlapping(), false);
  }
  getItemOrNullObject(id: string): FakeConditionalFormatObject {
    return new FakeConditionalFormatObject(this.context, this.ws, () => this.atPosition(id), () => this.overlapping(), true);
  }
  private atPosition(id: string): FakeConditionalFormat | undefined {
    return /^\d+$/.test(id) ? this.overlapping()[Number(id)] : undefined;
  }
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue("ConditionalFormatCollection.getCount", null, () => result.set(this.overlapping().length));
    return result;
  }
  clearAll(): void {
    this.context.enqueue("ConditionalFormatCollection.clearAll", null, () => {
      const sheet = this.ws.sheetNow();
      const gone = new Set(this.overlapping());
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !gone.has(cf));
    });
  }
}

export class FakeConditionalFormatObject extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet,
    private readonly cfNow: () => FakeConditionalFormat | undefined,
    private readonly collectionNow: () => FakeConditionalFormat[],
    private readonly nullable: boolean,
  ) {
    super(ctx);
  }
  protected apiName(): string {
    return "ConditionalFormat";
  }
  modelNow(): FakeConditionalFormat {
    const cf = this.cfNow();
    if (!cf || !this.ws.sheetNow().conditionalFormats.includes(cf)) throw itemNotFound("ConditionalFormat");
    return cf;
  }
  protected override nullNow(): boolean {
    const cf = this.cfNow();
    if (cf && this.ws.sheetNow().conditionalFormats.includes(cf)) return false;
    if (this.nullable) return true;
    throw itemNotFound("ConditionalFormat");
  }
  protected scalars(): Props {
    return {
      // its position in the collection it was reached through, as of this request (see getItem)
      id: { since: "1.6", read: () => String(this.collectionNow().indexOf(this.modelNow())) },
      type: { since: "1.6", read: () => this.modelNow().type },
      priority: { since: "1.6", read: () => this.collectionNow().indexOf(this.modelNow()) },
    };
  }
  protected override navigations(): Navs {
    return {
      custom: { since: "1.6", get: () => this.customOf(false) },
      customOrNullObject: { since: "1.6", get: () => this.customOf(true) },
    };
  }
  get id(): string {
    return this.prop("id");
  }
  get type(): string {
    return this.prop("type");
  }
  private customOf(nullable: boolean): FakeCustomConditionalFormat {
    return this.memo(`custom:${nullable}`, () => this.makeCustom(nullable));
  }
  private makeCustom(nullable: boolean): FakeCustomConditionalFormat {
    return new FakeCustomConditionalFormat(this.context, () => {
      const cf = this.modelNow();
      if (cf.type === "Custom") return cf;
      if (nullable) return null;
      throw new FakeOfficeError("InvalidOperation", "This conditional format is not of type Custom.", "ConditionalFormat.custom");
    });
  }
  get custom(): FakeCustomConditionalFormat {
    return this.customOf(false);
  }
  get customOrNullObject(): FakeCustomConditionalFormat {
    return this.customOf(true);
  }
  getRange(): FakeRange {
    return new FakeRange(this.context, this.ws, () => {
      const areas = this.modelNow().areas;
      if (areas.length !== 1) throw new FakeOfficeError("InvalidOperation", "The conditional format applies to several areas.", "ConditionalFormat.getRange");
      return parseArea(areas[0]!);
    });
  }
  delete(): void {
    this.context.enqueue("ConditionalFormat.delete", null, () => {
      const sheet = this.ws.sheetNow();
      const cf = this.modelNow();
      assertEditable(sheet, null, "format", "ConditionalFormat.delete");
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c !== cf);
    });
  }
}

export class FakeCustomConditionalFormat extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly cfNow: () => FakeConditionalFormat | null,
  ) {
    super(ctx);
  }
  protected apiName(): string {
    return "CustomConditionalFormat";
  }
  protected override nullNow(): boolean {
    return this.cfNow() === null;
  }
  protected scalars(): Props {
    return {};
  }
  protected override navigations(): Navs {
    return { rule: { since: "1.6", get: () => this.rule } };
  }
  private must(): FakeConditionalFormat {
    const cf = this.cfNow();
    if (!cf) throw new FakeOfficeError("InvalidOperation", "This operation cannot be performed on a null object.", "CustomConditionalFormat");
    return cf;
  }
  get rule(): FakeConditionalFormatRule {
    return this.memo("rule", () => new FakeConditionalFormatRule(this.context, () => this.cfNow()));
  }
  get format(): { fill: { color: string }; font: { color: string } } {
    const ctx = this.context;
    const must = () => this.must();
    return {
      fill: {
        set color(v: string) {
          const c = normColor(v);
          ctx.enqueue("ConditionalRangeFormat.fill.color", v, () => void (must().fill = c));
        },
        get color(): string {
          throw new FakeOfficeError("PropertyNotLoaded", "The property 'color' is not available.");
        },
      },
      font: {
        set color(v: string) {
          const c = normColor(v);
          ctx.enqueue("ConditionalRangeFormat.font.color", v, () => void (must().fontColor = c));
        },
        get color(): string {
          throw new FakeOfficeError("PropertyNotLoaded", "The property 'color' is not available.");
        },
      },
    };
  }
}

export class FakeConditionalFormatRule extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly cfNow: () => FakeConditionalFormat | null,
  ) {
    super(ctx);
  }
  protected apiName(): string {
    return "ConditionalFormatRule";
  }
  protected override nullNow(): boolean {
    return this.cfNow() === null;
  }
  protected scalars(): Props {
    return { formula: { since: "1.6", read: () => this.cfNow()?.formula ?? null } };
  }
  get formula(): string {
    return this.prop("formula");
  }
  set formula(v: string) {
    this.context.enqueue("ConditionalFormatRule.formula", v, () => {
      const cf = this.cfNow();
      if (!cf) throw new FakeOfficeError("InvalidOperation", "null object", "ConditionalFormatRule.formula");
      cf.formula = v;
    });
  }
}

// ---------------------------------------------------------------- notes and comments

function cellTarget(ctx: FakeRequestContext, where: string | FakeRange, defaultSheet: FakeWorksheet | null): { sheet: FakeSheet; cell: string } {
  if (where instanceof FakeRange) {
    const { sheet, area } = where.targetNow();
    if (area.top !== area.bottom || area.left !== area.right) throw invalidArgument("cellAddress", "a single cell is required");
    return { sheet, cell: cellAddress(area.top, area.left) };
  }
  const { sheet: name, area } = splitAddress(where);
  const sheet = name !== undefined ? ctx.excel.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) : defaultSheet?.sheetNow();
  if (!sheet) throw invalidArgument("cellAddress", `no sheet for ${where}`);
  const a = parseArea(area);
  if (a.top !== a.bottom || a.left !== a.right) throw invalidArgument("cellAddress", "a single cell is required");
  return { sheet, cell: cellAddress(a.top, a.left) };
}

/**
 * A cell holds a note or a threaded comment, not both (support.microsoft.com, "The difference between threaded
 * comments and notes"). The Office.js reference names no error for adding one where the other is, so the fake raises
 * a code the host cannot have been written against: whatever Excel answers, the host must cope.
 */
function noteAndComment(where: string, cell: string): FakeOfficeError {
  return new FakeOfficeError("GeneralException", `There was an internal error while processing the request. (${cell} holds a note or a comment already)`, where);
}

export class FakeNoteCollection extends FakeCollection<FakeNoteObject> {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet | null,
  ) {
    super(ctx);
  }
  protected apiName(): string {
    return "NoteCollection";
  }
  protected materialize(): FakeNoteObject[] {
    const sheet = this.ws?.sheetNow();
    return this.context.excel.noteList
      .filter((n) => !sheet || n.sheet === sheet.name)
      .map((n) => new FakeNoteObject(this.context, () => n, false));
  }
  add(cellAddressOrRange: string | FakeRange, content: string): FakeNoteObject {
    this.context.need("1.18", "NoteCollection.add");
    let made: FakeNote | undefined;
    this.context.enqueue("NoteCollection.add", [typeof cellAddressOrRange === "string" ? cellAddressOrRange : "range", content], () => {
      const { sheet, cell } = cellTarget(this.context, cellAddressOrRange, this.ws);
      assertEditable(sheet, null, "objects", "NoteCollection.add");
      // a cell holds either a note or a threaded comment
      if (this.context.excel.noteList.some((n) => n.sheet === sheet.name && n.cell === cell))
        throw invalidArgument("NoteCollection.add", `the cell ${cell} already has a note`);
      if (this.context.excel.commentList.some((n) => n.sheet === sheet.name && n.cell === cell)) throw noteAndComment("NoteCollection.add", cell);
      made = { sheet: sheet.name, cell, content, author: this.context.excel.userName };
      this.context.excel.noteList.push(made);
    });
    return new FakeNoteObject(this.context, () => made ?? null, false);
  }
  getItem(key: string): FakeNoteObject {
    return new FakeNoteObject(this.context, () => this.find(key), false);
  }
  getItemOrNullObject(key: string): FakeNoteObject {
    return new FakeNoteObject(this.context, () => this.find(key), true);
  }
  private find(key: string): FakeNote | null {
    const { sheet, cell } = cellTarget(this.context, key, this.ws);
    return this.context.excel.noteList.find((n) => n.sheet === sheet.name && n.cell === cell) ?? null;
  }
}

/** What notes and comments share in Excel's API: a content, an author and a cell, found again at each sync. */
abstract class FakeCellAnnotation<T extends FakeNote | FakeComment> extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    protected readonly now: () => T | null,
    private readonly nullable: boolean,
  ) {
    super(ctx);
  }
  protected must(): T {
    const x = this.now();
    if (!x) throw itemNotFound(this.apiName());
    return x;
  }
  protected override nullNow(): boolean {
    if (this.now()) return false;
    if (this.nullable) return true;
    throw itemNotFound(this.apiName());
  }
  get content(): string {
    return this.prop("content");
  }
  /** Note.content (ExcelApi 1.18) and Comment.content (1.10) can be set: the same note or thread, new text. */
  set content(v: string) {
    this.context.enqueue(`${this.apiName()}.content`, v, () => {
      const x = this.must();
      const sheet = this.context.excel.sheets.find((s) => s.name === x.sheet);
      if (sheet) this.assertContentEditable(sheet);
      x.content = v;
    });
  }
  protected abstract assertContentEditable(sheet: FakeSheet): void;
  get authorName(): string {
    return this.prop("authorName");
  }
  getLocation(): FakeRange {
    const ws = new FakeWorksheet(this.context, () => this.context.excel.sheets.find((s) => s.name === this.must().sheet) ?? null, false);
    return new FakeRange(this.context, ws, () => parseArea(this.must().cell));
  }
}

export class FakeNoteObject extends FakeCellAnnotation<FakeNote> {
  protected apiName(): string {
    return "Note";
  }
  protected assertContentEditable(sheet: FakeSheet): void {
    assertEditable(sheet, null, "objects", "Note.content");
  }
  protected scalars(): Props {
    return {
      content: { since: "1.18", read: () => this.must().content },
      authorName: { since: "1.18", read: () => this.must().author },
    };
  }
  delete(): void {
    this.context.enqueue("Note.delete", null, () => {
      const n = this.must();
      const sheet = this.context.excel.sheets.find((s) => s.name === n.sheet);
      if (sheet) assertEditable(sheet, null, "objects", "Note.delete");
      this.context.excel.noteList = this.context.excel.noteList.filter((x) => x !== n);
    });
  }
}

export class FakeCommentCollection extends FakeCollection<FakeCommentObject> {
  constructor(
    ctx: FakeRequestContext,
    private readonly ws: FakeWorksheet | null,
  ) {
    super(ctx);
  }
  protected apiName(): string {
    return "CommentCollection";
  }
  protected materialize(): FakeCommentObject[] {
    const sheet = this.ws?.sheetNow();
    return this.context.excel.commentList
      .filter((c) => !sheet || c.sheet === sheet.name)
      .map((c) => new FakeCommentObject(this.context, () => c, false));
  }
  add(cellAddressOrRange: string | FakeRange, content: string, contentType?: string): FakeCommentObject {
    this.context.need("1.10", "CommentCollection.add");
    if (contentType === "Mention") this.context.need("1.11", "CommentCollection.add(Mention)");
    let made: FakeComment | undefined;
    this.context.enqueue("CommentCollection.add", [typeof cellAddressOrRange === "string" ? cellAddressOrRange : "range", content], () => {
      const { sheet, cell } = cellTarget(this.context, cellAddressOrRange, this.ws);
      if (sheet.protection.protected) throw accessDenied("CommentCollection.add");
      if (this.context.excel.commentList.some((c) => c.sheet === sheet.name && c.cell === cell))
        throw invalidArgument("CommentCollection.add", `the cell ${cell} already has a comment`);
      if (this.context.excel.noteList.some((n) => n.sheet === sheet.name && n.cell === cell)) throw noteAndComment("CommentCollection.add", cell);
      made = { id: this.context.excel.nextId("comment"), sheet: sheet.name, cell, content, author: this.context.excel.userName, replies: [] };
      this.context.excel.commentList.push(made);
    });
    return new FakeCommentObject(this.context, () => made ?? null, false);
  }
  getItem(id: string): FakeCommentObject {
    return new FakeCommentObject(this.context, () => this.context.excel.commentList.find((c) => c.id === id) ?? null, false);
  }
  getItemByCell(address: string): FakeCommentObject {
    return new FakeCommentObject(
      this.context,
      () => {
        const { sheet, cell } = cellTarget(this.context, address, this.ws);
        return this.context.excel.commentList.find((c) => c.sheet === sheet.name && c.cell === cell) ?? null;
      },
      false,
    );
  }
}

export class FakeCommentObject extends FakeCellAnnotation<FakeComment> {
  protected apiName(): string {
    return "Comment";
  }
  protected assertContentEditable(sheet: FakeSheet): void {
    if (sheet.protection.protected) throw accessDenied("Comment.content");
  }
  /** Comment.replies (ExcelApi 1.10). */
  get replies(): FakeCommentReplyCollection {
    return this.memo("replies", () => new FakeCommentReplyCollection(this.context, () => this.must()));
  }
  protected scalars(): Props {
    return {
      id: { since: "1.10", read: () => this.must().id },
      content: { since: "1.10", read: () => this.must().content },
      authorName: { since: "1.10", read: () => this.must().author },
    };
  }
  get id(): string {
    return this.prop("id");
  }
  /** "Deletes the comment and all the connected replies" (@types/office-js JSDoc of Comment.delete). */
  delete(): void {
    this.context.enqueue("Comment.delete", null, () => {
      const c = this.must();
      const sheet = this.context.excel.sheets.find((s) => s.name === c.sheet);
      if (sheet?.protection.protected) throw accessDenied("Comment.delete");
      this.context.excel.commentList = this.context.excel.commentList.filter((x) => x !== c);
    });
  }
}

export class FakeCommentReplyCollection extends FakeCollection<FakeClientObject> {
  constructor(
    ctx: FakeRequestContext,
    private readonly comment: () => FakeComment,
  ) {
    super(ctx);
  }
  protected apiName(): string {
    return "CommentReplyCollection";
  }
  protected materialize(): FakeClientObject[] {
    return this.comment().replies.map((r) => new FakeCommentReply(this.context, r));
  }
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.context.enqueue("CommentReplyCollection.getCount", null, () => result.set(this.comment().replies.length));
    return result;
  }
}

class FakeCommentReply extends FakeClientObject {
  constructor(
    ctx: FakeRequestContext,
    private readonly reply: FakeComment["replies"][number],
  ) {
    super(ctx);
  }
  protected apiName(): string {
    return "CommentReply";
  }
  protected scalars(): Props {
    return {
      id: { since: "1.10", read: () => this.reply.id },
      content: { since: "1.10", read: () => this.reply.content },
      authorName: { since: "1.10", read: () => this.reply.author },
    };
  }
}
