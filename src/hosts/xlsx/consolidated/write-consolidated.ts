// The consolidated workbook, written by our own writer: "Tổng hợp" (one row per indicator), "Bảng điểm" (units ×
// indicators coloured by status, weakest first), "Đầy đủ" (completeness), each unit's findings, and a native chart
// of the provincial values against their targets.

import { findIndicator, inputUnit, type Catalog } from "../../../core/catalog";
import {
  formatMessages, formatReason, formatShortfalls, formatUnitReview, missesTarget, outlookMessage, type ByUnitStatus, type ConsolidationReport, type IndicatorRollup,
} from "../../../core/consolidate";
import type { CellStyle } from "../../../core/template/types";
import { SHORTFALL_TERM, shortfallKind } from "../../../core/review";
import { comparatorSymbol, formatMessage, formatNumber, type Lang, type MessageKey } from "../../../core/messages";
import { appXml, coreXml, rootRelsXml } from "../template/package-parts";
import { SharedStrings } from "../template/shared-strings";
import { stylesXml } from "../template/styles-xml";
import { attrs, XML_DECLARATION } from "../template/xml-text";
import { escapeText } from "../xml/escape";
import { freshEntry, writeZip, type RawZipEntry } from "../zip/write";
import { chartXml, drawingXml } from "./chart";
import { chartsDrawingXml, lineChartXml, type LineChartSpec } from "./line-chart";
import { sheetXml, type Cell, type SheetSpec } from "./sheet";

const TONES = {
  met: { fill: "C6EFCE", color: "006100" },
  below: { fill: "FFC7CE", color: "9C0006" },
  /** An unmet target with the clerk's explanation: still red text, on a paler fill, so it stands apart. */
  explained: { fill: "FBE5E8", color: "9C0006" },
  offTrack: { fill: "FFEB9C", color: "9C5700" },
  missing: { fill: "EDEDED", color: "595959" },
  invalid: { fill: "FF9999", color: "7F0000" },
  leftOut: { fill: "FFF2CC", color: "7F6000" },
  plain: { fill: undefined, color: undefined },
} as const;
type Tone = keyof typeof TONES;

type StyleKey = "title" | "subtitle" | "header" | "text" | "wrap" | "count" | "year" | "pace" | "miss" | `num_${Tone}` | `label_${Tone}`;

/** The cell styles the sheets name (the task pane writes the same sheets into Excel with them). */
export function consolidatedStyles(): Record<StyleKey, CellStyle> {
  const border = "thin" as const;
  const s: Partial<Record<StyleKey, CellStyle>> = {
    title: { font: { bold: true, size: 14 }, locked: true },
    subtitle: { font: { italic: true }, locked: true },
    header: { font: { bold: true }, fill: "D9E1F2", border, align: { horizontal: "center", vertical: "center", wrap: true }, locked: true },
    text: { border, align: { vertical: "top" }, locked: true },
    wrap: { border, align: { vertical: "top", wrap: true }, locked: true },
    count: { border, numFmt: "#,##0.##", align: { vertical: "top" }, locked: true },
    year: { font: { bold: true }, fill: "D9E1F2", border, numFmt: "0", align: { horizontal: "center" }, locked: true },
    pace: { border, numFmt: "+0.00;-0.00;0.00", align: { vertical: "top" }, locked: true },
    miss: { border, fill: TONES.below.fill, font: { bold: true, color: TONES.below.color }, align: { vertical: "top", wrap: true }, locked: true },
  };
  for (const [tone, t] of Object.entries(TONES) as [Tone, (typeof TONES)[Tone]][]) {
    const font = t.color ? { color: t.color } : undefined;
    s[`num_${tone}`] = { border, numFmt: "0.00", ...(t.fill ? { fill: t.fill } : {}), ...(font ? { font } : {}), align: { vertical: "top" }, locked: true };
    s[`label_${tone}`] = { border, ...(t.fill ? { fill: t.fill } : {}), font: { bold: tone !== "plain", ...(t.color ? { color: t.color } : {}) }, align: { vertical: "top", horizontal: "center" }, locked: true };
  }
  return s as Record<StyleKey, CellStyle>;
}

