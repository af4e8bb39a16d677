// FakeExcel: an in-memory workbook behind a fake Excel JavaScript API, with the requirement-set level, the request
// size limit and the round-trip counter a test needs. Tests pre-populate user content and inspect the result.

import { cellAddress, parseArea, parseCell, splitAddress } from "./a1";
import { FakeRequestContext, type SyncRecord } from "./context";
import { FakeOfficeError, invalidArgument } from "./errors";
import { cellKey, newSheet, type FakeCell, type FakeChart, type FakeChangedEvent, type FakeComment, type FakeConditionalFormat, type FakeNote, type FakeSheet, type Scalar } from "./model";
import { FakeWorkbookObject } from "./objects";
import { ruleApplies, type FormulaValue } from "./formula";

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set supported, e.g. "1.1", "1.7", "1.14", "1.18". */
  apiVersion: string;
  /** Sheets to start with (default: one "Sheet1"). */
  sheets?: string[];
  /**
   * Excel on the web refuses requests and responses above 5 MB: "Excel on the web limits requests and responses to
   * 5 MB. The API returns a RichAPI.Error error if this limit is exceeded." (learn.microsoft.com, "Performance
   * optimization using the Excel JavaScript API", payload size limit best practices).
   */
  maxRequestBytes?: number;
  maxResponseBytes?: number;
  /**
   * "On all platforms, a range is limited to five million cells for get operations", and past it Range.values may be
   * null rather than an error (OfficeDev/office-js #4783, #6781; office-js-docs-pr #5821). A test may lower it.
   */
  maxGetCells?: number;
  userName?: string;
}

export type CellInput = Scalar | null | (FakeCell & { note?: string });

function minor(version: string): number {
  const m = /^1\.(\d+)$/.exec(version);
  if (!m) throw new RangeError(`not an ExcelApi version: ${version}`);
  return Number(m[1]);
}

const INVALID_SHEET_NAME = /[:\\/?*[\]]/;

export class FakeExcel {
  readonly apiVersion: string;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  readonly maxGetCells: number;
  readonly userName: string;
  sheets: FakeSheet[] = [];
  customProperties = new Map<string, string>();
  noteList: FakeNote[] = [];
  commentList: FakeComment[] = [];
  active: string | undefined;
  selection: string | undefined;
  readonly syncs: SyncRecord[] = [];
  private ids = 0;
  private pendingEvents: { sheet: FakeSheet; args: FakeChangedEvent }[] = [];

  constructor(options: FakeExcelOptions) {
    minor(options.apiVersion);
    this.apiVersion = options.apiVersion;
    this.maxRequestBytes = options.maxRequestBytes ?? 5 * 1024 * 1024;
    this.maxResponseBytes = options.maxResponseBytes ?? 5 * 1024 * 1024;
    this.maxGetCells = options.maxGetCells ?? 5_000_000;
    this.userName = options.userName ?? "Nguyễn Văn An";
    for (const name of options.sheets ?? ["Sheet1"]) this.createSheet(name);
    this.active = this.sheets[0]?.id;
  }

  // ---------------------------------------------------------- what the host is given

