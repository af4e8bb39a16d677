// Administrative header wording: who issues the report, for which unit, signed where.

import { formatMessage, msg, type Lang } from "../messages";
import type { Level } from "../catalog/schema";
import { ChitieuError } from "../errors";
import type { ReportingUnit } from "../units";

export const PROVINCE_BODY = "UBND TỈNH LAI CHÂU";
export const PROVINCE_PLACE = "Lai Châu";

/** What the template needs of a registry unit; `kind` ("xã", "huyện"…) may be missing when the name carries it ("Xã Bình Lư"). */
export type TemplateUnit = Pick<ReportingUnit, "code" | "name" | "level"> & Partial<Pick<ReportingUnit, "kind">>;

/** Administrative kinds per level; the UBND of such a unit issues its own report. */
const LOCALITY_KINDS: Record<Level, readonly string[]> = {
  province: ["tỉnh"],
  district: ["huyện", "thành phố", "thị xã"],
  commune: ["xã", "phường", "thị trấn"],
};

function upperVi(s: string): string {
  return s.normalize("NFC").toLocaleUpperCase("vi-VN");
}

function lowerVi(s: string): string {
  return s.normalize("NFC").toLocaleLowerCase("vi-VN");
}

/** Splits "Xã Bình Lư" (or name "Bình Lư" with kind "xã") into kind and place, for administrative units only. */
export function splitLocalityName(unit: TemplateUnit): { kind: string; place: string } | null {
  const name = unit.name.normalize("NFC").trim().replace(/^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/iu, "");
  const kinds = LOCALITY_KINDS[unit.level];
  if (unit.kind !== undefined) {
    const kind = lowerVi(unit.kind.trim());
    if (!kinds.includes(kind)) return null;
    const place = lowerVi(name).startsWith(kind + " ") ? name.slice(kind.length + 1).trim() : name;
    return { kind, place };
  }
  for (const kind of kinds) {
    if (lowerVi(name).startsWith(kind + " ") && name.length > kind.length + 1) return { kind, place: name.slice(kind.length + 1).trim() };
  }
  return null;
}

/** "Xã Bình Lư", "Tỉnh Lai Châu", "Sở Y tế": the unit as written on the form. */
export function unitDisplayName(unit: TemplateUnit): string {
  const name = unit.name.normalize("NFC").trim();
  const kind = unit.kind?.normalize("NFC").trim();
  const full = kind && !lowerVi(name).startsWith(lowerVi(kind) + " ") ? `${kind} ${name}` : name;
  return full.charAt(0).toLocaleUpperCase("vi-VN") + full.slice(1);
}

export interface AdministrativeHeader {
  /** Upper line: the body above the issuer (may be empty). */
  parentBody: string;
  /** Lower line, bold: the issuing body or unit. */
  issuingBody: string;
  /** The place written before the date under the signature, e.g. "Bình Lư". */
  place: string;
}

/**
 * A commune or district reports as its own UBND under the province ("UBND TỈNH LAI CHÂU" over "UBND XÃ BÌNH LƯ");
 * the province as "UBND TỈNH LAI CHÂU" alone; any other unit (a department) under the UBND of the province.
 * `issuer` replaces the upper line, e.g. "UBND HUYỆN TAM ĐƯỜNG" for a commune before July 2025.
 */
export function administrativeHeader(unit: TemplateUnit, issuer?: string): AdministrativeHeader {
  const locality = splitLocalityName(unit);
  const parent = issuer?.trim() ? upperVi(issuer.trim()) : null;
  if (locality) {
    return {
      parentBody: parent ?? (unit.level === "province" ? "" : PROVINCE_BODY),
      issuingBody: `UBND ${upperVi(locality.kind)} ${upperVi(locality.place)}`,
      place: locality.place,
    };
  }
  return { parentBody: parent ?? PROVINCE_BODY, issuingBody: upperVi(unitDisplayName(unit)), place: PROVINCE_PLACE };
}

/** "Cấp tỉnh" / "Province": the level as the template's header names it. */
export function levelTitle(level: Level, lang: Lang): string {
  return formatMessage(msg(`label.level-title.${level}`), lang);
}

/** "2026-01-05" → "05/01/2026"; anything else is refused with a message. */
export function formatDateVi(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new ChitieuError("error.bad-date", { text: iso });
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** "{place}, ngày 05 tháng 01 năm 2026", or with dotted blanks when no date is known. */
export function placeAndDate(place: string, iso?: string): string {
  if (!iso) return `${place}, ngày … tháng … năm …`;
  const [d, mo, y] = formatDateVi(iso).split("/");
  return `${place}, ngày ${d} tháng ${mo} năm ${y}`;
}

