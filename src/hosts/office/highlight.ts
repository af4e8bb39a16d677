// Applying and clearing our marks in one write batch, from a WorkbookState read beforehand.
// ExcelApi ≥ 1.6: one always-true custom conditional format per group of cells (multi-area from 1.9), and one live
// format per cell whose finding is a comparison (Mark.live), which Excel re-evaluates as the figure changes.
// Below: fills, with the originals saved in our store; their originals need one extra read the first time. A fill
// cannot follow the figure, so there every mark is static and its note says so.

import type { HighlightPlan, Mark, Severity, Watch } from "../../core/highlight-plan";
import { isoDay, markNoteText } from "../../core/mark-notes";
import { ourLiveFormula } from "../../core/our-marks";
import type { ApplyResult } from "../host";
import { ChitieuError } from "../../core/errors";
import { areaAddress, parseCell, type Area } from "../../core/a1";
import { mergeCells } from "./a1";
import type { OfficeFeatures } from "./features";
import { NOTE_PREFIX, OUR_FORMULA, SEVERITY_COLORS, SEVERITY_RANK } from "./ours";
import { queueStoreWrite } from "./store-write";
import { EMPTY_STATE, withState, type OurState } from "./store";
import { cellKeyOf, type WorkbookState } from "./state";

type Ctx = Excel.RequestContext;

interface Target {
  sheet: string;
  cell: string;
  row: number;
  col: number;
  severity: Severity;
  messages: string[];
  /** The live conditions of its marks; null once one of them is static (then so is the cell's mark). */
  live: string[] | null;
}

/** Sheets a write added (our store sheet below ExcelApi 1.7), for the host's list of known sheets. */
export interface Added {
  addedSheets: string[];
}

/** Below Excel's 5 MB request limit, with room for our rough estimates. */
export const DEFAULT_REQUEST_BYTES = 4 * 1024 * 1024;

/** Keeps each request under the limit: a huge plan syncs in between; a normal one never does. */
export class RequestBudget {
  private bytes = 0;
  constructor(
    private readonly ctx: Ctx,
    private readonly limit: number,
  ) {}
  /** Call before queuing about `n` bytes of requests: sends what is queued first if they would not fit. */
  async spend(n: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + n > this.limit) {
      await this.ctx.sync();
      this.bytes = 0;
    }
    this.bytes += n;
  }
}

/** One target per cell: the most severe mark wins, messages are kept in order. */
function targetsOf(marks: readonly Mark[], state: WorkbookState): Target[] {
  const byKey = new Map<string, Target>();
  for (const m of marks) {
    const sheet = state.sheetNames.find((n) => n.toLowerCase() === m.sheet.toLowerCase());
    if (!sheet)
      throw new ChitieuError("error.mark-sheet-missing", { sheet: m.sheet });
    const { row, col } = parseCell(m.cell);
    const cell = m.cell.replace(/\$/g, "").toUpperCase();
    const key = cellKeyOf(sheet, cell);
    const t = byKey.get(key);
    if (!t) byKey.set(key, { sheet, cell, row, col, severity: m.severity, messages: [m.message.vi], live: m.live !== undefined ? [m.live] : null });
    else {
      if (SEVERITY_RANK[m.severity] > SEVERITY_RANK[t.severity]) t.severity = m.severity;
      if (!t.messages.includes(m.message.vi)) t.messages.push(m.message.vi);
      // a static finding on the cell keeps it marked until the next check, whatever the live ones say
      if (m.live === undefined) t.live = null;
      else if (t.live !== null && !t.live.includes(m.live)) t.live.push(m.live);
    }
  }
  return [...byKey.values()];
}

/** Watches on cells no mark takes, on sheets that exist (a watch is never worth an error). */
function watchesOf(watches: readonly Watch[], state: WorkbookState, marked: ReadonlySet<string>): { sheet: string; cell: string; live: string }[] {
  const out: { sheet: string; cell: string; live: string }[] = [];
  for (const w of watches) {
    const sheet = state.sheetNames.find((n) => n.toLowerCase() === w.sheet.toLowerCase());
    if (!sheet) continue;
    const cell = w.cell.replace(/\$/g, "").toUpperCase();
    if (!marked.has(cellKeyOf(sheet, cell))) out.push({ sheet, cell, live: w.live });
  }
  return out;
}