function toneOf(status: ByUnitStatus): Tone {
  switch (status) {
    case "met":
    case "on-track":
      return "met";
    case "below":
      return "below";
    case "off-track":
      return "offTrack";
    case "invalid":
      return "invalid";
    case "left-out":
      return "leftOut";
    case "missing":
    case "no-file":
      return "missing";
    default:
      return "plain";
  }
}

const WEAK: ReadonlySet<ByUnitStatus> = new Set(["below", "off-track", "invalid", "missing", "left-out", "no-file"]);

export interface ConsolidatedWorkbookOptions {
  catalog: Catalog;
  /** Language of the workbook's own words (default Vietnamese). */
  lang?: Lang;
}

export interface ConsolidatedSheetNames {
  summary: string;
  scorecard: string;
  completeness: string;
  findings: string;
  chart: string;
  /** Present with earlier years' files. */
  trend?: string;
}

/** The sheets as data (rows of typed cells), shared by the .xlsx writer and the task pane's Excel writer. */
export interface ConsolidatedSheets {
  names: ConsolidatedSheetNames;
  /** Each sheet built when asked, so only one sheet's rows are held at a time; its AutoFilter known beforehand. */
  sheets: { name: string; filter?: SheetSpec<StyleKey>["filter"]; spec: () => SheetSpec<StyleKey> }[];
  chart: { sheet: string; categories: string[]; value: number[]; target: number[] } | null;
  /** With earlier years' files: the line charts of the trend sheet and where each sits. */
  trendCharts: { sheet: string; charts: { spec: LineChartSpec; from: { col: number; row: number }; to: { col: number; row: number } }[] } | null;
}