  /**
   * Stands in for Excel.run: `run(batch)` in a new context, or `run(batch, context)` for Excel.run(context, batch),
   * which carries on an earlier context (how an event handler is removed: "The same RequestContext object that the
   * handler was added in must be used when removing the handler", learn.microsoft.com, OfficeExtension.EventHandlerResult;
   * the "Remove an event handler" section of "Work with Events using the Excel JavaScript API" does it inside
   * Excel.run(eventResult.context, …)). Pending operations are flushed at the end, and the context is then closed:
   * a sync outside any Excel.run fails.
   */
  readonly run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>, context?: Excel.RequestContext): Promise<T> => {
    const ctx = context ? (context as unknown as FakeRequestContext) : this.newContext();
    ctx.open = true;
    try {
      const result = await batch(ctx as unknown as Excel.RequestContext);
      if (ctx.pendingOperations > 0) await ctx.sync();
      return result;
    } finally {
      ctx.open = false;
    }
  };

  /** Stands in for Office.context.requirements.isSetSupported. */
  readonly isSetSupported = (name: string, version?: string): boolean =>
    name === "ExcelApi" && (version === undefined || minor(version) <= minor(this.apiVersion));

  newContext(): FakeRequestContext {
    const ctx = new FakeRequestContext(this);
    ctx.workbook = new FakeWorkbookObject(ctx);
    return ctx;
  }

  supports(version: string): boolean {
    return minor(version) <= minor(this.apiVersion);
  }

  // ---------------------------------------------------------- round trips

  get syncCount(): number {
    return this.syncs.length;
  }

  recordSync(r: SyncRecord): void {
    this.syncs.push(r);
  }

  resetStats(): void {
    this.syncs.length = 0;
  }

  /** Round trips since `from` (an earlier syncCount), with their size. */
  syncsSince(from: number): SyncRecord[] {
    return this.syncs.slice(from);
  }

  // ---------------------------------------------------------- model changes used by the objects

  nextId(prefix: string): string {
    return `${prefix}-${++this.ids}`;
  }

  createSheet(name?: string): FakeSheet {
    const wanted = name ?? `Sheet${this.sheets.length + 1}`;
    if (!wanted.trim() || wanted.length > 31 || INVALID_SHEET_NAME.test(wanted) || wanted.startsWith("'"))
      throw invalidArgument("WorksheetCollection.add", `invalid sheet name "${wanted}"`);
    if (this.sheets.some((s) => s.name.toLowerCase() === wanted.toLowerCase()))
      throw new FakeOfficeError("ItemAlreadyExists", "A resource with the same name or identifier already exists.", "WorksheetCollection.add");
    const sheet = newSheet(`{sheet-${++this.ids}}`, wanted);
    this.sheets.push(sheet);
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    if (this.sheets.filter((s) => s.visibility === "Visible").length <= 1 && sheet.visibility === "Visible")
      throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.", "Worksheet.delete");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.noteList = this.noteList.filter((n) => n.sheet !== sheet.name);
    this.commentList = this.commentList.filter((c) => c.sheet !== sheet.name);
    if (this.active === sheet.id) this.active = this.sheets.find((s) => s.visibility === "Visible")?.id;
  }

  activeSheet(): FakeSheet | null {
    return this.sheets.find((s) => s.id === this.active) ?? null;
  }

  async flushEvents(): Promise<void> {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    for (const { sheet, args } of events) for (const h of [...sheet.changeHandlers]) await h(args);
  }

  // ---------------------------------------------------------- test set-up (user content)

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new RangeError(`no sheet "${name}"`);
    return s;
  }

  addSheet(name: string): FakeSheet {
    return this.createSheet(name);
  }

  /** The user renames a sheet: its notes and comments go with it. */
  renameSheet(from: string, to: string): void {
    const sheet = this.sheet(from);
    if (this.sheets.some((s) => s !== sheet && s.name.toLowerCase() === to.toLowerCase())) throw new RangeError(`sheet "${to}" exists`);
    for (const n of [...this.noteList, ...this.commentList]) if (n.sheet === sheet.name) n.sheet = to;
    sheet.name = to;
  }

  /** The user deletes a sheet. */
  removeSheet(name: string): void {
    this.deleteSheet(this.sheet(name));
  }

  /** The user drags a sheet's tab to `position` (0-based). */
  moveSheet(name: string, position: number): void {
    const sheet = this.sheet(name);
    const rest = this.sheets.filter((s) => s !== sheet);
    rest.splice(position, 0, sheet);
    this.sheets = rest;
  }

  /** Fills cells, e.g. setCells("Sheet1", { B3: 5, C3: { formula: "B3*2", value: 10 }, D3: { fill: "#FFFF00" } }). */
  setCells(sheetName: string, cells: Record<string, CellInput>): void {
    const sheet = this.sheet(sheetName);
    for (const [ref, input] of Object.entries(cells)) {
      const { row, col } = parseCell(ref);
      const cell: FakeCell = input !== null && typeof input === "object" ? { ...input } : input === null ? {} : { value: input };
      if ("note" in cell) {
        const note = (cell as { note?: string }).note;
        delete (cell as { note?: string }).note;
        if (note) this.addUserNote(`${sheetName}!${ref}`, note);
      }
      sheet.cells.set(cellKey(row, col), cell);
    }
  }

  /** A block of rows starting at `topLeft` (row-major values). */
  setValues(sheetName: string, topLeft: string, rows: (Scalar | null)[][]): void {
    const sheet = this.sheet(sheetName);
    const { row, col } = parseCell(topLeft);
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v === null) return;
        sheet.cells.set(cellKey(row + i, col + j), { value: v });
      }),
    );
  }

  addUserConditionalFormat(sheetName: string, areas: string[], formula: string, fill: string): FakeConditionalFormat {
    const cf: FakeConditionalFormat = { key: this.nextId("cf"), type: "Custom", areas, formula, fill, fontColor: null };
    this.sheet(sheetName).conditionalFormats.push(cf);
    return cf;
  }

  addUserNote(address: string, content: string, author = this.userName): void {
    const { sheet, cell } = this.split(address);
    this.noteList.push({ sheet, cell, content, author });
  }

  addUserComment(address: string, content: string, author = this.userName): void {
    const { sheet, cell } = this.split(address);
    this.commentList.push({ id: this.nextId("comment"), sheet, cell, content, author, replies: [] });
  }

  /** A colleague replies to the comment on `address`. */
  addReply(address: string, content: string, author = "Trần Thị Bình"): void {
    const { sheet, cell } = this.split(address);
    const comment = this.commentList.find((c) => c.sheet === sheet && c.cell === cell);
    if (!comment) throw new RangeError(`no comment on ${address}`);
    comment.replies.push({ id: this.nextId("reply"), content, author });
  }

  protect(sheetName: string, options: Record<string, boolean> = {}): void {
    this.sheet(sheetName).protection = { protected: true, options };
  }

  /** A user typing into a cell: changes the value and raises the sheet's onChanged handlers. */
  async edit(address: string, value: Scalar | null): Promise<void> {
    const { sheet, cell } = this.split(address);
    const s = this.sheet(sheet);
    const { row, col } = parseCell(cell);
    const c = s.cells.get(cellKey(row, col)) ?? {};
    if (value === null) delete c.value;
    else c.value = value;
    s.cells.set(cellKey(row, col), c);
    this.pendingEvents.push({ sheet: s, args: { address: cell, changeType: "RangeEdited", source: "Local", type: "WorksheetChanged", worksheetId: s.id } });
    await this.flushEvents();
  }

  // ---------------------------------------------------------- inspection

  private split(address: string): { sheet: string; cell: string } {
    const { sheet, area } = splitAddress(address);
    if (sheet === undefined) throw new RangeError(`address needs a sheet: ${address}`);
    const a = parseArea(area);
    return { sheet: this.sheet(sheet).name, cell: cellAddress(a.top, a.left) };
  }

  /**
   * What the user selected by hand: "'Biểu 01'!D7" (the sheet becomes the active one), "A1,C3" non-adjacent cells,
   * or "chart" for a chart or shape (then getSelectedRange refuses, as Excel does).
   */
  userSelects(address: string): void {
    if (address !== "chart") {
      const { sheet } = splitAddress(address);
      if (sheet) this.active = this.sheet(sheet).id;
    }
    this.selection = address;
  }

  /** The cell's model, e.g. fake.cell("Sheet1!B3") (undefined when never touched). */
  cell(address: string): FakeCell | undefined {
    const { sheet, cell } = this.split(address);
    const { row, col } = parseCell(cell);
    return this.sheet(sheet).cells.get(cellKey(row, col));
  }

  /**
   * The fill a person sees on the cell now: the first custom format (the collection's order is its priority,
   * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting, "Multiple formats and
   * priority") whose formula holds for the cell and that has a fill, else the cell's own fill (null: none). Formulas
   * are evaluated by ./formula.ts, relative to each format's top-left cell; other format types are not evaluated and
   * a test that needs them fails loudly.
   */
  shownFill(address: string): string | null {
    const { sheet, cell } = this.split(address);
    const s = this.sheet(sheet);
    const at = parseCell(cell);
    const read = (row: number, col: number): FormulaValue => {
      const c = s.cells.get(cellKey(row, col));
      if (c?.error !== undefined) return { error: c.error };
      if (c?.formula !== undefined && c.value === undefined) throw new RangeError(`the fake does not calculate: give ${cellAddress(row, col)} a cached value`);
      return c?.value === undefined || c.value === "" ? null : c.value;
    };
    for (const cf of s.conditionalFormats) {
      const areas = cf.areas.map(parseArea);
      if (!areas.some((a) => a.top <= at.row && at.row <= a.bottom && a.left <= at.col && at.col <= a.right)) continue;
      if (cf.type !== "Custom") throw new RangeError(`the fake does not evaluate ${cf.type} formats`);
      if (cf.fill !== null && ruleApplies(cf.formula, read, at, { row: areas[0]!.top, col: areas[0]!.left })) return cf.fill;
    }
    return s.cells.get(cellKey(at.row, at.col))?.fill ?? null;
  }

  conditionalFormats(sheetName: string): FakeConditionalFormat[] {
    return this.sheet(sheetName).conditionalFormats.map((cf) => ({ ...cf, areas: [...cf.areas] }));
  }

  charts(sheetName: string): FakeChart[] {
    return this.sheet(sheetName).charts.map((c) => ({ ...c }));
  }

  notes(): FakeNote[] {
    return this.noteList.map((n) => ({ ...n }));
  }

  comments(): FakeComment[] {
    return this.commentList.map((c) => ({ ...c, replies: c.replies.map((r) => ({ ...r })) }));
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  changeHandlerCount(sheetName: string): number {
    return this.sheet(sheetName).changeHandlers.size;
  }
}
