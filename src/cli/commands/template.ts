import { parseArgs } from "node:util";
import { defaultCatalog } from "../../core/catalog";
import { ChitieuError } from "../../core/errors";
import { buildTemplateLayout } from "../../core/template";
import { unitTitle } from "../../core/units";
import { writeTemplateXlsx } from "../../hosts/xlsx/template";
import { msg } from "../../core/messages";
import { refuseOutputKind, registryFrom, writeOutput } from "../files";
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
  const layout = buildTemplateLayout({ catalog: defaultCatalog(), unit, year, ...(values.preparer ? { preparer: values.preparer } : {}) });
  writeOutput(values.out, writeTemplateXlsx(layout), [], values.force ?? false);
  io.out(t(lang, "template.written", { file: values.out, unit: unitTitle(unit), level: t(lang, `level.${unit.level}`), year, rows: layout.rows.length }) + "\n");
  return 0;
}