/** One formula for a cell: any of its marks' conditions keeps the mark. */
function liveFormulaOf(conditions: readonly string[]): string {
  return ourLiveFormula(conditions.length === 1 ? conditions[0]! : `OR(${conditions.join(",")})`);
}

function protectionOf(state: WorkbookState, sheet: string) {
  return state.protection.get(sheet.toLowerCase()) ?? { protected: false, options: {} };
}

function assertFormattable(targets: readonly Target[], state: WorkbookState): void {
  for (const t of targets) {
    const p = protectionOf(state, t.sheet);
    if (p.protected && !p.options.allowFormatCells)
      throw new ChitieuError("error.sheet-protected.format", { sheet: t.sheet });
  }
}

function sheetsOf(ctx: Ctx) {
  const cache = new Map<string, Excel.Worksheet>();
  return (name: string): Excel.Worksheet => {
    let ws = cache.get(name);
    if (!ws) {
      ws = ctx.workbook.worksheets.getItem(name);
      cache.set(name, ws);
    }
    return ws;
  };
}

function canExplainOn(f: OfficeFeatures, state: WorkbookState, sheet: string): boolean {
  const p = protectionOf(state, sheet);
  if (!p.protected) return true;
  // notes on a protected sheet need "Edit objects"; threaded comments cannot be added there at all
  return f.explanations === "notes" && p.options.allowEditObjects === true;
}

function noFill(color: string | null | undefined): boolean {
  // Excel answers #FFFFFF for "no fill"; below ExcelApi 1.9 (fill.pattern) an explicit white cannot be told apart
  return !color || color.toUpperCase() === "#FFFFFF";
}

/** What our comment says once its cell needs no more attention, when replies keep it from being deleted. */
export const RESOLVED = `${NOTE_PREFIX}ô này không còn lỗi ở lần kiểm tra gần nhất.`;

/**
 * Queues removal of everything ours, except the fills and the notes/comments on the cells in `keep` (the caller
 * rewrites those in place); returns the state that remains (things we could not remove) and a count. A threaded
 * comment with replies is never deleted ("deletes the comment and all the connected replies"): its text is replaced.
 */
function queueRemoval(
  ctx: Ctx,
  f: OfficeFeatures,
  state: WorkbookState,
  keepFills: ReadonlySet<string>,
  keep: ReadonlySet<string> = new Set(),
): { left: OurState; removed: number } {
  const sheet = sheetsOf(ctx);
  let removed = 0;
  // A rule's id is its position in the sheet's collection ("the priority of the conditional format in the current
  // ConditionalFormatCollection"), valid only until a rule is added or deleted: the positions come from the read in
  // this same Excel.run (or the one just before it), and go from the highest down so no deletion shifts the next.
  for (const r of [...state.ourRules].sort((a, b) => b.position - a.position)) {
    sheet(r.sheet).getRange().conditionalFormats.getItem(String(r.position)).delete();
    removed++;
  }
  for (const x of state.state.fills) {
    if (keepFills.has(cellKeyOf(x.sheet, x.cell)) || !state.sheetNames.some((n) => n.toLowerCase() === x.sheet.toLowerCase())) continue;
    const fill = sheet(x.sheet).getRange(x.cell).format.fill;
    if (x.fill === null) fill.clear();
    else fill.color = x.fill;
    removed++;
  }
  const left: OurState = { fills: [], notes: [], comments: [] };
  for (const n of state.notes.values()) {
    if (!n.ours || keep.has(cellKeyOf(n.sheet, n.cell))) continue;
    if (!canExplainOn(f, state, n.sheet)) left.notes.push({ sheet: n.sheet, cell: n.cell });
    else {
      // notes are addressed through their worksheet's collection, by cell (NoteCollection.getItem: "the cell address")
      sheet(n.sheet).notes.getItem(n.cell).delete();
      removed++;
    }
  }
  for (const c of state.comments.values()) {
    if (!c.ours || keep.has(cellKeyOf(c.sheet, c.cell))) continue;
    if (!canExplainOn(f, state, c.sheet)) left.comments.push({ sheet: c.sheet, cell: c.cell });
    else if (c.replies > 0) {
      ctx.workbook.comments.getItem(c.id).content = RESOLVED;
      left.comments.push({ sheet: c.sheet, cell: c.cell });
      removed++;
    } else {
      ctx.workbook.comments.getItem(c.id).delete();
      removed++;
    }
  }
  return { left, removed };
}

