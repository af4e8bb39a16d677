// Builds the standard reporting template for one unit and year as pure data.

import type { Catalog, Indicator, Level } from "../catalog/schema";
import { LEVELS } from "../catalog/schema";
import type { TemplateMetadata } from "../snapshot";
import { columnLetters, MAX_COLS, parseCell } from "../a1";
import { COLUMN_LETTERS as C, COLUMN_NUMBERS, tableColumns } from "./columns";
import { assessmentFormula, CHOOSE_YES_NO, evaluateRow, gapFormula, INVALID, MET, NOT_MET, pathTargetFormula, pathTargetTextFormula, resultFormula, TYPE_A_NUMBER } from "./formulas";
import { GUIDE_SHEET_NAME, guideLines } from "./guide";
import { ChitieuError } from "../errors";
import { administrativeHeader, formatDateVi, levelTitle, placeAndDate, unitDisplayName, type TemplateUnit } from "./header";
import { DIFFERENTIAL_STYLES, TEMPLATE_STYLES } from "./styles";
import { inputUnit } from "../catalog/input-unit";
import { inResolutionPeriod, RESOLUTION_PERIOD } from "../catalog/period";
import type { AppliedTarget } from "../judge/types";
import { applicableTarget, COMPARATOR_SYMBOLS, finalTarget, formatLevel, formatTarget, isPercentKind, numericLevel, unitText } from "./targets";
import type { CellValue, ConditionalFormatRule, DataValidationRule, IndicatorRow, LayoutCell, StyleId, TemplateLayout } from "./types";
import { groupRules, inputRules, previousRule } from "./validations";

export const TEMPLATE_VERSION = "1";
export const REPORT_SHEET_NAME = "Báo cáo";

export interface TemplateRequest {
  catalog: Catalog;
  unit: TemplateUnit;
  year: number;
  /** Name of the person filling the form (Người lập biểu). */
  preparer?: string;
  /** Date the form is made, "YYYY-MM-DD". */
  date?: string;
  /** Overrides the body named above the unit in the header, e.g. "UBND HUYỆN TAM ĐƯỜNG". */
  issuer?: string;
  /**
   * Last year's results per indicator code, in the result's terms (percent points for shares), to fill the "Kết quả
   * năm trước" column with (from last year's report): the required level then starts from them, as the engine's does.
   */
  previous?: ReadonlyMap<string, number>;
}

const LAST_TABLE_COLUMN = C.evidence;
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/** Indicators a unit of this level reports in the template (qualitative goals are never judged). */
export function reportedIndicators(catalog: Catalog, level: Level): Indicator[] {
  return catalog.indicators.filter((ind) => !ind.qualitative && ind.levels.includes(level));
}

function checkRequest(req: TemplateRequest): void {
  const { year, unit } = req;
  if (!inResolutionPeriod(year))
    throw new ChitieuError("error.bad-year.template", { year, from: RESOLUTION_PERIOD.from, to: RESOLUTION_PERIOD.to });
  if (!(LEVELS as readonly string[]).includes(unit.level))
    throw new ChitieuError("error.bad-level", { level: String(unit.level) });
  if (!unit.code.trim() || !unit.name.trim())
    throw new ChitieuError("error.bad-unit");
  if (req.date !== undefined) formatDateVi(req.date);
}

/** Strips a leading Roman numeral the catalog heading may already carry ("I. Chính quyền số"). */
function bareHeading(heading: string): string {
  return heading.replace(/^[IVX]+\.\s*/u, "");
}

/** Rough wrapped-line count for a text in a column of `width` characters. */
function estimateLines(text: string, width: number): number {
  return Math.max(1, Math.ceil(text.length / Math.max(1, width * 1.05)));
}

class SheetBuilder {
  readonly cells = new Map<string, LayoutCell>();
  readonly merges: string[] = [];
  readonly rowHeights: Record<number, number> = {};

  put(ref: string, style: StyleId, content: { value?: CellValue; formula?: string; cached?: CellValue } = {}): void {
    this.cells.set(ref, { ref, style, ...content });
  }

  /** A merged block: every cell gets the style, so borders and protection hold across the merge. */
  merge(row: number, from: string, to: string, style: StyleId, value?: CellValue): void {
    const cols = lettersBetween(from, to);
    for (const col of cols) this.put(cellRef(col, row), style);
    if (value !== undefined) this.put(cellRef(from, row), style, { value });
    if (from !== to) this.merges.push(`${from}${row}:${to}${row}`);
  }

  sorted(): LayoutCell[] {
    const key = (ref: string) => {
      const p = parseCell(ref);
      return p.row * MAX_COLS + p.col;
    };
    return [...this.cells.values()].sort((a, b) => key(a.ref) - key(b.ref));
  }
}

function lettersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let c = parseCell(`${from}1`).col; c <= parseCell(`${to}1`).col; c++) out.push(columnLetters(c));
  return out;
}

/** The layout names cells by column letter and 1-based row, as the template's columns are declared. */
function cellRef(column: string, row: number): string {
  return `${column}${row}`;
}

export function buildTemplateLayout(req: TemplateRequest): TemplateLayout {
  checkRequest(req);
  const { catalog, unit, year } = req;
  const level = unit.level;
  const indicators = reportedIndicators(catalog, level);
  // a unit's own yes/no may be judged by a share set at another level, as the engine does for an answer
  const chosen = new Map(indicators.map((ind) => [ind.code, applicableTarget(ind, level, year, inputUnit(ind.unit, level).kind === "yesno")]));
  const previous = req.previous ?? new Map<string, number>();
  // the "Mức cần đạt" column is the level required in the report year, whatever target year it comes from
  const targetYear = year;
  const columns = tableColumns(year);
  const b = new SheetBuilder();

  // administrative header
  const admin = administrativeHeader(unit, req.issuer);
  b.merge(1, "A", "D", "adminLeft", admin.parentBody);
  b.merge(2, "A", "D", "adminLeftBold", admin.issuingBody);
  b.merge(1, "F", LAST_TABLE_COLUMN, "adminRight", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  b.merge(2, "F", LAST_TABLE_COLUMN, "motto", "Độc lập - Tự do - Hạnh phúc");
  b.merge(3, "A", LAST_TABLE_COLUMN, "title", "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHUYỂN ĐỔI SỐ");
  b.merge(4, "A", LAST_TABLE_COLUMN, "subtitle", resolutionLine(catalog));
  b.merge(5, "A", LAST_TABLE_COLUMN, "period", `Kỳ báo cáo: năm ${year}`);
  b.rowHeights[1] = 18;
  b.rowHeights[2] = 18;
  b.rowHeights[3] = 24;
  b.rowHeights[4] = 18;
  b.rowHeights[5] = 18;

  // identification block
  b.merge(6, "A", "B", "infoLabel", "Đơn vị:");
  b.put("C6", "infoValue", { value: `${unitDisplayName(unit)} (mã ${unit.code})` });
  b.merge(6, "E", "F", "infoLabel", "Cấp:");
  b.merge(6, "G", "H", "infoValue", levelTitle(level, "vi"));
  b.merge(6, "I", "J", "infoLabel", "Năm báo cáo:");
  b.put("K6", "infoValue", { value: year });
  b.merge(7, "A", "B", "infoLabel", "Người lập biểu:");
  b.put("C7", "infoInput", { value: req.preparer ?? "" });
  b.merge(7, "E", "F", "infoLabel", "Ngày lập:");
  b.merge(7, "G", "H", "infoInput", req.date ? formatDateVi(req.date) : "");
  b.rowHeights[6] = 18;
  b.rowHeights[7] = 18;

  // column headers
  const headerRow = 8;
  const numberRow = 9;
  for (const col of columns) {
    b.put(cellRef(col.letter, headerRow), col.hidden ? "helper" : "columnHeader", { value: col.header });
    if (!col.hidden) b.put(cellRef(col.letter, numberRow), "columnNumber", { value: COLUMN_NUMBERS[col.key] ?? "" });
  }
  b.rowHeights[headerRow] = 32;
  b.rowHeights[numberRow] = 26;

  // indicator rows grouped by pillar
  const rows: IndicatorRow[] = [];
  const validationEntries: { ref: string; rule: Omit<DataValidationRule, "refs"> }[] = [];
  let r = numberRow + 1;
  const firstTableRow = r;
  const pillars = [...catalog.pillars].sort((a, b2) => a.order - b2.order);
  let shownPillars = 0;
  for (const pillar of pillars) {
    const members = indicators.filter((ind) => ind.pillar === pillar.id);
    if (members.length === 0) continue;
    b.merge(r, "A", LAST_TABLE_COLUMN, "pillarHeading", `${ROMAN[shownPillars] ?? String(shownPillars + 1)}. ${bareHeading(pillar.heading.vi)}`);
    b.rowHeights[r] = 20;
    shownPillars++;
    r++;
    members.forEach((ind, i) => {
      rows.push(indicatorRow(b, ind, r, i + 1, level, chosen.get(ind.code) ?? null, targetYear, validationEntries, previous.get(ind.code)));
      r++;
    });
  }
  // the rules cover the indicator rows only (from the first indicator, not the first pillar heading)
  const firstIndicatorRow = rows[0]?.row ?? firstTableRow;
  const lastIndicatorRow = r - 1;

  // signature block
  const sig = r + 1;
  b.merge(sig, "A", "D", "signatureTitle", "Người lập biểu");
  b.merge(sig + 1, "A", "D", "signatureNote", "(Ký, ghi rõ họ tên)");
  b.merge(sig, "J", LAST_TABLE_COLUMN, "signaturePlace", placeAndDate(admin.place, req.date));
  b.merge(sig + 1, "J", LAST_TABLE_COLUMN, "signatureTitle", "THỦ TRƯỞNG ĐƠN VỊ");
  b.merge(sig + 2, "J", LAST_TABLE_COLUMN, "signatureNote", "(Ký tên, đóng dấu)");
  const nameRow = sig + 6;
  b.merge(nameRow, "A", "D", "signatureTitle", req.preparer ?? "");

  const conditionalFormats: ConditionalFormatRule[] =
    rows.length === 0
      ? []
      : [
          { refs: cfRefs(firstIndicatorRow, lastIndicatorRow), formula: `$${C.assessment}${firstIndicatorRow}="${MET}"`, style: "met" },
          { refs: cfRefs(firstIndicatorRow, lastIndicatorRow), formula: `$${C.assessment}${firstIndicatorRow}="${NOT_MET}"`, style: "notMet" },
          { refs: cfRefs(firstIndicatorRow, lastIndicatorRow), formula: `$${C.result}${firstIndicatorRow}="${INVALID}"`, style: "notMet" },
          { refs: cfRefs(firstIndicatorRow, lastIndicatorRow), formula: `$${C.result}${firstIndicatorRow}="${TYPE_A_NUMBER}"`, style: "notMet" },
          { refs: cfRefs(firstIndicatorRow, lastIndicatorRow), formula: `$${C.result}${firstIndicatorRow}="${CHOOSE_YES_NO}"`, style: "notMet" },
        ];

  const metadata: TemplateMetadata = {
    templateVersion: TEMPLATE_VERSION,
    catalogId: catalog.id,
    catalogVersion: catalog.version,
    unitCode: unit.code,
    level,
    year,
    sheet: REPORT_SHEET_NAME,
  };

  return {
    title: `Báo cáo kết quả thực hiện các chỉ tiêu chuyển đổi số năm ${year} – ${unitDisplayName(unit)}`,
    date: req.date ?? null,
    sheetName: REPORT_SHEET_NAME,
    metadata,
    columns,
    cells: b.sorted(),
    merges: b.merges,
    rowHeights: b.rowHeights,
    styles: TEMPLATE_STYLES,
    differentialStyles: DIFFERENTIAL_STYLES,
    validations: groupRules(validationEntries),
    conditionalFormats,
    freeze: { row: numberRow + 1, column: 1 },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, titleRows: { from: headerRow, to: numberRow } },
    protection: { password: null, allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true, allowSelect: true },
    headerRows: { from: headerRow, to: numberRow },
    rows,
    info: { preparer: "C7", date: "G7" },
    targetYear,
    guide: { sheetName: GUIDE_SHEET_NAME, title: "HƯỚNG DẪN NHẬP SỐ LIỆU", lines: guideLines(targetYear, level, REPORT_SHEET_NAME) },
    lastRow: nameRow,
    lastColumn: C.previous,
  };
}

