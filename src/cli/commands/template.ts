import { parseArgs } from "node:util";
import { basename } from "node:path";
import { defaultCatalog, type Catalog, type Level } from "../../core/catalog";
import { earlierReportFromBytes } from "../../hosts/xlsx/earlier-report";
import { ChitieuError } from "../../core/errors";
import { buildTemplateLayout } from "../../core/template";
import { unitTitle } from "../../core/units";
import { writeTemplateXlsx } from "../../hosts/xlsx/template";
import { msg } from "../../core/messages";
import { readInput, refuseOutputKind, registryFrom, writeOutput } from "../files";
import type { Lang } from "../lang";
import { parseLevel, parseYear, resolveUnit } from "../options";
import { t } from "../strings";
import type { Io } from "../io";

export function runTemplate(args: string[], lang: Lang, io: Io): number {
  const { values } = parseArgs({
    args,
    options: {
      level: { type: "string" }, unit: { type: "string" }, year: { type: "string" }, out: { type: "string" },
      units: { type: "string" }, preparer: { type: "string" }, force: { type: "boolean" }, lang: { type: "string" },
      previous: { type: "string" },
    },
    strict: true,
  });
  const year = parseYear(values.year);
  const missing = [
    ...(values.unit ? [] : [msg("term.option.unit")]),
    ...(year === undefined ? [msg("term.option.year")] : []),
    ...(values.out ? [] : [msg("term.option.out")]),
  ];
  if (missing.length > 0 || year === undefined || !values.unit || !values.out) throw new ChitieuError("error.usage.template-missing", { missing });
  refuseOutputKind(values.out, [".xlsx"]);
  const unit = resolveUnit(registryFrom(values.units), values.unit, year, parseLevel(values.level));
  const catalog = defaultCatalog();
  const previous = values.previous ? previousFrom(values.previous, catalog, unit.code, unit.level, year) : undefined;
  const layout = buildTemplateLayout({ catalog, unit, year, ...(values.preparer ? { preparer: values.preparer } : {}), ...(previous ? { previous } : {}) });
  writeOutput(values.out, writeTemplateXlsx(layout), values.previous ? [values.previous] : [], values.force ?? false);
  io.out(t(lang, "template.written", { file: values.out, unit: unitTitle(unit), level: t(lang, `level.${unit.level}`), year, rows: layout.rows.length }) + "\n");
  return 0;
}

/**
 * "Kết quả năm trước" from last year's report of the same unit (the year just before): each indicator's result, in
 * the result's terms. Another unit's report, or another year's, is refused rather than used.
 */
function previousFrom(path: string, catalog: Catalog, unitCode: string, level: Level, year: number): Map<string, number> {
  const file = basename(path);
  const earlier = earlierReportFromBytes(readInput(path), file, { catalog, unitCode, level });
  if (earlier.unitCode !== unitCode) throw new ChitieuError("error.previous.other-unit", { file, unit: earlier.unitCode ?? "?", expected: unitCode });
  if (earlier.year !== year - 1) throw new ChitieuError("error.previous.year", { file, year: earlier.year, expected: year - 1 });
  const values = new Map<string, number>();
  for (const [code, f] of Object.entries(earlier.figures)) if (f.value !== null) values.set(code, f.value);
  return values;
}
