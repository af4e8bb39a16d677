// .xlsx bytes -> the WorkbookSnapshot the core works on: values, number formats and formulas of each worksheet's
// used cells, plus our template metadata.

import { ChitieuError } from "../../../core/errors";
import type { RawValue, SheetSnapshot, TemplateMetadata, WorkbookSnapshot } from "../../../core/snapshot";
import { type Deadline, type Limits, resolveLimits, startDeadline } from "../limits";
import { type XlsxPackage, openPackage } from "../package";
import { cellAddress } from "../../../core/a1";
import { isStoreSheet, metadataFromStoreSheet } from "../../../core/metadata";
import { readTemplateMetadata } from "./metadata";
import { type Relationship, readRelationships, relTypeIs } from "./relationships";
import { readSheetData, type SparseCells } from "./sheet-data";
import { parseSharedStrings } from "./shared-strings";
import { type CellFormats, GENERAL_ONLY, parseStyles } from "./styles";
import { type DefinedName, type SheetState, parseWorkbookPart } from "./workbook-part";

export type SheetKind = "worksheet" | "chartsheet" | "dialogsheet" | "macrosheet" | "unknown";

export interface SheetInfo {
  name: string;
  /** 0-based tab position. */
  index: number;
  state: SheetState;
  kind: SheetKind;
  /** Part name, e.g. "xl/worksheets/sheet1.xml"; null when the relationship is broken. */
  part: string | null;
}

export interface WorkbookInfo {
  workbookPart: string;
  sheets: SheetInfo[];
  definedNames: DefinedName[];
  date1904: boolean;
  metadata: TemplateMetadata | null;
}

export interface ReadOptions {
  limits?: Partial<Limits>;
  /**
   * Names of the sheets to read (default: every worksheet, hidden ones included), or a choice made from the workbook's
   * description (sheets, metadata) once the package is open: undefined reads every worksheet.
   */
  sheets?: readonly string[] | ((info: WorkbookInfo) => readonly string[] | undefined);
}

function findWorkbookPart(pkg: XlsxPackage, deadline: Deadline): string {
  const rel = readRelationships(pkg, "", deadline).find((r) => relTypeIs(r, "officeDocument") && !r.external);
  if (rel && pkg.get(rel.target) !== undefined) return rel.target;
  if (pkg.get("xl/workbook.xml") !== undefined) return "xl/workbook.xml";
  throw new ChitieuError("error.missing-part.workbook");
}

function kindOf(rel: Relationship | undefined): SheetKind {
  if (!rel) return "unknown";
  if (relTypeIs(rel, "worksheet")) return "worksheet";
  if (relTypeIs(rel, "chartsheet")) return "chartsheet";
  if (relTypeIs(rel, "dialogsheet")) return "dialogsheet";
  if (relTypeIs(rel, "xlMacrosheet") || relTypeIs(rel, "xlIntlMacrosheet")) return "macrosheet";
  return "unknown";
}

interface OpenedWorkbook {
  info: WorkbookInfo;
  relsById: Map<string, Relationship>;
  workbookRels: Relationship[];
}

function describeWorkbook(pkg: XlsxPackage, deadline: Deadline): OpenedWorkbook {
  const workbookPart = findWorkbookPart(pkg, deadline);
  const wb = parseWorkbookPart(pkg.text(workbookPart)!, workbookPart, deadline);
  const workbookRels = readRelationships(pkg, workbookPart, deadline);
  const relsById = new Map(workbookRels.map((r) => [r.id, r]));
  const sheets = wb.sheets.map((s, index): SheetInfo => {
    const rel = relsById.get(s.relId);
    return { name: s.name, index, state: s.state, kind: kindOf(rel), part: rel && !rel.external ? rel.target : null };
  });
  return {
    info: { workbookPart, sheets, definedNames: wb.definedNames, date1904: wb.date1904, metadata: readTemplateMetadata(pkg, deadline) },
    relsById,
    workbookRels,
  };
}

/** Sheet names, order, visibility, kinds, defined names and metadata, without reading any cell. */
export function readSheetsInfo(bytes: Uint8Array, opts?: { limits?: Partial<Limits> }): WorkbookInfo {
  const limits = resolveLimits(opts?.limits);
  const deadline = startDeadline(limits.timeoutMs);
  return describeWorkbook(openPackage(bytes, limits, deadline), deadline).info;
}

export function readWorkbook(bytes: Uint8Array, opts?: ReadOptions): WorkbookSnapshot {
  const limits = resolveLimits(opts?.limits);
  const deadline = startDeadline(limits.timeoutMs);
  return readWorkbookFromPackage(openPackage(bytes, limits, deadline), { ...opts, limits }, deadline);
}