const ADDRESS_LIMIT = 2000;

/** Groups areas into address lists short enough for one getRanges call. */
function addressGroups(areas: readonly Area[]): string[] {
  const groups: string[] = [];
  let current = "";
  for (const a of areas) {
    const s = areaAddress(a);
    if (current && current.length + s.length + 1 > ADDRESS_LIMIT) {
      groups.push(current);
      current = "";
    }
    current = current ? `${current},${s}` : s;
  }
  if (current) groups.push(current);
  return groups;
}

function bySheetAndSeverity(targets: readonly Target[]): Map<string, { sheet: string; severity: Severity; cells: Target[] }> {
  const groups = new Map<string, { sheet: string; severity: Severity; cells: Target[] }>();
  for (const t of targets) {
    const k = `${t.sheet}\u0000${t.severity}`;
    const g = groups.get(k) ?? { sheet: t.sheet, severity: t.severity, cells: [] };
    g.cells.push(t);
    groups.set(k, g);
  }
  return groups;
}

/**
 * A custom format's formula is written as for the range's top-left cell (learn.microsoft.com ExcelScript
 * ConditionalFormatRule example: "=" + getCell(0, 0).getAddress() + ">" …): a live rule is added on its one cell, so
 * its relative references mean exactly the cells named.
 */
function addOurRule(collection: Excel.ConditionalFormatCollection, severity: Severity, formula = OUR_FORMULA): void {
  const cf = collection.add("Custom" as Excel.ConditionalFormatType);
  cf.custom.rule.formula = `=${formula}`;
  cf.custom.format.fill.color = SEVERITY_COLORS[severity].fill;
  cf.custom.format.font.color = SEVERITY_COLORS[severity].font;
}

