import { formatMessage, type Lang, type MessageKey } from "../messages";
import type { RawValue, SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import type { EarlierYear } from "./history";
import type { Reason } from "./types";

// An earlier year's consolidated workbook, written by us ("Tổng hợp" and "Bảng điểm"), read back as that year's
// figures: the provincial values as they were computed then (ratio of sums), and each unit's value from the
// scorecard. Recognised by its own sheet names, title and period line, in either language it was written in.

const INDICATOR_CODE = /^[A-Z]{2,4}-\d{2}[a-z]?$/;
const LANGS: readonly Lang[] = ["vi", "en"];
const words = (key: MessageKey): string[] => LANGS.map((lang) => formatMessage({ key, params: {} }, lang).normalize("NFC"));

export type ConsolidatedRead =
  | { kind: "year"; year: EarlierYear }
  /** Not one of our consolidated workbooks. */
  | { kind: "other" }
  /** Ours, but not usable as a year's figures (a half-year). */
  | { kind: "unusable"; reason: Reason };

function textOf(v: RawValue | undefined): string | null {
  return typeof v === "string" ? v.normalize("NFC").trim() : null;
}

function at(sheet: SheetSnapshot, row: number, col: number): RawValue | undefined {
  return sheet.values[row - sheet.top]?.[col - sheet.left];
}

function sheetNamed(snapshot: WorkbookSnapshot, key: MessageKey): SheetSnapshot | undefined {
  const names = words(key);
  return snapshot.sheets.find((s) => names.includes(s.name.normalize("NFC")));
}

/** The period written in the subtitle, "Kỳ báo cáo 2024; …" / "Reporting period 2024; …". */
function periodOf(subtitle: string): { year: number; half: boolean } | null {
  for (const lang of LANGS) {
    const template = formatMessage({ key: "consolidate.book.subtitle", params: { period: "\u0000", level: "", received: 0, expected: 0 } }, lang);
    const prefix = template.slice(0, template.indexOf("\u0000")).normalize("NFC");
    if (prefix === "" || !subtitle.startsWith(prefix)) continue;
    const m = /^(\d{4})(-H1)?(?![\w-])/.exec(subtitle.slice(prefix.length));
    if (m) return { year: Number(m[1]), half: m[2] !== undefined };
  }
  return null;
}

/** The row (absolute, 0-based) whose cells hold every one of the labels, and the column of each. */
function headerRow(sheet: SheetSnapshot, keys: readonly MessageKey[]): { row: number; cols: number[] } | null {
  const labels = keys.map(words);
  for (let r = 0; r < Math.min(sheet.values.length, 12); r++) {
    const row = sheet.values[r]!;
    const cols = labels.map((l) => row.findIndex((v) => l.includes(textOf(v) ?? "\u0000")));
    if (cols.every((c) => c >= 0)) return { row: r + sheet.top, cols: cols.map((c) => c + sheet.left) };
  }
  return null;
}

/** The only sheets read from a consolidated workbook (its findings sheet can be long), in both languages. */
export function consolidatedSheetsRead(): string[] {
  return [...words("consolidate.book.sheet.summary"), ...words("consolidate.book.sheet.scorecard")];
}

export function earlierYearFromConsolidated(snapshot: WorkbookSnapshot, file: string): ConsolidatedRead {
  const summary = sheetNamed(snapshot, "consolidate.book.sheet.summary");
  if (!summary) return { kind: "other" };
  const title = textOf(at(summary, 0, 0));
  if (title === null || !words("consolidate.book.title").includes(title)) return { kind: "other" };
  const period = periodOf(textOf(at(summary, 1, 0)) ?? "");
  if (period === null) return { kind: "other" };
  if (period.half) return { kind: "unusable", reason: { message: { key: "consolidate.history.half-year", params: { year: period.year } } } };

  const province = new Map<string, number>();
  const head = headerRow(summary, ["consolidate.book.col.code", "consolidate.book.col.value"]);
  if (head) {
    const [codeCol, valueCol] = head.cols as [number, number];
    for (let r = head.row + 1; r < summary.top + summary.values.length; r++) {
      const code = textOf(at(summary, r, codeCol));
      const v = at(summary, r, valueCol);
      if (code && typeof v === "number" && Number.isFinite(v)) province.set(code, v);
    }
  }

  const units = new Map<string, Map<string, number>>();
  const scorecard = sheetNamed(snapshot, "consolidate.book.sheet.scorecard");
  const scoreHead = scorecard ? headerRow(scorecard, ["consolidate.book.col.unitCode", "consolidate.book.col.weak"]) : null;
  if (scorecard && scoreHead) {
    const [unitCol, weakCol] = scoreHead.cols as [number, number];
    const headRow = scorecard.values[scoreHead.row - scorecard.top]!;
    const indicatorCols: { col: number; code: string }[] = [];
    for (let c = weakCol + 1; c < scorecard.left + headRow.length; c++) {
      const code = textOf(at(scorecard, scoreHead.row, c));
      // indicator codes only: a later column (the pace marker) is not a figure
      if (code && INDICATOR_CODE.test(code)) indicatorCols.push({ col: c, code });
    }
    const yes = words("consolidate.book.yes");
    const no = words("consolidate.book.no");
    for (let r = scoreHead.row + 1; r < scorecard.top + scorecard.values.length; r++) {
      const unit = textOf(at(scorecard, r, unitCol));
      if (!unit || !/^[a-z0-9-]+$/.test(unit)) continue;
      const m = new Map<string, number>();
      for (const { col, code } of indicatorCols) {
        const v = at(scorecard, r, col);
        const t = textOf(v);
        if (typeof v === "number" && Number.isFinite(v)) m.set(code, v);
        else if (t !== null && yes.includes(t)) m.set(code, 100);
        else if (t !== null && no.includes(t)) m.set(code, 0);
      }
      if (m.size > 0) units.set(unit, m);
    }
  }
  return { kind: "year", year: { year: period.year, source: "consolidated", files: [file], province, units } };
}
