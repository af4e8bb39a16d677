import type { Catalog, Indicator, Level } from "../catalog/schema";
import { cellAddress } from "../a1";
import type { Message } from "../messages";
import type { RawValue, SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { fold } from "../text";
import { defaultAbbreviations, type Expansions } from "./abbreviations";
import { headerInfo, isFigureRole, isTotalLabel, type HeaderInfo } from "./headers";
import { WordingIndex, type Scored } from "./tfidf";
import type { Guess, MappedCell, MappingEntry, Part, ProposedMapping } from "./types";

// Finds indicator tables anywhere in any sheet of an office's own workbook and proposes which cell holds which
// indicator's figure for which year. Cost is linear in the cells: one pass reads the header cells of a sheet; each
// table found then reads at most MAX_TABLE_ROWS rows below its header; labels are scored once per distinct text.

/** Thresholds on the content score (a cosine in 0..1); see npm run bench:mapping for what they give. */
export const THRESHOLDS = {
  /** At or above (with the margin below): matched and judged. */
  certain: 0.55,
  /** At or above: proposed, "cần xác nhận", not judged until confirmed. */
  confirm: 0.3,
  /** The best indicator must lead the next one by this much to be certain. */
  margin: 0.1,
} as const;

/** A table of indicators is short; a band below a header is read no further than this. */
const MAX_TABLE_ROWS = 500;
/** A label is a few words to a sentence; longer text is a note. */
const MAX_LABEL = 300;
/** How far apart figure columns of one table may be. */
const MAX_GAP = 3;

export interface MapOptions {
  catalog: Catalog;
  /** The report year when the user gave it; otherwise read from the sheet. */
  year?: number;
  level?: Level;
  expansions?: Expansions;
}

interface FigureColumn {
  col: number;
  part: Part;
  /** The year its header (or the header above) names; null: the report year. */
  year: number | null;
  header: string;
}

interface Band {
  /** 0-based row index of the lowest header row. */
  row: number;
  labelCol: number;
  figures: FigureColumn[];
  /** The column of the clerk's notes ("Ghi chú", "Giải trình"), right of the labels, near the figures. */
  noteCol: number | null;
  /** Transposed table: indicator labels above figure columns, by the first column each covers. */
  groups: { col: number; end: number; text: string }[];
}

interface Candidate {
  indicator: Indicator;
  score: number;
  margin: number;
  byCode: boolean;
  sheet: string;
  labelCell: string;
  label: string;
  reasons: Message[];
  cells: { part: Part; year: number | null; cell: string; header: string }[];
  note?: string;
}

const CODE = /^\s*([A-Za-z]{2,4})\s*-\s*(\d{2})\s*$/;
/** Units that say a row counts things (classes, teams, money), not a share. */
const COUNT_UNITS = /^(lop|to|nguoi|ho|cai|may|bo|luot|chiec|tin|bai|doanh nghiep|thue bao|trieu dong|dong|nghin dong|ty dong|km|diem|xa|don vi|hoc vien|cuoc|van ban)$/;

function text(v: RawValue | undefined): string | null {
  return typeof v === "string" && v.trim().length > 0 ? v.trim() : null;
}

function isBlank(v: RawValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Text in a label column: long enough to be a label, not a number written as text. */
function labelText(v: RawValue | undefined): string | null {
  const t = text(v);
  if (!t || t.length < 4 || t.length > MAX_LABEL || !/[A-Za-zÀ-ỹĐđ]{2}/.test(t)) return null;
  return t;
}

class Scorer {
  private readonly cache = new Map<string, Scored[]>();
  readonly byCode = new Map<string, Indicator>();
  private readonly headings = new Set<string>();
  constructor(
    readonly index: WordingIndex,
    catalog: Catalog,
  ) {
    for (const ind of catalog.indicators) if (!ind.qualitative) this.byCode.set(ind.code, ind);
    for (const p of catalog.pillars) this.headings.add(index.words(p.heading.vi).join(" "));
  }
  /** A pillar's heading ("I. CHÍNH QUYỀN SỐ", "Xã hội số"): a section row above indicators, not one of them. */
  isSectionHeading(label: string): boolean {
    const words = this.index.words(label).join(" ");
    return this.headings.has(words) || [...this.headings].some((h) => words.startsWith(h) && words.length <= h.length + 12);
  }
  score(label: string): Scored[] {
    let hit = this.cache.get(label);
    if (!hit) {
      hit = this.index.score(label).slice(0, 3);
      this.cache.set(label, hit);
    }
    return hit;
  }
}

/** Reads the header roles of a sheet's text cells in one pass: row index → cells with a role or a year. */
function headerCells(sheet: SheetSnapshot): Map<number, Map<number, HeaderInfo & { text: string }>> {
  const rows = new Map<number, Map<number, HeaderInfo & { text: string }>>();
  for (let r = 0; r < sheet.values.length; r++) {
    const row = sheet.values[r]!;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string") continue;
      const info = headerInfo(v);
      if (info.role === null && info.year === null) continue;
      let m = rows.get(r);
      if (!m) rows.set(r, (m = new Map()));
      m.set(c, { ...info, text: v.trim() });
    }
  }
  return rows;
}

/** The column right of `c` where the next non-empty cell of the row starts (a merged header's extent), at most 8 on. */
function spanEnd(row: RawValue[] | undefined, c: number, limit: number): number {
  if (!row) return c + 1;
  let e = c + 1;
  while (e < limit && e < c + 8 && isBlank(row[e])) e++;
  return e;
}

/** The column left of the figures holding the labels: a "Chỉ tiêu" header, else the one with most text below. */
function findLabelColumn(sheet: SheetSnapshot, headers: ReturnType<typeof headerCells>, row: number, first: number, floor: number): number | null {
  for (const r of [row, row - 1, row - 2]) {
    const cells = headers.get(r);
    if (!cells) continue;
    let best: number | null = null;
    for (const [c, info] of cells) if (info.role === "label" && c < first && c >= floor && (best === null || c > best)) best = c;
    if (best !== null) return best;
  }
  let bestCol: number | null = null;
  let bestCount = 0;
  for (let c = first - 1; c >= Math.max(floor, first - 6); c--) {
    let count = 0;
    for (let r = row + 1; r < Math.min(sheet.values.length, row + 31); r++) if (labelText(sheet.values[r]?.[c]) && (text(sheet.values[r]?.[c])?.length ?? 0) >= 6) count++;
    if (count > bestCount) {
      bestCount = count;
      bestCol = c;
    }
  }
  return bestCount >= 1 ? bestCol : null;
}

/** Tables whose header is at `r`: figure columns clustered, each cluster with its label column (or transposed groups). */
function bandsAt(sheet: SheetSnapshot, headers: ReturnType<typeof headerCells>, r: number, scorer: Scorer): Band[] {
  const cells = headers.get(r)!;
  const next = headers.get(r + 1);
  const row = sheet.values[r]!;
  const width = row.length;
  const figures: FigureColumn[] = [];
  for (const [c, info] of [...cells].sort((a, b) => a[0] - b[0])) {
    if (!isFigureRole(info.role) && info.year === null) continue;
    // a group header ("Kết quả năm 2025" over "Tử số | Mẫu số | Tỷ lệ"): its columns are read from the row below
    const end = spanEnd(row, c, width);
    let isGroup = false;
    if (next) for (let k = c; k < end; k++) if (isFigureRole(next.get(k)?.role ?? null)) isGroup = true;
    if (isGroup || !isFigureRole(info.role)) continue;
    figures.push({ col: c, part: info.role, year: info.year, header: info.text });
  }
  if (figures.length === 0) return [];
  // years (and indicator labels, in a transposed table) from the row above, over merged spans
  const above = sheet.values[r - 1];
  const aboveHeaders = headers.get(r - 1);
  const groups: Band["groups"] = [];
  if (above) {
    for (const f of figures) {
      let c = f.col;
      while (c >= 0 && isBlank(above[c])) c--;
      if (c < 0) continue;
      const info = aboveHeaders?.get(c);
      if (info && info.year !== null && f.year === null) {
        f.year = info.year;
        f.header = `${info.text} / ${f.header}`;
      } else if (!info && c >= figures[0]!.col - 0 && labelText(above[c])) {
        const t = labelText(above[c])!;
        if (!groups.some((g) => g.col === c)) groups.push({ col: c, end: spanEnd(above, c, width), text: t });
      }
    }
  }
  // cluster the figure columns: a wide gap or a label header between them starts another table
  const bands: Band[] = [];
  let cluster: FigureColumn[] = [];
  let floor = 0;
  const flush = () => {
    if (cluster.length === 0) return;
    const first = cluster[0]!.col;
    const labelCol = findLabelColumn(sheet, headers, r, first, floor);
    if (labelCol !== null) {
      const own = groups.filter((g) => g.col >= first && g.col <= cluster[cluster.length - 1]!.col);
      // groups only make a transposed table when each names an indicator and one does so clearly: a form's
      // "Ngày lập:" above the columns is not an indicator
      const scores = own.map((g) => (g.text.trimEnd().endsWith(":") ? 0 : (scorer.score(g.text)[0]?.score ?? 0)));
      const transposed = own.length > 0 && scores.every((x) => x >= THRESHOLDS.confirm) && scores.some((x) => x >= THRESHOLDS.certain);
      bands.push({ row: r, labelCol, figures: cluster, groups: transposed ? own : [], noteCol: noteColumn([cells, aboveHeaders], labelCol, cluster[cluster.length - 1]!.col) });
    }
    floor = cluster[cluster.length - 1]!.col + 1;
    cluster = [];
  };
  for (const f of figures) {
    const prev = cluster[cluster.length - 1];
    const labelBetween = prev && [...cells].some(([c, info]) => info.role === "label" && c > prev.col && c < f.col);
    if (prev && (f.col - prev.col > MAX_GAP || labelBetween)) flush();
    cluster.push(f);
  }
  flush();
  return bands;
}

/** How far right of a table's last figure column its note column may be. */
const MAX_NOTE_GAP = 4;

/** The first explanation header of the table (on its header row, or the row above when merged down): among its figures, or just right of them. */
function noteColumn(rows: readonly (Map<number, HeaderInfo & { text: string }> | undefined)[], labelCol: number, lastFig: number): number | null {
  let best: number | null = null;
  for (const cells of rows) for (const [c, info] of cells ?? []) if (info.role === "explanation" && c > labelCol && c <= lastFig + MAX_NOTE_GAP && (best === null || c < best)) best = c;
  return best;
}

function reason(key: string, params: Record<string, string | number> = {}): Message {
  return { key: key as Message["key"], params };
}

/** Rows of a normal table: each label scored, labels split over two rows joined. */
/** Header rows of the sheet's tables, with the columns each spans: a table ends where another one's header starts. */
type BandRows = Map<number, [number, number][]>;

function startsOtherTable(bandRows: BandRows, r: number, from: number, to: number): boolean {
  return (bandRows.get(r) ?? []).some(([a, b]) => a <= to && b >= from);
}

function rowCandidates(sheet: SheetSnapshot, band: Band, bandRows: BandRows, scorer: Scorer): Candidate[] {
  const out: Candidate[] = [];
  const lastFig = band.figures[band.figures.length - 1]!.col;
  const codeCols: number[] = [];
  for (let c = Math.max(0, band.labelCol - 3); c <= lastFig; c++) codeCols.push(c);
  const unitCol = [...codeCols].find((c) => headerInfo(sheet.values[band.row]?.[c]).role === "unit");
  const figureEmpty = (r: number) => band.figures.every((f) => isBlank(sheet.values[r]?.[f.col]));
  let empties = 0;
  const end = Math.min(sheet.values.length, band.row + 1 + MAX_TABLE_ROWS);
  for (let r = band.row + 1; r < end; r++) {
    const row = sheet.values[r]!;
    if (startsOtherTable(bandRows, r, band.labelCol, lastFig)) break;
    const labelHeader = headerInfo(row[band.labelCol]).role;
    if (labelHeader === "label" || labelHeader === "stt") break;
    if (headerInfo(row[Math.max(0, band.labelCol - 1)]).role === "stt") break;
    let label = labelText(row[band.labelCol]);
    let code: Indicator | undefined;
    for (const c of codeCols) {
      const m = typeof row[c] === "string" ? CODE.exec(row[c] as string) : null;
      if (m) code = scorer.byCode.get(`${m[1]!.toUpperCase()}-${m[2]}`) ?? code;
    }
    if (!label && !code) {
      if (figureEmpty(r) && isBlank(row[band.labelCol])) {
        if (++empties >= 2) break;
      } else empties = 0;
      continue;
    }
    empties = 0;
    const reasons: Message[] = [];
    let labelRows = 1;
    // a label continued on the next row (no figures there): the two lines are one label
    const nextLabel = r + 1 < end ? labelText(sheet.values[r + 1]?.[band.labelCol]) : null;
    if (label && nextLabel && figureEmpty(r + 1) && !figureEmpty(r) && !startsOtherTable(bandRows, r + 1, band.labelCol, lastFig)) {
      const joined = `${label} ${nextLabel}`;
      const alone = scorer.score(label)[0]?.score ?? 0;
      const nextAlone = scorer.score(nextLabel)[0]?.score ?? 0;
      if ((scorer.score(joined)[0]?.score ?? 0) > Math.max(alone, nextAlone)) {
        label = joined;
        labelRows = 2;
        reasons.push(reason("mapping.reason.joined"));
      }
    }
    const cells = band.figures.map((f) => ({ part: f.part, year: f.year, cell: cellAddress(sheet.top + r, sheet.left + f.col), header: f.header }));
    const labelCell = cellAddress(sheet.top + r, sheet.left + band.labelCol);
    const note = band.noteCol === null ? {} : { note: cellAddress(sheet.top + r, sheet.left + band.noteCol) };
    if (code) {
      out.push({ indicator: code, score: 1, margin: 1, byCode: true, sheet: sheet.name, labelCell, label: label ?? code.code, reasons: [reason("mapping.reason.code", { code: code.code }), ...reasons], cells, ...note });
    } else if (label) {
      const folded = fold(label);
      if (isTotalLabel(label) || (scorer.isSectionHeading(label) && figureEmpty(r))) continue;
      const scored = scorer.score(label);
      const best = scored[0];
      if (best) {
        let score = best.score;
        const unit = unitCol === undefined ? "" : fold(text(row[unitCol]) ?? "");
        // "Số lớp tập huấn…", "Tổng số hộ…": a count, not the share an indicator measures
        const countLabel = /^(so|tong so|tong)\b/.test(folded) && !/^so hoa\b/.test(folded);
        if (best.indicator.unit.kind !== "count" && (countLabel || COUNT_UNITS.test(unit))) {
          score *= 0.6;
          reasons.push(reason("mapping.reason.count-label"));
        }
        const margin = score - (scored[1]?.score ?? 0);
        out.push({ indicator: best.indicator, score, margin, byCode: false, sheet: sheet.name, labelCell, label, reasons: [reason("mapping.reason.content", { score: Math.round(score * 100) / 100 }), ...reasons], cells, ...note });
      }
    }
    if (labelRows === 2) r++;
  }
  return out;
}

/** A transposed table: indicators over column groups, units as rows; the unit's own figure is its total row. */
function transposedCandidates(sheet: SheetSnapshot, band: Band, scorer: Scorer): Candidate[] {
  let total = -1;
  const end = Math.min(sheet.values.length, band.row + 1 + MAX_TABLE_ROWS);
  for (let r = band.row + 1; r < end; r++) {
    if (isTotalLabel(sheet.values[r]?.[band.labelCol])) {
      total = r;
      break;
    }
  }
  const out: Candidate[] = [];
  for (const g of band.groups) {
    const scored = scorer.score(g.text);
    const best = scored[0];
    if (!best) continue;
    const cols = band.figures.filter((f) => f.col >= g.col && f.col < g.end);
    const reasons: Message[] = [reason("mapping.reason.content", { score: Math.round(best.score * 100) / 100 }), reason("mapping.reason.transposed")];
    if (total >= 0) reasons.push(reason("mapping.reason.total-row", { label: text(sheet.values[total]?.[band.labelCol]) ?? "" }));
    out.push({
      indicator: best.indicator,
      // without a total row there is no figure of the unit itself: the user says which cell
      score: total >= 0 ? best.score : Math.min(best.score, THRESHOLDS.certain - 0.01),
      margin: best.score - (scored[1]?.score ?? 0),
      byCode: false,
      sheet: sheet.name,
      labelCell: cellAddress(sheet.top + band.row - 1, sheet.left + g.col),
      label: g.text,
      reasons,
      cells: total < 0 ? [] : cols.map((f) => ({ part: f.part, year: f.year, cell: cellAddress(sheet.top + total, sheet.left + f.col), header: f.header })),
    });
  }
  return out;
}

const LEVEL_PATTERNS: readonly [RegExp, Level][] = [
  [/\b(ubnd|uy ban nhan dan|dang uy|hdnd)\s+(xa|phuong|thi tran)\b/, "commune"],
  [/\b(ubnd|uy ban nhan dan|dang uy|hdnd)\s+(huyen|thi xa|thanh pho)\b/, "district"],
  [/^(phong|van phong|trung tam)\b.*\bhuyen\b/, "district"],
  [/\b(ubnd|uy ban nhan dan|tinh uy|hdnd)\s+tinh\b/, "province"],
  [/^(so|ban|van phong)\b.*\btinh\b/, "province"],
];
const LEVEL_RANK: Record<Level, number> = { commune: 0, district: 1, province: 2 };
const YEAR_IN_TITLE = /\bnam (20[2-3]\d)\b/;

/** Level and year as a title above the tables states them ("UBND XÃ BẢN HON", "… NĂM 2024"). */
function titleGuesses(sheet: SheetSnapshot, rows: number[]): { level: Guess<Level> | null; year: Guess<number> | null } {
  let level: Guess<Level> | null = null;
  let year: Guess<number> | null = null;
  for (const r of rows) {
    const row = sheet.values[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const t = text(row[c]);
      if (!t || t.length < 8 || t.length > 200 || headerInfo(t).role !== null) continue;
      const f = fold(t);
      const where = { sheet: sheet.name, cell: cellAddress(sheet.top + r, sheet.left + c), text: t };
      // an official header names the superior body first ("UBND TỈNH …" over "UBND HUYỆN …"): the lowest level is the issuer
      for (const [re, lv] of LEVEL_PATTERNS) if (re.test(f) && (!level || LEVEL_RANK[lv] < LEVEL_RANK[level.value])) level = { value: lv, ...where };
      const y = YEAR_IN_TITLE.exec(f);
      if (!year && y && !/\bgiai doan\b/.test(f)) year = { value: Number(y[1]), ...where };
    }
  }
  return { level, year };
}

/** Parts an indicator has: a ratio (or a yes/no counted over units) has two halves, the others one figure. */
function partsOf(ind: Indicator): ReadonlySet<Part> {
  return ind.unit.kind === "ratio" || ind.unit.kind === "yesno"
    ? new Set<Part>(["value", "numerator", "denominator", "target"])
    : new Set<Part>(["value", "target"]);
}

function toEntry(c: Candidate, year: number): MappingEntry {
  const parts = partsOf(c.indicator);
  c = { ...c, cells: c.cells.filter((x) => parts.has(x.part)) };
  const certain = c.byCode || (c.score >= THRESHOLDS.certain && c.margin >= THRESHOLDS.margin);
  const cells: MappedCell[] = c.cells.map((x) => ({ part: x.part, year: x.year ?? year, cell: x.cell }));
  const reasons = [...c.reasons];
  for (const x of c.cells) if (x.year !== null || x.part !== "value") reasons.push(reason("mapping.reason.column", { header: x.header }));
  const entry: MappingEntry = { indicator: c.indicator.code, sheet: c.sheet, labelCell: c.labelCell, label: c.label, confidence: Math.round(c.score * 100) / 100, status: certain ? "certain" : "confirm", reasons, cells };
  if (c.note) entry.note = c.note;
  return entry;
}

/** The proposed mapping of a workbook that is not our template. */
export function proposeMapping(snapshot: WorkbookSnapshot, opts: MapOptions): ProposedMapping {
  const scorer = new Scorer(new WordingIndex(opts.catalog, opts.expansions ?? defaultAbbreviations()), opts.catalog);
  const candidates: Candidate[] = [];
  let level: Guess<Level> | null = null;
  let year: Guess<number> | null = null;
  const columnYears = new Set<number>();
  for (const sheet of snapshot.sheets) {
    const headers = headerCells(sheet);
    const bands: Band[] = [];
    for (const r of [...headers.keys()].sort((a, b) => a - b)) bands.push(...bandsAt(sheet, headers, r, scorer));
    const bandRows: BandRows = new Map();
    for (const b of bands) {
      const span: [number, number] = [Math.min(b.labelCol, b.figures[0]!.col), b.figures[b.figures.length - 1]!.col];
      bandRows.set(b.row, [...(bandRows.get(b.row) ?? []), span]);
    }
    const titleRows = new Set<number>();
    for (let r = 0; r < Math.min(12, sheet.values.length); r++) titleRows.add(r);
    for (const b of bands) for (let r = Math.max(0, b.row - 6); r < b.row; r++) titleRows.add(r);
    const guesses = titleGuesses(sheet, [...titleRows].sort((a, b) => a - b));
    level ??= guesses.level;
    year ??= guesses.year;
    for (const band of bands) {
      for (const f of band.figures) if (f.year !== null && f.part !== "target") columnYears.add(f.year);
      candidates.push(...(band.groups.length > 0 ? transposedCandidates(sheet, band, scorer) : rowCandidates(sheet, band, bandRows, scorer)));
    }
  }
  const years = [...columnYears].sort((a, b) => a - b);
  const reportYear = opts.year ?? year?.value ?? years[years.length - 1] ?? new Date().getFullYear();
  // one row per indicator: the code, else the best score; the others are not proposed
  const best = new Map<string, Candidate>();
  for (const c of candidates) {
    if (!c.byCode && c.score < THRESHOLDS.confirm) continue;
    const prev = best.get(c.indicator.code);
    if (!prev || (c.byCode && !prev.byCode) || (c.byCode === prev.byCode && c.score > prev.score)) best.set(c.indicator.code, c);
  }
  const entries = [...best.values()].map((c) => toEntry(c, reportYear));
  return { entries, level, year, columnYears: years };
}
