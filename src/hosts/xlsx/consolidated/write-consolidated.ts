// The consolidated workbook, written by our own writer: "Tổng hợp" (one row per indicator), "Bảng điểm" (units ×
// indicators coloured by status, weakest first), "Đầy đủ" (completeness), each unit's findings, and a native chart
// of the provincial values against their targets.

import { findIndicator, inputUnit, type Catalog } from "../../../core/catalog";
import { formatMessages, formatReason, type ByUnitStatus, type ConsolidationReport, type IndicatorRollup } from "../../../core/consolidate";
import type { CellStyle } from "../../../core/template/types";
import { comparatorSymbol, formatMessage, formatNumber, type Lang, type MessageKey } from "../../../core/messages";
import { appXml, coreXml, rootRelsXml } from "../template/package-parts";
import { SharedStrings } from "../template/shared-strings";
import { stylesXml } from "../template/styles-xml";
import { attrs, XML_DECLARATION } from "../template/xml-text";
import { escapeText } from "../xml/escape";
import { freshEntry, writeZip, type RawZipEntry } from "../zip/write";
import { chartXml, drawingXml } from "./chart";
import { sheetXml, type Cell, type SheetSpec } from "./sheet";

const TONES = {
  met: { fill: "C6EFCE", color: "006100" },
  below: { fill: "FFC7CE", color: "9C0006" },
  offTrack: { fill: "FFEB9C", color: "9C5700" },
  missing: { fill: "EDEDED", color: "595959" },
  invalid: { fill: "FF9999", color: "7F0000" },
  leftOut: { fill: "FFF2CC", color: "7F6000" },
  plain: { fill: undefined, color: undefined },
} as const;
type Tone = keyof typeof TONES;

type StyleKey = "title" | "subtitle" | "header" | "text" | "wrap" | "count" | `num_${Tone}` | `label_${Tone}`;

function styles(): Record<StyleKey, CellStyle> {
  const border = "thin" as const;
  const s: Partial<Record<StyleKey, CellStyle>> = {
    title: { font: { bold: true, size: 14 }, locked: true },
    subtitle: { font: { italic: true }, locked: true },
    header: { font: { bold: true }, fill: "D9E1F2", border, align: { horizontal: "center", vertical: "center", wrap: true }, locked: true },
    text: { border, align: { vertical: "top" }, locked: true },
    wrap: { border, align: { vertical: "top", wrap: true }, locked: true },
    count: { border, numFmt: "#,##0.##", align: { vertical: "top" }, locked: true },
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
}

/** The sheets as data (rows of typed cells), shared by the .xlsx writer and the task pane's Excel writer. */
export interface ConsolidatedSheets {
  names: ConsolidatedSheetNames;
  /** Each sheet built when asked, so only one sheet's rows are held at a time; its AutoFilter known beforehand. */
  sheets: { name: string; filter?: SheetSpec<StyleKey>["filter"]; spec: () => SheetSpec<StyleKey> }[];
  chart: { sheet: string; categories: string[]; value: number[]; target: number[] } | null;
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
  const completenessFilter = { row: 4, columns: 6, lastRow: 4 + report.units.length };
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
  // rows made one at a time as the sheet is written: thousands of units never sit in memory as cells
  function* scoreRows(): Generator<Cell<StyleKey>[]> {
    yield* title();
    yield [head("consolidate.book.col.unitCode"), head("consolidate.book.col.unit"), head("consolidate.book.col.weak"), ...cols.map((i) => ({ v: i.indicator, s: "header" as const }))];
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
          return { v, s: (yesNo ? `label_${toneOf(b.status)}` : `num_${toneOf(b.status)}`) as StyleKey };
        }),
      ];
    }
    yield [];
    yield [text(m("consolidate.book.scorecard.note"), "subtitle")];
  }
  const scorecard = (): SheetSpec<StyleKey> => ({ widths: [18, 26, 12, ...cols.map(() => 10)], rows: scoreRows(), freeze: { rows: 5, columns: 2 } });

  // Đầy đủ
  const completeness = (): SheetSpec<StyleKey> => {
    const compRows: Cell<StyleKey>[][] = [
      ...title(),
      (["no", "unitCode", "unit", "file", "state", "reason"] as const).map((k) => head(`consolidate.book.col.${k}`)),
    ];
    report.units.forEach((u, n) => {
      const tone: Tone = u.status === "received" || u.status === "province" ? "met" : u.status === "missing" ? "missing" : u.status === "duplicate" ? "below" : "invalid";
      compRows.push([
        text(n + 1),
        text(u.unit),
        text(u.unitName),
        text(u.file, "wrap"),
        { v: m(`consolidate.status.${u.status}` as MessageKey), s: `label_${tone}` },
        text(u.reason ? formatReason(u.reason, lang) : null, "wrap"),
      ]);
    });
    return { widths: [5, 20, 26, 36, 22, 80], rows: compRows, freeze: { rows: 4, columns: 0 }, filter: completenessFilter };
  };

  // each unit's findings
  function* findRows(): Generator<Cell<StyleKey>[]> {
    yield* title();
    yield (["unitCode", "unit", "file", "code", "status", "finding"] as const).map((k) => head(`consolidate.book.col.${k}`));
    for (const f of report.findings) {
      for (const x of f.findings) {
        yield [text(f.unit), text(nameOf.get(f.unit) ?? f.unit), text(f.file, "wrap"), text(x.indicator), judged(x.status), text(formatMessages(x.messages, lang), "wrap")];
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

  return {
    names,
    sheets: [
      { name: names.summary, filter: summaryFilter, spec: summary },
      { name: names.scorecard, spec: scorecard },
      { name: names.completeness, filter: completenessFilter, spec: completeness },
      { name: names.findings, filter: findingsFilter, spec: findings },
      { name: names.chart, spec: chartSheet },
    ],
    chart: charted.length > 0 ? { sheet: names.chart, categories: charted.map((i) => i.indicator), value: charted.map((i) => round4(i.value!)), target: charted.map((i) => i.target!.value) } : null,
  };
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
  const st = stylesXml(styles(), { met: { fill: TONES.met.fill, fontColor: TONES.met.color }, notMet: { fill: TONES.below.fill, fontColor: TONES.below.color } });
  const strings = new SharedStrings();
  const n = book.sheets.length;
  const chartIndex = book.chart ? n : 0; // the chart sheet is the last one
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