export function consolidatedSheets(report: ConsolidationReport, opts: ConsolidatedWorkbookOptions): ConsolidatedSheets {
  const lang = opts.lang ?? "vi";
  const m = (key: MessageKey, params: Record<string, string | number> = {}) => formatMessage({ key, params }, lang);
  const names: ConsolidatedSheetNames = {
    summary: m("consolidate.book.sheet.summary"),
    scorecard: m("consolidate.book.sheet.scorecard"),
    completeness: m("consolidate.book.sheet.completeness"),
    findings: m("consolidate.book.sheet.findings"),
    chart: m("consolidate.book.sheet.chart"),
  };
  const text = (v: string | number | null, s: StyleKey = "text"): Cell<StyleKey> => ({ v, s });
  const head = (key: MessageKey): Cell<StyleKey> => ({ v: m(key), s: "header" });
  const judged = (status: ByUnitStatus): Cell<StyleKey> => ({ v: m(`consolidate.judged.${status}` as MessageKey), s: `label_${toneOf(status)}` });
  const levelTerm = m(`term.level.${report.level}` as MessageKey);
  const title = (): Cell<StyleKey>[][] => [
    [text(m("consolidate.book.title"), "title")],
    [text(m("consolidate.book.subtitle", { period: report.period, level: levelTerm, received: report.received, expected: report.expected }), "subtitle")],
    [],
  ];
  const labelOf = (code: string) => findIndicator(opts.catalog, code)?.label[lang] ?? code;
  const isPercent = (i: IndicatorRollup) => {
    const ind = findIndicator(opts.catalog, i.indicator);
    if (!ind) return false;
    const k = inputUnit(ind.unit, "province").kind;
    return k === "ratio" || k === "percent" || k === "yesno";
  };

  // header row 4, then one row per item: the AutoFilter ranges are known before any sheet is built
  const summaryFilter = { row: 4, columns: 11, lastRow: 4 + report.indicators.length };
  const completenessFilter = { row: 4, columns: 8, lastRow: 4 + report.units.length };
  const findingsFilter = { row: 4, columns: 6, lastRow: 4 + report.findings.reduce((n, f) => n + f.findings.length, 0) };

  // Tổng hợp
  const summary = (): SheetSpec<StyleKey> => {
    const summaryRows: Cell<StyleKey>[][] = [
      ...title(),
      (["no", "code", "indicator", "method", "value", "numerator", "denominator", "target", "status", "partial", "note"] as const).map((k) => head(`consolidate.book.col.${k}`)),
    ];
    report.indicators.forEach((i, n) => {
      const target = i.target ? `${comparatorSymbol(i.target.comparator)} ${formatNumber(i.target.value, lang)}${isPercent(i) ? "%" : ""} (${i.target.year})` : "";
      const partial = i.partial ? m("consolidate.partial", { missing: i.partial.missing, expected: i.partial.expected, leftOut: i.partial.leftOut }) : i.method === "province-workbook" ? "" : m("consolidate.book.complete");
      summaryRows.push([
        text(n + 1),
        text(i.indicator),
        text(labelOf(i.indicator), "wrap"),
        text(m(`consolidate.method.${i.method}` as MessageKey), "wrap"),
        { v: i.value === null ? null : round4(i.value), s: `num_${toneOf(i.status)}` },
        text(i.numerator, "count"),
        text(i.denominator, "count"),
        text(target),
        judged(i.status),
        { v: partial, s: i.partial ? "label_leftOut" : "text" },
        text(i.reason ? formatReason(i.reason, lang) : null, "wrap"),
      ]);
    });
    return {
      widths: [5, 9, 60, 24, 12, 11, 11, 16, 14, 30, 50],
      rows: summaryRows,
      freeze: { rows: 4, columns: 3 },
      filter: summaryFilter,
  };
  };

  // Bảng điểm: weakest units (most indicators not met or missing) and weakest indicators first
  const rolled = report.indicators.filter((i) => i.method !== "province-workbook");
  const unitCodes = rolled[0]?.byUnit.map((b) => b.unit) ?? [];
  const weakOfUnit = new Map(unitCodes.map((u) => [u, 0]));
  for (const i of rolled) for (const b of i.byUnit) if (WEAK.has(b.status)) weakOfUnit.set(b.unit, (weakOfUnit.get(b.unit) ?? 0) + 1);
  const weakOfIndicator = (i: IndicatorRollup) => i.byUnit.filter((b) => WEAK.has(b.status)).length;
  const order = new Map(unitCodes.map((u, k) => [u, k]));
  const units = [...unitCodes].sort((a, b) => weakOfUnit.get(b)! - weakOfUnit.get(a)! || order.get(a)! - order.get(b)!);
  const cols = rolled.map((i, k) => ({ i, k })).sort((a, b) => weakOfIndicator(b.i) - weakOfIndicator(a.i) || a.k - b.k).map((x) => x.i);
  const nameOf = new Map(report.units.filter((u) => u.unit).map((u) => [u.unit!, u.unitName ?? u.unit!]));
  const paced = report.history !== undefined;
  // rows made one at a time as the sheet is written: thousands of units never sit in memory as cells
  function* scoreRows(): Generator<Cell<StyleKey>[]> {
    yield* title();
    yield [
      head("consolidate.book.col.unitCode"), head("consolidate.book.col.unit"), head("consolidate.book.col.weak"), ...cols.map((i) => ({ v: i.indicator, s: "header" as const })),
      ...(paced ? [head("consolidate.book.col.pace-miss")] : []),
    ];
    yield [text(null), text(m("consolidate.book.col.value"), "label_plain"), text(null), ...cols.map((i) => ({ v: i.value === null ? null : round4(i.value), s: `num_${toneOf(i.status)}` as StyleKey }))];
    const cellIndex = cols.map((i) => new Map(i.byUnit.map((b) => [b.unit, b])));
    for (const u of units) {
      yield [
        text(u),
        text(nameOf.get(u) ?? u),
        text(weakOfUnit.get(u) ?? 0),
        ...cols.map((i, k) => {
          const b = cellIndex[k]!.get(u);
          if (!b) return text(null);
          const yesNo = i.method === "share-of-units" && b.value !== null;
          const v = yesNo ? m(b.value === 100 ? "consolidate.book.yes" : "consolidate.book.no") : b.value === null ? null : round4(b.value);
          const tone = b.explanation !== undefined ? "explained" : toneOf(b.status);
          return { v, s: (yesNo ? `label_${tone}` : `num_${tone}`) as StyleKey };
        }),
        ...(paced ? [paceMiss(u)] : []),
      ];
    }
    yield [];
    yield [text(m("consolidate.book.scorecard.note"), "subtitle")];
    if (cols.some((i) => i.byUnit.some((b) => b.explanation !== undefined))) yield [text(m("consolidate.book.scorecard.explained-legend"), "subtitle")];
    if (paced) yield [text(m("consolidate.book.scorecard.pace-legend"), "subtitle")];
  }
  // with earlier years: the indicators each unit, at its own pace, reaches after the target year or not at all
  function paceMiss(u: string): Cell<StyleKey> {
    const misses: string[] = [];
    for (const i of cols) {
      const b = i.byUnit.find((x) => x.unit === u);
      if (b?.trend && missesTarget(b.trend)) misses.push(m("consolidate.book.scorecard.pace-miss", { code: i.indicator, outlook: formatMessage(outlookMessage(b.trend), lang) }));
    }
    return misses.length ? { v: `⚠ ${misses.join("; ")}`, s: "miss" } : text(null);
  }
  const scorecard = (): SheetSpec<StyleKey> => ({ widths: [18, 26, 12, ...cols.map(() => 10), ...(paced ? [48] : [])], rows: scoreRows(), freeze: { rows: 5, columns: 2 } });

  // Đầy đủ
  const completeness = (): SheetSpec<StyleKey> => {
    const compRows: Cell<StyleKey>[][] = [
      ...title(),
      (["no", "unitCode", "unit", "file", "state", "reason", "review", "shortfalls"] as const).map((k) => head(`consolidate.book.col.${k}`)),
    ];
    report.units.forEach((u, n) => {
      const tone: Tone =
        u.status === "received" || u.status === "province" ? "met" : u.status === "missing" ? "missing" : u.status === "duplicate" || u.status === "not-approved" ? "below" : "invalid";
      const reviewTone: Tone = u.review?.state === "approved" ? "met" : u.review?.state === "returned" ? "below" : "missing";
      compRows.push([
        text(n + 1),
        text(u.unit),
        text(u.unitName),
        text(u.file, "wrap"),
        { v: m(`consolidate.status.${u.status}` as MessageKey), s: `label_${tone}` },
        text(u.reason ? formatReason(u.reason, lang) : null, "wrap"),
        u.review ? { v: formatUnitReview(u.review, lang), s: `label_${reviewTone}` } : text(null),
        text(u.review ? formatShortfalls(u.review) : null),
      ]);
    });
    return { widths: [5, 20, 26, 36, 22, 80, 40, 16], rows: compRows, freeze: { rows: 4, columns: 0 }, filter: completenessFilter };
  };

  // each unit's findings
  function* findRows(): Generator<Cell<StyleKey>[]> {
    yield* title();
    yield (["unitCode", "unit", "file", "code", "status", "finding"] as const).map((k) => head(`consolidate.book.col.${k}`));
    for (const f of report.findings) {
      for (const x of f.findings) {
        // an unmet target the clerk explained is said apart, with the explanation after the finding
        const status = shortfallKind(x) === "explained" ? { v: m(SHORTFALL_TERM.explained), s: "label_below" as StyleKey } : judged(x.status);
        const said = formatMessages(x.messages, lang) + (x.explanation !== null ? `. ${formatMessage({ key: "review.explanation", params: { text: x.explanation } }, lang)}` : "");
        yield [text(f.unit), text(nameOf.get(f.unit) ?? f.unit), text(f.file, "wrap"), text(x.indicator), status, text(said, "wrap")];
      }
    }
  }
  const findings = (): SheetSpec<StyleKey> => ({ widths: [20, 26, 30, 9, 14, 90], rows: findRows(), freeze: { rows: 4, columns: 0 }, filter: findingsFilter });

  // chart data: percentages with a value and a target
  const charted = report.indicators.filter((i) => i.value !== null && i.target !== null && isPercent(i));
  const chartRows: Cell<StyleKey>[][] = [
    [head("consolidate.book.col.code"), head("consolidate.book.chart.value"), head("consolidate.book.chart.target")],
    ...charted.map((i) => [text(i.indicator), { v: round4(i.value!), s: `num_${toneOf(i.status)}` as StyleKey }, text(i.target!.value, "count")]),
  ];
  const chartSheet = (): SheetSpec<StyleKey> => ({ widths: [10, 16, 12], rows: chartRows, ...(charted.length > 0 ? { drawing: "rId1" } : {}) });

  const trend = report.history ? trendSheet(report, lang, m, labelOf, isPercent, text, head) : null;
  if (trend) names.trend = m("consolidate.book.sheet.trend");

  return {
    names,
    sheets: [
      { name: names.summary, filter: summaryFilter, spec: summary },
      { name: names.scorecard, spec: scorecard },
      { name: names.completeness, filter: completenessFilter, spec: completeness },
      { name: names.findings, filter: findingsFilter, spec: findings },
      { name: names.chart, spec: chartSheet },
      ...(trend ? [{ name: names.trend!, spec: () => ({ ...trend.spec, ...(trend.charts.length > 0 ? { drawing: "rId1" } : {}) }) }] : []),
    ],
    chart: charted.length > 0 ? { sheet: names.chart, categories: charted.map((i) => i.indicator), value: charted.map((i) => round4(i.value!)), target: charted.map((i) => i.target!.value) } : null,
    trendCharts: trend && trend.charts.length > 0 ? { sheet: names.trend!, charts: trend.charts } : null,
  };
}