/** For callers that already opened the package (e.g. to mark it afterwards): no second inflation. */
export function readWorkbookFromPackage(pkg: XlsxPackage, opts?: ReadOptions, deadline?: Deadline): WorkbookSnapshot {
  const limits = resolveLimits(opts?.limits);
  const clock = deadline ?? startDeadline(limits.timeoutMs);
  const { info, workbookRels } = describeWorkbook(pkg, clock);

  const names = typeof opts?.sheets === "function" ? opts.sheets(info) : opts?.sheets;
  const wanted = names ? new Set(names.map((n) => n.normalize("NFC"))) : null;
  if (wanted) {
    for (const name of wanted) {
      if (!info.sheets.some((s) => s.name === name)) {
        throw new ChitieuError("error.missing-part.sheet", { name });
      }
    }
  }
  const toRead = info.sheets.filter((s) => s.kind === "worksheet" && (!wanted || wanted.has(s.name)));

  const sstRel = workbookRels.find((r) => relTypeIs(r, "sharedStrings") && !r.external);
  const sstPart = sstRel?.target ?? "xl/sharedStrings.xml";
  const sstText = pkg.text(sstPart);
  const sharedStrings = sstText === undefined ? null : parseSharedStrings(sstText, sstPart, clock);

  const stylesRel = workbookRels.find((r) => relTypeIs(r, "styles") && !r.external);
  const stylesPart = stylesRel?.target ?? "xl/styles.xml";
  const stylesText = pkg.text(stylesPart);
  const formats = stylesText === undefined ? GENERAL_ONLY : parseStyles(stylesText, stylesPart, clock);

  const cellBudget = { remaining: limits.maxCells, limit: limits.maxCells };
  let areaLeft = limits.maxSnapshotArea;
  const sheets: SheetSnapshot[] = [];
  for (const s of toRead) {
    const text = s.part === null ? undefined : pkg.text(s.part);
    if (text === undefined) {
      throw new ChitieuError("error.missing-part.sheet-content", { name: s.name, where: s.part ? ` (${s.part})` : "" });
    }
    const cells = readSheetData(text, s.part!, { sharedStrings, date1904: info.date1904, deadline: clock, cellBudget, sheetName: s.name });
    const area = cells.maxRow < 0 ? 0 : (cells.maxRow - cells.minRow + 1) * (cells.maxCol - cells.minCol + 1);
    if (area > areaLeft) throw areaTooLarge(s.name, cells, limits.maxSnapshotArea);
    areaLeft -= area;
    sheets.push(densify(s.name, cells, formats));
    clock.check();
  }
  // a template inserted by Excel below ExcelApi 1.7 keeps its metadata on our store sheet instead of custom properties
  const store = sheets.find((s) => isStoreSheet(s.name));
  const metadata = info.metadata ?? (store ? metadataFromStoreSheet(store) : null);
  return { sheets: store ? sheets.filter((s) => s !== store) : sheets, metadata };
}

function areaTooLarge(sheet: string, cells: SparseCells, limit: number): ChitieuError {
  const range = `${cellAddress(cells.minRow, cells.minCol)}:${cellAddress(cells.maxRow, cells.maxCol)}`;
  return new ChitieuError("error.too-many-cells.area", { sheet, range, limit, cell: cellAddress(cells.maxRow, cells.maxCol) });
}

function densify(name: string, cells: SparseCells, formats: CellFormats): SheetSnapshot {
  if (cells.maxRow < 0) return { name, top: 0, left: 0, values: [], formats: [] };
  const top = cells.minRow;
  const left = cells.minCol;
  const height = cells.maxRow - top + 1;
  const width = cells.maxCol - left + 1;
  const values: RawValue[][] = [];
  const fmts: string[][] = [];
  const formulas: (string | null)[][] | undefined = cells.formulas ? [] : undefined;
  for (let r = 0; r < height; r++) {
    values.push(new Array<RawValue>(width).fill(null));
    fmts.push(new Array<string>(width).fill("General"));
    formulas?.push(new Array<string | null>(width).fill(null));
  }
  for (let i = 0; i < cells.rows.length; i++) {
    const r = cells.rows[i]! - top;
    const c = cells.cols[i]! - left;
    if (r < 0 || r >= height || c < 0 || c >= width) continue;
    values[r]![c] = cells.values[i]!;
    fmts[r]![c] = formats.formatOf(cells.styles[i]!);
    if (formulas && cells.formulas) formulas[r]![c] = cells.formulas[i]!;
  }
  const snap: SheetSnapshot = { name, top, left, values, formats: fmts };
  if (formulas) snap.formulas = formulas;
  return snap;
}
