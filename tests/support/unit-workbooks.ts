// Unit workbooks for the consolidation tests and the benchmark, made by our own template writer the way a clerk
// would fill them; plus the ways real files arrive damaged (properties dropped, a bare percentage, a broken zip).

import { unzipSync, zipSync } from "fflate";
import { defaultCatalog } from "../../src/core/catalog";
import type { Level } from "../../src/core/catalog";
import { buildTemplateLayout, fillTemplateLayout, type IndicatorFigures } from "../../src/core/template";
import { COLUMN_LETTERS } from "../../src/core/template/columns";
import { loadUnits, type ReportingUnit } from "../../src/core/units";
import { writeTemplateXlsx } from "../../src/hosts/xlsx/template";

const catalog = defaultCatalog();
const registry = loadUnits();

export type Figures = Record<string, IndicatorFigures>;

export interface UnitWorkbookOptions {
  /** Year written in the workbook (defaults to 2025). */
  year?: number;
  /** Ratio indicators where only the percentage is typed (in the "Giá trị" cell), without numerator or denominator. */
  barePercent?: Record<string, number>;
  /** A unit not in the bundled registry (benchmark registries). */
  unit?: Pick<ReportingUnit, "code" | "name" | "kind" | "level">;
  /** The unit cell of the header ("Đơn vị:" C6) left empty, as when a clerk overtypes it. */
  blankHeader?: boolean;
}

export function unitOf(code: string): ReportingUnit {
  const u = registry.units.find((x) => x.code === code);
  if (!u) throw new Error(`no unit ${code} in the bundled registry`);
  return u;
}

/** A filled template for a unit of the bundled registry (or `opts.unit`). */
export function unitWorkbook(code: string, figures: Figures, opts: UnitWorkbookOptions = {}): Uint8Array {
  const u = opts.unit ?? unitOf(code);
  const layout = buildTemplateLayout({ catalog, unit: { code: u.code, name: u.name, kind: u.kind, level: u.level as Level }, year: opts.year ?? 2025 });
  let filled = fillTemplateLayout(layout, new Map(Object.entries(figures)));
  if (opts.barePercent) {
    const cells = filled.cells.map((c) => ({ ...c }));
    for (const [indicator, percent] of Object.entries(opts.barePercent)) {
      const row = filled.rows.find((r) => r.indicatorCode === indicator);
      if (!row) throw new Error(`no row ${indicator}`);
      const ref = `${COLUMN_LETTERS.value}${row.row}`;
      const cell = cells.find((c) => c.ref === ref);
      if (!cell) throw new Error(`no cell ${ref}`);
      cell.value = percent;
    }
    filled = { ...filled, cells };
  }
  if (opts.blankHeader) filled = { ...filled, cells: filled.cells.map((c) => (c.ref === "C6" ? { ...c, value: "" } : c)) };
  return writeTemplateXlsx(filled);
}

/** What openpyxl, some WPS versions and e-mail gateways do: the custom document properties are gone. */
export function withoutProperties(xlsx: Uint8Array): Uint8Array {
  const parts = unzipSync(xlsx);
  delete parts["docProps/custom.xml"];
  const dec = new TextDecoder();
  const enc = new TextEncoder();
  parts["[Content_Types].xml"] = enc.encode(dec.decode(parts["[Content_Types].xml"]).replace(/<Override PartName="\/docProps\/custom.xml"[^>]*\/>/, ""));
  parts["_rels/.rels"] = enc.encode(dec.decode(parts["_rels/.rels"]).replace(/<Relationship [^>]*custom-properties[^>]*\/>/, ""));
  return zipSync(parts);
}

/** A download cut short: the first half of the file. */
export function truncated(xlsx: Uint8Array): Uint8Array {
  return xlsx.slice(0, Math.floor(xlsx.length / 2));
}