const TREND_COLOURS = { value: "4472C4", path: "70AD47", projected: "ED7D31" };
/** Each chart's size in cells, and how many side by side: two a row stay readable on a laptop screen. */
const CHART = { cols: 7, rows: 16, perRow: 2 };

/**
 * "Xu hướng": per indicator, three rows over the years (the provincial value, the path to the target as the engine
 * judges "on track", the value at the current pace up to the target year), its pace and outlook; then a line chart
 * per indicator with earlier values, two a row; then where the earlier years came from and what was not used.
 */
function trendSheet(
  report: ConsolidationReport,
  lang: Lang,
  m: (key: MessageKey, params?: Record<string, string | number>) => string,
  labelOf: (code: string) => string,
  isPercent: (i: IndicatorRollup) => boolean,
  text: (v: string | number | null, s?: StyleKey) => Cell<StyleKey>,
  head: (key: MessageKey) => Cell<StyleKey>,
): { spec: SheetSpec<StyleKey>; charts: NonNullable<ConsolidatedSheets["trendCharts"]>["charts"] } {
  const history = report.history!;
  const shown = report.indicators.filter((i) => i.trend && (i.trend.history.length > 0 || i.value !== null));
  let first = report.year;
  let last = report.year;
  for (const i of shown) {
    first = Math.min(first, i.trend!.history[0]?.year ?? report.year);
    last = Math.max(last, i.trend!.target?.year ?? report.year);
  }
  const years = Array.from({ length: last - first + 1 }, (_, k) => first + k);
  const sheetName = m("consolidate.book.sheet.trend");
  const FIRST_YEAR_COL = 4; // A STT, B code, C indicator, D series, then the years
  const lastYearCol = FIRST_YEAR_COL + years.length - 1;
  const rows: Cell<StyleKey>[][] = [
    [text(m("consolidate.book.trend.title"), "title")],
    [text(m("consolidate.book.trend.subtitle", { years: history.years.map((y) => y.year).join(", ") || "–" }), "subtitle")],
    [],
    [
      head("consolidate.book.col.no"), head("consolidate.book.col.code"), head("consolidate.book.col.indicator"), head("consolidate.book.trend.series"),
      ...years.map((y) => ({ v: y, s: "year" as const })),
      head("consolidate.book.trend.pace"), head("consolidate.book.trend.target"), head("consolidate.book.trend.outlook"),
    ],
  ];
  const YEAR_ROW = 4;
  const charts: NonNullable<ConsolidatedSheets["trendCharts"]>["charts"] = [];
  const specs: { i: IndicatorRollup; valueRow: number; values: (number | null)[]; path: (number | null)[]; projected: (number | null)[] }[] = [];
  shown.forEach((i, n) => {
    const tr = i.trend!;
    const known = new Map(tr.history.map((p) => [p.year, p.value]));
    if (i.value !== null) known.set(report.year, i.value);
    const pathOf = new Map(tr.path.map((p) => [p.year, p.value]));
    const latest = [...known.entries()].sort((a, b) => b[0] - a[0])[0];
    const values = years.map((y) => (known.has(y) ? round4(known.get(y)!) : null));
    const path = years.map((y) => (pathOf.has(y) ? round4(pathOf.get(y)!) : null));
    // at the current pace, from the latest known value on; only where there is a pace
    const projected = years.map((y) =>
      tr.pace !== null && latest && y >= latest[0] ? round4(latest[1] + tr.pace * (y - latest[0])) : null,
    );
    const target = tr.target ? `${comparatorSymbol(tr.target.comparator)} ${formatNumber(tr.target.value, lang)}${isPercent(i) ? "%" : ""} (${tr.target.year})` : "";
    const outlook = formatMessage(outlookMessage(tr), lang);
    const miss = missesTarget(tr);
    const valueRow = rows.length + 1;
    rows.push([
      text(n + 1), text(i.indicator), text(labelOf(i.indicator), "wrap"), text(m("consolidate.book.trend.value"), "label_plain"),
      ...values.map((v) => ({ v, s: `num_${toneOf(i.status)}` as StyleKey })),
      { v: tr.pace === null ? null : round4(tr.pace), s: "pace" }, text(target), text(outlook, miss ? "miss" : "wrap"),
    ]);
    rows.push([null, text(i.indicator), null, text(m("consolidate.book.trend.path"), "label_plain"), ...path.map((v) => ({ v, s: "num_plain" as StyleKey }))]);
    rows.push([null, text(i.indicator), null, text(m("consolidate.book.trend.projected"), "label_plain"), ...projected.map((v) => ({ v, s: "num_plain" as StyleKey }))]);
    specs.push({ i, valueRow, values, path, projected });
  });
  // the charts below the table, then the notes below the charts
  const charted = specs.filter((x) => x.i.trend!.history.length > 0);
  const top = rows.length + 1; // 0-based row of the first chart
  charted.forEach((x, k) => {
    const col = (k % CHART.perRow) * (CHART.cols + 1) + 1;
    const row = top + Math.floor(k / CHART.perRow) * (CHART.rows + 1);
    const percent = isPercent(x.i);
    const series = [
      { name: m("consolidate.book.trend.value"), row: x.valueRow, values: x.values, colour: TREND_COLOURS.value },
      { name: m("consolidate.book.trend.path"), row: x.valueRow + 1, values: x.path, colour: TREND_COLOURS.path, dashed: true },
      ...(x.projected.some((v) => v !== null) ? [{ name: m("consolidate.book.trend.projected"), row: x.valueRow + 2, values: x.projected, colour: TREND_COLOURS.projected, dashed: true }] : []),
    ];
    charts.push({
      spec: {
        title: m("consolidate.book.trend.chart", { code: x.i.indicator }),
        sheet: sheetName, yearRow: YEAR_ROW, firstColumn: FIRST_YEAR_COL, lastColumn: lastYearCol, nameColumn: 3, years, series,
        ...(percent ? { min: 0, max: 100 } : {}),
      },
      from: { col, row },
      to: { col: col + CHART.cols, row: row + CHART.rows },
    });
  });
  const chartRows = charted.length ? Math.ceil(charted.length / CHART.perRow) * (CHART.rows + 1) : 0;
  while (rows.length < top + chartRows) rows.push([]);
  rows.push([text(m("consolidate.book.trend.notes"), "title")]);
  for (const y of history.years)
    rows.push([text(y.source === "units" ? m("consolidate.book.trend.source.units", { year: y.year, count: y.files.length }) : m("consolidate.book.trend.source.consolidated", { year: y.year, file: y.files[0] ?? "" }))]);
  for (const u of history.unused) rows.push([text(m("consolidate.book.trend.unused", { file: u.file, reason: formatReason(u.reason, lang) }))]);
  const unitName = new Map(report.units.filter((u) => u.unit).map((u) => [u.unit!, u.unitName ?? u.unit!]));
  for (const u of history.units) rows.push([text(m("consolidate.book.trend.unit-note", { unit: unitName.get(u.unit) ?? u.unit, note: formatReason(u.note, lang) }))]);
  return { spec: { widths: [5, 9, 44, 20, ...years.map(() => 9), 12, 16, 34], rows, freeze: { rows: 4, columns: 4 } }, charts };
}

