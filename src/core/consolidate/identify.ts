import type { Level } from "../catalog/schema";
import { storedMapping } from "../mapping/store";
import type { MessageKey } from "../messages";
import type { RawValue, SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { fold } from "../text";
import { findUnits, type UnitRegistry } from "../units";

// Whose workbook this is. The template's metadata says it; when a tool dropped the document properties (openpyxl,
// some WPS versions, e-mail gateways) the template's visible header (unit, level, year cells) still does; an office's
// own layout says it through the mapping saved in it (`_chitieu_map`), when that mapping records the unit. A file name
// is never enough: at most a hint the report shows.

export interface Identity {
  unitCode: string;
  level: Level;
  year: number;
  source: "metadata" | "header" | "mapping";
}

export interface Identification {
  identity: Identity | null;
  /** A registry unit the file name suggests, when exactly one fits; shown, never used. */
  fileNameHint: string | null;
  /** Why a workbook that has a saved mapping is still not recognised (the mapping does not record whose it is). */
  why?: MessageKey;
}

/** How far down the header block may sit (the template's identification row is row 6). */
const HEADER_ROWS = 15;

const LEVEL_WORDS: Record<string, Level> = { "cap tinh": "province", "cap huyen": "district", "cap xa": "commune" };

function text(v: RawValue | undefined): string | null {
  return typeof v === "string" && v.trim() !== "" ? v : null;
}

/** The first non-empty cell right of a label cell whose folded text is one of `labels`. */
function valueRightOf(sheet: SheetSnapshot, labels: readonly string[]): RawValue | undefined {
  const rows = Math.min(sheet.values.length, HEADER_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = sheet.values[r]!;
    for (let c = 0; c < row.length; c++) {
      const t = text(row[c]);
      if (t === null || !labels.includes(fold(t).replace(/:$/, "").trim())) continue;
      for (let k = c + 1; k < row.length; k++) {
        const v = row[k];
        if (v !== null && v !== undefined && v !== "") return v;
      }
    }
  }
  return undefined;
}

function unitFromHeaderText(reg: UnitRegistry, written: string, level: Level): string | null {
  const code = /\(\s*mã\s+([a-z0-9-]+)\s*\)/iu.exec(written.normalize("NFC"))?.[1]?.toLowerCase();
  // an unknown code is kept: the roll-up reports it as an unknown unit rather than guessing by name
  if (code !== undefined) return code;
  const name = written.replace(/\(.*\)\s*$/u, "").trim();
  const fits = findUnits(reg, name).filter((u) => u.level === level);
  return fits.length === 1 ? fits[0]!.code : null;
}

function identityFromSheet(sheet: SheetSnapshot, reg: UnitRegistry): Identity | null {
  const unitText = text(valueRightOf(sheet, ["don vi"]) ?? null);
  const levelText = text(valueRightOf(sheet, ["cap"]) ?? null);
  const yearRaw = valueRightOf(sheet, ["nam bao cao"]);
  if (unitText === null || levelText === null || yearRaw === undefined) return null;
  const level = LEVEL_WORDS[fold(levelText)];
  const year = typeof yearRaw === "number" ? yearRaw : typeof yearRaw === "string" && /^\s*\d{4}\s*$/.test(yearRaw) ? Number(yearRaw) : NaN;
  if (level === undefined || !Number.isInteger(year)) return null;
  const unitCode = unitFromHeaderText(reg, unitText, level);
  return unitCode === null ? null : { unitCode, level, year, source: "header" };
}

// each registry's units as words to look for in a file name, folded once
const unitWords = new WeakMap<UnitRegistry, { code: string; words: string[] }[]>();

/** The unit the file name names, if exactly one registry unit fits it ("bao-cao-xa-muong-kim.xlsx"). */
export function fileNameHint(fileName: string, reg: UnitRegistry): string | null {
  let units = unitWords.get(reg);
  if (!units) {
    units = reg.units.map((u) => ({ code: u.code, words: [` ${u.code.replace(/-/g, " ")} `, ` ${fold(`${u.kind} ${u.name}`)} `] }));
    unitWords.set(reg, units);
  }
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const folded = ` ${fold(base).replace(/[^a-z0-9]+/g, " ")} `;
  const fits = units.filter((u) => u.words.some((w) => folded.includes(w)));
  return fits.length === 1 ? fits[0]!.code : null;
}

/** Unit, level and year from the template's visible header cells (for a file that lost its document properties). */
export function identityFromHeader(snapshot: WorkbookSnapshot, reg: UnitRegistry): Identity | null {
  for (const sheet of snapshot.sheets) {
    const identity = identityFromSheet(sheet, reg);
    if (identity) return identity;
  }
  return null;
}

/**
 * Unit, level and year from the mapping saved in an office's own layout: a mapping records level and year when it is
 * saved, and the unit since consolidation needs it; one saved without them cannot say whose the workbook is, and the
 * reason says which is missing. A damaged mapping is no identity either (checking it would fall back to detection).
 */
export function identityFromMapping(snapshot: WorkbookSnapshot): { identity: Identity | null; why?: MessageKey } | null {
  const stored = storedMapping(snapshot).stored;
  if (!stored) return null;
  const saved = stored.mapping;
  if (!saved) return { identity: null, why: "consolidate.reason.mapping-damaged" };
  if (saved.unit === undefined) return { identity: null, why: "consolidate.reason.mapping-no-unit" };
  if (saved.level === undefined || saved.year === undefined) return { identity: null, why: "consolidate.reason.mapping-no-context" };
  return { identity: { unitCode: saved.unit, level: saved.level, year: saved.year, source: "mapping" } };
}

/** The file name is looked at only when the workbook itself does not say whose it is. */
export function identify(snapshot: WorkbookSnapshot, fileName: string, reg: UnitRegistry): Identification {
  const m = snapshot.metadata;
  if (m) return { identity: { unitCode: m.unitCode, level: m.level, year: m.year, source: "metadata" }, fileNameHint: null };
  const identity = identityFromHeader(snapshot, reg);
  if (identity) return { identity, fileNameHint: null };
  const mapped = identityFromMapping(snapshot);
  if (mapped?.identity) return { identity: mapped.identity, fileNameHint: null };
  const hint = fileNameHint(fileName, reg);
  return mapped?.why ? { identity: null, fileNameHint: hint, why: mapped.why } : { identity: null, fileNameHint: hint };
}