export async function applyPlan(
  ctx: Ctx,
  f: OfficeFeatures,
  state: WorkbookState,
  plan: HighlightPlan,
  explain = true,
  requestBytes = DEFAULT_REQUEST_BYTES,
): Promise<ApplyResult & Added> {
  const targets = targetsOf(plan.marks, state);
  const checkedOn = plan.checkedOn ?? isoDay(new Date());
  assertFormattable(targets, state);
  const sheet = sheetsOf(ctx);
  const budget = new RequestBudget(ctx, requestBytes);
  const targetKeys = new Set(targets.map((t) => cellKeyOf(t.sheet, t.cell)));

  // fill fallback: the original fill of each newly painted cell, read before anything changes
  const originals = new Map<string, string | null>(state.state.fills.map((x) => [cellKeyOf(x.sheet, x.cell), x.fill]));
  if (!f.conditionalFormats) {
    const unknown = targets.filter((t) => !originals.has(cellKeyOf(t.sheet, t.cell)));
    if (unknown.length > 0) {
      const loads = unknown.map((t) => ({ t, fill: sheet(t.sheet).getRange(t.cell).format.fill.load("color") }));
      await ctx.sync();
      for (const { t, fill } of loads) originals.set(cellKeyOf(t.sheet, t.cell), noFill(fill.color) ? null : fill.color);
    }
  }

  // our notes/comments on cells marked again are rewritten in place, not deleted and added again (replies stay)
  const explaining = f.explanations !== "none" && explain;
  const rewritten = new Set(
    explaining
      ? targets
          .map((t) => cellKeyOf(t.sheet, t.cell))
          .filter((k) => state.notes.get(k)?.ours === true || state.comments.get(k)?.ours === true)
      : [],
  );
  const { left } = queueRemoval(ctx, f, state, f.conditionalFormats ? new Set() : targetKeys, rewritten);
  const next: OurState = { fills: [], notes: [...left.notes], comments: [...left.comments] };

  // live where Excel has conditional formats; a fill cannot follow the figure
  const isLive = (t: Target) => f.conditionalFormats && t.live !== null;
  if (f.conditionalFormats) {
    for (const t of targets) {
      if (t.live === null) continue;
      const formula = liveFormulaOf(t.live);
      await budget.spend(formula.length * 2 + 400);
      addOurRule(sheet(t.sheet).getRange(t.cell).conditionalFormats, t.severity, formula);
    }
    // figures that are fine today: marked (as a shortfall) if edited into one
    for (const w of watchesOf(plan.watches ?? [], state, targetKeys)) {
      const formula = ourLiveFormula(w.live);
      await budget.spend(formula.length * 2 + 400);
      addOurRule(sheet(w.sheet).getRange(w.cell).conditionalFormats, "warning", formula);
    }
  }
  for (const g of bySheetAndSeverity(targets.filter((t) => !isLive(t))).values()) {
    const areas = mergeCells(g.cells);
    if (f.conditionalFormats && f.rangeAreas) {
      for (const address of addressGroups(areas)) {
        await budget.spend(address.length + 400);
        addOurRule(sheet(g.sheet).getRanges(address).conditionalFormats, g.severity);
      }
    } else if (f.conditionalFormats) {
      for (const a of areas) {
        await budget.spend(400);
        addOurRule(sheet(g.sheet).getRange(areaAddress(a)).conditionalFormats, g.severity);
      }
    } else {
      for (const a of areas) {
        await budget.spend(150);
        sheet(g.sheet).getRange(areaAddress(a)).format.fill.color = SEVERITY_COLORS[g.severity].fill;
      }
      for (const t of g.cells) next.fills.push({ sheet: t.sheet, cell: t.cell, fill: originals.get(cellKeyOf(t.sheet, t.cell)) ?? null });
    }
  }

  let explained = 0;
  if (explaining) {
    for (const t of targets) {
      const key = cellKeyOf(t.sheet, t.cell);
      const note = state.notes.get(key);
      const comment = state.comments.get(key);
      // never on a cell that carries the user's own note or comment (below 1.18 notes cannot be seen: see index.ts)
      if ((note && !note.ours) || (comment && !comment.ours) || !canExplainOn(f, state, t.sheet)) continue;
      if (left.notes.some((n) => cellKeyOf(n.sheet, n.cell) === key) || left.comments.some((n) => cellKeyOf(n.sheet, n.cell) === key)) continue;
      const content = markNoteText(t.messages, isLive(t), checkedOn, "vi");
      await budget.spend(content.length * 2 + 200);
      // a cell holds a note or a comment: rewrite whichever of ours is there, else add the kind this Excel has
      if (note) sheet(t.sheet).notes.getItem(t.cell).content = content;
      else if (comment) ctx.workbook.comments.getItem(comment.id).content = content;
      else if (f.explanations === "notes") ctx.workbook.notes.add(sheet(t.sheet).getRange(t.cell), content);
      else ctx.workbook.comments.add(sheet(t.sheet).getRange(t.cell), content, "Plain" as Excel.ContentType);
      if (note || (!comment && f.explanations === "notes")) next.notes.push({ sheet: t.sheet, cell: t.cell });
      else next.comments.push({ sheet: t.sheet, cell: t.cell });
      explained++;
    }
  }

  const addedSheets = queueStoreWrite(ctx, f, state, withState(state.store, next));
  await ctx.sync();
  return { marked: targets.length, explained, addedSheets };
}

export async function clearPlan(ctx: Ctx, f: OfficeFeatures, state: WorkbookState): Promise<{ removed: number } & Added> {
  const { left, removed } = queueRemoval(ctx, f, state, new Set());
  const addedSheets = queueStoreWrite(ctx, f, state, withState(state.store, { ...EMPTY_STATE, notes: left.notes, comments: left.comments }));
  await ctx.sync();
  return { removed, addedSheets };
}
