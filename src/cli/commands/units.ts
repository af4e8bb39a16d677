import { parseArgs } from "node:util";
import { levelName } from "../../core/catalog/describe";
import { unitsForYear, type UnitRegistry } from "../../core/units";
import { displayDate } from "../dates";
import { registryFrom } from "../files";
import type { Io } from "../io";
import type { Lang } from "../lang";
import { parseYear } from "../options";
import { t } from "../strings";
import { renderTable } from "../text-table";

export function runUnits(args: string[], lang: Lang, io: Io): number {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" }, year: { type: "string" }, units: { type: "string" }, lang: { type: "string" } }, strict: true });
  const reg = registryFrom(values.units);
  io.out(values.json ? JSON.stringify(reg, null, 2) + "\n" : unitsTable(reg, lang, parseYear(values.year)));
  return 0;
}

export function unitsTable(reg: UnitRegistry, lang: Lang, year?: number): string {
  const units = year === undefined ? reg.units : unitsForYear(reg, year);
  const rows = units.map((u) => [u.code, `${u.kind} ${u.name}`, levelName(u.level, lang), displayDate(u.validFrom ?? "", lang), displayDate(u.validTo ?? "", lang)]);
  const h = (["units.code", "units.unit", "units.level", "units.from", "units.to"] as const).map((k) => t(lang, k));
  const title = year === undefined ? "" : `${t(lang, "units.title", { year, count: units.length })}\n`;
  return title + renderTable([{ header: h[0]!, width: 24 }, { header: h[1]!, width: 26 }, { header: h[2]!, width: 6 }, { header: h[3]!, width: 11 }, { header: h[4]!, width: 10 }], rows) + "\n";
}