const utf8 = new TextEncoder();
/** The platform's UTF-8 encoder: native, several times faster than fflate's strToU8 on the long sheets. */
function strToU8(text: string): Uint8Array {
  return utf8.encode(text);
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export function writeConsolidatedXlsx(report: ConsolidationReport, opts: ConsolidatedWorkbookOptions): Uint8Array {
  const lang = opts.lang ?? "vi";
  const book = consolidatedSheets(report, opts);
  const st = stylesXml(consolidatedStyles(), { met: { fill: TONES.met.fill, fontColor: TONES.met.color }, notMet: { fill: TONES.below.fill, fontColor: TONES.below.color } });
  const strings = new SharedStrings();
  const n = book.sheets.length;
  const chartIndex = book.sheets.findIndex((s) => s.name === book.names.chart) + 1;
  const trendIndex = book.trendCharts ? book.sheets.findIndex((s) => s.name === book.trendCharts!.sheet) + 1 : 0;
  const trendCount = book.trendCharts?.charts.length ?? 0;
  // chart1 is the bar chart of the "Biểu đồ" sheet when there is one; the trend charts follow
  const firstTrendChart = book.chart ? 2 : 1;
  const trendDrawing = book.chart ? 2 : 1;
  // parts deflated as they are made (the zip writer's fresh entries), so no uncompressed sheet outlives its turn
  const entries: RawZipEntry[] = [];
  const put = (name: string, bytes: Uint8Array) => entries.push(freshEntry(name, bytes));
  put("[Content_Types].xml", strToU8(
    XML_DECLARATION +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      book.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
      (book.chart
        ? '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
          '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>'
        : "") +
      (trendCount > 0
        ? `<Override PartName="/xl/drawings/drawing${trendDrawing}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
          Array.from({ length: trendCount }, (_, k) => `<Override PartName="/xl/charts/chart${firstTrendChart + k}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`).join("")
        : "") +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      "</Types>",
  ));
  // the root relationships without the custom-properties part: a consolidated workbook is not a unit's template
  put("_rels/.rels", strToU8(rootRelsXml().replace(/<Relationship Id="rId4"[^>]*\/>/, "")));
  put("docProps/app.xml", strToU8(appXml(book.sheets.map((s) => s.name))));
  put("docProps/core.xml", strToU8(coreXml(formatMessage({ key: "consolidate.book.title", params: {} }, lang), null)));
  put("xl/workbook.xml", strToU8(
    XML_DECLARATION +
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
      '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300" activeTab="0"/></bookViews>' +
      `<sheets>${book.sheets.map((s, i) => `<sheet${attrs({ name: s.name, sheetId: i + 1, "r:id": `rId${i + 1}` })}/>`).join("")}</sheets>` +
      definedNames(book) +
      '<calcPr calcId="191029"/>' +
      "</workbook>",
  ));
  put("xl/_rels/workbook.xml.rels", strToU8(
    XML_DECLARATION +
      `<Relationships xmlns="${PKG_REL}">` +
      book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
      `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      "</Relationships>",
  ));
  // each sheet built, encoded and deflated in turn: its rows and text are let go before the next one is made
  book.sheets.forEach((s, i) => (put(`xl/worksheets/sheet${i + 1}.xml`, strToU8(sheetXml(s.spec(), st.index, strings)))));
  if (book.chart) {
    const c = book.chart;
    put(`xl/worksheets/_rels/sheet${chartIndex}.xml.rels`, strToU8(
      XML_DECLARATION + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    ));
    put("xl/drawings/drawing1.xml", strToU8(drawingXml({ col: 4, row: 1 }, { col: 16, row: Math.max(24, c.categories.length + 6) })));
    put("xl/drawings/_rels/drawing1.xml.rels", strToU8(
      XML_DECLARATION + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
    ));
    put("xl/charts/chart1.xml", strToU8(
      chartXml({
        title: formatMessage({ key: "consolidate.book.chart.title", params: {} }, lang),
        sheet: c.sheet,
        headerRow: 1,
        firstRow: 2,
        categories: c.categories,
        series: [
          { name: formatMessage({ key: "consolidate.book.chart.value", params: {} }, lang), values: c.value },
          { name: formatMessage({ key: "consolidate.book.chart.target", params: {} }, lang), values: c.target },
        ],
      }),
    ));
  }
  if (book.trendCharts && trendCount > 0) {
    const tc = book.trendCharts;
    put(`xl/worksheets/_rels/sheet${trendIndex}.xml.rels`, strToU8(
      XML_DECLARATION + `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing${trendDrawing}.xml"/></Relationships>`,
    ));
    put(`xl/drawings/drawing${trendDrawing}.xml`, strToU8(chartsDrawingXml(tc.charts)));
    put(`xl/drawings/_rels/drawing${trendDrawing}.xml.rels`, strToU8(
      XML_DECLARATION +
        `<Relationships xmlns="${PKG_REL}">` +
        tc.charts.map((_, k) => `<Relationship Id="rId${k + 1}" Type="${REL}/chart" Target="../charts/chart${firstTrendChart + k}.xml"/>`).join("") +
        "</Relationships>",
    ));
    tc.charts.forEach((c, k) => put(`xl/charts/chart${firstTrendChart + k}.xml`, strToU8(lineChartXml(c.spec))));
  }
  put("xl/styles.xml", strToU8(st.xml));
  put("xl/sharedStrings.xml", strToU8(strings.xml()));
  return writeZip(entries);
}



/** AutoFilters need their hidden _FilterDatabase names, as Excel writes them. */
function definedNames(book: ConsolidatedSheets): string {
  const names = book.sheets
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.filter)
    .map(({ s, i }) => {
      const f = s.filter!;
      const last = String.fromCharCode(64 + f.columns);
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeText(`'${s.name.replace(/'/g, "''")}'!$A$${f.row}:$${last}$${f.lastRow}`)}</definedName>`;
    });
  return names.length ? `<definedNames>${names.join("")}</definedNames>` : "";
}
