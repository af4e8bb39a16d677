import type { Catalog, Indicator } from "../catalog/schema";
import { fold } from "../figures";
import type { RawValue, SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { cellAddress } from "../a1";

// Finds the indicators in a workbook: our template (recognised by its metadata and its headers) or an official's
// own table (recognised by its headers and by the indicator's code or wording). Headers, not fixed positions, so rows
// the clerk inserts or columns an office adds do not break it.

export type ColumnRole = "code" | "label" | "numerator" | "denominator" | "value" | "result" | "notes" | "evidence" | "previous";

/** Folded header words → role. Order matters: the first matching rule wins for a header cell. */
const HEADER_RULES: readonly [RegExp, ColumnRole][] = [
  [/^(ma|ma chi tieu|ma so)$/, "code"],
  [/^tu so\b/, "numerator"],
  [/^mau so\b/, "denominator"],
  // before "Kết quả": last year's result is history, never this year's figure
  [/^(ket qua|so lieu|thuc hien) nam truoc\b/, "previous"],
  [/^(gia tri|so lieu|ket qua thuc hien|thuc hien|uoc thuc hien|uoc dat|so lieu thuc hien)\b/, "value"],
  [/^(ket qua|ty le|ty le dat)\b/, "result"],
  [/^(ghi chu)\b/, "notes"],
  [/^(minh chung|giai trinh)\b/, "evidence"],
  [/\b(chi tieu|noi dung|ten chi tieu)\b/, "label"],
];

export interface HeaderMap {
  /** 0-based row index inside sheet.values. */
  rowIndex: number;
  /** 0-based column index inside sheet.values, per role. */
  columns: Partial<Record<ColumnRole, number>>;
}

/** A cell we read, by A1 address, with what it held. */
export interface LocatedCell {
  address: string;
  raw: RawValue;
  format: string;
}

export interface LocatedRow {
  indicator: Indicator;
  sheet: string;
  /** 1-based worksheet row. */
  row: number;
  /** How the row was recognised: its code, or its wording matched an alias. */
  matchedBy: "code" | "wording";
  numerator?: LocatedCell;
  denominator?: LocatedCell;
  value?: LocatedCell;
  /** The cell that shows the result (the template's formula column), where marks for shortfalls go. */
  result?: LocatedCell;
  /** The row's "Ghi chú" / "Minh chứng" cells (or a mapped note column): the clerk's explanation. */
  explanation?: LocatedCell[];
  /** "Kết quả năm trước": last year's result as the clerk typed it (or the tool filled it). */
  previous?: LocatedCell;
}

export interface Located {
  rows: LocatedRow[];
  /** Indicators found more than once: the first is used, the others reported. */
  duplicates: { code: string; sheet: string; row: number }[];
}

/** Header cells are short labels; longer text (a paragraph, a note) is never folded and matched. */
const MAX_HEADER_TEXT = 60;

function cellText(v: RawValue | undefined): string {
  return typeof v === "string" ? fold(v) : "";
}

function roleOf(v: RawValue | undefined): ColumnRole | undefined {
  if (typeof v !== "string" || v.length === 0 || v.length > MAX_HEADER_TEXT) return undefined;
  const text = fold(v);
  for (const [re, role] of HEADER_RULES) if (re.test(text)) return role;
  return undefined;
}

/**
 * The first row anywhere in the used range that names enough columns to be a table header: a table may sit below
 * the office's own data (row 90, row 150). One pass over the cells; only short text cells are folded and matched.
 */
export function findHeader(sheet: SheetSnapshot): HeaderMap | null {
  for (let r = 0; r < sheet.values.length; r++) {
    const row = sheet.values[r]!;
    const columns: Partial<Record<ColumnRole, number>> = {};
    for (let c = 0; c < row.length; c++) {
      const role = roleOf(row[c]);
      if (role && columns[role] === undefined) columns[role] = c;
    }
    const hasKey = columns.code !== undefined || columns.label !== undefined;
    const hasFigure = columns.numerator !== undefined || columns.value !== undefined || columns.result !== undefined;
    if (hasKey && hasFigure) return { rowIndex: r, columns };
  }
  return null;
}

interface AliasIndex {
  byCode: Map<string, Indicator>;
  /** Folded wordings, longest first so the most specific wins. */
  wordings: { text: string; indicator: Indicator }[];
}

const MIN_WORDING = 12;

// a consolidation locates indicators in thousands of workbooks against one catalog: fold its wordings once
const indexes = new WeakMap<Catalog, AliasIndex>();

function indexCatalog(catalog: Catalog): AliasIndex {
  const known = indexes.get(catalog);
  if (known) return known;
  const byCode = new Map<string, Indicator>();
  const wordings: { text: string; indicator: Indicator }[] = [];
  for (const ind of catalog.indicators) {
    if (ind.qualitative) continue;
    byCode.set(ind.code, ind);
    for (const w of [ind.label.vi, ind.text, ...ind.aliases]) {
      const text = fold(w);
      if (text.length >= MIN_WORDING) wordings.push({ text, indicator: ind });
    }
  }
  wordings.sort((a, b) => b.text.length - a.text.length);
  const index = { byCode, wordings };
  indexes.set(catalog, index);
  return index;
}

function matchWording(label: string, index: AliasIndex): Indicator | undefined {
  if (label.length < MIN_WORDING) return undefined;
  for (const w of index.wordings) if (label.includes(w.text) || (w.text.includes(label) && label.length >= w.text.length / 2)) return w.indicator;
  return undefined;
}

export function locateIndicators(snapshot: WorkbookSnapshot, catalog: Catalog): Located {
  const index = indexCatalog(catalog);
  const wanted = snapshot.metadata?.sheet;
  const sheets = wanted && snapshot.sheets.some((s) => s.name === wanted) ? snapshot.sheets.filter((s) => s.name === wanted) : snapshot.sheets;
  const rows: LocatedRow[] = [];
  const duplicates: Located["duplicates"] = [];
  const seen = new Set<string>();

  for (const sheet of sheets) {
    const header = findHeader(sheet);
    if (!header) continue;
    const { columns } = header;
    const cellAt = (r: number, c: number | undefined): LocatedCell | undefined => {
      if (c === undefined) return undefined;
      return {
        address: cellAddress(sheet.top + r, sheet.left + c),
        raw: sheet.values[r]?.[c] ?? null,
        format: sheet.formats[r]?.[c] ?? "General",
      };
    };
    for (let r = header.rowIndex + 1; r < sheet.values.length; r++) {
      const row = sheet.values[r]!;
      let indicator: Indicator | undefined;
      let matchedBy: LocatedRow["matchedBy"] = "code";
      const code = columns.code === undefined ? undefined : row[columns.code];
      if (typeof code === "string") indicator = index.byCode.get(code.trim().toUpperCase());
      if (!indicator && columns.label !== undefined) {
        indicator = matchWording(cellText(row[columns.label]), index);
        matchedBy = "wording";
      }
      if (!indicator) continue;
      if (seen.has(indicator.code)) {
        duplicates.push({ code: indicator.code, sheet: sheet.name, row: sheet.top + r + 1 });
        continue;
      }
      seen.add(indicator.code);
      const located: LocatedRow = { indicator, sheet: sheet.name, row: sheet.top + r + 1, matchedBy };
      const numerator = cellAt(r, columns.numerator);
      const denominator = cellAt(r, columns.denominator);
      // officials' tables often have only a "Kết quả" / "Tỷ lệ" column: then that is where the figure is entered
      const value = cellAt(r, columns.value ?? columns.result);
      const result = cellAt(r, columns.result ?? columns.value);
      if (numerator) located.numerator = numerator;
      if (denominator) located.denominator = denominator;
      if (value) located.value = value;
      if (result) located.result = result;
      const explanation = [cellAt(r, columns.notes), cellAt(r, columns.evidence)].filter((c): c is LocatedCell => c !== undefined);
      if (explanation.length > 0) located.explanation = explanation;
      const previous = cellAt(r, columns.previous);
      if (previous) located.previous = previous;
      rows.push(located);
    }
  }
  return { rows, duplicates };
}