function cfRefs(first: number, last: number): string[] {
  return [`${C.result}${first}:${C.result}${last}`, `${C.assessment}${first}:${C.assessment}${last}`];
}

function resolutionLine(catalog: Catalog): string {
  const { number, date, issuer } = catalog.resolution;
  return `theo Nghị quyết số ${number} ngày ${formatDateVi(date)} của ${issuer}`;
}

function indicatorRow(
  b: SheetBuilder,
  ind: Indicator,
  r: number,
  stt: number,
  level: Level,
  chosenWithout: AppliedTarget | null,
  reportYear: number,
  validationEntries: { ref: string; rule: Omit<DataValidationRule, "refs"> }[],
  previousValue: number | undefined,
): IndicatorRow {
  const unit = inputUnit(ind.unit, level);
  const kind = unit.kind;
  const at = (key: keyof typeof C) => cellRef(C[key], r);
  const final = finalTarget(ind, level);
  const usesPrevious = PREVIOUS_KINDS.has(kind);
  const withoutPrevious = chosenWithout;
  let chosen = chosenWithout;
  // last year's result, when the tool fills it, starts the path exactly as the engine's requiredLevel starts it
  if (usesPrevious && previousValue !== undefined && chosen) {
    chosen = applicableTarget(ind, level, reportYear, false, { year: reportYear - 1, value: previousValue }) ?? chosen;
  }
  const targetValue = chosen ? numericLevel(chosen, unit) : null;

  b.put(at("stt"), "textCenter", { value: stt });
  b.put(at("code"), "textCenter", { value: ind.code });
  // a unit answering yes/no reads the question itself, not the province-wide share
  const label = kind === "yesno" && ind.unit.kind === "yesno" ? ind.unit.subject.vi : ind.label.vi;
  b.put(at("label"), "text", { value: label });
  b.put(at("unit"), "textCenter", { value: unitText(unit) });
  const targetText = chosen ? formatLevel(chosen, unit, reportYear) : "—";
  const onPath = withoutPrevious !== null && usesPrevious && (withoutPrevious.basis === "path" || withoutPrevious.basis === "final-no-path");
  if (onPath) {
    // the words follow "Kết quả năm trước" as the level does: typed later, they still say where the level comes from
    const finalText = formatTarget({ value: withoutPrevious.value, comparator: withoutPrevious.comparator }, unit).replace(/^\S+\s/, "");
    const formula = pathTargetTextFormula(r, COMPARATOR_SYMBOLS[withoutPrevious.comparator], finalText, withoutPrevious.year, reportYear, formatLevel(withoutPrevious, unit, reportYear), isPercentKind(kind));
    b.put(at("target"), "target", { formula, cached: targetText });
  } else b.put(at("target"), "target", { value: targetText });
  b.put(at("target2030"), "target", { value: final ? formatTarget(final, unit) : "—" });

  const rules = inputRules(unit);
  const usesRatio = kind === "ratio";
  for (const key of ["numerator", "denominator"] as const) {
    const inputStyle: StyleId = unit.kind === "ratio" && unit.quantity === "amount" ? "inputAmount" : "inputCount";
    b.put(at(key), usesRatio ? inputStyle : "unused", usesRatio ? {} : { value: "" });
    const rule = rules[key];
    if (usesRatio && rule) validationEntries.push({ ref: at(key), rule });
  }
  if (usesRatio) b.put(at("value"), "unused", { value: "" });
  else {
    const style: StyleId = kind === "yesno" ? "inputChoice" : kind === "count" || kind === "rank" ? "inputCount" : "inputDecimal";
    b.put(at("value"), style);
    if (rules.value) validationEntries.push({ ref: at("value"), rule: rules.value });
  }

  const outputs = evaluateRow(kind, chosen?.comparator ?? null, targetValue, {});
  b.put(at("result"), kind === "yesno" ? "resultYesNo" : isPercentKind(kind) ? "resultPercent" : "resultNumber", {
    formula: resultFormula(kind, r),
    cached: outputs.result,
  });
  const gap = gapFormula(kind, r);
  if (gap) b.put(at("gap"), isPercentKind(kind) ? "gapPoints" : "gapNumber", { formula: gap, cached: outputs.gap });
  else b.put(at("gap"), "textCenter", { value: "" });
  b.put(at("assessment"), "assessment", { formula: assessmentFormula(chosen?.comparator ?? ">=", r), cached: outputs.assessment });
  b.put(at("notes"), "inputText");
  b.put(at("evidence"), "inputText");
  if (onPath) {
    const fallback = numericLevel(withoutPrevious, unit);
    const formula = pathTargetFormula(r, withoutPrevious.comparator, numericLevel({ ...withoutPrevious, compareWith: withoutPrevious.value }, unit), withoutPrevious.year, reportYear, fallback, isPercentKind(kind));
    b.put(at("targetValue"), "helper", { formula, cached: targetValue });
  } else b.put(at("targetValue"), "helper", { value: targetValue });
  if (usesPrevious) {
    b.put(at("previous"), kind === "count" ? "inputCount" : "inputDecimal", previousValue === undefined ? {} : { value: previousValue });
    validationEntries.push({ ref: at("previous"), rule: previousRule(kind as "ratio" | "percent" | "count") });
  } else b.put(at("previous"), "unused", { value: "" });

  b.rowHeights[r] = Math.max(estimateLines(label, 46), estimateLines(targetText, 11)) * 15 + 4;

  return {
    indicatorCode: ind.code,
    row: r,
    kind,
    comparator: chosen?.comparator ?? null,
    targetValue,
    targetYear: chosen?.year ?? null,
    cells: {
      numerator: usesRatio ? at("numerator") : null,
      denominator: usesRatio ? at("denominator") : null,
      value: usesRatio ? null : at("value"),
      result: at("result"),
      gap: at("gap"),
      assessment: at("assessment"),
      notes: at("notes"),
      evidence: at("evidence"),
      target: at("targetValue"),
      previous: usesPrevious ? at("previous") : null,
    },
  };
}

/** Rows whose last year's result can start the path: shares and counts (not yes/no answers, growth rates or ranks). */
const PREVIOUS_KINDS: ReadonlySet<string> = new Set(["ratio", "percent", "count"]);
